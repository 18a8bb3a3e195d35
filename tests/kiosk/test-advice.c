/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Talk to a ULR and My advice record: real widgets under Xvfb against a
 * real learnhubd with the demo centre. A ULR (through the API, as their
 * own desk would) opens a drop-in and offers times; learners tap through
 * the kiosk, and what it shows is checked against what the API says,
 * with each person's own token. */
#define G_LOG_DOMAIN "test-advice"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-advice-words.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-time-format.h"
#include "lh-window.h"
#include "lh-test-clock.h"

#define SECOND_ULR_STAFF "U900"
#define SECOND_ULR_PIN   "482913"

static LhTestDaemon *centre;     /* (owned) one demo centre for the whole program */
static char         *ulr_token;  /* (owned) the ULR's session, on the demo kiosk */
static gint64        dropin_id;  /* today's drop-in, open from the start */

/* ---- the API, as another program would use it ------------------------ */

/* The demo centre's drop-in, live now with both ULRs; the ULR's desk
 * cleared of the demo's conversation in hand, so that they can call. */
static void
api_take_desk (void)
{
  const char *staff, *pin;
  g_autoptr(JsonObject) work = NULL;
  g_autoptr(JsonObject) dropins = NULL;
  JsonArray *requests;
  JsonArray *list;

  g_assert_true (lh_test_daemon_account (centre, "learner,ulr", &staff, &pin));
  ulr_token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("GET", "/ulr/requests", ulr_token, NULL, &work), ==, 200);
  requests = json_object_get_array_member (work, "requests");
  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);
      g_autofree char *path = NULL;

      if (g_strcmp0 (json_object_get_string_member (request, "status"), "started") != 0)
        continue;
      path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT "/finish", json_object_get_int_member (request, "id"));
      g_assert_cmpuint (kiosk_api_call ("POST", path, ulr_token, "{\"outcomes\": [\"other\"]}", NULL), ==, 200);
    }
  g_assert_cmpuint (kiosk_api_call ("GET", "/dropins", ulr_token, NULL, &dropins), ==, 200);
  list = json_object_get_array_member (dropins, "dropins");
  g_assert_cmpuint (json_array_get_length (list), >, 0);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (list, 0), "open"));
  dropin_id = json_object_get_int_member (json_array_get_object_element (list, 0), "id");
}

/* A free time with the ULR, days ahead at this hour, 30 minutes. */
static JsonObject *
api_offer_slot (int days,
                int hour)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (kiosk_api_time_zone ());
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) start = g_date_time_new (kiosk_api_time_zone (), g_date_time_get_year (day),
                                                g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                                                hour, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 30);
  g_autofree char *start_text = kiosk_api_time_text (start);
  g_autofree char *end_text = kiosk_api_time_text (end);
  g_autofree char *json = g_strdup_printf ("{\"start\": \"%s\", \"end\": \"%s\", \"place\": \"Quiet room\"}",
                                           start_text, end_text);
  JsonObject *slot = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", "/advice-slots", ulr_token, json, &slot), ==, 201);
  return slot;
}

/* The learner asks through the API, as if at another kiosk. */
static JsonObject *
api_join_queue (const char *token)
{
  JsonObject *request = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", "/advice-requests", token,
                                    "{\"topic\": \"digital\", \"mode\": \"queue\", \"contact\": \"here\"}",
                                    &request), ==, 201);
  return request;
}

static JsonObject *
api_request (const char *token,
             gint64      id)
{
  g_autofree char *path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT, id);
  JsonObject *request = NULL;

  g_assert_cmpuint (kiosk_api_call ("GET", path, token, NULL, &request), ==, 200);
  return request;
}

/* The ULR calls the next ticket to their desk. */
static JsonObject *
api_call_next (void)
{
  JsonObject *request = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", "/queue/next", ulr_token, NULL, &request), ==, 200);
  return request;
}

/* The ULR's called ticket ends: nobody came. */
static void
api_no_show (gint64 request_id)
{
  g_autofree char *path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT "/no-show", request_id);

  g_assert_cmpuint (kiosk_api_call ("POST", path, ulr_token, NULL, NULL), ==, 200);
}

/* ---- kiosks ----------------------------------------------------------- */

