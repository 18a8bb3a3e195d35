/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's next meeting on a committee member's home page: the
 * demo's committee meets on the second Wednesday of every other month,
 * so at the tests' clock (Tuesday 12 January 2027) tomorrow; and the way
 * from there to its action plan and an objective's history. A learner
 * sees none of it. Real widgets under Xvfb against a real learnhubd with
 * the demo centre. */
#define G_LOG_DOMAIN "test-committee-home"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-action-plan-page.h"
#include "lh-client-private.h"
#include "lh-form-parts.h"
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
test_change_words (void)
{
  LhPlanChange created = { NULL, (char *) "Grace Mensah", (char *) "created", NULL, NULL };
  LhPlanChange status = { NULL, (char *) "Grace Mensah", (char *) "status", (char *) "planned",
                          (char *) "in-progress" };
  LhPlanChange first = { NULL, (char *) "learnhubctl", (char *) "outcomes", (char *) "", (char *) "9 came" };
  LhPlanChange again = { NULL, (char *) "learnhubctl", (char *) "next_steps", (char *) "Ask", (char *) "Book" };
  g_autofree char *created_words = lh_action_plan_change_words (&created);
  g_autofree char *status_words = lh_action_plan_change_words (&status);
  g_autofree char *first_words = lh_action_plan_change_words (&first);
  g_autofree char *again_words = lh_action_plan_change_words (&again);

  g_assert_cmpstr (created_words, ==, "Added to the plan");
  g_assert_cmpstr (status_words, ==, "Status: Planned → In progress");
  g_assert_cmpstr (first_words, ==, "Recorded outcomes: 9 came");
  g_assert_cmpstr (again_words, ==, "Reviewed / next steps: Ask → Book");
}

/* The committee's forms word the daemon's "too long" refusal with its
 * limit, and leave any other refusal to the general words. */
static void
test_too_long_words (void)
{
  const char *too_long = "{\"type\":\"https://learnhub.example/problems/invalid\",\"title\":\"t\","
                         "\"status\":422,\"reason\":\"text-too-long\",\"max_chars\":1000}";
  const char *no_place = "{\"type\":\"https://learnhub.example/problems/invalid\",\"title\":\"t\","
                         "\"status\":422,\"reason\":\"place-invalid\"}";
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", "http://127.0.0.1/api/v1/committee/meetings");
  g_autoptr(GBytes) too_long_bytes = g_bytes_new_static (too_long, strlen (too_long));
  g_autoptr(GBytes) no_place_bytes = g_bytes_new_static (no_place, strlen (no_place));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) too_long_error = lh_client_error_from_problem (msg, too_long_bytes, utc);
  g_autoptr(GError) no_place_error = lh_client_error_from_problem (msg, no_place_bytes, utc);
  g_autofree char *words = lh_form_too_long_words (too_long_error);
  g_autofree char *other = lh_form_too_long_words (no_place_error);

  g_assert_cmpstr (words, ==, "That is too long: please write at most 1000 letters.");
  g_assert_null (other);
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
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-committee-home");
  kiosk_close (&kiosk);
}

/* The plan made at the demo's January meeting a year ago and reviewed
 * since, then one objective's history, and Back to the plan and home. */
static void
test_action_plan (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;

  demo_committee (&staff, &pin, &name);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_press (kiosk.window, "See the action plan");
  kiosk_wait_for_page (kiosk.window, "action-plan");
  kiosk_wait_for_label (kiosk.window, "1. Run two ESOL taster sessions for the night shift, 8 places each");
  g_assert_true (kiosk_label_shown (kiosk.window, "The committee's action plan"));
  g_assert_true (kiosk_label_shown (kiosk.window, "5. Get 10 learners through Functional Skills maths Level 1"));
  g_assert_true (kiosk_label_prefix_shown (kiosk.window, "Lead ULR with the college · by "));
  g_assert_true (kiosk_label_shown (kiosk.window, "Next steps: Ask the college for a Level 1 class in the spring"));
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the page laid out");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-action-plan");

  /* The first History button is the first objective's. */
  kiosk_press (kiosk.window, "History");
  kiosk_wait_for_label (kiosk.window, "Objective 1: its history");
  kiosk_wait_for_label (kiosk.window, "Added to the plan");
  g_assert_true (kiosk_label_prefix_shown (kiosk.window, "Wednesday 14 January, "));
  g_assert_true (kiosk_label_shown (kiosk.window, "Status: Planned → In progress"));
  g_assert_true (kiosk_label_shown (kiosk.window, "Status: In progress → Done"));
  g_assert_true (kiosk_label_shown (kiosk.window, "Recorded outcomes: First session held: 9 came"));
  kiosk_screenshot (kiosk.window, "kiosk-action-plan-history");

  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_label (kiosk.window, "The committee's action plan");
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_close (&kiosk);
}

