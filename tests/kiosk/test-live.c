/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Live updates: kiosks hear of bookings made elsewhere over the event
 * stream, without polling, and ride out the daemon going away. Real
 * widgets under Xvfb, a real learnhubd on loopback. */
#define G_LOG_DOMAIN "test-live"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-event-stream.h"
#include "lh-slots.h"
#include "lh-test-daemon.h"
#include "lh-time-format.h"
#include "lh-window.h"

/* The daemon's own words in the offline banner, and the pages' note. */
#define OFFLINE_BANNER "The kiosk cannot reach the booking system. It keeps trying."
#define OFFLINE_NOTE "You can book again as soon as the connection is back."

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */

/* Every request one kiosk's SoupSession queued, as "METHOD /path". */
typedef struct
{
  GPtrArray *requests;  /* (owned) (element-type utf8) */
} Requests;

/* ---- waiting ---------------------------------------------------------- */

typedef gboolean (*Condition) (gconstpointer data);

/* For what no window shows; at most 20 s. */
static void
wait_until (Condition      condition,
            gconstpointer  data,
            const char    *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* ---- kiosks ----------------------------------------------------------- */

static void
kiosk_open (Kiosk *kiosk)
{
  kiosk_open_window (kiosk, centre, centre->device_token, 0, 0);
  kiosk_wait_for (kiosk->window, kiosk_stream_open, kiosk->client, "the event stream to open");
}

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *message,
                   Requests    *requests)
{
  g_ptr_array_add (requests->requests,
                   g_strdup_printf ("%s %s", soup_message_get_method (message),
                                    g_uri_get_path (soup_message_get_uri (message))));
}

static void
requests_watch (Requests *requests,
                LhClient *client)
{
  requests->requests = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (lh_client_get_session (client), "request-queued",
                    G_CALLBACK (request_queued_cb), requests);
}

static void
requests_unwatch (Requests *requests,
                  LhClient *client)
{
  g_signal_handlers_disconnect_by_data (lh_client_get_session (client), requests);
  g_clear_pointer (&requests->requests, g_ptr_array_unref);
}

static guint
requests_count (Requests   *requests,
                const char *what)
{
  guint n = 0;

  for (guint i = 0; i < requests->requests->len; i++)
    n += g_str_equal (g_ptr_array_index (requests->requests, i), what);
  return n;
}

/* ---- slots on the screen ---------------------------------------------- */

typedef struct
{
  gint64     resource_id;
  GDateTime *start;
  LhSlotState state;
} SlotQuery;

static gboolean
in_resource_row (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_has_css_class (widget, "lh-resource-row"))
      return TRUE;
  return FALSE;
}

static gboolean
is_slot_button (GtkWidget *widget, gconstpointer data)
{
  const SlotQuery *query = data;
  const LhSlot *slot;

  if (!GTK_IS_BUTTON (widget) ||
      (slot = g_object_get_data (G_OBJECT (widget), "lh-slot")) == NULL)
    return FALSE;
  /* The row of every PC, not the soonest strip, which only has free ones. */
  if (!in_resource_row (widget))
    return FALSE;
  return slot->resource_id == query->resource_id && g_date_time_equal (slot->start, query->start);
}

static GtkWidget *
find_slot_button (LhWindow  *window,
                  gint64     resource_id,
                  GDateTime *start)
{
  SlotQuery query = { resource_id, start, LH_SLOT_FREE };

  return kiosk_find_widget (GTK_WIDGET (window), is_slot_button, &query);
}

static gboolean
slot_shows (LhWindow *window, gconstpointer data)
{
  const SlotQuery *query = data;
  GtkWidget *button = find_slot_button (window, query->resource_id, query->start);
  const LhSlot *slot = button ? g_object_get_data (G_OBJECT (button), "lh-slot") : NULL;

  return slot != NULL && slot->state == query->state;
}

typedef struct
{
  GPtrArray *buttons;  /* (element-type GtkWidget) (unowned) */
} Collect;

static gboolean
collect_free_slot (GtkWidget *widget, gconstpointer data)
{
  const LhSlot *slot = GTK_IS_BUTTON (widget) ? g_object_get_data (G_OBJECT (widget), "lh-slot") : NULL;
  SlotQuery query = { 0 };

  if (slot == NULL || slot->state != LH_SLOT_FREE)
    return FALSE;
  query.resource_id = slot->resource_id;
  query.start = slot->start;
  if (is_slot_button (widget, &query))
    g_ptr_array_add (((Collect *) data)->buttons, widget);
  return FALSE;
}