static void
open_advice (Kiosk *kiosk)
{
  /* As big as the screen (Xvfb's, 1280x800 or 1920x1080), so that
   * screenshots show the page at that size. */
  kiosk_fill_screen (GTK_WINDOW (kiosk->window));
  kiosk_spin (100);
  kiosk_screenshot (kiosk->window, "advice-home");
  kiosk_press (kiosk->window, "Talk to a ULR");
  kiosk_wait_for_page (kiosk->window, "advice");
}

static gboolean
is_step_label (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "lh-step") && gtk_widget_get_mapped (widget);
}

/* The step counter shown now reads exactly this: every path through the
 * questions has 5 steps, the check before sending the last. */
static void
assert_step (Kiosk *kiosk, const char *step)
{
  GtkWidget *label;

  kiosk_wait_for (kiosk->window, kiosk_laid_out, NULL, "the step to be laid out");
  label = kiosk_find_widget (GTK_WIDGET (kiosk->window), is_step_label, NULL);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, step);
}

static gboolean
is_mapped_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget);
}

/* From the first question to the confirm view, by tapping. */
static void
tap_to_confirm (Kiosk      *kiosk,
                const char *topic,
                const char *how,
                const char *contact)
{
  kiosk_wait_for_label (kiosk->window, "What would you like to talk about?");
  assert_step (kiosk, "Step 1 of 5");
  kiosk_screenshot (kiosk->window, "advice-topic");
  kiosk_press (kiosk->window, topic);
  kiosk_wait_for_label (kiosk->window, "How would you like to talk?");
  assert_step (kiosk, "Step 2 of 5");
  kiosk_screenshot (kiosk->window, "advice-how");
  kiosk_press (kiosk->window, how);
  if (contact != NULL)
    {
      kiosk_wait_for_label (kiosk->window, "How should we reach you?");
      assert_step (kiosk, "Step 3 of 5");
      kiosk_screenshot (kiosk->window, "advice-contact");
      kiosk_press (kiosk->window, contact);
      if (g_str_equal (contact, "By email") || g_str_equal (contact, "By phone"))
        {
          gboolean email = g_str_equal (contact, "By email");
          GtkWidget *entry;

          /* The number's or address's own field (issue 15): typed on the
           * on-screen keyboard in test-advice-contact; set here. */
          kiosk_wait_for_label (kiosk->window, email ? "Your email address" : "Your phone number");
          entry = kiosk_find_widget (GTK_WIDGET (kiosk->window), is_mapped_entry, NULL);
          g_assert_nonnull (entry);
          gtk_editable_set_text (GTK_EDITABLE (entry), email ? "learner@example.org" : "07700 900321");
          kiosk_screenshot (kiosk->window, email ? "advice-contact-email" : "advice-contact-phone");
          kiosk_press (kiosk->window, "Next");
          kiosk_wait_for (kiosk->window, kiosk_label_gone, email ? "Your email address" : "Your phone number",
                          "the contact step to go");
        }
      kiosk_wait_for_label (kiosk->window, "Anything you want the ULR to know? (optional)");
      assert_step (kiosk, "Step 4 of 5");
    }
}

/* The request the kiosk shows, as the API has it for the learner. */
static gint64
learner_open_request (const char *token)
{
  g_autoptr(JsonObject) record = NULL;
  JsonArray *open;

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/record", token, NULL, &record), ==, 200);
  open = json_object_get_array_member (record, "open_requests");
  g_assert_cmpuint (json_array_get_length (open), ==, 1);
  return json_object_get_int_member (json_array_get_object_element (open, 0), "id");
}

typedef struct
{
  const char *day;   /* the button's first line */
  const char *time;  /* its second */
} SlotQuery;

static gboolean
is_slot_button (GtkWidget *widget, gconstpointer data)
{
  const SlotQuery *query = data;

  return gtk_widget_has_css_class (widget, "lh-advice-slot") && gtk_widget_get_sensitive (widget) &&
         kiosk_find_widget (widget, kiosk_is_label, query->day) != NULL &&
         kiosk_find_widget (widget, kiosk_is_label, query->time) != NULL;
}

static gboolean
slot_button_shown (LhWindow *window, gconstpointer query)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_slot_button, query) != NULL;
}

