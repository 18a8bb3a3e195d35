/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules change in the daemon (learnhubctl rules set --min-minutes 30)
 * and the kiosk follows from sign-in's limits alone: real widgets under
 * Xvfb against a real learnhubd with the demo centre. */
#define G_LOG_DOMAIN "test-rules-live"

#include <adwaita.h>

#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-may.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */

static void
setup_centre (const char *db_path,
              gpointer    user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *set = lh_test_run_ctl (db_path, &error, "rules", "set", "--min-minutes", "30", NULL);

  g_assert_no_error (error);
}

static void
test_limits_follow_daemon (void)
{
  Kiosk kiosk = { 0 };
  LhPerson *person;

  kiosk_open_learner (&kiosk, centre, 1);
  person = lh_client_get_person (kiosk.client);
  g_assert_nonnull (person);
  /* The slot is the daemon's shortest booking, not a kiosk's 15. */
  g_assert_cmpint (person->limits.slot_minutes, ==, 30);
  g_assert_cmpint (person->limits.min_booking_minutes, ==, 30);
  g_assert_cmpint (person->limits.check_in_early_minutes, >, 0);
  /* A learner who is staff: computers and rooms, not the committee's. */
  g_assert_false (person->guest);
  g_assert_true (lh_may (person, LH_WAY_BOOK_COMPUTERS));
  g_assert_false (lh_may (person, LH_WAY_COMMITTEE));
  g_assert_false (lh_may (person, LH_WAY_ADMIN));
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start_with_setup (NULL, setup_centre, NULL);

  g_test_add_func ("/kiosk/rules/limits-follow-daemon", test_limits_follow_daemon);

  status = g_test_run ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
