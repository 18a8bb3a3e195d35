/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk driven as a person would: real widgets under Xvfb, a real
 * learnhubd on loopback. Buttons are found by the words on them. */
#define G_LOG_DOMAIN "test-kiosk"

#include <adwaita.h>
#include <glib/gstdio.h>

#include <string.h>

#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-slots.h"
#include "lh-test-daemon.h"
#include "lh-time-format.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */

typedef struct
{
  LhClient   *client;  /* (owned) */
  LhWindow   *window;  /* (owned) */
  const char *staff;   /* (unowned) the test's own demo learner */
  const char *pin;
  const char *name;
} Fixture;

/* ---- the API, to check what the kiosk did ----------------------------- */

static GPtrArray *
my_bookings (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *bookings;

  lh_client_list_my_bookings_async (fixture->client, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (fixture->window, kiosk_result_ready, &result, "GET /me/bookings");
  bookings = lh_client_list_my_bookings_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return bookings;
}

/* ---- fixture ---------------------------------------------------------- */

/* The n-th demo account that is only a learner, so that tests do not
 * share bookings or lock each other out. */
static void
demo_learner (guint        n,
              const char **staff,
              const char **pin,
              const char **name)
{
  kiosk_demo_learner (centre, n, staff, pin, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  guint learner = GPOINTER_TO_UINT (user_data);
  Kiosk kiosk;

  demo_learner (learner, &fixture->staff, &fixture->pin, &fixture->name);
  kiosk_open_window (&kiosk, centre, centre->device_token, 0, 0);
  fixture->client = kiosk.client;
  fixture->window = kiosk.window;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  Kiosk kiosk = { g_steal_pointer (&fixture->client), g_steal_pointer (&fixture->window) };

  kiosk_close (&kiosk);
}

static void
sign_in (Fixture *fixture)
{
  kiosk_sign_in (fixture->window, fixture->staff, fixture->pin, fixture->name);
}

static void
show_a_free_slot (Fixture *fixture)
{
  kiosk_show_a_free_slot (fixture->window);
}

/* The bookings the second list has and the first has not. */
static GPtrArray *
new_bookings (GPtrArray *before,
              GPtrArray *after)
{
  GPtrArray *added = g_ptr_array_new ();

  for (guint i = 0; i < after->len; i++)
    {
      LhBooking *booking = g_ptr_array_index (after, i);
      gboolean known = FALSE;

      for (guint j = 0; j < before->len; j++)
        known |= ((LhBooking *) g_ptr_array_index (before, j))->id == booking->id;
      if (!known)
        g_ptr_array_add (added, booking);
    }
  return added;
}

/* ---- tests ------------------------------------------------------------ */

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *dots = NULL;

  kiosk_press (fixture->window, "Tap to start");
  kiosk_wait_for_page (fixture->window, "sign-in");
  kiosk_type_digits (fixture->window, fixture->staff);
  /* The demo's staff numbers all have six digits, and the daemon says
   * so: the sixth goes on to the PIN without a tap on Next. */
  kiosk_wait_for_label (fixture->window, "Type your PIN");
  g_assert_nonnull (kiosk_find_label_prefix (fixture->window, "Staff number "));

  /* The PIN shows as dots, never as digits. */
  kiosk_type_digits (fixture->window, fixture->pin);
  g_assert_null (kiosk_find_label (fixture->window, fixture->pin));
  dots = g_strjoinv (" ", (char *[]) { "●", "●", "●", "●", NULL });
  if (strlen (fixture->pin) == 4)
    g_assert_nonnull (kiosk_find_label (fixture->window, dots));

  kiosk_press (fixture->window, "Sign in");
  kiosk_wait_for_page (fixture->window, "home");
  g_assert_true (lh_client_is_signed_in (fixture->client));
  {
    g_autofree char *hello = g_strdup_printf ("Hello, %s", fixture->name);

    kiosk_wait_for_label (fixture->window, hello);
  }
  g_assert_nonnull (kiosk_find_button (fixture->window, "Sign out"));
  g_assert_nonnull (kiosk_find_button (fixture->window, "Book a computer"));
  g_assert_nonnull (kiosk_find_button (fixture->window, "My bookings"));

  /* Signing out forgets the person on screen too. */
  kiosk_press (fixture->window, "Sign out");
  kiosk_wait_for_page (fixture->window, "welcome");
  g_assert_false (lh_client_is_signed_in (fixture->client));
  kiosk_press (fixture->window, "Tap to start");
  kiosk_wait_for_page (fixture->window, "sign-in");
  g_assert_null (kiosk_find_label (fixture->window, fixture->staff));
}

static void
test_wrong_pin (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *wrong = g_str_equal (fixture->pin, "0000") ? "1111" : "0000";

  kiosk_press (fixture->window, "Tap to start");
  kiosk_type_digits (fixture->window, fixture->staff);
  kiosk_staff_number_next (fixture->window);
  kiosk_wait_for_label (fixture->window, "Type your PIN");
  kiosk_type_digits (fixture->window, wrong);
  kiosk_press (fixture->window, "Sign in");

  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "The staff number or the PIN is not right.",
            "the wrong-PIN message");
  g_assert_cmpstr (lh_window_get_visible_page_name (fixture->window), ==, "sign-in");
  g_assert_false (lh_client_is_signed_in (fixture->client));
  /* Still on the PIN, which was cleared for another try. */
  g_assert_nonnull (kiosk_find_label (fixture->window, "Type your PIN"));
  g_assert_false (gtk_widget_is_sensitive (kiosk_find_button (fixture->window, "Sign in")));

  /* Back goes to the staff number, then to the welcome page. */
  kiosk_press (fixture->window, "Back");
  kiosk_wait_for_label (fixture->window, "Type your staff number");
  kiosk_press (fixture->window, "Back");
  kiosk_wait_for_page (fixture->window, "welcome");
}