/* A third ULR, who staffs no drop-in yet, so that two can be on at once. */
static void
add_second_ulr (const char *db_path,
                gpointer    user_data)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *csv = g_build_filename (dir, "second-ulr.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;

  g_assert_true (g_file_set_contents (csv, "staff_number,name,hours_per_week,roles,pin\n"
                                      SECOND_ULR_STAFF ",Priya Shah,37.5,learner;ulr," SECOND_ULR_PIN "\n",
                                      -1, NULL));
  imported = lh_test_run_ctl (db_path, &error, "import-staff", csv, NULL);
  g_assert_no_error (error);
}

/* The third ULR opens a drop-in in the canteen, on now for an hour.
 * Returns its id; *token their session. */
static gint64
api_open_canteen_dropin (char **token)
{
  g_autoptr(GDateTime) start = kiosk_api_minute_now (0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 60);
  g_autofree char *start_text = kiosk_api_time_text (start);
  g_autofree char *end_text = kiosk_api_time_text (end);
  g_autofree char *json = g_strdup_printf ("{\"place\": \"Canteen\", \"start\": \"%s\", \"end\": \"%s\"}",
                                           start_text, end_text);
  g_autoptr(JsonObject) dropin = NULL;

  *token = kiosk_api_sign_in_as (SECOND_ULR_STAFF, SECOND_ULR_PIN, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("POST", "/dropins", *token, json, &dropin), ==, 201);
  return json_object_get_int_member (dropin, "id");
}

static gboolean
is_dropin_button (GtkWidget *widget, gconstpointer place)
{
  return gtk_widget_has_css_class (widget, "lh-dropin-choice") && gtk_widget_get_mapped (widget) &&
         kiosk_find_widget (widget, kiosk_is_label, place) != NULL;
}

static gboolean
dropin_button_shown (LhWindow *window, gconstpointer place)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_dropin_button, place) != NULL;
}

/* Laid out as a touch target: at least 48 px high and wide. */
static gboolean
dropin_button_big_enough (LhWindow *window, gconstpointer place)
{
  GtkWidget *button = kiosk_find_widget (GTK_WIDGET (window), is_dropin_button, place);

  return button != NULL && gtk_widget_get_height (button) >= 48 && gtk_widget_get_width (button) >= 48;
}

static gboolean
dropin_button_gone (LhWindow *window, gconstpointer place)
{
  return !dropin_button_shown (window, place);
}

/* From the first question to the list of drop-ins, by tapping. */
static void
tap_to_dropins (Kiosk *kiosk)
{
  kiosk_wait_for_label (kiosk->window, "What would you like to talk about?");
  kiosk_press (kiosk->window, "Careers advice");
  kiosk_wait_for_label (kiosk->window, "2 drop-ins are on now: you choose which next");
  kiosk_screenshot (kiosk->window, "advice-how-two-dropins");
  kiosk_press (kiosk->window, "Join today's drop-in queue");
  kiosk_wait_for_label (kiosk->window, "Which drop-in would you like to join?");
  kiosk_wait_for (kiosk->window, dropin_button_shown, "Learning centre", "the demo's drop-in");
  kiosk_wait_for (kiosk->window, dropin_button_shown, "Canteen", "the canteen's drop-in");
}

/* ---- tests ------------------------------------------------------------ */

/* Into the queue by tapping: the ticket and place the API gives; the
 * place moves up when the one ahead is called; "please go to Desk 1"
 * when it is the learner's turn. */