/* Objective 1 updated at the desk: its status and next steps; the plan
 * shows them, and its history says who changed them. */
static void
test_update_objective (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;
  g_autofree char *by = NULL;

  demo_committee (&staff, &pin, &name);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_press (kiosk.window, "See the action plan");
  kiosk_wait_for_label (kiosk.window, "1. Run two ESOL taster sessions for the night shift, 8 places each");
  /* The first Update button is the first objective's. */
  kiosk_press (kiosk.window, "Update");
  kiosk_wait_for_label (kiosk.window, "Update objective 1");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (kiosk_find_named (kiosk.window, "status-done"))));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "objective-next-steps"))), ==,
                   "Ask the college for a Level 1 class in the spring");
  /* The kiosk holds no limit: the daemon's refusal tells it. */
  {
    g_autofree char *too_long = g_strnfill (1001, 'x');

    gtk_editable_set_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "objective-next-steps")), too_long);
    kiosk_press (kiosk.window, "Save the changes");
    kiosk_wait_for_label (kiosk.window, "That is too long: please write at most 1000 letters.");
  }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (kiosk_find_named (kiosk.window, "status-in-progress")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "objective-next-steps")),
                         "Level 1 class booked for March");
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the form laid out");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-action-plan-update");
  kiosk_press (kiosk.window, "Save the changes");

  kiosk_wait_for_label (kiosk.window, "Next steps: Level 1 class booked for March");
  g_assert_true (kiosk_label_prefix_shown (kiosk.window, "Lead ULR with the college · by "));
  g_assert_null (kiosk_find_label (kiosk.window, "Outcomes: First session held: 9 came"));
  kiosk_press (kiosk.window, "History");
  kiosk_wait_for_label (kiosk.window, "Status: Done → In progress");
  g_assert_true (kiosk_label_shown (kiosk.window, "Reviewed / next steps: Ask the college for a Level 1 class in the "
                                                  "spring → Level 1 class booked for March"));
  /* Today's, by the member. */
  by = g_strdup_printf ("Tuesday 12 January, %s", name);
  g_assert_true (kiosk_label_shown (kiosk.window, by));
  kiosk_close (&kiosk);
}

/* The meetings of the last year, the next one first, with who attended
 * and the reports tabled; the member records that they were at this
 * morning's. */
static void
test_meetings (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;
  GtkWidget *held, *next, *morning;
  g_autofree char *token = NULL;
  g_autofree char *attended = NULL;

  demo_committee (&staff, &pin, &name);
  /* This morning's, with nobody recorded yet. */
  token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("POST", "/committee/meetings", token,
                                    "{\"starts_at\": \"2027-01-12T09:00:00Z\", \"place\": \"Room 2\"}", NULL),
                    ==, 201);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_press (kiosk.window, "See the meetings");
  kiosk_wait_for_page (kiosk.window, "meetings");
  kiosk_wait_for_label (kiosk.window, "Wednesday 11 November 2026, 14:00, Training room");
  next = kiosk_find_label (kiosk.window, "Wednesday 13 January 2027, 14:00, Training room");
  g_assert_nonnull (next);
  g_assert_nonnull (kiosk_find_widget (gtk_widget_get_parent (next), kiosk_is_label,
                                       "Attended: nobody recorded yet"));
  held = gtk_widget_get_parent (kiosk_find_label (kiosk.window, "Wednesday 11 November 2026, 14:00, Training room"));
  g_assert_nonnull (kiosk_find_widget (held, kiosk_is_label, "Report tabled: 1 July 2026 to 30 September 2026"));
  g_assert_nonnull (kiosk_find_widget (held, kiosk_is_label_prefix, "Attended: "));
  /* Those held with the member say so already: no button to press. */
  g_assert_null (kiosk_find_widget (held, kiosk_is_button, "I was there"));
  morning = gtk_widget_get_parent (kiosk_find_label (kiosk.window, "Tuesday 12 January 2027, 09:00, Room 2"));
  g_assert_nonnull (kiosk_find_widget (morning, kiosk_is_label, "Attended: nobody recorded yet"));
  g_assert_nonnull (kiosk_find_widget (morning, kiosk_is_button, "I was there"));
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-meetings");

  kiosk_press (kiosk.window, "I was there");
  attended = g_strdup_printf ("Attended: %s", name);
  kiosk_wait_for_label (kiosk.window, attended);
  g_assert_null (kiosk_find_button (kiosk.window, "I was there"));

  /* A meeting planned: nowhere is refused in words and saves nothing;
   * then two weeks on, at 14:00, in Room 3. */
  kiosk_press (kiosk.window, "Plan a meeting");
  kiosk_wait_for_label (kiosk.window, "Where?");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "meeting-place")), " ");
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the form laid out");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-meeting-form");
  kiosk_press (kiosk.window, "Save the meeting");
  kiosk_wait_for_label (kiosk.window, "Please say where the meeting is.");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "meeting-place")), "Room 3");
  kiosk_press (kiosk.window, "Save the meeting");
  kiosk_wait_for_label (kiosk.window, "Tuesday 26 January 2027, 14:00, Room 3");
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");
  kiosk_close (&kiosk);
}

