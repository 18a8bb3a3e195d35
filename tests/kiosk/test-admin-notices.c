/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admin's notices on the home page: signed in at the desk, the demo's
 * admin sees the headset's overdue repair, the printer's overdue service
 * and the computers' safety test due soon, in plain words; a fault
 * reported at a PC comes by itself, and Dismiss takes it away. A learner
 * sees none of it. Real widgets under Xvfb against a real learnhubd with
 * the demo centre. */
#define G_LOG_DOMAIN "test-admin-notices"

#include <adwaita.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-admin-notices.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) */

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

static void
open_admin (Kiosk *kiosk)
{
  const char *staff, *pin, *name;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  kiosk_open_signed_in (kiosk, centre, staff, pin, name);
  kiosk_wait_for (kiosk->window, kiosk_stream_open, kiosk->client, "the event stream");
}

/* The words of each kind of notice, from the daemon's own answer. */
static void
test_words (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) due = g_date_time_new (tz, 2026, 12, 12, 0, 0, 0);
  g_autoptr(GDateTime) reported = g_date_time_new (tz, 2026, 11, 27, 10, 0, 0);
  LhAdminNotice fault = { 1, "fault-overdue", "sound", reported, NULL, NULL, "LC-0241", "headset", NULL };
  LhAdminNotice pc_fault = { 2, "fault-reported", "keyboard-mouse", reported, NULL, NULL, "LC-0005", "computer",
                             "PC 5" };
  LhAdminNotice check = { 3, "check-due", NULL, NULL, "Electrical safety test (PAT)", due, NULL, "computer", NULL };
  LhAdminNotice centre_check = { 4, "check-overdue", NULL, NULL, "Fire extinguisher check", due, NULL, NULL, NULL };
  g_autofree char *fault_words = lh_admin_notice_describe (&fault);
  g_autofree char *pc_words = lh_admin_notice_describe (&pc_fault);
  g_autofree char *check_words = lh_admin_notice_describe (&check);
  g_autofree char *centre_words = lh_admin_notice_describe (&centre_check);

  g_assert_cmpstr (fault_words, ==, "Repair overdue on LC-0241 (headset): sound, reported Friday 27 November.");
  g_assert_cmpstr (pc_words, ==, "New fault on PC 5 (LC-0005): keyboard or mouse.");
  g_assert_cmpstr (check_words, ==, "Check due Saturday 12 December: Electrical safety test (PAT), every computer.");
  g_assert_cmpstr (centre_words, ==, "Check overdue since Saturday 12 December: Fire extinguisher check, the centre.");
}

/* Presses the Dismiss button beside the notice with those words. */
static void
dismiss_notice (LhWindow   *window,
                const char *words)
{
  GtkWidget *label = kiosk_find_widget (GTK_WIDGET (window), kiosk_is_label, words);
  GtkWidget *button;

  g_assert_nonnull (label);
  button = kiosk_find_widget (gtk_widget_get_parent (label), kiosk_is_button, "Dismiss");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* At sign-in the notices kept while no admin was there; a new fault
 * live; Dismiss. */
static void
test_admin_sees_notices (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(JsonObject) report = NULL;

  open_admin (&kiosk);
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Repair overdue on LC-0241 (headset): sound, reported ",
                  "the overdue headset");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Check overdue since ", "the printer's service");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Check due ", "the safety test due soon");
  g_assert_true (kiosk_label_prefix_shown (kiosk.window, "For the admin: "));
  kiosk_screenshot (kiosk.window, "kiosk-admin-notices");

  /* Reported at PC 3 while the admin looks: it comes by itself. */
  g_assert_cmpuint (kiosk_api_call ("POST", "/faults", pc_kiosk_token ("PC 3"), "{\"category\": \"sound\"}",
                                    &report), ==, 201);
  kiosk_wait_for_label (kiosk.window, "New fault on PC 3 (LC-0003): sound.");
  /* Its own row's Dismiss (the overdue ones come first). */
  dismiss_notice (kiosk.window, "New fault on PC 3 (LC-0003): sound.");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "New fault on PC 3 (LC-0003): sound.", "the dismissed notice");
  g_assert_true (kiosk_label_prefix_shown (kiosk.window, "Repair overdue on LC-0241"));
  kiosk_close (&kiosk);
}

/* A learner at the same kiosk sees none of it. */
static void
test_learner_sees_none (void)
{
  Kiosk kiosk = { 0 };

  kiosk_open_learner (&kiosk, centre, 1);
  kiosk_wait_for (kiosk.window, kiosk_stream_open, kiosk.client, "the event stream");
  kiosk_spin (500);
  g_assert_false (kiosk_label_prefix_shown (kiosk.window, "For the admin: "));
  g_assert_false (kiosk_label_prefix_shown (kiosk.window, "Repair overdue on "));
  g_assert_false (kiosk_label_prefix_shown (kiosk.window, "Check due "));
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

  g_test_add_func ("/kiosk/admin-notices/words", test_words);
  g_test_add_func ("/kiosk/admin-notices/admin-sees-them", test_admin_sees_notices);
  g_test_add_func ("/kiosk/admin-notices/learner-sees-none", test_learner_sees_none);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