/* The free slot buttons of every PC's row, in screen order. */
static GPtrArray *
free_slot_buttons (LhWindow *window)
{
  Collect collect = { g_ptr_array_new () };

  kiosk_find_widget (GTK_WIDGET (window), collect_free_slot, &collect);
  return collect.buttons;
}

/* A slot free on both kiosks (a demo learner may hold another PC then). */
static GtkWidget *
slot_free_on_both (LhWindow *a,
                   LhWindow *b,
                   guint     skip)
{
  g_autoptr(GPtrArray) buttons = free_slot_buttons (a);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      const LhSlot *slot = g_object_get_data (G_OBJECT (button), "lh-slot");
      SlotQuery query = { slot->resource_id, slot->start, LH_SLOT_FREE };

      if (slot_shows (b, &query) && skip-- == 0)
        return button;
    }
  return NULL;
}

static gboolean
slot_on_screen (LhWindow *window, gconstpointer data)
{
  const LhSlot *slot = data;

  return find_slot_button (window, slot->resource_id, slot->start) != NULL;
}

/* Shows, on kiosk b, the day of this slot: its button in the strip
 * carries the date as "24 Nov". */
static void
show_same_day (LhWindow     *b,
               const LhSlot *slot)
{
  g_autofree char *date = g_date_time_format (slot->start, "%-d %b");

  kiosk_press (b, "Book a computer");
  kiosk_wait_for_page (b, "book");
  kiosk_wait_for_label (b, "Soonest free");
  kiosk_press (b, date);
  kiosk_wait_for (b, slot_on_screen, slot, "the same day as the other kiosk");
}

/* ---- tests ------------------------------------------------------------ */

static gboolean
result_ready (gconstpointer data)
{
  return *(GAsyncResult * const *) data != NULL;
}

/* Books through the API alone, as another kiosk would; NULL if the
 * daemon refused (the learner already holds a PC then). */
