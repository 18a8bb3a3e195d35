/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's record, for their ULR, at the desk: real widgets under
 * Xvfb against a real learnhubd with the demo centre. A ULR calls a
 * learner's ticket and, from "See their record", adds a note, a
 * goal with a date and a step towards it, ticks the step done and
 * records a learning MOT, all by tapping but for the words; the API then
 * returns each in the learner's record. An empty note and one the daemon
 * refuses say why; a learner the ULR does not support cannot be reached,
 * from the kiosk's client or the API. */
#define G_LOG_DOMAIN "test-desk-record"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-client-advice.h"
#include "lh-client-desk.h"
#include "lh-test-daemon.h"
#include "lh-window.h"
#include "lh-test-clock.h"

#define NOTE "Looked at the ESOL course at the college together."
#define GOAL "Pass ESOL Entry 3"
#define STEP "Enrol at the college"
#define MOT  "Wants to write reports at work; ESOL first."

static LhTestDaemon *centre;  /* (owned) */

/* The n-th demo learner's id, and their record as they see it. */
static gint64
learner_id (guint        n,
            JsonObject **record)
{
  g_autofree char *token = kiosk_api_sign_in (n, centre->device_token, NULL);
  g_autoptr(JsonObject) body = NULL;
  gint64 id;

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/record", token, NULL, &body), ==, 200);
  id = json_object_get_int_member (body, "learner_id");
  kiosk_api_call ("DELETE", "/sessions/current", token, NULL, NULL);
  if (record != NULL)
    *record = g_steal_pointer (&body);
  return id;
}

static gboolean
supported_by (JsonObject *record,
              gint64      ulr_id)
{
  JsonArray *supporters = json_object_get_array_member (record, "supporters");

  for (guint i = 0; i < json_array_get_length (supporters); i++)
    if (json_object_get_int_member (json_array_get_object_element (supporters, i), "id") == ulr_id)
      return TRUE;
  return FALSE;
}

/* ---- finding things on the record view -------------------------------- */

static gboolean
is_mapped_of_type (GtkWidget *widget, gconstpointer type)
{
  return gtk_widget_get_mapped (widget) && G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Types the words into the form's text box, as the ULR would. */
static void
type_words (LhWindow   *window,
            const char *text)
{
  GtkWidget *view = kiosk_find_widget (GTK_WIDGET (window), is_mapped_of_type,
                                       GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW));
  GtkWidget *entry = kiosk_find_widget (GTK_WIDGET (window), is_mapped_of_type,
                                        GSIZE_TO_POINTER (GTK_TYPE_ENTRY));

  g_assert_true (view != NULL || entry != NULL);
  if (view != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* The row or card (css_class) a label with these words is in. */
static GtkWidget *
around (LhWindow   *window,
        const char *text,
        const char *css_class)
{
  GtkWidget *widget = kiosk_find_label (window, text);

  while (widget != NULL && !gtk_widget_has_css_class (widget, css_class))
    widget = gtk_widget_get_parent (widget);
  return widget;
}

static void
press_in (LhWindow   *window,
          const char *text,
          const char *css_class,
          const char *button_text)
{
  GtkWidget *parent = around (window, text, css_class);
  GtkWidget *button = parent ? kiosk_find_widget (parent, kiosk_is_button, button_text) : NULL;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
step_done (LhWindow *window, gconstpointer text)
{
  GtkWidget *row = around (window, text, "lh-record-step-row");

  return row != NULL && kiosk_find_widget (row, kiosk_is_button, "Done") != NULL;
}

/* Today's date in the centre, moved as the date buttons move it. */
static char *
date_on (int months_on,
         int months_back)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (kiosk_api_time_zone ());
  GDate date;

  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (now), (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
  for (int i = 0; i < months_on; i++)
    g_date_add_months (&date, 1);
  for (int i = 0; i < months_back; i++)
    g_date_subtract_months (&date, 1);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static JsonObject *
find_by_text (JsonArray  *array,
              const char *member,
              const char *text)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, member), text) == 0)
        return object;
    }
  return NULL;
}

/* ---- the test --------------------------------------------------------- */

