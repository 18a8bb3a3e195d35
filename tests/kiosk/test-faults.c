/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Something is broken" at the kiosk, without signing in: two taps on a
 * PC's own kiosk, a second report joining the first, one report for a
 * double tap, at the desk kiosk which PC first, a kiosk that tried too
 * many, and a PC with no computer in the inventory. Real widgets under
 * Xvfb against a real learnhubd with the demo centre; what the daemon
 * recorded is read back over the API as its admin. */
#define G_LOG_DOMAIN "test-faults"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-fault-words.h"
#include "lh-slots.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) */

/* Then what became of its bookings, as the daemon said (words below). */
#define OUT_OF_ORDER "This PC is now out of order. Please use another PC. "
#define LATER_BOOKINGS "Later bookings will be moved nearer their day if it is still out of order."
#define THANK_YOU "Thank you. The centre’s admin has been told."
#define JOINED "Someone has already reported this; we have added yours."

static const char *
pc_kiosk_token (const char *pc)
{
  JsonArray *kiosks = json_object_get_array_member (json_node_get_object (centre->demo), "pc_kiosks");

  for (guint i = 0; i < json_array_get_length (kiosks); i++)
    {
      JsonObject *kiosk = json_array_get_object_element (kiosks, i);

      if (g_str_equal (json_object_get_string_member (kiosk, "pc"), pc))
        return json_object_get_string_member (kiosk, "token");
    }
  g_assert_not_reached ();
}

/* The open fault of this PC and category, as the admin sees it, or NULL. */
static JsonObject *
open_fault (const char *pc,
            const char *category)
{
  const char *staff, *pin, *name;
  g_autofree char *admin = NULL;
  g_autoptr(JsonObject) body = NULL;
  JsonArray *faults;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  admin = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("GET", "/faults", admin, NULL, &body), ==, 200);
  faults = json_object_get_array_member (body, "faults");
  for (guint i = 0; i < json_array_get_length (faults); i++)
    {
      JsonObject *fault = json_array_get_object_element (faults, i);
      JsonObject *item = json_object_get_object_member (fault, "item");
      JsonNode *item_pc = json_object_get_member (item, "pc");

      if (item_pc != NULL && JSON_NODE_HOLDS_OBJECT (item_pc) &&
          g_str_equal (json_object_get_string_member (json_node_get_object (item_pc), "name"), pc) &&
          g_str_equal (json_object_get_string_member (fault, "category"), category))
        return json_object_ref (fault);
    }
  return NULL;
}

static void
report_posted_cb (SoupSession *session,
                  SoupMessage *message,
                  guint       *count)
{
  if (g_str_equal (soup_message_get_method (message), "POST") &&
      g_str_has_suffix (g_uri_get_path (soup_message_get_uri (message)), "/faults"))
    (*count)++;
}

static gboolean
widget_shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_get_mapped (widget);
}

/* The thank-you says the PC is out of order and what became of its
 * bookings up to a day the daemon gave: never that everyone was moved. */
static void
assert_out_of_order_said (LhWindow *window)
{
  GtkWidget *label;
  const char *text;

  kiosk_wait_for (window, kiosk_label_prefix_shown, OUT_OF_ORDER, "the PC out of order");
  label = kiosk_find_label_prefix (window, OUT_OF_ORDER);
  text = gtk_label_get_label (GTK_LABEL (label));
  g_assert_nonnull (strstr (text, " up to the end of "));
  g_assert_true (g_str_has_suffix (text, LATER_BOOKINGS));
  g_assert_null (strstr (text, "anyone booked"));
}

/* ---- tests ------------------------------------------------------------ */