static void
test_queue (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *ahead_token = kiosk_api_sign_in (0, centre->device_token, NULL);
  g_autofree char *token = kiosk_api_sign_in (1, centre->device_token, NULL);
  g_autoptr(JsonObject) ahead = api_join_queue (ahead_token);  /* at least one ahead */
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) called = NULL;
  g_autofree char *number = NULL;
  g_autofree char *position = NULL;
  g_autofree char *desk_text = NULL;
  gint64 id;

  kiosk_open_learner (&kiosk, centre, 1);
  open_advice (&kiosk);
  tap_to_confirm (&kiosk, "Careers advice", "Join today's drop-in queue", "Here at the centre");
  kiosk_screenshot (kiosk.window, "advice-note");
  kiosk_press (kiosk.window, "Skip");
  kiosk_wait_for_label (kiosk.window, "Join the drop-in queue?");
  assert_step (&kiosk, "Step 5 of 5");
  kiosk_screenshot (kiosk.window, "advice-confirm");
  kiosk_press (kiosk.window, "Yes, ask");
  kiosk_wait_for_label (kiosk.window, "Your ticket number");

  id = learner_open_request (token);
  request = api_request (token, id);
  g_assert_cmpstr (json_object_get_string_member (request, "topic"), ==, "careers");
  g_assert_cmpstr (json_object_get_string_member (request, "contact"), ==, "here");
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "waiting");
  g_assert_cmpint (json_object_get_int_member (request, "dropin_id"), ==, dropin_id);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (request, "ticket"));
  position = lh_advice_format_position ((int) json_object_get_int_member (request, "position"));
  g_assert_cmpint (json_object_get_int_member (request, "position"), >=, 2);
  kiosk_wait_for_label (kiosk.window, number);
  kiosk_wait_for_label (kiosk.window, position);
  /* One number on the ticket: the rest says how many are ahead, never a
   * second number to mistake for it. */
  {
    g_autofree char *ahead = g_strdup_printf ("%" G_GINT64_FORMAT " %s ahead of you",
                                              json_object_get_int_member (request, "position") - 1,
                                              json_object_get_int_member (request, "position") == 2
                                                ? "person is" : "people are");

    g_assert_cmpstr (position, ==, ahead);
    g_assert_null (kiosk_find_label_prefix (kiosk.window, "You are number"));
  }
  kiosk_wait_for_label (kiosk.window, "Learning centre");
  kiosk_screenshot (kiosk.window, "advice-ticket");

  /* The one ahead is called: one place up, without a tap. */
  called = api_call_next ();
  {
    g_autoptr(JsonObject) now = api_request (token, id);
    g_autofree char *moved = lh_advice_format_position ((int) json_object_get_int_member (now, "position"));

    g_assert_cmpint (json_object_get_int_member (now, "position"), ==,
                     json_object_get_int_member (request, "position") - 1);
    kiosk_wait_for_label (kiosk.window, moved);
  }

  /* Nobody came for that one, nor for the others ahead (the demo's and
   * the one this test put there); the learner's turn now. */
  api_no_show (json_object_get_int_member (called, "id"));
  while (TRUE)
    {
      g_autoptr(JsonObject) next = api_call_next ();

      if (json_object_get_int_member (next, "id") == id)
        {
          desk_text = lh_advice_format_called ((int) json_object_get_int_member (next, "ticket"),
                                               json_object_get_string_member (next, "desk"));
          break;
        }
      api_no_show (json_object_get_int_member (next, "id"));
    }
  kiosk_wait_for_label (kiosk.window, desk_text);
  kiosk_wait_for_label (kiosk.window, "It is your turn");
  kiosk_screenshot (kiosk.window, "advice-called");
  g_assert_null (kiosk_find_button (kiosk.window, "Leave the queue"));
  api_no_show (id);
  kiosk_close (&kiosk);
}

/* Leaving the queue: asked first, then gone from the API too. */
static void
test_leave (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (2, centre->device_token, NULL);
  g_autoptr(JsonObject) request = NULL;
  gint64 id;

  kiosk_open_learner (&kiosk, centre, 2);
  open_advice (&kiosk);
  tap_to_confirm (&kiosk, "Computers and digital skills", "Join today's drop-in queue", "By email");
  kiosk_press (kiosk.window, "Skip");
  kiosk_press (kiosk.window, "Yes, ask");
  kiosk_wait_for_label (kiosk.window, "Your ticket number");
  id = learner_open_request (token);

  kiosk_press (kiosk.window, "Leave the queue");
  kiosk_wait_for_label (kiosk.window, "Leave the queue? You lose your place.");
  kiosk_screenshot (kiosk.window, "advice-leave");
  /* Changing one's mind keeps the place. */
  kiosk_press (kiosk.window, "No, stay");
  kiosk_press (kiosk.window, "Leave the queue");
  kiosk_press (kiosk.window, "Yes, leave");
  kiosk_wait_for_label (kiosk.window, "You have left the queue.");
  kiosk_wait_for_label (kiosk.window, "What would you like to talk about?");
  request = api_request (token, id);
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "left");
  kiosk_close (&kiosk);
}

