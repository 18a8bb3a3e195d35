/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Set up sessions: real widgets under Xvfb against a real learnhubd with
 * the demo centre (its "Maths together" meets on Wednesdays 13:00 to 15:00
 * in the Group room, open Monday to Friday 9:00 to 17:00). A ULR sets up a
 * group and offers an assessment slot through the forms; what the kiosk
 * says is checked against what the API then lists. */
#define G_LOG_DOMAIN "test-timetable"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-window.h"
#include "lh-test-clock.h"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */
static GTimeZone *centre_tz;  /* (owned) */

/* ---- the API, as another program would use it ------------------------ */

/* The demo account with exactly these roles: staff number, PIN, name. */
static void
demo_account (const char  *roles,
              const char **staff,
              const char **pin,
              const char **name)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (centre->demo), "accounts");

  g_assert_true (lh_test_daemon_account (centre, roles, staff, pin));
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);

      if (g_strcmp0 (json_object_get_string_member (account, "staff_number"), *staff) == 0)
        {
          *name = json_object_get_string_member (account, "name");
          return;
        }
    }
  g_error ("No demo account %s", *staff);
}

static char *
api_sign_in_ulr (void)
{
  const char *staff, *pin, *name;

  demo_account ("learner,ulr", &staff, &pin, &name);
  return kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
}

/* The centre's day `days` after today, at midnight. */
static GDateTime *
centre_day (int days)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (centre_tz);
  g_autoptr(GDateTime) today = g_date_time_new (centre_tz, g_date_time_get_year (now), g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now), 0, 0, 0);

  return g_date_time_add_days (today, days);
}

/* The first day from tomorrow on, within a week, with this weekday
 * (1 Monday … 7 Sunday) and not the one skipped; its index in the day
 * picker (0 is today). */
static int
day_index (const int *weekdays,
           int        skip)
{
  for (int days = 1; days <= 7; days++)
    {
      g_autoptr(GDateTime) day = centre_day (days);

      if (days == skip)
        continue;
      for (const int *w = weekdays; *w != 0; w++)
        if (g_date_time_get_day_of_week (day) == *w)
          return days;
    }
  g_error ("No such day in the coming week");
}

/* The group sessions titled so from today for three weeks, as the person
 * with token sees them. */
static guint
api_count_groups (const char *token,
                  const char *title)
{
  g_autoptr(GDateTime) from = centre_day (0);
  g_autoptr(GDateTime) to = centre_day (21);
  g_autofree char *from_text = g_date_time_format (from, "%Y-%m-%d");
  g_autofree char *to_text = g_date_time_format (to, "%Y-%m-%d");
  g_autofree char *path = g_strdup_printf ("/group-sessions?from=%s&to=%s", from_text, to_text);
  g_autoptr(JsonObject) body = NULL;
  JsonArray *sessions;
  guint count = 0;

  g_assert_cmpuint (kiosk_api_call ("GET", path, token, NULL, &body), ==, 200);
  sessions = json_object_get_array_member (body, "group_sessions");
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (sessions, i), "title"),
                   title) == 0)
      count++;
  return count;
}

/* The slots of the next 14 days that start at start, as token sees them. */
static GPtrArray *
api_slots_at (const char *token,
              GDateTime  *start)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonArray *slots;

  g_assert_cmpuint (kiosk_api_call ("GET", "/assessment-slots", token, NULL, &body), ==, 200);
  slots = json_object_get_array_member (body, "assessment_slots");
  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (json_object_get_string_member (slot, "start"), NULL);

      if (g_date_time_equal (at, start))
        g_ptr_array_add (found, json_object_ref (slot));
    }
  return g_steal_pointer (&found);
}

/* ---- kiosks ----------------------------------------------------------- */

static void
kiosk_open (Kiosk      *kiosk,
            const char *staff,
            const char *pin,
            const char *name)
{
  kiosk_open_window (kiosk, centre, centre->device_token, 1280, 800);
  kiosk_sign_in (kiosk->window, staff, pin, name);
}