static void
test_record (void)
{
  const char *staff = NULL, *pin = NULL, *name = NULL, *learner_staff, *learner_pin, *learner_name;
  Kiosk kiosk = { 0 };
  g_autoptr(JsonObject) session = NULL;
  g_autoptr(JsonObject) joined = NULL;
  g_autoptr(JsonObject) record = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *learner_token = NULL;
  g_autofree char *path = NULL;
  g_autofree char *called = NULL;
  g_autofree char *goal_due = date_on (3, 0);
  g_autofree char *mot_due = date_on (12, 1);
  g_autofree char *long_note = NULL;
  JsonObject *goal, *step, *mot;
  gint64 ulr_id, learner, other = 0;
  GtkWidget *submit;

  kiosk_demo_ulr (centre, 1, &staff, &pin, &name);
  kiosk_demo_learner (centre, 0, &learner_staff, &learner_pin, &learner_name);
  token = kiosk_api_sign_in_as (staff, pin, centre->device_token, &session);
  ulr_id = json_object_get_int_member (json_object_get_object_member (session, "person"), "id");
  kiosk_api_close_dropins (token);
  learner = learner_id (0, NULL);

  /* A learner the ULR does not support (one of the demo's with a record
   * of the other ULR's, or none). */
  for (guint n = 1; n < 6 && other == 0; n++)
    {
      g_autoptr(JsonObject) theirs = NULL;
      gint64 id = learner_id (n, &theirs);

      if (!supported_by (theirs, ulr_id))
        other = id;
    }
  g_assert_cmpint (other, >, 0);

  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_fill_screen (GTK_WINDOW (kiosk.window));
  kiosk_press (kiosk.window, "Run a drop-in");
  kiosk_wait_for_page (kiosk.window, "desk");
  kiosk_press (kiosk.window, "Open a drop-in");
  kiosk_press (kiosk.window, "Open the drop-in");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Your drop-in: Learning centre", "the drop-in");

  learner_token = kiosk_api_sign_in (0, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("POST", "/advice-requests", learner_token,
                                    "{\"topic\": \"esol\", \"mode\": \"queue\", \"contact\": \"here\"}",
                                    &joined), ==, 201);
  kiosk_wait_for_label (kiosk.window, "1 person is waiting");
  kiosk_press (kiosk.window, "Call next");
  called = g_strdup_printf ("Ticket %" G_GINT64_FORMAT, json_object_get_int_member (joined, "ticket"));
  kiosk_wait_for_label (kiosk.window, called);
  kiosk_press (kiosk.window, "See their record");
  {
    g_autofree char *title = g_strdup_printf ("%s’s record", learner_name);

    kiosk_wait_for_label (kiosk.window, title);
  }
  kiosk_wait_for_label (kiosk.window, "Learning plan");
  kiosk_screenshot (kiosk.window, "desk-record");

  /* A note: empty, it says so; the daemon's refusal in its words; then
   * one that goes, its button off while it is in flight. */
  kiosk_press (kiosk.window, "Add a note");
  /* The learner reads every note on their record: the form says so. */
  kiosk_wait_for_label (kiosk.window, "They can read this on their advice record, and so can the ULRs who "
                                      "support them. Nobody else can, not even the centre’s managers.");
  kiosk_press (kiosk.window, "Add the note");
  kiosk_wait_for_label (kiosk.window, "Please write the note first.");
  long_note = g_strnfill (2001, 'a');
  type_words (kiosk.window, long_note);
  kiosk_press (kiosk.window, "Add the note");
  kiosk_wait_for_label (kiosk.window, "That is too long: please write at most 2000 letters.");
  type_words (kiosk.window, NOTE);
  kiosk_screenshot (kiosk.window, "desk-record-note");
  submit = kiosk_find_button (kiosk.window, "Add the note");
  kiosk_press (kiosk.window, "Add the note");
  g_assert_false (gtk_widget_get_sensitive (submit));
  kiosk_wait_for_label (kiosk.window, NOTE);
  kiosk_wait_for_label (kiosk.window, "The note is added.");

  /* A goal, due in three months by tapping +1 month, and a step. */
  kiosk_press (kiosk.window, "Add a goal");
  type_words (kiosk.window, GOAL);
  kiosk_press (kiosk.window, "+1 month");
  kiosk_press (kiosk.window, "+1 month");
  kiosk_press (kiosk.window, "+1 month");
  kiosk_screenshot (kiosk.window, "desk-record-goal");
  kiosk_press (kiosk.window, "Add the goal");
  kiosk_wait_for_label (kiosk.window, GOAL);
  press_in (kiosk.window, GOAL, "lh-record-card", "Add a step");
  kiosk_wait_for_label (kiosk.window, "A step towards: " GOAL);
  type_words (kiosk.window, STEP);
  kiosk_press (kiosk.window, "Add the step");
  kiosk_wait_for_label (kiosk.window, STEP);

  /* Ticked done. */
  press_in (kiosk.window, STEP, "lh-record-step-row", "Tick when done");
  kiosk_wait_for (kiosk.window, step_done, STEP, "the step ticked done");

  /* A learning MOT, the next one month earlier than a year on. */
  kiosk_press (kiosk.window, "Record a learning MOT");
  type_words (kiosk.window, MOT);
  kiosk_press (kiosk.window, "−1 month");
  kiosk_screenshot (kiosk.window, "desk-record-mot");
  kiosk_press (kiosk.window, "Save the MOT");
  kiosk_wait_for_label (kiosk.window, MOT);
  kiosk_wait_for_label (kiosk.window, "The learning MOT is saved.");
  kiosk_screenshot (kiosk.window, "desk-record-filled");

  /* The API has all of it, for the ULR and for the learner. */
  path = g_strdup_printf ("/learners/%" G_GINT64_FORMAT "/record", learner);
  g_assert_cmpuint (kiosk_api_call ("GET", path, token, NULL, &record), ==, 200);
  g_assert_nonnull (find_by_text (json_object_get_array_member (record, "notes"), "text", NOTE));
  goal = find_by_text (json_object_get_array_member (record, "plan"), "text", GOAL);
  step = find_by_text (json_object_get_array_member (record, "plan"), "text", STEP);
  mot = find_by_text (json_object_get_array_member (record, "mots"), "summary", MOT);
  g_assert_nonnull (goal);
  g_assert_nonnull (step);
  g_assert_nonnull (mot);
  g_assert_true (json_node_is_null (json_object_get_member (goal, "goal_id")));
  g_assert_cmpstr (json_object_get_string_member (goal, "due"), ==, goal_due);
  g_assert_false (json_object_get_boolean_member (goal, "done"));
  g_assert_cmpint (json_object_get_int_member (step, "goal_id"), ==, json_object_get_int_member (goal, "id"));
  g_assert_true (json_node_is_null (json_object_get_member (step, "due")));
  g_assert_true (json_object_get_boolean_member (step, "done"));
  g_assert_cmpstr (json_object_get_string_member (mot, "next_due"), ==, mot_due);
  g_clear_pointer (&record, json_object_unref);
  g_assert_cmpuint (kiosk_api_call ("GET", "/me/record", learner_token, NULL, &record), ==, 200);
  g_assert_nonnull (find_by_text (json_object_get_array_member (record, "notes"), "text", NOTE));

  /* Back out: the record, then the ticket. */
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_label (kiosk.window, called);

  /* Not theirs: the same answer as no such learner, from the kiosk's
   * own client and from the API, for reading and for adding. */
  lh_client_get_learner_record_async (kiosk.client, other, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (kiosk.window, kiosk_result_ready, &result, "the record of a learner not theirs");
  g_assert_null (lh_client_get_learner_record_finish (kiosk.client, result, &error));
  g_assert_error (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);
  lh_client_add_note_async (kiosk.client, other, NOTE, 0, NULL, kiosk_async_result_cb, &result);
  kiosk_wait_for (kiosk.window, kiosk_result_ready, &result, "a note for a learner not theirs");
  g_assert_false (lh_client_add_note_finish (kiosk.client, result, &error));
  g_assert_error (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND);
  /* The result holds the client, which must go with the window. */
  g_clear_object (&result);
  g_free (path);
  path = g_strdup_printf ("/learners/%" G_GINT64_FORMAT "/record", other);
  g_assert_cmpuint (kiosk_api_call ("GET", path, token, NULL, NULL), ==, 404);
  g_free (path);
  path = g_strdup_printf ("/learners/%" G_GINT64_FORMAT "/mots", other);
  g_assert_cmpuint (kiosk_api_call ("POST", path, token, "{\"summary\": \"" MOT "\"}", NULL), ==, 404);

  kiosk_api_call ("DELETE", "/sessions/current", learner_token, NULL, NULL);
  kiosk_api_call ("DELETE", "/sessions/current", token, NULL, NULL);
  kiosk_close (&kiosk);
}

int
main (int argc, char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/desk/record", test_record);
  status = g_test_run ();

  kiosk_api_shutdown ();
  lh_test_daemon_stop (centre);
  return status;
}