/* Two drop-ins on at once: the learner sees both, with where, until
 * when, how many wait and who is there, taps the second and is in its
 * queue. One that closes while they choose is refused in plain words,
 * and the list shown again without it. */
static void
test_choose_dropin (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *second_token = NULL;
  gint64 second_id = api_open_canteen_dropin (&second_token);
  g_autofree char *token = kiosk_api_sign_in (4, centre->device_token, NULL);
  g_autofree char *late_token = kiosk_api_sign_in (5, centre->device_token, NULL);
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(JsonObject) late_record = NULL;
  g_autofree char *close_path = g_strdup_printf ("/dropins/%" G_GINT64_FORMAT "/close", second_id);
  g_autofree char *leave_path = NULL;
  GtkWidget *button;
  gint64 id;

  kiosk_open_learner (&kiosk, centre, 4);
  open_advice (&kiosk);
  tap_to_dropins (&kiosk);
  kiosk_wait_for_label (kiosk.window, "With Priya Shah");
  kiosk_wait_for_label (kiosk.window, "With Sue Bennett, Tomasz Nowak");
  kiosk_screenshot (kiosk.window, "advice-dropins");
  kiosk_wait_for (kiosk.window, dropin_button_big_enough, "Canteen", "a drop-in button of 48 px or more");
  button = kiosk_find_widget (GTK_WIDGET (kiosk.window), is_dropin_button, "Canteen");
  gtk_widget_activate (button);
  kiosk_wait_for_label (kiosk.window, "How should we reach you?");
  kiosk_press (kiosk.window, "Here at the centre");
  kiosk_press (kiosk.window, "Skip");
  kiosk_wait_for_label (kiosk.window, "Join the drop-in queue?");
  {
    g_autofree char *screen = kiosk_screen_text (kiosk.window);

    g_assert_nonnull (strstr (screen, ", Canteen\n"));
  }
  kiosk_press (kiosk.window, "Yes, ask");
  kiosk_wait_for_label (kiosk.window, "Your ticket number");
  kiosk_wait_for_label (kiosk.window, "Canteen");
  id = learner_open_request (token);
  request = api_request (token, id);
  g_assert_cmpint (json_object_get_int_member (request, "dropin_id"), ==, second_id);
  leave_path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT, id);
  g_assert_cmpuint (kiosk_api_call ("DELETE", leave_path, token, NULL, NULL), ==, 204);
  kiosk_close (&kiosk);

  /* The canteen's drop-in closes while the next learner confirms. */
  kiosk_open_learner (&kiosk, centre, 5);
  open_advice (&kiosk);
  tap_to_dropins (&kiosk);
  gtk_widget_activate (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_dropin_button, "Canteen"));
  /* Back from how to be reached is back to the drop-ins, to choose again. */
  kiosk_wait_for_label (kiosk.window, "How should we reach you?");
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_label (kiosk.window, "Which drop-in would you like to join?");
  assert_step (&kiosk, "Step 2 of 5");
  gtk_widget_activate (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_dropin_button, "Canteen"));
  kiosk_press (kiosk.window, "Here at the centre");
  kiosk_press (kiosk.window, "Skip");
  kiosk_wait_for_label (kiosk.window, "Join the drop-in queue?");
  g_assert_cmpuint (kiosk_api_call ("POST", close_path, second_token, NULL, NULL), ==, 200);
  kiosk_press (kiosk.window, "Yes, ask");
  kiosk_wait_for_label (kiosk.window, "That drop-in is not on today, or is over.");
  kiosk_wait_for_label (kiosk.window, "Which drop-in would you like to join?");
  kiosk_wait_for (kiosk.window, dropin_button_gone, "Canteen", "the closed drop-in gone");
  kiosk_wait_for (kiosk.window, dropin_button_shown, "Learning centre", "the drop-in still on");
  g_assert_cmpuint (kiosk_api_call ("GET", "/me/record", late_token, NULL, &late_record), ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (late_record, "open_requests")), ==, 0);
  kiosk_close (&kiosk);
}