static void
test_book_and_cancel (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) left = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *row_title = NULL;
  GtkWidget *row;
  LhBooking *booking;

  sign_in (fixture);
  before = my_bookings (fixture);
  show_a_free_slot (fixture);

  kiosk_press (fixture->window, "Free");
  kiosk_wait_for_label (fixture->window, "Book this time?");
  kiosk_press (fixture->window, "My own time");
  kiosk_press (fixture->window, "Book it");
  kiosk_wait_for_label (fixture->window, "It is booked");

  /* The daemon has exactly one booking more: that one. */
  after = my_bookings (fixture);
  added = new_bookings (before, after);
  g_assert_cmpuint (added->len, ==, 1);
  booking = g_ptr_array_index (added, 0);
  facts = lh_format_slot_long (booking->resource_name, booking->start, booking->end);
  g_assert_nonnull (kiosk_find_label (fixture->window, facts));

  /* My bookings lists it, with the facts in one line. */
  kiosk_press (fixture->window, "My bookings");
  kiosk_wait_for_page (fixture->window, "bookings");
  row_title = kiosk_booking_row_title (fixture->client, booking);
  kiosk_wait_for_label (fixture->window, row_title);

  row = gtk_widget_get_ancestor (kiosk_find_label (fixture->window, row_title), GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  g_signal_emit_by_name (kiosk_find_widget (row, kiosk_is_button, "Cancel booking"), "clicked");
  kiosk_wait_for_label (fixture->window, "Cancel this booking?");
  g_assert_nonnull (kiosk_find_label (fixture->window, facts));
  kiosk_press (fixture->window, "Yes, cancel it");
  kiosk_wait_for_label (fixture->window, "Your booking is cancelled.");
  kiosk_wait_for (fixture->window, kiosk_label_gone, row_title, "the row to go");
  g_assert_cmpstr (lh_window_get_visible_page_name (fixture->window), ==, "bookings");

  /* Gone on the daemon too. */
  left = my_bookings (fixture);
  g_assert_cmpuint (left->len, ==, before->len);
  for (guint i = 0; i < left->len; i++)
    g_assert_cmpint (((LhBooking *) g_ptr_array_index (left, i))->id, !=, booking->id);
}