/* The highest number in the demo's action plan. */
static gint64
highest_objective (const char *token)
{
  g_autoptr(JsonObject) plan = NULL;
  JsonArray *objectives;
  gint64 highest = 0;

  g_assert_cmpuint (kiosk_api_call ("GET", "/committee/action-plan", token, NULL, &plan), ==, 200);
  objectives = json_object_get_array_member (plan, "objectives");
  for (guint i = 0; i < json_array_get_length (objectives); i++)
    highest = MAX (highest, json_object_get_int_member (json_array_get_object_element (objectives, i), "number"));
  return highest;
}

/* An objective added at the desk: the next number offered, no activity
 * refused in words, then added and shown in the plan, planned, with its
 * making as the first line of its history. */
static void
test_add_objective (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;
  g_autofree char *token = NULL;
  g_autofree char *offered = NULL;
  g_autofree char *title = NULL;
  gint64 number;

  demo_committee (&staff, &pin, &name);
  token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  number = highest_objective (token) + 1;
  offered = g_strdup_printf ("Objective %" G_GINT64_FORMAT, number);
  title = g_strdup_printf ("%" G_GINT64_FORMAT ". Digital skills drop-in for the night shift", number);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_press (kiosk.window, "See the action plan");
  kiosk_wait_for_label (kiosk.window, "The committee's action plan");
  kiosk_press (kiosk.window, "Add an objective");
  kiosk_wait_for_label (kiosk.window, "Planned activity");
  g_assert_true (kiosk_label_shown (kiosk.window, offered));

  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "objective-by-whom")), "Lead ULR");
  kiosk_press (kiosk.window, "Add to the plan");
  kiosk_wait_for_label (kiosk.window, "Please say what is planned.");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "objective-activity")),
                         "Digital skills drop-in for the night shift");
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the form laid out");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-action-plan-add");
  kiosk_press (kiosk.window, "Add to the plan");

  kiosk_wait_for_label (kiosk.window, title);
  g_assert_true (kiosk_label_prefix_shown (kiosk.window, "Lead ULR · by "));
  g_assert_cmpint (highest_objective (token), ==, number);
  kiosk_screenshot (kiosk.window, "kiosk-action-plan-added");
  kiosk_close (&kiosk);
}

/* Who attended, ticked at the desk: the member from the committee's
 * list, and someone not on it by name; the meeting then lists both, by
 * name. */
static void
test_who_attended (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;
  const char *other = "Helen Price (HR manager)";
  g_autofree char *token = NULL;
  g_autofree char *attended = NULL;
  GtkWidget *card;

  demo_committee (&staff, &pin, &name);
  token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("POST", "/committee/meetings", token,
                                    "{\"starts_at\": \"2027-01-12T08:00:00Z\", \"place\": \"Room 4\"}", NULL),
                    ==, 201);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_press (kiosk.window, "See the meetings");
  kiosk_wait_for_page (kiosk.window, "meetings");
  kiosk_wait_for_label (kiosk.window, "Tuesday 12 January 2027, 08:00, Room 4");
  card = gtk_widget_get_parent (kiosk_find_label (kiosk.window, "Tuesday 12 January 2027, 08:00, Room 4"));
  /* A meeting yet to come has nobody to tick. */
  g_assert_null (kiosk_find_widget (gtk_widget_get_parent (kiosk_find_label (kiosk.window,
                                                                             "Wednesday 13 January 2027, 14:00, Training room")),
                                    kiosk_is_button, "Who attended"));
  g_signal_emit_by_name (kiosk_find_widget (card, kiosk_is_button, "Who attended"), "clicked");
  kiosk_wait_for_label (kiosk.window, "Who was at the meeting of Tuesday 12 January?");

  /* The member, from the committee's list; someone else by name. */
  kiosk_press (kiosk.window, name);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (kiosk_find_button (kiosk.window, name))));
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "attendee-other")), other);
  kiosk_press (kiosk.window, "Add to the list");
  kiosk_wait_for_label (kiosk.window, other);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (kiosk_find_button (kiosk.window, other))));
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the form laid out");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-meeting-attendance");
  kiosk_press (kiosk.window, "Save who attended");

  /* Listed by name, as the daemon orders them. */
  attended = g_strcmp0 (name, other) < 0 ? g_strdup_printf ("Attended: %s, %s", name, other)
                                         : g_strdup_printf ("Attended: %s, %s", other, name);
  kiosk_wait_for_label (kiosk.window, attended);
  card = gtk_widget_get_parent (kiosk_find_label (kiosk.window, "Tuesday 12 January 2027, 08:00, Room 4"));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, attended));
  kiosk_screenshot (kiosk.window, "kiosk-meetings-attended");
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
  g_assert_null (kiosk_find_button (kiosk.window, "See the action plan"));
  g_assert_null (kiosk_find_button (kiosk.window, "See the meetings"));
  kiosk_close (&kiosk);
}

