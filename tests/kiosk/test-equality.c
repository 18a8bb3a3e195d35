/* SPDX-License-Identifier: GPL-3.0-or-later */
/* About you (optional): real widgets under Xvfb against a real learnhubd
 * with the demo centre. A learner answers some questions, prefers not to
 * say one, leaves the others, saves; a new window shows the answers as
 * saved; Remove my answers leaves none, in the kiosk and in the API. */
#define G_LOG_DOMAIN "test-equality"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

#define LEARNER 3

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */

typedef struct
{
  const char *factor;
  const char *group;
} Answer;

/* The answer's toggle on screen, by the keys the page gives it. */
static gboolean
is_toggle_for (GtkWidget *widget, gconstpointer data)
{
  const Answer *answer = data;

  return GTK_IS_TOGGLE_BUTTON (widget) &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "lh-factor"), answer->factor) == 0 &&
         g_strcmp0 (g_object_get_data (G_OBJECT (widget), "lh-group"), answer->group) == 0;
}

static GtkToggleButton *
toggle_for (LhWindow *window, const char *factor, const char *group)
{
  Answer answer = { factor, group };
  GtkWidget *toggle = kiosk_find_widget (GTK_WIDGET (window), is_toggle_for, &answer);

  g_assert_nonnull (toggle);
  return GTK_TOGGLE_BUTTON (toggle);
}

static void
tap (LhWindow *window, const char *factor, const char *group)
{
  g_signal_emit_by_name (toggle_for (window, factor, group), "clicked");
}

static gboolean
is_active (LhWindow *window, const char *factor, const char *group)
{
  return gtk_toggle_button_get_active (toggle_for (window, factor, group));
}

static gboolean
is_any_active_toggle (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "lh-factor") != NULL &&
         gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (widget));
}

/* The learner's answers as the daemon keeps them. */
static JsonObject *
api_answers (const char *token)
{
  g_autoptr(JsonObject) body = NULL;

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/equality", token, NULL, &body), ==, 200);
  return json_object_ref (json_object_get_object_member (body, "answers"));
}

static gboolean
saved (LhWindow *window, gconstpointer token)
{
  g_autoptr(JsonObject) answers = api_answers (token);

  return json_object_get_size (answers) > 0;
}

static gboolean
questions_shown (LhWindow *window, gconstpointer data)
{
  return kiosk_label_shown (window, "How old are you?") && kiosk_label_shown (window, "What is your gender?");
}

/* Reloaded after the removal: the questions, none answered. */
static gboolean
questions_cleared (LhWindow *window, gconstpointer data)
{
  return questions_shown (window, NULL) && kiosk_laid_out (window, NULL) &&
         kiosk_find_widget (GTK_WIDGET (window), is_any_active_toggle, NULL) == NULL;
}

static void
open_page (Kiosk *kiosk)
{
  kiosk_open_learner (kiosk, centre, LEARNER);
  kiosk_fill_screen (GTK_WINDOW (kiosk->window));
  kiosk_press (kiosk->window, "About you (optional)");
  kiosk_wait_for_page (kiosk->window, "equality");
  kiosk_wait_for (kiosk->window, questions_shown, NULL, "the questions");
}

static void
test_fill_save_restore_remove (void)
{
  g_autofree char *token = kiosk_api_sign_in (LEARNER, centre->device_token, NULL);
  g_autoptr(JsonObject) answers = NULL;
  Kiosk kiosk = { 0 };

  /* The demo learner may have declared: start from nothing. */
  g_assert_cmpuint (kiosk_api_call ("DELETE", "/me/equality", token, NULL, NULL), ==, 204);
  open_page (&kiosk);
  g_assert_null (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_any_active_toggle, NULL));
  g_assert_nonnull (kiosk_find_label_prefix (kiosk.window, "Your answers are private."));
  kiosk_assert_touch_targets (kiosk.window);

  /* One answer a question: choosing another lets go of the first; the
   * chosen one tapped again leaves the question unanswered. */
  tap (kiosk.window, "age-band", "prefer-not-to-say");
  tap (kiosk.window, "age-band", "35-44");
  g_assert_false (is_active (kiosk.window, "age-band", "prefer-not-to-say"));
  tap (kiosk.window, "gender", "woman");
  tap (kiosk.window, "ethnicity", "prefer-not-to-say");
  tap (kiosk.window, "caring", "yes");
  tap (kiosk.window, "caring", "yes");
  g_assert_false (is_active (kiosk.window, "caring", "yes"));
  kiosk_screenshot (kiosk.window, "about-you");
  kiosk_press (kiosk.window, "Save");
  kiosk_wait_for (kiosk.window, saved, token, "the answers saved");

  answers = api_answers (token);
  g_assert_cmpuint (json_object_get_size (answers), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (answers, "age-band"), ==, "35-44");
  g_assert_cmpstr (json_object_get_string_member (answers, "gender"), ==, "woman");
  g_assert_cmpstr (json_object_get_string_member (answers, "ethnicity"), ==, "prefer-not-to-say");
  kiosk_close (&kiosk);

  /* Another sign-in: the answers as saved, and only those. */
  open_page (&kiosk);
  g_assert_true (is_active (kiosk.window, "age-band", "35-44"));
  g_assert_true (is_active (kiosk.window, "gender", "woman"));
  g_assert_true (is_active (kiosk.window, "ethnicity", "prefer-not-to-say"));
  g_assert_false (is_active (kiosk.window, "caring", "yes"));
  g_assert_false (is_active (kiosk.window, "caring", "prefer-not-to-say"));

  kiosk_press (kiosk.window, "Remove my answers");
  kiosk_wait_for_label (kiosk.window, "Remove all your answers?");
  kiosk_screenshot (kiosk.window, "about-you-remove");
  kiosk_press (kiosk.window, "Yes, remove them");
  kiosk_wait_for (kiosk.window, questions_cleared, NULL, "the questions again, none answered");
  g_clear_pointer (&answers, json_object_unref);
  answers = api_answers (token);
  g_assert_cmpuint (json_object_get_size (answers), ==, 0);
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

  g_test_add_func ("/kiosk/equality/fill-save-restore-remove", test_fill_save_restore_remove);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