static void
kiosk_open_as (Kiosk      *kiosk,
               const char *roles)
{
  const char *staff, *pin, *name;

  demo_account (roles, &staff, &pin, &name);
  kiosk_open (kiosk, staff, pin, name);
}

static gboolean
view_ready (LhWindow *window, gconstpointer text)
{
  /* While the views cross-fade both are mapped: wait until the old one
   * has gone, so that a press reaches the new one. */
  return kiosk_find_label (window, text) != NULL &&
         kiosk_find_label (window, "What would you like to set up?") == NULL;
}

static void
open_timetable (Kiosk *kiosk)
{
  kiosk_press (kiosk->window, "Set up sessions");
  kiosk_wait_for_page (kiosk->window, "timetable");
  kiosk_wait_for_label (kiosk->window, "What would you like to set up?");
}

/* ---- the forms -------------------------------------------------------- */

/* The mapped widget with this CSS class. */
static GtkWidget *
find_by_class (LhWindow   *window,
               const char *css_class)
{
  GtkWidget *found = kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, css_class);

  g_assert_nonnull (found);
  return found;
}

static void
type_into (LhWindow   *window,
           const char *css_class,
           const char *text)
{
  GtkWidget *entry = find_by_class (window, css_class);

  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* Presses the button with these words inside the widget with css_class,
 * times times. */
static void
press_in (LhWindow   *window,
          const char *css_class,
          const char *text,
          guint       times)
{
  for (guint i = 0; i < times; i++)
    {
      GtkWidget *button = kiosk_find_widget (find_by_class (window, css_class), kiosk_is_button, text);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_sensitive (button));
      g_signal_emit_by_name (button, "clicked");
    }
}

static void
collect_days (GtkWidget *widget,
              GPtrArray *days)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (gtk_widget_has_css_class (widget, "lh-day"))
    g_ptr_array_add (days, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_days (child, days);
}

/* Taps the day index days from today. */
static void
choose_day (LhWindow *window,
            int       index)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  GtkWidget *button;

  collect_days (GTK_WIDGET (window), days);
  g_assert_cmpuint (days->len, ==, 14);
  button = g_ptr_array_index (days, index);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

/* From the two choices, the group form filled in: title, the Group room,
 * the day, a start at hour (from 10:00 in steps of an hour), 1 hour, and
 * weeks. */
static void
fill_group_form (LhWindow   *window,
                 const char *title,
                 int         day,
                 int         hour,
                 int         weeks)
{
  kiosk_press (window, "A group study session");
  kiosk_wait_for (window, view_ready, "What is it called?", "the group form");
  type_into (window, "lh-tt-title", title);
  type_into (window, "lh-tt-topic", "Reading aloud");
  kiosk_press (window, "Group room");
  choose_day (window, day);
  if (hour > 10)
    press_in (window, "lh-tt-start", "+1 hour", (guint) (hour - 10));
  press_in (window, "lh-tt-weeks", "+", (guint) (weeks - 1));
  kiosk_press (window, "Next");
}

static void
fill_slot_form (LhWindow   *window,
                const char *subject,
                int         day,
                int         hour,
                const char *length,
                const char *place)
{
  kiosk_press (window, "A skills assessment slot");
  kiosk_wait_for (window, view_ready, "Which subject?", "the slot form");
  kiosk_press (window, subject);
  choose_day (window, day);
  if (hour > 10)
    press_in (window, "lh-tt-start", "+1 hour", (guint) (hour - 10));
  kiosk_press (window, length);
  if (place != NULL)
    type_into (window, "lh-tt-place", place);
  kiosk_press (window, "Next");
}

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *message,
                   guint       *count)
{
  if (g_str_equal (soup_message_get_method (message), "POST") &&
      (g_str_has_suffix (g_uri_get_path (soup_message_get_uri (message)), "/group-sessions") ||
       g_str_has_suffix (g_uri_get_path (soup_message_get_uri (message)), "/assessment-slots")))
    (*count)++;
}

/* Presses the confirm button three times, as an impatient finger would,
 * and waits for label; returns how many requests were sent. */
