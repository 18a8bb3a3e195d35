/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Signing in with fewer taps and with a physical keyboard (issue 15): the
 * keypad moves on by itself after the last digit, but only when the
 * daemon says how long staff numbers and PINs are; digits, Backspace,
 * Enter and Escape typed on a keyboard work on every step. */
#define G_LOG_DOMAIN "test-keyboard"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-helpers.h"
#include "kiosk-keys.h"
#include "lh-test-daemon.h"

static LhTestDaemon *centre;       /* (owned) the demo: six-digit staff numbers, PINs of any length */
static LhTestDaemon *fixed_pins;   /* (owned) the same, with [centre] pin-digits=4 */

static const char *
page (Kiosk *kiosk)
{
  return lh_window_get_visible_page_name (kiosk->window);
}

/* What the keypad's display shows. */
static gboolean
display_is (LhWindow      *window,
            gconstpointer  text)
{
  GtkWidget *display = kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, "lh-display");

  return display != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (display)), text) == 0;
}

/* The sixth digit goes on to the PIN; the PIN's length is not fixed, so
 * Sign in is still tapped. */
static void
test_staff_number_moves_on (void)
{
  Kiosk kiosk;
  const char *staff, *pin, *name;

  kiosk_demo_learner (centre, 0, &staff, &pin, &name);
  kiosk_open_window (&kiosk, centre, centre->device_token, 0, 0);
  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  kiosk_type_digits (kiosk.window, staff);
  kiosk_wait_for_label (kiosk.window, "Type your PIN");
  g_assert_null (kiosk_find_button (kiosk.window, "Next"));
  kiosk_type_digits (kiosk.window, pin);
  kiosk_spin (500);
  g_assert_cmpstr (page (&kiosk), ==, "sign-in");
  kiosk_press (kiosk.window, "Sign in");
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_close (&kiosk);
}

/* With PINs of one length too: the last digit signs in. Tap to start,
 * six digits and four: 11 taps, where there were 13. */
static void
test_pin_signs_in (void)
{
  Kiosk kiosk;
  const char *staff, *pin, *name;
  g_autofree char *hello = NULL;

  kiosk_demo_learner (fixed_pins, 0, &staff, &pin, &name);
  g_assert_cmpuint (strlen (pin), ==, 4);
  hello = g_strdup_printf ("Hello, %s", name);
  kiosk_open_window (&kiosk, fixed_pins, fixed_pins->device_token, 0, 0);
  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  kiosk_type_digits (kiosk.window, staff);
  kiosk_wait_for_label (kiosk.window, "Type your PIN");
  kiosk_type_digits (kiosk.window, pin);
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_wait_for_label (kiosk.window, hello);
  kiosk_close (&kiosk);
}

/* A roster whose numbers differ in length: the kiosk cannot know when
 * one is whole, and Next stays the way on. */
static void
test_not_fixed_keeps_next (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-keys-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "people.csv", NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  Kiosk kiosk;
  const char *staff, *pin, *name;

  g_assert_true (g_file_set_contents (csv, "staff_number,name,hours_per_week,roles,pin\n"
                                           "4321,Short Number,37.5,learner,5555\n", -1, NULL));
  out = lh_test_run_ctl (fixed_pins->db_path, &error, "import-staff", csv, NULL);
  g_assert_no_error (error);
  g_unlink (csv);
  g_rmdir (dir);

  kiosk_demo_learner (fixed_pins, 1, &staff, &pin, &name);
  kiosk_open_window (&kiosk, fixed_pins, fixed_pins->device_token, 0, 0);
  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  kiosk_type_digits (kiosk.window, staff);
  kiosk_spin (1000);
  g_assert_null (kiosk_find_label (kiosk.window, "Type your PIN"));
  kiosk_press (kiosk.window, "Next");
  kiosk_wait_for_label (kiosk.window, "Type your PIN");
  /* The PIN's length is still the centre's: the last digit signs in. */
  kiosk_type_digits (kiosk.window, pin);
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_close (&kiosk);
}

/* Typed on a keyboard: digits in the staff number and in the PIN,
 * Backspace, Enter to sign in, Escape back a step and back to the start. */
static void
test_physical_keyboard (void)
{
  Kiosk kiosk;
  const char *staff, *pin, *name;
  g_autofree char *hello = NULL;

  kiosk_demo_learner (centre, 1, &staff, &pin, &name);
  hello = g_strdup_printf ("Hello, %s", name);
  kiosk_open_window (&kiosk, centre, centre->device_token, 0, 0);
  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");

  /* A slip, taken back with Backspace. */
  kiosk_type_keys (kiosk.window, "97");
  kiosk_wait_for (kiosk.window, display_is, "97", "97 typed");
  kiosk_send_key (kiosk.window, GDK_KEY_BackSpace);
  kiosk_wait_for (kiosk.window, display_is, "9", "the 7 deleted");
  kiosk_send_key (kiosk.window, GDK_KEY_BackSpace);
  kiosk_wait_for (kiosk.window, display_is, "", "the 9 deleted");
  kiosk_type_keys (kiosk.window, staff);
  kiosk_wait_for_label (kiosk.window, "Type your PIN");

  /* Escape: back to the staff number, then back to the start. */
  kiosk_send_key (kiosk.window, GDK_KEY_Escape);
  kiosk_wait_for_label (kiosk.window, "Type your staff number");
  kiosk_send_key (kiosk.window, GDK_KEY_Escape);
  kiosk_wait_for_page (kiosk.window, "welcome");

  kiosk_press (kiosk.window, "Tap to start");
  kiosk_wait_for_page (kiosk.window, "sign-in");
  kiosk_type_keys (kiosk.window, staff);
  kiosk_wait_for_label (kiosk.window, "Type your PIN");
  /* The PIN's digits count, though Next (insensitive now) had the focus. */
  kiosk_type_keys (kiosk.window, pin);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Sign in", "Sign in ready");
  kiosk_send_key (kiosk.window, GDK_KEY_Return);
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_wait_for_label (kiosk.window, hello);
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *config = NULL;
  int status;

  kiosk_test_init (&argc, &argv);

  dir = g_dir_make_tmp ("learnhub-keyboard-XXXXXX", NULL);
  config = g_build_filename (dir, "learnhubd.conf", NULL);
  g_assert_true (g_file_set_contents (config, "[centre]\npin-digits=4\n", -1, NULL));
  centre = lh_test_daemon_start (NULL);
  fixed_pins = lh_test_daemon_start ((const char * const[]) { "--config", config, NULL });

  g_test_add_func ("/kiosk/sign-in/staff-number-moves-on", test_staff_number_moves_on);
  g_test_add_func ("/kiosk/sign-in/pin-signs-in", test_pin_signs_in);
  g_test_add_func ("/kiosk/keyboard/sign-in", test_physical_keyboard);
  /* Last: it changes the roster's shape. */
  g_test_add_func ("/kiosk/sign-in/not-fixed-keeps-next", test_not_fixed_keeps_next);

  status = g_test_run ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  g_clear_pointer (&fixed_pins, lh_test_daemon_stop);
  g_unlink (config);
  g_rmdir (dir);
  return status;
}
