/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A phone number of the learner's own (issue 15): "By phone" shows a
 * field, the on-screen keyboard opens on its digits, a number the daemon
 * refuses comes back to the field in the kiosk's words, a good one is
 * sent, and the ULR's desk shows it beside how to reach them. */
#define G_LOG_DOMAIN "test-advice-contact"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-advice-types.h"
#include "lh-desk-request-view.h"
#include "lh-osk.h"
#include "lh-test-daemon.h"

#define NUMBER "07700 900555"

static LhTestDaemon *centre;  /* (owned) */

static gboolean
is_detail_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_has_css_class (widget, "lh-name-entry");
}

static gboolean
entry_says (LhWindow *window, gconstpointer text)
{
  GtkWidget *entry = kiosk_find_widget (GTK_WIDGET (window), is_detail_entry, NULL);

  return entry != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0;
}

static gboolean
is_osk (GtkWidget *widget, gconstpointer data)
{
  return LH_IS_OSK (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
osk_shown (LhWindow *window, gconstpointer data)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_osk, NULL) != NULL;
}

static gboolean
screen_has (LhWindow *window, gconstpointer text)
{
  g_autofree char *all = kiosk_screen_text (window);

  return strstr (all, text) != NULL;
}

/* Taps each character on the on-screen keyboard, a space as Space. */
static void
tap_number (LhWindow *window, const char *number)
{
  for (const char *c = number; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      kiosk_press (window, *c == ' ' ? "Space" : key);
    }
}

static void
send_it (Kiosk *kiosk)
{
  kiosk_press (kiosk->window, "Next");
  kiosk_wait_for_label (kiosk->window, "Anything you want the ULR to know? (optional)");
  kiosk_press (kiosk->window, "Skip");
  kiosk_wait_for_label (kiosk->window, "Join the drop-in queue?");
}

static void
test_by_phone (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (1, centre->device_token, NULL);
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(JsonObject) request = NULL;
  g_autofree char *path = NULL;
  JsonArray *open;

  kiosk_open_learner (&kiosk, centre, 1);
  kiosk_fill_screen (GTK_WINDOW (kiosk.window));
  kiosk_press (kiosk.window, "Talk to a ULR");
  kiosk_wait_for_page (kiosk.window, "advice");
  kiosk_press (kiosk.window, "Careers advice");
  kiosk_press (kiosk.window, "Join today's drop-in queue");
  kiosk_wait_for_label (kiosk.window, "How should we reach you?");
  kiosk_press (kiosk.window, "By phone");

  /* The field, named by its label, the keyboard on its digits. */
  kiosk_wait_for_label (kiosk.window, "Your phone number");
  kiosk_wait_for (kiosk.window, osk_shown, NULL, "the on-screen keyboard");
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the field to be laid out");
  g_assert_nonnull (kiosk_find_button (kiosk.window, "abc"));
  g_assert_nonnull (kiosk_find_button (kiosk.window, "5"));
  {
    GtkWidget *entry = kiosk_find_widget (GTK_WIDGET (kiosk.window), is_detail_entry, NULL);

    g_assert_nonnull (entry);
    g_assert_cmpint (gtk_widget_get_height (entry), >=, 48);
  }
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "advice-contact-phone");

  /* Too short for a number: the daemon's refusal, in the kiosk's words,
   * back at the field. */
  tap_number (kiosk.window, "0770");
  kiosk_wait_for (kiosk.window, entry_says, "0770", "the digits typed");
  send_it (&kiosk);
  kiosk_press (kiosk.window, "Yes, ask");
  kiosk_wait_for_label (kiosk.window,
                        "This phone number does not look right. Use numbers only, at most 20 characters.");
  kiosk_wait_for_label (kiosk.window, "Your phone number");
  kiosk_wait_for (kiosk.window, osk_shown, NULL, "the on-screen keyboard again");
  kiosk_spin (300);
  kiosk_screenshot (kiosk.window, "advice-contact-refused");

  /* The rest of it, and sent. */
  tap_number (kiosk.window, "0 900555");
  kiosk_wait_for (kiosk.window, entry_says, NUMBER, "the number typed");
  send_it (&kiosk);
  kiosk_wait_for (kiosk.window, screen_has, "By phone, " NUMBER, "the number on the confirm view");
  kiosk_press (kiosk.window, "Yes, ask");
  kiosk_wait_for_label (kiosk.window, "Your ticket number");

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/record", token, NULL, &record), ==, 200);
  open = json_object_get_array_member (record, "open_requests");
  g_assert_cmpuint (json_array_get_length (open), ==, 1);
  path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_array_get_object_element (open, 0), "id"));
  g_assert_cmpuint (kiosk_api_call ("GET", path, token, NULL, &request), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (request, "contact"), ==, "phone");
  g_assert_cmpstr (json_object_get_string_member (request, "contact_detail"), ==, NUMBER);
  kiosk_close (&kiosk);

  /* The desk's view of it, as the ULR sees it once called. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LhAdviceRequest) parsed = lh_advice_request_from_json (request, kiosk_api_time_zone (), &error);
    GtkWidget *window = gtk_window_new ();
    GtkWidget *view = lh_desk_request_view_new ();

    g_assert_no_error (error);
    gtk_window_set_child (GTK_WINDOW (window), view);
    gtk_window_present (GTK_WINDOW (window));
    lh_desk_request_view_show (LH_DESK_REQUEST_VIEW (view), parsed);
    g_assert_nonnull (kiosk_find_widget (view, kiosk_is_label, "By phone: " NUMBER));
    /* The next one shown leaves nothing of it. */
    lh_desk_request_view_reset (LH_DESK_REQUEST_VIEW (view));
    g_assert_null (kiosk_find_widget (view, kiosk_is_label, "By phone: " NUMBER));
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);
  g_test_add_func ("/kiosk/advice-contact/by-phone", test_by_phone);
  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