/* The "Free" button of the room's row, or NULL. */
static GtkWidget *
room_free_button (Fixture *fixture)
{
  GtkWidget *room = kiosk_find_label (fixture->window, "Group room");

  /* The room's row: the nearest box around its name that holds slots,
   * and no computer's. */
  for (GtkWidget *w = room; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *button = kiosk_find_widget (w, kiosk_is_button, "Free");

      if (button != NULL && kiosk_find_widget (w, kiosk_is_label, "Group room") != NULL &&
          kiosk_find_widget (w, kiosk_is_label, "PC 1") == NULL)
        return button;
    }
  return NULL;
}

/* Rooms are the daemon's to give: a learner's Book a computer shows
 * computers only, and a learning rep books a room from the same page,
 * below the computers. */
static void
test_book_a_room (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) added = NULL;
  const char *staff, *pin, *name;
  GtkWidget *free;

  /* Tomorrow is a weekday, when the room is open: not for a learner. */
  sign_in (fixture);
  g_assert_false (lh_client_get_person (fixture->client)->may.book_rooms);
  kiosk_press (fixture->window, "Book a computer");
  kiosk_wait_for_page (fixture->window, "book");
  kiosk_press (fixture->window, "Tomorrow");
  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "Tomorrow: ", "tomorrow's slots");
  kiosk_wait_for_label (fixture->window, "PC 1");
  g_assert_null (kiosk_find_label (fixture->window, "Group room"));
  g_assert_null (kiosk_find_label (fixture->window, "Rooms"));
  kiosk_press (fixture->window, "Sign out");
  kiosk_wait_for_page (fixture->window, "welcome");

  kiosk_demo_ulr (centre, 0, &staff, &pin, &name);
  kiosk_sign_in (fixture->window, staff, pin, name);
  g_assert_true (lh_client_get_person (fixture->client)->may.book_rooms);
  before = my_bookings (fixture);
  kiosk_press (fixture->window, "Book a computer");
  kiosk_wait_for_page (fixture->window, "book");
  kiosk_press (fixture->window, "Tomorrow");
  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "Tomorrow: ", "tomorrow's slots");
  /* The room is open on weekdays: go on until a day has it free. */
  for (guint day = 1; (free = room_free_button (fixture)) == NULL; day++)
    {
      g_autofree char *title = kiosk_day_title (fixture->window);

      g_assert_cmpuint (day, <, 6);
      kiosk_press (fixture->window, "See the next day");
      kiosk_wait_for (fixture->window, kiosk_label_gone, title, "the next day");
      kiosk_wait_for_label (fixture->window, "Soonest free");
    }
  g_assert_nonnull (kiosk_find_label (fixture->window, "Rooms"));
  g_signal_emit_by_name (free, "clicked");
  kiosk_wait_for_label (fixture->window, "Book this time?");
  kiosk_press (fixture->window, "My own time");
  kiosk_press (fixture->window, "Book it");
  kiosk_wait_for_label (fixture->window, "It is booked");

  after = my_bookings (fixture);
  added = new_bookings (before, after);
  g_assert_cmpuint (added->len, ==, 1);
  g_assert_cmpstr (((LhBooking *) g_ptr_array_index (added, 0))->resource_name, ==, "Group room");
}

static void
count_booking_posts_cb (SoupSession *session,
                        SoupMessage *message,
                        gpointer     user_data)
{
  if (g_str_equal (soup_message_get_method (message), "POST") &&
      g_str_equal (g_uri_get_path (soup_message_get_uri (message)), "/api/v1/bookings"))
    (*(guint *) user_data)++;
}

