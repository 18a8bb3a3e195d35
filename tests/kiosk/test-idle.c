/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The idle warning follows the centre's configuration, not the kiosk's:
 * when it comes, how long it lasts (20 seconds at least), more time on a
 * page taller than the screen, and an alert that screen readers say.
 * Real widgets under Xvfb against a real learnhubd; the idle monitor's
 * clock is the test's, moved by hand. */
#define G_LOG_DOMAIN "test-idle"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

/* The monitor's clock, in µs: only the test moves it. */
static gint64 fake_now = 1000 * G_USEC_PER_SEC;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

/* Moves the clock to this many seconds after the last input and lets
 * the monitor see it (it ticks four times a second). */
static void
idle_for (gint64 start, int seconds)
{
  fake_now = start + (gint64) seconds * G_USEC_PER_SEC;
  kiosk_spin (600);
}

static LhTestDaemon *
start_daemon (const char *centre_keys)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("learnhub-idle-XXXXXX", &error);
  g_autofree char *config = NULL;
  g_autofree char *contents = NULL;
  LhTestDaemon *daemon;

  g_assert_no_error (error);
  config = g_build_filename (dir, "learnhubd.conf", NULL);
  contents = g_strdup_printf ("[centre]\n%s", centre_keys);
  g_file_set_contents (config, contents, -1, &error);
  g_assert_no_error (error);
  daemon = lh_test_daemon_start ((const char *[]) { "--config", config, NULL });
  /* The daemon read it as it started. */
  g_unlink (config);
  g_rmdir (dir);
  return daemon;
}

static gboolean
is_alert (GtkWidget *widget, gconstpointer data)
{
  return gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ALERT;
}

/* Opens a window of this size, signs in as the first demo learner, with
 * the monitor on the test's clock. Returns the clock at the last input. */
static gint64
open_signed_in (Kiosk *kiosk, LhTestDaemon *daemon, int width, int height)
{
  const char *staff, *pin, *name;

  kiosk_demo_learner (daemon, 0, &staff, &pin, &name);
  kiosk_open_window (kiosk, daemon, daemon->device_token, width, height);
  lh_idle_monitor_set_clock (lh_window_get_idle_monitor (kiosk->window), fake_clock, NULL);
  kiosk_sign_in (kiosk->window, staff, pin, name);
  /* Each touch started the count again: the last was now. */
  return fake_now;
}

/* idle-seconds=40, idle-warning-seconds=25: the warning comes after 40
 * untouched seconds, is an alert that says itself, and lasts 25. */
static void
test_warning_from_daemon (void)
{
  g_autoptr(LhTestDaemon) daemon = start_daemon ("idle-seconds=40\nidle-long-page-seconds=90\n"
                                                 "idle-warning-seconds=25\n");
  Kiosk kiosk = { 0 };
  GtkWidget *alert;
  gint64 start;

  start = open_signed_in (&kiosk, daemon, 0, 0);
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "home");

  idle_for (start, 39);
  g_assert_null (kiosk_find_label (kiosk.window, "Are you still there?"));
  idle_for (start, 40);
  kiosk_wait_for_label (kiosk.window, "Signing you out in 25 seconds");
  kiosk_screenshot (kiosk.window, "idle-warning");

  /* Announced: an alert whose name is the whole warning. */
  alert = kiosk_find_widget (GTK_WIDGET (kiosk.window), is_alert, NULL);
  g_assert_nonnull (alert);
  g_assert_true (gtk_widget_get_mapped (alert));
  gtk_test_accessible_assert_property (alert, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Are you still there? Signing you out in 25 seconds");

  /* It lasts the 25 seconds the centre set, more than WCAG's 20. */
  idle_for (start, 40 + 20);
  kiosk_wait_for_label (kiosk.window, "Signing you out in 5 seconds");
  idle_for (start, 40 + 24);
  kiosk_wait_for_label (kiosk.window, "Signing you out in 1 second");
  g_assert_true (lh_client_is_signed_in (kiosk.client));
  idle_for (start, 40 + 25);
  kiosk_wait_for_page (kiosk.window, "welcome");
  g_assert_false (lh_client_is_signed_in (kiosk.client));
  kiosk_close (&kiosk);
}

/* Another centre, other timing: the kiosk follows it. */
static void
test_other_daemon_other_timing (void)
{
  g_autoptr(LhTestDaemon) daemon = start_daemon ("idle-seconds=20\nidle-warning-seconds=45\n");
  Kiosk kiosk = { 0 };
  gint64 start;

  start = open_signed_in (&kiosk, daemon, 0, 0);
  idle_for (start, 19);
  g_assert_null (kiosk_find_label (kiosk.window, "Are you still there?"));
  idle_for (start, 20);
  kiosk_wait_for_label (kiosk.window, "Signing you out in 45 seconds");

  /* "I'm still here" sends it away and counts again from then. */
  kiosk_press (kiosk.window, "I’m still here");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "Are you still there?", "the warning to go");
  start = fake_now;
  idle_for (start, 19);
  g_assert_null (kiosk_find_label (kiosk.window, "Are you still there?"));
  idle_for (start, 20);
  kiosk_wait_for_label (kiosk.window, "Signing you out in 45 seconds");
  kiosk_close (&kiosk);
}

/* A page taller than the screen gets the centre's longer time. */
static void
test_long_page_more_time (void)
{
  g_autoptr(LhTestDaemon) daemon = start_daemon ("idle-seconds=30\nidle-long-page-seconds=120\n"
                                                 "idle-warning-seconds=20\n");
  Kiosk kiosk = { 0 };
  gint64 start;

  /* A short screen: the week's bookable times do not fit it. */
  open_signed_in (&kiosk, daemon, 1024, 600);
  kiosk_press (kiosk.window, "Book a computer");
  kiosk_wait_for_page (kiosk.window, "book");
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the page to be laid out");
  start = fake_now;

  idle_for (start, 30);
  idle_for (start, 119);
  g_assert_null (kiosk_find_label (kiosk.window, "Are you still there?"));
  idle_for (start, 120);
  kiosk_wait_for_label (kiosk.window, "Signing you out in 20 seconds");
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  kiosk_test_init (&argc, &argv);

  g_test_add_func ("/kiosk/idle/warning-from-daemon", test_warning_from_daemon);
  g_test_add_func ("/kiosk/idle/other-daemon-other-timing", test_other_daemon_other_timing);
  g_test_add_func ("/kiosk/idle/long-page-more-time", test_long_page_more_time);

  return g_test_run ();
}