/* The words from the counts the daemon sent, and the last day it moved. */
static void
test_out_of_order_words (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const struct { int moved; int cancelled; const char *words; } cases[] = {
    { 0, 0, "No booking of it up to the end of Friday 4 December needed moving. " LATER_BOOKINGS },
    { 2, 0, "2 bookings of it up to the end of Friday 4 December have moved to another PC. "
            "The learners will be told when they next use a kiosk. " LATER_BOOKINGS },
    { 1, 1, "1 booking of it up to the end of Friday 4 December has moved to another PC. "
            "1 more was cancelled, as no other PC was free then. "
            "The learners will be told when they next use a kiosk. " LATER_BOOKINGS },
    { 0, 3, "3 bookings of it up to the end of Friday 4 December were cancelled, as no other PC was free then. "
            "The learners will be told when they next use a kiosk. " LATER_BOOKINGS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LhFaultReport report = { FALSE, TRUE, cases[i].moved, cases[i].cancelled,
                               g_date_time_new (utc, 2026, 12, 5, 0, 0, 0) };
      g_autofree char *words = lh_fault_format_out_of_order (&report);
      g_autofree char *expected = g_strconcat (OUT_OF_ORDER, cases[i].words, NULL);

      g_assert_cmpstr (words, ==, expected);
      g_date_time_unref (report.moved_until);
    }
}

/* At PC 8's own kiosk: "Something is broken", then "Screen". Tapped three
 * times, it is sent once; the PC is out of order, and the admin has the
 * fault. The same again joins it. */
static void
test_pc_kiosk_two_taps (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(JsonObject) fault = NULL;
  g_autoptr(JsonObject) joined = NULL;
  GtkWidget *screen;
  guint posts = 0;

  g_assert_null (open_fault ("PC 8", "screen"));
  kiosk_open_window (&kiosk, centre, pc_kiosk_token ("PC 8"), 0, 0);
  /* The kiosk knows which PC it is: the report needs no PC chosen. */
  kiosk_wait_for_label (kiosk.window, "PC 8");
  kiosk_screenshot (kiosk.window, "kiosk-welcome-something-is-broken");

  kiosk_press (kiosk.window, "Something is broken");
  kiosk_wait_for_page (kiosk.window, "fault");
  kiosk_wait_for_label (kiosk.window, "What is wrong with this PC?");
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Won’t start a program"));
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Something else"));
  kiosk_screenshot (kiosk.window, "kiosk-something-is-broken");

  g_signal_connect (lh_client_get_session (kiosk.client), "request-queued",
                    G_CALLBACK (report_posted_cb), &posts);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Screen", "the Screen tile");
  screen = kiosk_find_button (kiosk.window, "Screen");
  g_signal_emit_by_name (screen, "clicked");
  g_signal_emit_by_name (screen, "clicked");
  g_signal_emit_by_name (screen, "clicked");
  kiosk_wait_for_label (kiosk.window, THANK_YOU);
  assert_out_of_order_said (kiosk.window);
  g_assert_false (widget_shown (kiosk_find_label (kiosk.window, JOINED)));
  g_signal_handlers_disconnect_by_data (lh_client_get_session (kiosk.client), &posts);
  g_assert_cmpuint (posts, ==, 1);
  kiosk_screenshot (kiosk.window, "kiosk-something-is-broken-thanks");

  fault = open_fault ("PC 8", "screen");
  g_assert_nonnull (fault);
  g_assert_true (json_object_get_boolean_member (fault, "stops_use"));
  g_assert_cmpint (json_object_get_int_member (fault, "reports"), ==, 1);

  kiosk_press (kiosk.window, "Done");
  kiosk_wait_for_page (kiosk.window, "welcome");

  /* The next person says the same: it joins the open fault. */
  kiosk_press (kiosk.window, "Something is broken");
  kiosk_wait_for_page (kiosk.window, "fault");
  kiosk_press (kiosk.window, "Screen");
  kiosk_wait_for_label (kiosk.window, JOINED);
  joined = open_fault ("PC 8", "screen");
  /* The same kiosk again: still one reporter. */
  g_assert_cmpint (json_object_get_int_member (joined, "reports"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (joined, "id"), ==, json_object_get_int_member (fault, "id"));

  /* Back leaves the page for the welcome page. */
  kiosk_press (kiosk.window, "Done");
  kiosk_wait_for_page (kiosk.window, "welcome");
  kiosk_press (kiosk.window, "Something is broken");
  kiosk_wait_for_page (kiosk.window, "fault");
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "welcome");
  kiosk_close (&kiosk);
}

/* At the desk kiosk: which PC, then what is wrong, with a note typed
 * first (no extra tap). A sound fault leaves the PC in use. */
static void
test_desk_kiosk_picks_pc (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(JsonObject) fault = NULL;
  GtkWidget *entry;

  g_assert_null (open_fault ("PC 7", "sound"));
  kiosk_open_window (&kiosk, centre, centre->device_token, 0, 0);
  kiosk_press (kiosk.window, "Something is broken");
  kiosk_wait_for_page (kiosk.window, "fault");
  kiosk_wait_for_label (kiosk.window, "Which PC is not working?");
  kiosk_screenshot (kiosk.window, "kiosk-something-is-broken-which-pc");
  kiosk_press (kiosk.window, "PC 7");
  kiosk_wait_for_label (kiosk.window, "What is wrong with this PC?");
  g_assert_true (widget_shown (kiosk_find_label (kiosk.window, "PC 7")));

  /* Back goes to the PCs first, then to the welcome page. */
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_label (kiosk.window, "Which PC is not working?");
  kiosk_press (kiosk.window, "PC 7");
  kiosk_wait_for_label (kiosk.window, "What is wrong with this PC?");

  entry = kiosk_find_widget (GTK_WIDGET (kiosk.window), kiosk_has_css_class, "lh-fault-note");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Crackles in the left ear");
  kiosk_press (kiosk.window, "Sound");
  kiosk_wait_for_label (kiosk.window, THANK_YOU);
  g_assert_false (widget_shown (kiosk_find_label_prefix (kiosk.window, "This PC is now out of order.")));

  fault = open_fault ("PC 7", "sound");
  g_assert_nonnull (fault);
  g_assert_false (json_object_get_boolean_member (fault, "stops_use"));
  kiosk_close (&kiosk);
}

/* A kiosk that has just tried three reports, refused ones too, is
 * refused the fourth: the kiosk says so in its own words, and the page
 * stays to try again. */
static void
test_too_many_reports (void)
{
  const char *token = pc_kiosk_token ("PC 6");
  Kiosk kiosk = { 0 };

  for (guint i = 0; i < 3; i++)
    {
      guint status = kiosk_api_call ("POST", "/faults", token, "{\"category\": \"smoke\"}", NULL);

      g_assert_cmpuint (status, ==, 422);
    }
  kiosk_open_window (&kiosk, centre, token, 0, 0);
  kiosk_wait_for_label (kiosk.window, "PC 6");
  kiosk_press (kiosk.window, "Something is broken");
  kiosk_wait_for_page (kiosk.window, "fault");
  kiosk_press (kiosk.window, "Sound");
  kiosk_wait_for_label (kiosk.window, "This kiosk has just sent a few reports. Please wait a minute and try again, or tell a learning rep.");
  g_assert_false (widget_shown (kiosk_find_label (kiosk.window, THANK_YOU)));
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Sound", "the Sound tile, to try again");
  g_assert_null (open_fault ("PC 6", "sound"));
  kiosk_close (&kiosk);
}

/* PC 4's computer was retired and none replaces it yet: at its kiosk a
 * worker still reports the PC, which goes out of order, and the admin
 * has the PC's fault; nobody may then sit down at it. */
static void
test_pc_not_in_inventory (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fault = NULL;
  g_autofree char *retired = lh_test_run_ctl (centre->db_path, &error, "equipment", "status", "LC-0004", "retired",
                                              "--reason", "Stolen", NULL);
  const char *staff, *pin, *name;
  JsonObject *item;

  g_assert_no_error (error);
  kiosk_open_window (&kiosk, centre, pc_kiosk_token ("PC 4"), 0, 0);
  kiosk_wait_for_label (kiosk.window, "PC 4");
  kiosk_press (kiosk.window, "Something is broken");
  kiosk_wait_for_page (kiosk.window, "fault");
  kiosk_press (kiosk.window, "No internet");
  kiosk_wait_for_label (kiosk.window, THANK_YOU);
  assert_out_of_order_said (kiosk.window);

  fault = open_fault ("PC 4", "internet");
  g_assert_nonnull (fault);
  item = json_object_get_object_member (fault, "item");
  g_assert_false (json_object_get_boolean_member (item, "in_inventory"));
  g_assert_true (json_object_get_null_member (item, "asset_tag"));
  g_assert_true (json_object_get_boolean_member (fault, "stops_use"));

  /* Sitting down at it is refused in the kiosk's words, from the reason. */
  kiosk_press (kiosk.window, "Done");
  kiosk_wait_for_page (kiosk.window, "welcome");
  kiosk_demo_learner (centre, 1, &staff, &pin, &name);
  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  kiosk_type_digits (kiosk.window, staff);
  kiosk_staff_number_next (kiosk.window);
  kiosk_wait_for_label (kiosk.window, "Type your PIN");
  kiosk_type_digits (kiosk.window, pin);
  kiosk_press (kiosk.window, "Sign in");
  kiosk_wait_for_label (kiosk.window, "This PC is out of order, so nobody can use it until it is repaired. Please use "
                                      "another PC.");
  g_assert_false (lh_client_is_signed_in (kiosk.client));
  kiosk_close (&kiosk);
}

/* Someone who typed a note and walked away: the page goes back to the
 * welcome page by itself, and the next person sees neither the note nor
 * the PC chosen. */
static void
test_forgotten_when_idle (void)
{
  Kiosk kiosk = { 0 };
  GtkWidget *entry;

  kiosk_open_window (&kiosk, centre, centre->device_token, 0, 0);
  kiosk_press (kiosk.window, "Something is broken");
  kiosk_press (kiosk.window, "PC 3");
  kiosk_wait_for_label (kiosk.window, "What is wrong with this PC?");
  entry = kiosk_find_widget (GTK_WIDGET (kiosk.window), kiosk_has_css_class, "lh-fault-note");
  gtk_editable_set_text (GTK_EDITABLE (entry), "My login is 4826");
  g_object_set (kiosk.window, "idle-timeout", 2, "idle-warning", 1, NULL);
  kiosk_wait_for_page (kiosk.window, "welcome");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  g_object_set (kiosk.window, "idle-timeout", 60, NULL);
  kiosk_press (kiosk.window, "Something is broken");
  kiosk_wait_for_label (kiosk.window, "Which PC is not working?");
  g_assert_false (widget_shown (kiosk_find_label (kiosk.window, "What is wrong with this PC?")));
  kiosk_close (&kiosk);
}

/* A note longer than the daemon takes: refused with the limit the
 * refusal gave (the kiosk caps nothing itself), and nothing recorded. */
static void
test_note_too_long (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *note = g_strnfill (501, 'x');
  GtkWidget *entry;

  kiosk_open_window (&kiosk, centre, pc_kiosk_token ("PC 2"), 0, 0);
  kiosk_wait_for_label (kiosk.window, "PC 2");
  kiosk_press (kiosk.window, "Something is broken");
  kiosk_wait_for_page (kiosk.window, "fault");
  entry = kiosk_find_widget (GTK_WIDGET (kiosk.window), kiosk_has_css_class, "lh-fault-note");
  gtk_editable_set_text (GTK_EDITABLE (entry), note);
  kiosk_press (kiosk.window, "Sound");
  kiosk_wait_for_label (kiosk.window, "The note is too long or has characters it cannot take. Please keep it to 500 "
                                      "letters and try again.");
  g_assert_false (widget_shown (kiosk_find_label (kiosk.window, THANK_YOU)));
  g_assert_null (open_fault ("PC 2", "sound"));
  kiosk_close (&kiosk);
}

/* A learner about to book a PC when it goes out of order: the kiosk says
 * so in its own words, from the refusal's reason, and shows the day
 * again. */
static void
test_booking_out_of_order (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;
  g_autofree char *admin = NULL;
  g_autofree char *body = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *repair = NULL;
  g_autoptr(JsonObject) report = NULL;
  const LhSlot *slot;
  gint64 fault_id;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  admin = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  kiosk_open_learner (&kiosk, centre, 2);
  kiosk_show_a_free_slot (kiosk.window);
  slot = g_object_get_data (G_OBJECT (kiosk_find_button (kiosk.window, "Free")), "lh-slot");
  g_assert_nonnull (slot);
  refusal = g_strdup_printf ("Sorry, %s is out of order just now, so it cannot be booked. Please pick another PC.",
                             slot->resource_name);
  kiosk_press (kiosk.window, "Free");
  kiosk_wait_for_label (kiosk.window, "Book this time?");
  kiosk_press (kiosk.window, "My own time");

  /* The admin takes it out of use meanwhile (an admin's report stops use). */
  body = g_strdup_printf ("{\"category\": \"screen\", \"resource_id\": %" G_GINT64_FORMAT "}", slot->resource_id);
  g_assert_cmpuint (kiosk_api_call ("POST", "/faults", admin, body, &report), ==, 201);
  fault_id = json_object_get_int_member (json_object_get_object_member (report, "fault"), "id");

  kiosk_press (kiosk.window, "Book it");
  kiosk_wait_for_label (kiosk.window, refusal);
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "Book this time?", "the day's slots");
  kiosk_close (&kiosk);

  repair = g_strdup_printf ("/faults/%" G_GINT64_FORMAT "/repaired", fault_id);
  g_assert_cmpuint (kiosk_api_call ("POST", repair, admin, "{}", NULL), ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/faults/out-of-order-words", test_out_of_order_words);
  g_test_add_func ("/kiosk/faults/pc-kiosk-two-taps", test_pc_kiosk_two_taps);
  g_test_add_func ("/kiosk/faults/desk-kiosk-picks-pc", test_desk_kiosk_picks_pc);
  g_test_add_func ("/kiosk/faults/too-many-reports", test_too_many_reports);
  g_test_add_func ("/kiosk/faults/pc-not-in-inventory", test_pc_not_in_inventory);
  g_test_add_func ("/kiosk/faults/forgotten-when-idle", test_forgotten_when_idle);
  g_test_add_func ("/kiosk/faults/booking-out-of-order", test_booking_out_of_order);
  g_test_add_func ("/kiosk/faults/note-too-long", test_note_too_long);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