static void
test_book_twice (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *book_it;
  guint posts = 0;

  sign_in (fixture);
  before = my_bookings (fixture);
  show_a_free_slot (fixture);
  kiosk_press (fixture->window, "Free");
  kiosk_wait_for_label (fixture->window, "Book this time?");
  kiosk_press (fixture->window, "My own time");

  g_signal_connect (lh_client_get_session (fixture->client), "request-queued",
                    G_CALLBACK (count_booking_posts_cb), &posts);
  kiosk_wait_for (fixture->window, kiosk_button_ready, "Book it", "Book it");
  book_it = kiosk_find_button (fixture->window, "Book it");
  /* Two quick taps, before the first answer can come. */
  g_signal_emit_by_name (book_it, "clicked");
  g_assert_false (gtk_widget_is_sensitive (book_it));
  g_signal_emit_by_name (book_it, "clicked");
  gtk_widget_activate (book_it);

  kiosk_wait_for_label (fixture->window, "It is booked");
  /* The activation's delayed click lands after the answer: still one. */
  kiosk_spin (500);
  g_assert_cmpuint (posts, ==, 1);
  g_assert_null (kiosk_find_label_prefix (fixture->window, "Sorry"));
  after = my_bookings (fixture);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_signal_handlers_disconnect_by_data (lh_client_get_session (fixture->client), &posts);

  /* The slot is now shown as the person's own. */
  kiosk_press (fixture->window, "Home");
  kiosk_wait_for_page (fixture->window, "home");
  show_a_free_slot (fixture);
  g_assert_nonnull (kiosk_find_label (fixture->window, "Yours"));
}

static void
test_taken_meanwhile (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(LhClient) other = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LhPerson) person = NULL;
  g_autoptr(LhBooking) booking = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  const char *staff, *pin, *name;
  const LhSlot *slot;

  sign_in (fixture);
  before = my_bookings (fixture);
  show_a_free_slot (fixture);
  slot = g_object_get_data (G_OBJECT (kiosk_find_button (fixture->window, "Free")), "lh-slot");
  g_assert_nonnull (slot);
  kiosk_press (fixture->window, "Free");
  kiosk_wait_for_label (fixture->window, "Book this time?");
  kiosk_press (fixture->window, "My own time");

  /* Someone else, on another kiosk, books the same time first. The demo
   * learners have bookings of their own, and nobody may hold two PCs at
   * once, so try a few until one can. */
  for (guint n = GPOINTER_TO_UINT (user_data) + 1; booking == NULL; n++)
    {
      g_assert_cmpuint (n, <, GPOINTER_TO_UINT (user_data) + 8);
      g_clear_object (&other);
      g_clear_pointer (&person, lh_person_free);
      g_clear_error (&error);
      other = lh_client_new (centre->base_url, centre->device_token, NULL);
      demo_learner (n, &staff, &pin, &name);
      lh_client_sign_in_async (other, staff, pin, NULL, kiosk_async_result_cb, &result);
      kiosk_wait_for (fixture->window, kiosk_result_ready, &result, "the other sign-in");
      person = lh_client_sign_in_finish (other, result, &error);
      g_assert_no_error (error);
      g_clear_object (&result);
      lh_client_create_booking_async (other, slot->resource_id, slot->start, slot->end,
                                      NULL, kiosk_async_result_cb, &result);
      kiosk_wait_for (fixture->window, kiosk_result_ready, &result, "the other booking");
      booking = lh_client_create_booking_finish (other, result, &error);
      g_clear_object (&result);
      /* Refused: they hold another PC then, or have booked their day's
       * time already. */
      if (booking == NULL && !g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
        g_assert_error (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT);
    }

  /* The kiosk says so plainly and shows the day again. */
  kiosk_press (fixture->window, "Book it");
  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "Sorry, someone else has just booked",
            "the taken-meanwhile message");
  kiosk_wait_for (fixture->window, kiosk_label_gone, "Book this time?", "the day's slots");
  kiosk_wait_for_label (fixture->window, "Soonest free");
  after = my_bookings (fixture);
  g_assert_cmpuint (after->len, ==, before->len);

  lh_client_sign_out_async (other, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (fixture->window, kiosk_result_ready, &result, "the other sign-out");
  g_assert_true (lh_client_sign_out_finish (other, result, NULL));
}

