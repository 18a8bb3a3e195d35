/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner is told that their booking moved off a PC out of order: at
 * sign-in on the home page (and My bookings shows it on its new PC), and
 * live while signed in. Real widgets under Xvfb against a real learnhubd
 * with the demo centre; the fault is reported over the API from the
 * PC's own kiosk. */
#define G_LOG_DOMAIN "test-fault-notices"

#include <adwaita.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-booking-notice.h"
#include "lh-mine-words.h"
#include "lh-test-clock.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) */

#define MOVED_PREFIX "Your booking on "

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

/* Tomorrow (a Wednesday by the tests' clock) at 20:00, when the demo's
 * PCs are open and mostly free. */
static GDateTime *
tomorrow_evening (void)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (kiosk_api_time_zone ());
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 1);

  return g_date_time_new (kiosk_api_time_zone (), g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), 20, 0, 0);
}

/* Books the first of PC 1 to PC 8 free then, for an hour; returns the
 * booking (transfer full). */
static JsonObject *
book_some_pc (const char *token,
              GDateTime  *start)
{
  g_autoptr(GDateTime) end = g_date_time_add_hours (start, 1);
  g_autofree char *start_text = kiosk_api_time_text (start);
  g_autofree char *end_text = kiosk_api_time_text (end);

  for (int pc = 1; pc <= 8; pc++)
    {
      g_autofree char *name = g_strdup_printf ("PC %d", pc);
      g_autofree char *json = g_strdup_printf ("{\"resource_id\": %" G_GINT64_FORMAT ", \"start\": \"%s\", "
                                               "\"end\": \"%s\"}",
                                               kiosk_api_resource_id (token, name), start_text, end_text);
      JsonObject *booking = NULL;

      if (kiosk_api_call ("POST", "/bookings", token, json, &booking) == 201)
        return booking;
      g_clear_pointer (&booking, json_object_unref);
    }
  g_assert_not_reached ();
}

/* "Screen" from the PC's own kiosk: it stops use, so its bookings move. */
static void
report_screen_fault (const char *pc)
{
  g_autoptr(JsonObject) reported = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", "/faults", pc_kiosk_token (pc), "{\"category\": \"screen\"}",
                                    &reported), ==, 201);
  g_assert_cmpint (json_object_get_int_member (reported, "bookings_moved"), >=, 1);
}

/* Where the booking is now, as its learner sees it in GET /me/bookings. */
static char *
booked_pc_now (const char *token,
               gint64      booking_id)
{
  g_autoptr(JsonObject) mine = NULL;
  JsonArray *bookings;

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/bookings", token, NULL, &mine), ==, 200);
  bookings = json_object_get_array_member (mine, "bookings");
  for (guint i = 0; i < json_array_get_length (bookings); i++)
    {
      JsonObject *booking = json_array_get_object_element (bookings, i);

      if (json_object_get_int_member (booking, "id") == booking_id)
        return g_strdup (json_object_get_string_member (booking, "resource_name"));
    }
  g_assert_not_reached ();
}

static char *
expected_notice (const char *from,
                 const char *to)
{
  return g_strdup_printf (MOVED_PREFIX "Wednesday 13 January, 20:00–21:00 moved from %s to %s: %s is out of order.",
                          from, to, from);
}

/* ---- tests ------------------------------------------------------------ */

/* A cancellation names no PC it went to, and says why; several notices
 * are one line each. */
static void
test_cancelled_words (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_booking_notice_free);
  g_autoptr(LhBookingNotice) sent = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"type\": \"booking-cancelled\", \"reason\": \"pc-out-of-order\", "
                                             "\"booking_id\": 9, \"notice_id\": 4, "
                                             "\"start\": \"2026-11-24T10:00:00Z\", \"end\": \"2026-11-24T12:00:00Z\", "
                                             "\"from_pc\": \"PC 8\", "
                                             "\"to_pc\": null, \"paid_time_given_back\": false}", -1, &error));
  sent = lh_booking_notice_from_json (json_node_get_object (json_parser_get_root (parser)), utc, &error);
  g_assert_no_error (error);
  g_assert_null (sent->to_pc);
  g_ptr_array_add (notices, g_steal_pointer (&sent));
  text = lh_booking_notices_format (notices);
  g_assert_cmpstr (text, ==, "Your booking on Tuesday 24 November, 10:00–12:00 was cancelled: PC 8 is out of "
                             "order and no other PC was free then.");
  /* Its paid time off went with it: said so. */
  ((LhBookingNotice *) g_ptr_array_index (notices, 0))->paid_time_back = TRUE;
  g_clear_pointer (&text, g_free);
  text = lh_booking_notices_format (notices);
  g_assert_true (g_str_has_suffix (text, "no other PC was free then. Your paid time off for it was given back."));
  g_ptr_array_set_size (notices, 0);
  g_clear_pointer (&text, g_free);
  g_assert_null (lh_booking_notices_format (notices));
}

/* Away when it happened: told on the home page at sign-in, once; My
 * bookings shows the booking on its new PC. */