/* Booking a time, with a note for the ULR, and giving it back. */
static void
test_appointment (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (3, centre->device_token, NULL);
  g_autoptr(JsonObject) slot = api_offer_slot (2, 10);
  g_autoptr(JsonObject) request = NULL;
  g_autoptr(GDateTime) start = kiosk_api_parse_time (slot, "start");
  g_autoptr(GDateTime) end = kiosk_api_parse_time (slot, "end");
  g_autoptr(GDateTime) now = lh_test_clock_now_in (kiosk_api_time_zone ());
  g_autofree char *day_line = lh_advice_format_slot_day (start, now);
  g_autofree char *time_line = NULL;
  g_autofree char *when = lh_advice_format_when (start, end);
  SlotQuery query = { day_line, NULL };
  GtkWidget *button;
  GtkTextView *note;
  gint64 id;

  {
    g_autofree char *from = lh_format_clock (start);
    g_autofree char *to = lh_format_clock (end);

    time_line = g_strdup_printf ("%s to %s", from, to);
    query.time = time_line;
  }
  kiosk_open_learner (&kiosk, centre, 3);
  open_advice (&kiosk);
  tap_to_confirm (&kiosk, "Apprenticeships", "Book a time with a ULR", NULL);
  kiosk_wait_for_label (kiosk.window, "Choose a time");
  /* Choosing a time is part of step 2: the total stays 5. */
  assert_step (&kiosk, "Step 2 of 5");
  kiosk_wait_for (kiosk.window, slot_button_shown, &query, "the offered time");
  kiosk_screenshot (kiosk.window, "advice-slots");
  button = kiosk_find_widget (GTK_WIDGET (kiosk.window), is_slot_button, &query);
  gtk_widget_activate (button);
  kiosk_wait_for_label (kiosk.window, "How should we reach you?");
  kiosk_press (kiosk.window, "By phone");
  kiosk_wait_for_label (kiosk.window, "Your phone number");
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_widget (GTK_WIDGET (kiosk.window), is_mapped_entry, NULL)),
                         "07700 900321");
  kiosk_press (kiosk.window, "Next");
  kiosk_wait_for_label (kiosk.window, "Only you and your ULRs can read this.");
  /* The contact step, with its own Next, gone from view. */
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "Your phone number", "the contact step to go");
  note = GTK_TEXT_VIEW (kiosk_find_widget (GTK_WIDGET (kiosk.window), kiosk_has_css_class, "lh-advice-note"));
  /* Over the daemon's limit (2,000 at sign-in's limits): by how much. */
  {
    g_autofree char *long_note = g_strnfill (2005, 'a');

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), long_note, -1);
    kiosk_wait_for_label (kiosk.window, "This is 5 characters too long. Please make it shorter.");
  }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "I would like to work with machines", -1);
  kiosk_press (kiosk.window, "Next");
  kiosk_wait_for_label (kiosk.window, "Book this time with a ULR?");
  assert_step (&kiosk, "Step 5 of 5");
  kiosk_press (kiosk.window, "Yes, ask");
  kiosk_wait_for_label (kiosk.window, "Your time with a ULR is booked");
  kiosk_wait_for_label (kiosk.window, when);
  kiosk_wait_for_label (kiosk.window, "Quiet room");
  kiosk_screenshot (kiosk.window, "advice-booked");

  id = learner_open_request (token);
  request = api_request (token, id);
  g_assert_cmpstr (json_object_get_string_member (request, "mode"), ==, "appointment");
  g_assert_cmpstr (json_object_get_string_member (request, "contact"), ==, "phone");
  g_assert_cmpstr (json_object_get_string_member (request, "note"), ==, "I would like to work with machines");
  g_assert_cmpint (json_object_get_int_member (request, "slot_id"), ==, json_object_get_int_member (slot, "id"));

  kiosk_press (kiosk.window, "Give this time back");
  kiosk_press (kiosk.window, "Yes, give it back");
  kiosk_wait_for_label (kiosk.window, "You gave the time back.");
  g_clear_pointer (&request, json_object_unref);
  request = api_request (token, id);
  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, "left");
  kiosk_close (&kiosk);
}