static void
test_idle_sign_out (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_object_set (fixture->window, "idle-timeout", 4, "idle-warning", 2, NULL);
  sign_in (fixture);
  kiosk_press (fixture->window, "My bookings");
  kiosk_wait_for_page (fixture->window, "bookings");

  /* The countdown comes, and "I'm still here" sends it away. */
  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "Signing you out in ", "the countdown");
  g_assert_nonnull (kiosk_find_label (fixture->window, "Are you still there?"));
  g_assert_true (kiosk_find_label (fixture->window, "Signing you out in 2 seconds") ||
                 kiosk_find_label (fixture->window, "Signing you out in 1 second"));
  kiosk_press (fixture->window, "I’m still here");
  kiosk_wait_for (fixture->window, kiosk_label_gone, "Are you still there?", "the countdown to go");
  g_assert_cmpstr (lh_window_get_visible_page_name (fixture->window), ==, "bookings");
  g_assert_true (lh_client_is_signed_in (fixture->client));

  /* Left alone, it counts down each second and signs out. */
  kiosk_wait_for_label (fixture->window, "Signing you out in 2 seconds");
  kiosk_wait_for_label (fixture->window, "Signing you out in 1 second");
  kiosk_wait_for_page (fixture->window, "welcome");
  g_assert_false (lh_client_is_signed_in (fixture->client));
  g_assert_null (kiosk_find_label (fixture->window, "Are you still there?"));
  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "You were signed out", "the calm message");
}

static void
test_idle_before_sign_in (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_object_set (fixture->window, "idle-timeout", 3, "idle-warning", 2, NULL);
  kiosk_press (fixture->window, "Tap to start");
  kiosk_type_digits (fixture->window, "1234");
  g_assert_nonnull (kiosk_find_label (fixture->window, "1234"));

  /* Someone who walked away half-way is sent back to the start, and
   * what they typed is gone. */
  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "Going back to the start in ",
                  "the countdown");
  kiosk_wait_for_page (fixture->window, "welcome");
  kiosk_press (fixture->window, "Tap to start");
  kiosk_wait_for_page (fixture->window, "sign-in");
  g_assert_null (kiosk_find_label (fixture->window, "1234"));
  g_assert_nonnull (kiosk_find_label (fixture->window, "Type your staff number"));
}

static void
test_unreachable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(LhClient) client = NULL;

  /* Swap in a client for a port nothing listens on. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  kiosk_wait_for (fixture->window, kiosk_client_idle, fixture->client, "requests in flight to end");
  g_clear_object (&fixture->client);
  fixture->client = lh_client_new ("http://127.0.0.1:9", centre->device_token, NULL);
  fixture->window = g_object_ref (lh_window_new (NULL, fixture->client));
  gtk_window_present (GTK_WINDOW (fixture->window));
  kiosk_wait_for (fixture->window, kiosk_window_mapped, NULL, "the window to show");

  kiosk_press (fixture->window, "Tap to start");
  kiosk_type_digits (fixture->window, fixture->staff);
  kiosk_press (fixture->window, "Next");
  kiosk_type_digits (fixture->window, fixture->pin);
  kiosk_press (fixture->window, "Sign in");
  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "The kiosk cannot reach the booking system just now.",
            "the unreachable message");
  g_assert_cmpstr (lh_window_get_visible_page_name (fixture->window), ==, "sign-in");
  kiosk_wait_for (fixture->window, kiosk_label_prefix_shown, "The kiosk cannot reach the booking system. It keeps trying.",
            "the offline banner");
  g_assert_false (lh_client_get_online (fixture->client));
}

/* Each test, with the number of the learner its fixture signs in as. */
static const struct {
  const char *path;
  guint       learner;
  void      (*func) (Fixture *fixture, gconstpointer data);
} tests[] = {
  { "/kiosk/sign-in", 0, test_sign_in },
  { "/kiosk/wrong-pin", 1, test_wrong_pin },
  { "/kiosk/book-and-cancel", 2, test_book_and_cancel },
  { "/kiosk/book-twice", 3, test_book_twice },
  { "/kiosk/taken-meanwhile", 4, test_taken_meanwhile },
  { "/kiosk/idle-sign-out", 13, test_idle_sign_out },
  { "/kiosk/idle-before-sign-in", 0, test_idle_before_sign_in },
  { "/kiosk/unreachable", 14, test_unreachable },
  /* A learner without history, whose day has room for the room. */
  { "/kiosk/book-a-room", 0, test_book_a_room },
};

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, Fixture, GUINT_TO_POINTER (tests[i].learner),
                fixture_set_up, tests[i].func, fixture_tear_down);

  status = g_test_run ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