/* Changes made elsewhere (another kiosk, say) show on the open pages
 * within seconds, but a form the member is filling in keeps what they
 * typed. */
static void
test_changes_elsewhere_show (void)
{
  Kiosk kiosk = { 0 };
  const char *staff, *pin, *name;
  g_autofree char *token = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWidget *place;
  gint64 number;

  demo_committee (&staff, &pin, &name);
  token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_wait_for (kiosk.window, kiosk_stream_open, kiosk.client, "the event stream");
  kiosk_press (kiosk.window, "See the meetings");
  kiosk_wait_for_page (kiosk.window, "meetings");
  kiosk_wait_for_label (kiosk.window, "Wednesday 11 November 2026, 14:00, Training room");
  g_assert_cmpuint (kiosk_api_call ("POST", "/committee/meetings", token,
                                    "{\"starts_at\": \"2027-03-03T14:00:00Z\", \"place\": \"Room 7\"}", NULL),
                    ==, 201);
  g_assert_true (kiosk_wait_at_most (kiosk.window, kiosk_label_shown, "Wednesday 3 March 2027, 14:00, Room 7", 5000));

  /* Halfway through planning one: another change leaves the form be. */
  kiosk_press (kiosk.window, "Plan a meeting");
  kiosk_wait_for_label (kiosk.window, "Where?");
  place = kiosk_find_named (kiosk.window, "meeting-place");
  gtk_editable_set_text (GTK_EDITABLE (place), "Room 9");
  g_assert_cmpuint (kiosk_api_call ("POST", "/committee/meetings", token,
                                    "{\"starts_at\": \"2027-03-10T14:00:00Z\", \"place\": \"Room 8\"}", NULL),
                    ==, 201);
  kiosk_spin (1500);
  g_assert_true (kiosk_find_named (kiosk.window, "meeting-place") == place);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Room 9");
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_label (kiosk.window, "Wednesday 10 March 2027, 14:00, Room 8");
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");

  kiosk_press (kiosk.window, "See the action plan");
  kiosk_wait_for_label (kiosk.window, "The committee's action plan");
  number = highest_objective (token) + 1;
  title = g_strdup_printf ("%" G_GINT64_FORMAT ". Numeracy for the warehouse", number);
  body = g_strdup_printf ("{\"number\": %" G_GINT64_FORMAT ", \"activity\": \"Numeracy for the warehouse\", "
                          "\"by_whom\": \"Lead ULR\", \"due_day\": \"2027-06-30\"}", number);
  g_assert_cmpuint (kiosk_api_call ("POST", "/committee/action-plan", token, body, NULL), ==, 201);
  g_assert_true (kiosk_wait_at_most (kiosk.window, kiosk_label_shown, title, 5000));
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
  g_test_add_func ("/kiosk/committee-home/change-words", test_change_words);
  g_test_add_func ("/kiosk/committee-home/too-long-words", test_too_long_words);
  g_test_add_func ("/kiosk/committee-home/committee-sees-next", test_committee_sees_next);
  g_test_add_func ("/kiosk/committee-home/action-plan", test_action_plan);
  g_test_add_func ("/kiosk/committee-home/update-objective", test_update_objective);
  g_test_add_func ("/kiosk/committee-home/add-objective", test_add_objective);
  g_test_add_func ("/kiosk/committee-home/meetings", test_meetings);
  g_test_add_func ("/kiosk/committee-home/who-attended", test_who_attended);
  g_test_add_func ("/kiosk/committee-home/learner-sees-none", test_learner_sees_none);
  g_test_add_func ("/kiosk/committee-home/changes-elsewhere-show", test_changes_elsewhere_show);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