static gboolean
is_step_row (GtkWidget *widget, gconstpointer text)
{
  return gtk_widget_has_css_class (widget, "lh-record-step-row") &&
         kiosk_find_widget (widget, kiosk_is_label, text) != NULL;
}

static gboolean
step_done_shown (LhWindow *window, gconstpointer text)
{
  GtkWidget *row = kiosk_find_widget (GTK_WIDGET (window), is_step_row, text);

  return row != NULL && kiosk_find_widget (row, kiosk_is_button, "Done") != NULL;
}

/* What a ULR recorded shows on My advice record (the demo newcomer's:
 * a goal with two steps, one done, a note and a learning MOT), and the
 * other step is ticked done from there. */
static void
test_record (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (0, centre->device_token, NULL);
  g_autoptr(JsonObject) record = NULL;
  GtkWidget *row = NULL;
  GtkWidget *button;
  JsonArray *plan;

  kiosk_open_learner (&kiosk, centre, 0);
  open_advice (&kiosk);
  kiosk_wait_for_label (kiosk.window, "What would you like to talk about?");
  kiosk_press (kiosk.window, "My advice record");
  kiosk_wait_for_page (kiosk.window, "record");
  kiosk_wait_for_label (kiosk.window, "Pass Functional Skills English Level 1");
  kiosk_wait_for_label (kiosk.window, "Take the English skills check");
  kiosk_wait_for_label (kiosk.window, "Join the Tuesday evening English group");
  kiosk_wait_for_label (kiosk.window, "Keen and practical. Booked the English check; plan agreed.");
  kiosk_wait_for_label (kiosk.window, "Agreed a learning plan");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Next check-up due: ", "the next learning MOT");
  kiosk_screenshot (kiosk.window, "advice-record");

  /* The step not done yet. */
  row = kiosk_find_widget (GTK_WIDGET (kiosk.window), is_step_row, "Join the Tuesday evening English group");
  g_assert_nonnull (row);
  button = kiosk_find_widget (row, kiosk_is_button, "Tick when done");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  kiosk_wait_for (kiosk.window, step_done_shown, "Join the Tuesday evening English group", "the step ticked done");

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/record", token, NULL, &record), ==, 200);
  plan = json_object_get_array_member (record, "plan");
  for (guint i = 0; i < json_array_get_length (plan); i++)
    {
      JsonObject *item = json_array_get_object_element (plan, i);

      if (g_str_equal (json_object_get_string_member (item, "text"), "Join the Tuesday evening English group"))
        g_assert_true (json_object_get_boolean_member (item, "done"));
    }
  kiosk_close (&kiosk);
}

/* Guests use the PCs only: no tile, and the action does nothing. */
static void
test_hidden_for_guest (void)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (centre->demo), "accounts");
  JsonObject *guest = NULL;
  Kiosk kiosk = { 0 };

  for (guint i = 0; i < json_array_get_length (accounts) && guest == NULL; i++)
    if (json_object_get_boolean_member_with_default (json_array_get_object_element (accounts, i), "guest", FALSE))
      guest = json_array_get_object_element (accounts, i);
  g_assert_nonnull (guest);

  kiosk_open_signed_in (&kiosk, centre, json_object_get_string_member (guest, "staff_number"),
                        json_object_get_string_member (guest, "pin"),
                        json_object_get_string_member (guest, "name"));
  g_assert_null (kiosk_find_button (kiosk.window, "Talk to a ULR"));
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.advice", NULL);
  kiosk_spin (300);
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "home");
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start_with_setup (NULL, add_second_ulr, NULL);
  kiosk_api_init (centre);
  api_take_desk ();

  g_test_add_func ("/kiosk/advice/queue", test_queue);
  g_test_add_func ("/kiosk/advice/leave", test_leave);
  g_test_add_func ("/kiosk/advice/choose-dropin", test_choose_dropin);
  g_test_add_func ("/kiosk/advice/appointment", test_appointment);
  g_test_add_func ("/kiosk/advice/record", test_record);
  g_test_add_func ("/kiosk/advice/hidden-for-guest", test_hidden_for_guest);

  status = g_test_run ();
  g_clear_pointer (&ulr_token, g_free);
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