static LhBooking *
book_elsewhere (guint       learner,
                gint64      resource_id,
                GDateTime  *start,
                GDateTime  *end)
{
  g_autoptr(LhClient) client = lh_client_new (centre->base_url, centre->device_token, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(LhPerson) person = NULL;
  g_autoptr(LhBooking) booking = NULL;
  g_autoptr(GError) error = NULL;
  const char *staff, *pin, *name;

  kiosk_demo_learner (centre, learner, &staff, &pin, &name);
  lh_client_sign_in_async (client, staff, pin, NULL, kiosk_async_result_cb, &result);
  wait_until (result_ready, &result, "the third sign-in");
  person = lh_client_sign_in_finish (client, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  lh_client_create_booking_async (client, resource_id, start, end, NULL, kiosk_async_result_cb, &result);
  wait_until (result_ready, &result, "the third booking");
  booking = lh_client_create_booking_finish (client, result, &error);
  g_clear_object (&result);
  /* Refused: they hold another PC then, or have booked their day's time. */
  if (booking == NULL)
    g_test_message ("learner %u could not book: %s", learner, error->message);
  if (booking == NULL && !g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
    g_assert_error (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT);
  lh_client_sign_out_async (client, NULL, kiosk_async_result_cb, &result);
  wait_until (result_ready, &result, "the third sign-out");
  return g_steal_pointer (&booking);
}

/* (a) A booking made on kiosk A shows on kiosk B within a second, and
 * all B asks the daemon for is that day again. A person deciding on B
 * is left alone until they go back. */
static void
test_booked_elsewhere (void)
{
  Kiosk a = { 0 }, b = { 0 };
  Requests requests = { 0 };
  const char *staff, *pin, *name;
  GtkWidget *button;
  const LhSlot *slot;
  g_autoptr(LhSlot) chosen = NULL;
  g_autoptr(LhSlot) third = NULL;
  SlotQuery taken = { 0 };
  GtkAdjustment *scroll;
  double scrolled;
  gint64 pressed, shown;
  gboolean booked = FALSE;

  kiosk_open (&a);
  kiosk_open (&b);
  kiosk_demo_learner (centre, 0, &staff, &pin, &name);
  kiosk_sign_in (a.window, staff, pin, name);
  kiosk_demo_learner (centre, 1, &staff, &pin, &name);
  kiosk_sign_in (b.window, staff, pin, name);

  kiosk_show_a_free_slot (a.window);
  button = kiosk_find_button (a.window, "Free");
  slot = g_object_get_data (G_OBJECT (button), "lh-slot");
  show_same_day (b.window, slot);
  button = slot_free_on_both (a.window, b.window, 0);
  g_assert_nonnull (button);
  chosen = lh_slot_copy (g_object_get_data (G_OBJECT (button), "lh-slot"));

  /* B has scrolled down to read the list of PCs. */
  scroll = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (find_slot_button (b.window, chosen->resource_id, chosen->start),
                                                  GTK_TYPE_SCROLLED_WINDOW)));
  gtk_adjustment_set_value (scroll, MIN (120, gtk_adjustment_get_upper (scroll) - gtk_adjustment_get_page_size (scroll)));
  scrolled = gtk_adjustment_get_value (scroll);
  kiosk_spin (100);

  /* A books it, by its buttons. */
  requests_watch (&requests, b.client);
  g_signal_emit_by_name (button, "clicked");
  kiosk_wait_for_label (a.window, "Book this time?");
  kiosk_press (a.window, "My own time");
  kiosk_press (a.window, "Book it");
  pressed = g_get_monotonic_time ();

  taken.resource_id = chosen->resource_id;
  taken.start = chosen->start;
  taken.state = LH_SLOT_TAKEN;
  if (!kiosk_wait_at_most (b.window, slot_shows, &taken, 1000))
    {
      g_autofree char *text = kiosk_screen_text (b.window);

      g_error ("Kiosk B did not show the slot as taken within a second (showing%s)", text);
    }
  shown = g_get_monotonic_time ();
  g_test_message ("B showed it taken %" G_GINT64_FORMAT " ms after A pressed Book it",
                  (shown - pressed) / 1000);
  kiosk_wait_for_label (a.window, "It is booked");
  g_assert_nonnull (kiosk_find_widget (GTK_WIDGET (find_slot_button (b.window, chosen->resource_id, chosen->start)),
                                       kiosk_is_label, "Taken"));

  /* Nothing but that day again, once; and B still reads where it was. */
  kiosk_spin (300);
  for (guint i = 0; i < requests.requests->len; i++)
    g_assert_cmpstr (g_ptr_array_index (requests.requests, i), ==, "GET /api/v1/availability");
  g_assert_cmpuint (requests.requests->len, ==, 1);
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, scrolled);
  requests_unwatch (&requests, b.client);

  /* B is deciding on another slot when a third kiosk books a third one:
   * the confirm view stays as it is, and asks nothing. */
  button = slot_free_on_both (b.window, b.window, 1);
  g_assert_nonnull (button);
  third = lh_slot_copy (g_object_get_data (G_OBJECT (button), "lh-slot"));
  button = slot_free_on_both (b.window, b.window, 0);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  kiosk_wait_for_label (b.window, "Book this time?");
  requests_watch (&requests, b.client);
  /* Demo learners hold bookings of their own, and nobody may hold two
   * PCs at once: try a few until one can. */
  for (guint learner = 2; !booked; learner++)
    {
      g_autoptr(LhBooking) booking = NULL;

      g_assert_cmpuint (learner, <, 10);
      booking = book_elsewhere (learner, third->resource_id, third->start, third->end);
      booked = booking != NULL;
    }
  taken.resource_id = third->resource_id;
  taken.start = third->start;
  kiosk_spin (500);
  g_assert_cmpuint (requests.requests->len, ==, 0);
  g_assert_nonnull (kiosk_find_label (b.window, "Book this time?"));
  g_assert_cmpstr (lh_window_get_visible_page_name (b.window), ==, "book");

  /* Going back shows the day as it is now. */
  kiosk_press (b.window, "Back");
  kiosk_wait_for_label (b.window, "Soonest free");
  kiosk_wait_for (b.window, slot_shows, &taken, "the third booking to show");
  g_assert_cmpuint (requests_count (&requests, "GET /api/v1/availability"), >=, 1);
  requests_unwatch (&requests, b.client);

  kiosk_close (&a);
  kiosk_close (&b);
}

static gboolean
bookings_loaded (LhWindow *window, gconstpointer data)
{
  return kiosk_label_shown (window, "Your bookings") || kiosk_label_shown (window, "You have no bookings");
}

/* My bookings, open on one kiosk, shows a booking the same person has
 * just made on another. */
