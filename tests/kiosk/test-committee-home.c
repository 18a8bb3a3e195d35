/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's next meeting on a committee member's home page: the
 * demo's committee meets on the second Wednesday of every other month,
 * so at the tests' clock (Tuesday 12 January 2027) tomorrow. A learner
 * sees none of it. Real widgets under Xvfb against a real learnhubd with
 * the demo centre. */
#define G_LOG_DOMAIN "test-committee-home"

#include <adwaita.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-next-meeting-tile.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) */

/* The demo's committee member (a learner too). */
static void
demo_committee (const char **staff, const char **pin, const char **name)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (centre->demo), "accounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *roles = json_object_get_array_member (account, "roles");

      for (guint r = 0; r < json_array_get_length (roles); r++)
        if (g_str_equal (json_array_get_string_element (roles, r), "committee"))
          {
            *staff = json_object_get_string_member (account, "staff_number");
            *pin = json_object_get_string_member (account, "pin");
            *name = json_object_get_string_member (account, "name");
            return;
          }
    }
  g_error ("No demo committee member");
}

static void
test_words (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) starts_at = g_date_time_new (tz, 2027, 1, 13, 14, 0, 0);
  g_autoptr(GDateTime) evening_before = g_date_time_new (tz, 2027, 1, 12, 22, 30, 0);
  g_autoptr(GDateTime) week_before = g_date_time_new (tz, 2027, 1, 8, 9, 0, 0);
  g_autoptr(GDateTime) that_morning = g_date_time_new (tz, 2027, 1, 13, 9, 0, 0);
  LhNextMeeting meeting = { TRUE, 1, starts_at, (char *) "Training room" };
  g_autofree char *tomorrow = lh_next_meeting_describe (&meeting, evening_before);
  g_autofree char *in_days = lh_next_meeting_describe (&meeting, week_before);
  g_autofree char *today = lh_next_meeting_describe (&meeting, that_morning);

  g_assert_cmpstr (tomorrow, ==, "Wednesday 13 January, 14:00, Training room: tomorrow");
  g_assert_cmpstr (in_days, ==, "Wednesday 13 January, 14:00, Training room: in 5 days");
  g_assert_cmpstr (today, ==, "Wednesday 13 January, 14:00, Training room: today");
}

static void
test_committee_sees_next (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;

  demo_committee (&staff, &pin, &name);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_wait_for_label (kiosk.window, "Wednesday 13 January, 14:00, Training room: tomorrow");
  g_assert_true (kiosk_label_shown (kiosk.window, "Next committee meeting"));
  kiosk_screenshot (kiosk.window, "kiosk-committee-home");
  kiosk_close (&kiosk);
}

static void
test_learner_sees_none (void)
{
  Kiosk kiosk = { 0 };

  kiosk_open_learner (&kiosk, centre, 1);
  kiosk_wait_for (kiosk.window, kiosk_stream_open, kiosk.client, "the event stream");
  kiosk_spin (500);
  g_assert_false (kiosk_label_shown (kiosk.window, "Next committee meeting"));
  g_assert_false (kiosk_label_prefix_shown (kiosk.window, "Wednesday 13 January, 14:00"));
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

  g_test_add_func ("/kiosk/committee-home/words", test_words);
  g_test_add_func ("/kiosk/committee-home/committee-sees-next", test_committee_sees_next);
  g_test_add_func ("/kiosk/committee-home/learner-sees-none", test_learner_sees_none);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