static guint
confirm_thrice (Kiosk      *kiosk,
                const char *button_text,
                const char *label)
{
  GtkWidget *button;
  guint posts = 0;

  g_signal_connect (lh_client_get_session (kiosk->client), "request-queued",
                    G_CALLBACK (request_queued_cb), &posts);
  kiosk_wait_for (kiosk->window, kiosk_button_ready, button_text, "the confirm button");
  button = kiosk_find_button (kiosk->window, button_text);
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  kiosk_wait_for (kiosk->window, kiosk_label_prefix_shown, label, label);
  g_signal_handlers_disconnect_by_data (lh_client_get_session (kiosk->client), &posts);
  return posts;
}

/* ---- tests ------------------------------------------------------------ */

/* The way in is on the home page of ULRs and admins, and no one else's. */
static void
test_button (void)
{
  const char *staff, *pin, *name;
  Kiosk kiosk = { 0 };

  kiosk_open_as (&kiosk, "learner,ulr");
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Set up sessions"));
  open_timetable (&kiosk);
  /* A ULR sees their own assessment slots this fortnight. */
  kiosk_wait_for_label (kiosk.window, "Your assessment slots this fortnight");
  kiosk_close (&kiosk);

  kiosk_open_as (&kiosk, "admin");
  g_assert_nonnull (kiosk_find_button (kiosk.window, "Set up sessions"));
  open_timetable (&kiosk);
  /* An admin who is not a ULR assesses no one. */
  g_assert_null (kiosk_find_label (kiosk.window, "Your assessment slots this fortnight"));
  kiosk_close (&kiosk);

  kiosk_demo_learner (centre, 0, &staff, &pin, &name);
  kiosk_open (&kiosk, staff, pin, name);
  kiosk_wait_for_label (kiosk.window, "What would you like to do?");
  g_assert_null (kiosk_find_button (kiosk.window, "Set up sessions"));
  /* Nor does the action open the page for them. */
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.timetable", NULL);
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "home");
  kiosk_close (&kiosk);
}

/* A group every week for two weeks, through the form: one request however
 * often Set it up is pressed, and the API lists both sessions. */
static void
test_group_two_weeks (void)
{
  static const int weekdays[] = { 1, 2, 4, 5, 0 };
  Kiosk kiosk = { 0 };
  g_autofree char *token = api_sign_in_ulr ();

  g_assert_cmpuint (api_count_groups (token, "Reading circle"), ==, 0);
  kiosk_open_as (&kiosk, "learner,ulr");
  open_timetable (&kiosk);
  fill_group_form (kiosk.window, "Reading circle", day_index (weekdays, 0), 15, 2);
  kiosk_wait_for_label (kiosk.window, "Set up “Reading circle”?");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Group room, ", "the facts");
  g_assert_cmpuint (confirm_thrice (&kiosk, "Set it up", "2 sessions are set up, one each week."), ==, 1);

  g_assert_cmpuint (api_count_groups (token, "Reading circle"), ==, 2);
  kiosk_press (kiosk.window, "Set up another");
  kiosk_wait_for_label (kiosk.window, "What would you like to set up?");
  kiosk_close (&kiosk);
}

/* The Group room is held on Wednesdays 13:00 to 15:00: the daemon's
 * refusal is shown in its own words, and nothing is set up. */
static void
test_group_clash (void)
{
  static const int wednesday[] = { 3, 0 };
  Kiosk kiosk = { 0 };
  g_autofree char *token = api_sign_in_ulr ();

  kiosk_open_as (&kiosk, "learner,ulr");
  open_timetable (&kiosk);
  fill_group_form (kiosk.window, "Clashing group", day_index (wednesday, 0), 13, 2);
  kiosk_wait_for_label (kiosk.window, "Set up “Clashing group”?");
  kiosk_press (kiosk.window, "Set it up");
  /* Worded by the kiosk from the reason and the week, not the detail. */
  kiosk_wait_for_label (kiosk.window, "In week 1 the room is already booked at that time. Please pick another time.");
  g_assert_cmpuint (api_count_groups (token, "Clashing group"), ==, 0);

  /* Back to the form as it was, to change it. */
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for (kiosk.window, view_ready, "What is it called?", "the group form again");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_by_class (kiosk.window, "lh-tt-title"))), ==,
                   "Clashing group");
  kiosk_close (&kiosk);
}