static void
test_my_bookings (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(LhSlot) chosen = NULL;
  g_autoptr(LhBooking) booking = NULL;
  g_autofree char *row_title = NULL;
  const char *staff, *pin, *name;

  kiosk_open (&kiosk);
  /* A learner without history, whose day has room for one more hour. */
  kiosk_demo_learner (centre, 3, &staff, &pin, &name);
  kiosk_sign_in (kiosk.window, staff, pin, name);
  kiosk_show_a_free_slot (kiosk.window);
  chosen = lh_slot_copy (g_object_get_data (G_OBJECT (kiosk_find_button (kiosk.window, "Free")), "lh-slot"));
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_press (kiosk.window, "My bookings");
  kiosk_wait_for_page (kiosk.window, "bookings");
  kiosk_wait_for (kiosk.window, bookings_loaded, NULL, "the list of bookings");

  booking = book_elsewhere (3, chosen->resource_id, chosen->start, chosen->end);
  g_assert_nonnull (booking);
  row_title = kiosk_booking_row_title (kiosk.client, booking);
  if (!kiosk_wait_at_most (kiosk.window, kiosk_label_shown, row_title, 1000))
    {
      g_autofree char *text = kiosk_screen_text (kiosk.window);

      g_error ("My bookings did not show “%s” within a second (showing%s)", row_title, text);
    }
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Cancel booking"));

  kiosk_close (&kiosk);
}

static void
online_notify_cb (LhClient   *client,
                  GParamSpec *pspec,
                  GString    *changes)
{
  g_string_append (changes, lh_client_get_online (client) ? "up " : "down ");
}

static gboolean
free_slot_sensitive (LhWindow *window, gconstpointer data)
{
  GtkWidget *button = kiosk_find_button (window, "Free");

  return button != NULL && gtk_widget_is_sensitive (button) == GPOINTER_TO_INT (data);
}

/* (b) The daemon goes away and comes back: the kiosk says so calmly,
 * keeps the day in view read-only, and recovers by itself. */
static void
test_daemon_restart (void)
{
  Kiosk kiosk = { 0 };
  Requests requests = { 0 };
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *title = NULL;
  const char *staff, *pin, *name;

  kiosk_open (&kiosk);
  kiosk_demo_learner (centre, 3, &staff, &pin, &name);
  kiosk_sign_in (kiosk.window, staff, pin, name);
  kiosk_show_a_free_slot (kiosk.window);
  title = kiosk_day_title (kiosk.window);
  g_assert_null (kiosk_find_label (kiosk.window, OFFLINE_BANNER));
  g_signal_connect (kiosk.client, "notify::online", G_CALLBACK (online_notify_cb), changes);
  requests_watch (&requests, kiosk.client);

  lh_test_daemon_restart (centre, SIGTERM);

  /* Down: the banner, the day still in view, nothing to book from it. */
  if (!kiosk_wait_at_most (kiosk.window, kiosk_label_shown, OFFLINE_BANNER, 10000))
    g_error ("No offline banner within 10 s");
  g_assert_false (lh_client_get_online (kiosk.client));
  g_assert_nonnull (kiosk_find_label (kiosk.window, title));
  g_assert_nonnull (kiosk_find_label (kiosk.window, OFFLINE_NOTE));
  g_assert_true (free_slot_sensitive (kiosk.window, GINT_TO_POINTER (FALSE)));

  /* Back, with nothing done in between. */
  if (!kiosk_wait_at_most (kiosk.window, kiosk_label_gone, OFFLINE_BANNER, 10000))
    g_error ("The offline banner did not go within 10 s");
  g_assert_true (lh_client_get_online (kiosk.client));
  g_assert_cmpstr (changes->str, ==, "down up ");
  g_assert_null (kiosk_find_label (kiosk.window, OFFLINE_NOTE));
  kiosk_wait_for (kiosk.window, free_slot_sensitive, GINT_TO_POINTER (TRUE), "a free slot to press");

  /* No polling while down: only the stream's own tries; then the day
   * is shown again. */
  kiosk_wait_for (kiosk.window, kiosk_label_shown, "Soonest free", "the day");
  kiosk_spin (300);
  g_assert_cmpuint (requests_count (&requests, "GET /api/v1/events"), >=, 1);
  g_assert_cmpuint (requests_count (&requests, "GET /api/v1/availability"), ==, 1);
  g_assert_cmpuint (requests_count (&requests, "GET /api/v1/events") +
                    requests_count (&requests, "GET /api/v1/availability"), ==, requests.requests->len);
  requests_unwatch (&requests, kiosk.client);
  g_signal_handlers_disconnect_by_data (kiosk.client, changes);

  /* And it books again. */
  kiosk_press (kiosk.window, "Free");
  kiosk_wait_for_label (kiosk.window, "Book this time?");
  kiosk_press (kiosk.window, "My own time");
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Book it", "Book it");

  kiosk_close (&kiosk);
}