static void
test_told_at_sign_in (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(GDateTime) start = tomorrow_evening ();
  g_autoptr(GDateTime) now = lh_test_clock_now_in (kiosk_api_time_zone ());
  g_autofree char *token = kiosk_api_sign_in (1, centre->device_token, NULL);
  g_autoptr(JsonObject) booking = book_some_pc (token, start);
  g_autofree char *from = g_strdup (json_object_get_string_member (booking, "resource_name"));
  g_autofree char *to = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *when = NULL;
  g_autofree char *row = NULL;

  g_assert_cmpuint (kiosk_api_call ("DELETE", "/sessions/current", token, NULL, NULL), ==, 204);
  report_screen_fault (from);

  kiosk_open_learner (&kiosk, centre, 1);
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, MOVED_PREFIX, "the notice");
  /* Signed in again aside, to read where the booking went. */
  g_clear_pointer (&token, g_free);
  token = kiosk_api_sign_in (1, centre->device_token, NULL);
  to = booked_pc_now (token, json_object_get_int_member (booking, "id"));
  g_assert_cmpstr (to, !=, from);
  notice = expected_notice (from, to);
  kiosk_wait_for_label (kiosk.window, notice);
  kiosk_screenshot (kiosk.window, "kiosk-home-booking-moved");

  kiosk_press (kiosk.window, "My bookings");
  kiosk_wait_for_page (kiosk.window, "bookings");
  when = lh_mine_format_when (start, now);
  row = g_strdup_printf ("%s, %s to 21:00", to, when);
  kiosk_wait_for_label (kiosk.window, row);
  kiosk_close (&kiosk);

  /* Shown once: not at the next sign-in. */
  kiosk_open_learner (&kiosk, centre, 1);
  g_assert_false (kiosk_wait_at_most (kiosk.window, kiosk_label_prefix_shown, MOVED_PREFIX, 1000));
  kiosk_close (&kiosk);
}

/* Signed in when it happens: told at once, on the home page. */
static void
test_told_live (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(GDateTime) start = tomorrow_evening ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *token = kiosk_api_sign_in (2, centre->device_token, NULL);
  g_autoptr(JsonObject) booking = NULL;

  booking = book_some_pc (token, start);
  from = g_strdup (json_object_get_string_member (booking, "resource_name"));
  kiosk_open_learner (&kiosk, centre, 2);
  kiosk_wait_for (kiosk.window, kiosk_stream_open, kiosk.client, "the event stream");
  g_assert_false (kiosk_label_prefix_shown (kiosk.window, MOVED_PREFIX));

  report_screen_fault (from);
  to = booked_pc_now (token, json_object_get_int_member (booking, "id"));
  notice = expected_notice (from, to);
  kiosk_wait_for_label (kiosk.window, notice);
  kiosk_close (&kiosk);

  /* Shown live, so not again at the next sign-in. */
  kiosk_open_learner (&kiosk, centre, 2);
  g_assert_false (kiosk_wait_at_most (kiosk.window, kiosk_label_prefix_shown, MOVED_PREFIX, 1000));
  kiosk_close (&kiosk);
}

/* The desk kiosk keeps several sessions: a notice for a learner who
 * signed in there earlier is not shown to the one at it now, and so not
 * marked told; its own learner hears of it at their next sign-in, and
 * then, shown it, not again. */
static void
heard_cb (LhClient   *client,
          const char *type,
          JsonNode   *data,
          gboolean   *heard)
{
  *heard = TRUE;
}

static gboolean
is_true (LhWindow      *window,
         gconstpointer  flag)
{
  return *(const gboolean *) flag;
}

static void
test_not_told_to_someone_else (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(GDateTime) start = tomorrow_evening ();
  g_autofree char *away = kiosk_api_sign_in (3, centre->device_token, NULL);
  g_autoptr(JsonObject) booking = book_some_pc (away, start);
  g_autofree char *from = g_strdup (json_object_get_string_member (booking, "resource_name"));
  g_autofree char *to = NULL;
  g_autofree char *notice = NULL;
  gboolean heard = FALSE;

  kiosk_open_learner (&kiosk, centre, 4);
  kiosk_wait_for (kiosk.window, kiosk_stream_open, kiosk.client, "the event stream");
  /* Connected after the window's handler, so it runs after it: once
   * heard, the window has had the event and drawn it, or not. */
  g_signal_connect (kiosk.client, "event::booking-moved", G_CALLBACK (heard_cb), &heard);
  report_screen_fault (from);
  to = booked_pc_now (away, json_object_get_int_member (booking, "id"));
  notice = expected_notice (from, to);
  kiosk_wait_for (kiosk.window, is_true, &heard, "the booking-moved event at the other person's kiosk");
  g_assert_false (kiosk_wait_at_most (kiosk.window, kiosk_label_prefix_shown, MOVED_PREFIX, 1000));
  g_signal_handlers_disconnect_by_func (kiosk.client, heard_cb, &heard);
  kiosk_close (&kiosk);

  kiosk_open_learner (&kiosk, centre, 3);
  kiosk_wait_for_label (kiosk.window, notice);
  kiosk_close (&kiosk);

  kiosk_open_learner (&kiosk, centre, 3);
  g_assert_false (kiosk_wait_at_most (kiosk.window, kiosk_label_prefix_shown, MOVED_PREFIX, 1000));
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/fault-notices/cancelled-words", test_cancelled_words);
  g_test_add_func ("/kiosk/fault-notices/told-at-sign-in", test_told_at_sign_in);
  g_test_add_func ("/kiosk/fault-notices/told-live", test_told_live);
  g_test_add_func ("/kiosk/fault-notices/not-told-to-someone-else", test_not_told_to_someone_else);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