/* An assessment slot through the form, pressed three times: one slot, the
 * API lists it, and the ULR's list shows who booked it once someone has. */
static void
test_assessment_slot (void)
{
  static const int weekdays[] = { 1, 2, 3, 4, 5, 0 };
  Kiosk kiosk = { 0 };
  g_autofree char *token = api_sign_in_ulr ();
  int day = day_index (weekdays, 0);
  g_autoptr(GDateTime) midnight = centre_day (day);
  g_autoptr(GDateTime) start = g_date_time_add_hours (midnight, 16);
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(JsonObject) booked = NULL;
  g_autofree char *learner_token = NULL;
  g_autofree char *path = NULL;
  g_autofree char *who = NULL;
  const char *staff, *pin, *name;
  JsonObject *slot;

  kiosk_open_as (&kiosk, "learner,ulr");
  open_timetable (&kiosk);
  fill_slot_form (kiosk.window, "Maths", day, 16, "30 minutes", "Room 2");
  kiosk_wait_for_label (kiosk.window, "Offer a maths assessment slot?");
  g_assert_cmpuint (confirm_thrice (&kiosk, "Offer it", "The assessment slot is offered."), ==, 1);

  slots = api_slots_at (token, start);
  g_assert_cmpuint (slots->len, ==, 1);
  slot = g_ptr_array_index (slots, 0);
  g_assert_cmpstr (json_object_get_string_member (slot, "subject"), ==, "maths");
  g_assert_cmpstr (json_object_get_string_member (slot, "place"), ==, "Room 2");
  g_assert_false (json_object_get_boolean_member (slot, "taken"));

  /* On the ULR's own list, free; then booked, by name, without a tap. */
  kiosk_press (kiosk.window, "Set up another");
  kiosk_wait_for_label (kiosk.window, "Room 2");
  kiosk_wait_for_label (kiosk.window, "Free: nobody has booked it yet");
  kiosk_demo_learner (centre, 0, &staff, &pin, &name);
  learner_token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  path = g_strdup_printf ("/assessment-slots/%" G_GINT64_FORMAT "/booking", json_object_get_int_member (slot, "id"));
  g_assert_cmpuint (kiosk_api_call ("POST", path, learner_token, NULL, &booked), ==, 201);
  who = g_strdup_printf ("Booked by %s", name);
  kiosk_wait_for_label (kiosk.window, who);
  kiosk_close (&kiosk);
}

/* An admin who is not a ULR cannot be the assessor: the daemon says so,
 * by its reason, in the kiosk's words. */
static void
test_admin_not_assessor (void)
{
  static const int weekdays[] = { 1, 2, 3, 4, 5, 0 };
  Kiosk kiosk = { 0 };

  kiosk_open_as (&kiosk, "admin");
  open_timetable (&kiosk);
  fill_slot_form (kiosk.window, "English", day_index (weekdays, 0), 12, "45 minutes", NULL);
  kiosk_wait_for_label (kiosk.window, "Offer an English assessment slot?");
  kiosk_press (kiosk.window, "Offer it");
  kiosk_wait_for_label (kiosk.window, "Only a union learning rep can run a skills check.");
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
  centre_tz = g_time_zone_ref (kiosk_api_time_zone ());

  g_test_add_func ("/kiosk/timetable/button", test_button);
  g_test_add_func ("/kiosk/timetable/group-two-weeks", test_group_two_weeks);
  g_test_add_func ("/kiosk/timetable/group-clash", test_group_clash);
  g_test_add_func ("/kiosk/timetable/assessment-slot", test_assessment_slot);
  g_test_add_func ("/kiosk/timetable/admin-not-assessor", test_admin_not_assessor);
  status = g_test_run ();

  kiosk_api_shutdown ();
  g_clear_pointer (&centre_tz, g_time_zone_unref);
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