/* The stream retries by itself, waiting 1 s, 2 s, 4 s …: never a busy
 * loop; and it stops cleanly. */
typedef struct
{
  LhEventStream *stream;
  guint          seconds;
} Backoff;

static gboolean
backoff_is (gconstpointer data)
{
  const Backoff *want = data;

  return lh_event_stream_get_backoff (want->stream) == want->seconds;
}

static void
test_backoff (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  LhEventStream *stream = lh_event_stream_new (session, "http://127.0.0.1:9/api/v1/events", "x");
  Requests requests = { 0 };
  Backoff want = { stream, 0 };
  gint64 start;

  requests.requests = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (session, "request-queued", G_CALLBACK (request_queued_cb), &requests);
  start = g_get_monotonic_time ();
  lh_event_stream_start (stream);

  for (want.seconds = 1; want.seconds <= 4; want.seconds *= 2)
    wait_until (backoff_is, &want, "the next backoff");
  /* Tries at 0, 1 s and 3 s: three, however fast the machine. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (requests.requests->len, ==, 3);
  g_assert_false (lh_event_stream_get_connected (stream));

  /* Try again now starts afresh. */
  lh_event_stream_retry_now (stream);
  want.seconds = 1;
  wait_until (backoff_is, &want, "the backoff to start again");
  g_assert_cmpuint (requests.requests->len, ==, 4);

  lh_event_stream_stop (stream);
  g_assert_cmpuint (lh_event_stream_get_backoff (stream), ==, 0);
  g_assert_finalize_object (stream);
  kiosk_spin (1500);
  g_assert_cmpuint (requests.requests->len, ==, 4);
  g_signal_handlers_disconnect_by_data (session, &requests);
  g_ptr_array_unref (requests.requests);
}

static gboolean
stream_is (gconstpointer data)
{
  const Backoff *want = data;

  return lh_event_stream_get_down (want->stream) == (gboolean) want->seconds;
}

static gboolean
stream_connected (gconstpointer stream)
{
  return lh_event_stream_get_connected ((LhEventStream *) stream);
}

/* A daemon that stops answering without closing anything (a hung
 * process, a pulled cable) is noticed by the missing pongs. */
static void
test_silent_daemon (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (centre->base_url, "/api/v1/events", NULL);
  LhEventStream *stream = lh_event_stream_new (session, uri, centre->device_token);
  Backoff want = { stream, 0 };
  gint64 stopped;

  lh_event_stream_set_keepalive (stream, 1);
  lh_event_stream_start (stream);
  wait_until (stream_connected, stream, "the stream to open");

  g_subprocess_send_signal (centre->process, SIGSTOP);
  stopped = g_get_monotonic_time ();
  want.seconds = TRUE;
  wait_until (stream_is, &want, "the stream to be taken as lost");
  /* Two pings and 5 s, give or take a second of timer slack. */
  g_assert_cmpint (g_get_monotonic_time () - stopped, >=, 6 * G_USEC_PER_SEC);
  g_assert_cmpint (g_get_monotonic_time () - stopped, <=, 9 * G_USEC_PER_SEC);

  g_subprocess_send_signal (centre->process, SIGCONT);
  want.seconds = FALSE;
  wait_until (stream_is, &want, "the stream to open again");
  g_assert_true (lh_event_stream_get_connected (stream));

  lh_event_stream_stop (stream);
  g_assert_finalize_object (stream);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start (NULL);

  g_test_add_func ("/kiosk/live/booked-elsewhere", test_booked_elsewhere);
  g_test_add_func ("/kiosk/live/my-bookings", test_my_bookings);
  g_test_add_func ("/kiosk/live/daemon-restart", test_daemon_restart);
  g_test_add_func ("/kiosk/live/backoff", test_backoff);
  g_test_add_func ("/kiosk/live/silent-daemon", test_silent_daemon);

  status = g_test_run ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
