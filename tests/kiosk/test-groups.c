/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Join a group: real widgets under Xvfb against a real learnhubd with the
 * demo centre (a weekly "Maths together" on Wednesdays at 13:00, the one
 * in the coming week full with 3 waiting). What the kiosk shows is
 * checked against what the API says, with the person's own token. */
#define G_LOG_DOMAIN "test-groups"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-window.h"
#include "lh-test-clock.h"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */
static gint64 reading_club;   /* a session with room, made by the ULR; 0 until made */

/* ---- the API, as another program would use it ------------------------ */

/* The session with this id as the person with token sees it, or NULL. */
static JsonObject *
api_group_session (const char *token,
                   gint64      id)
{
  g_autoptr(JsonObject) body = NULL;
  JsonArray *sessions;

  g_assert_cmpuint (kiosk_api_call ("GET", "/group-sessions", token, NULL, &body), ==, 200);
  sessions = json_object_get_array_member (body, "group_sessions");
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *session = json_array_get_object_element (sessions, i);

      if (json_object_get_int_member (session, "id") == id)
        return json_object_ref (session);
    }
  return NULL;
}

/* The first session of the coming 14 days that is full, as learner sees it. */
static JsonObject *
api_full_session (const char *token)
{
  g_autoptr(JsonObject) body = NULL;
  JsonArray *sessions;

  g_assert_cmpuint (kiosk_api_call ("GET", "/group-sessions", token, NULL, &body), ==, 200);
  sessions = json_object_get_array_member (body, "group_sessions");
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *session = json_array_get_object_element (sessions, i);

      if (json_object_get_int_member (session, "places_taken") >= json_object_get_int_member (session, "capacity"))
        return json_object_ref (session);
    }
  return NULL;
}

static const char *
my_place (JsonObject *session)
{
  JsonNode *node = json_object_get_member (session, "my_place");

  return node && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

/* Sets up a session through the API as the ULR, on a weekday 2 to 12
 * days ahead at this hour (not a Wednesday: Maths together is then). */
static gint64
make_group_session (const char *title,
                    int         hour,
                    int         capacity)
{
  const char *staff, *pin;
  g_autofree char *token = NULL;
  g_autoptr(JsonObject) health = NULL;
  g_autoptr(JsonObject) resources = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  JsonArray *list;
  gint64 room = 0;

  g_assert_true (lh_test_daemon_account (centre, "learner,ulr", &staff, &pin));
  token = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("GET", "/health", NULL, NULL, &health), ==, 200);
  tz = g_time_zone_new_identifier (json_object_get_string_member (health, "timezone"));
  g_assert_nonnull (tz);
  g_assert_cmpuint (kiosk_api_call ("GET", "/resources", token, NULL, &resources), ==, 200);
  list = json_object_get_array_member (resources, "resources");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *resource = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member (resource, "name"), "Group room") == 0)
        room = json_object_get_int_member (resource, "id");
    }
  g_assert_cmpint (room, !=, 0);

  now = lh_test_clock_now_in (tz);
  for (int days = 2; days <= 12; days++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *end_text = NULL;
      g_autofree char *json = NULL;
      g_autoptr(JsonObject) created = NULL;
      int weekday = g_date_time_get_day_of_week (day);

      if (weekday == 3 || weekday > 5)
        continue;
      start = g_date_time_new (tz, g_date_time_get_year (day), g_date_time_get_month (day),
                               g_date_time_get_day_of_month (day), hour, 0, 0);
      end = g_date_time_add_hours (start, 1);
      start_text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%S%:z");
      end_text = g_date_time_format (end, "%Y-%m-%dT%H:%M:%S%:z");
      json = g_strdup_printf ("{\"resource_id\": %" G_GINT64_FORMAT ", \"title\": \"%s\", "
                              "\"topic\": \"Reading for pleasure\", \"start\": \"%s\", \"end\": \"%s\", "
                              "\"capacity\": %d}", room, title, start_text, end_text, capacity);
      if (kiosk_api_call ("POST", "/group-sessions", token, json, &created) == 201)
        return json_object_get_int_member (created, "id");
    }
  g_error ("Could not set up %s", title);
}

static gint64
ensure_reading_club (void)
{
  if (reading_club == 0)
    reading_club = make_group_session ("Reading club", 10, 3);
  return reading_club;
}

/* ---- kiosks ----------------------------------------------------------- */

static void
open_groups (Kiosk *kiosk)
{
  kiosk_press (kiosk->window, "Join a group");
  kiosk_wait_for_page (kiosk->window, "groups");
  kiosk_wait_for_label (kiosk->window, "Groups in the next 2 weeks");
}

/* ---- cards ------------------------------------------------------------ */

typedef struct
{
  const char *label;   /* a label in the card (a prefix) */
  const char *button;  /* (nullable) a button in it */
} CardQuery;

static gboolean
is_matching_card (GtkWidget *widget, gconstpointer data)
{
  const CardQuery *query = data;

  return gtk_widget_has_css_class (widget, "lh-group-card") &&
         kiosk_find_widget (widget, kiosk_is_label_prefix, query->label) != NULL &&
         (query->button == NULL || kiosk_find_widget (widget, kiosk_is_button, query->button) != NULL);
}

static GtkWidget *
find_card (LhWindow   *window,
           const char *label,
           const char *button)
{
  CardQuery query = { label, button };

  return kiosk_find_widget (GTK_WIDGET (window), is_matching_card, &query);
}

static gboolean
card_shows (LhWindow *window, gconstpointer data)
{
  const CardQuery *query = data;

  return find_card (window, query->label, query->button) != NULL;
}

/* Waits for the card with label (and a ready button) and presses it. */
static void
press_in_card (LhWindow   *window,
               const char *label,
               const char *button)
{
  CardQuery query = { label, button };
  g_autofree char *what = g_strdup_printf ("a card with “%s” and “%s”", label, button);
  GtkWidget *found;

  kiosk_wait_for (window, card_shows, &query, what);
  found = kiosk_find_widget (find_card (window, label, button), kiosk_is_button, button);
  g_assert_true (gtk_widget_is_sensitive (found));
  g_signal_emit_by_name (found, "clicked");
}

typedef struct
{
  const char *label;  /* a label in the card (a prefix) */
  const char *text;   /* a label in it, exactly */
} CardText;

static gboolean
card_says (LhWindow *window, gconstpointer data)
{
  const CardText *query = data;
  GtkWidget *card = find_card (window, query->label, NULL);

  return card != NULL && kiosk_find_widget (card, kiosk_is_label, query->text) != NULL;
}

static void
wait_for_card (LhWindow   *window,
               const char *label,
               const char *text)
{
  CardText query = { label, text };
  g_autofree char *what = g_strdup_printf ("a card with “%s” saying “%s”", label, text);

  kiosk_wait_for (window, card_says, &query, what);
}

static gboolean
confirm_shown (LhWindow *window, gconstpointer prefix)
{
  /* While the views cross-fade, the list is still mapped: wait until only
   * the confirm view is, so that a press reaches its buttons. */
  return kiosk_find_label_prefix (window, prefix) != NULL &&
         kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, "lh-group-card") == NULL;
}

static gboolean
label_prefix_gone (LhWindow *window, gconstpointer text)
{
  return kiosk_find_label_prefix (window, text) == NULL;
}

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *message,
                   guint       *count)
{
  if (g_str_equal (soup_message_get_method (message), "POST") &&
      g_str_has_suffix (g_uri_get_path (soup_message_get_uri (message)), "/places"))
    (*count)++;
}

/* ---- tests ------------------------------------------------------------ */

/* (a) A place in a session with room: one request however often the
 * button is pressed, the done view, the card, and the API agree. */
static void
test_take_place (void)
{
  Kiosk kiosk = { 0 };
  gint64 id = ensure_reading_club ();
  g_autofree char *token = kiosk_api_sign_in (0, centre->device_token, NULL);
  g_autoptr(JsonObject) session = NULL;
  guint posts = 0;
  GtkWidget *button;

  kiosk_open_learner (&kiosk, centre, 0);
  open_groups (&kiosk);
  wait_for_card (kiosk.window, "Reading club", "3 places left");
  press_in_card (kiosk.window, "Reading club", "Take a place");
  kiosk_wait_for (kiosk.window, confirm_shown, "Join Reading club on ", "the confirm view");
  kiosk_press (kiosk.window, "My own time");

  g_signal_connect (lh_client_get_session (kiosk.client), "request-queued",
                    G_CALLBACK (request_queued_cb), &posts);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, "Take a place", "the Take a place button");
  button = kiosk_find_button (kiosk.window, "Take a place");
  /* A second and third tap, as an impatient finger would. */
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  kiosk_wait_for_label (kiosk.window, "You have a place.");
  g_signal_handlers_disconnect_by_data (lh_client_get_session (kiosk.client), &posts);
  g_assert_cmpuint (posts, ==, 1);
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Reading club on ", "the facts");

  kiosk_press (kiosk.window, "See all groups");
  wait_for_card (kiosk.window, "Reading club", "You have a place");
  wait_for_card (kiosk.window, "Reading club", "2 places left");

  session = api_group_session (token, id);
  g_assert_nonnull (session);
  g_assert_cmpstr (my_place (session), ==, "booked");

  kiosk_close (&kiosk);
}

/* (b) The waiting list of the full session, then leaving it again. */
static void
test_waiting_list (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (1, centre->device_token, NULL);
  g_autoptr(JsonObject) full = api_full_session (token);
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) left = NULL;
  g_autofree char *fullness = NULL;
  g_autofree char *done = NULL;
  g_autofree char *mine = NULL;
  const char *title;
  gint64 id, waiting;

  g_assert_nonnull (full);
  id = json_object_get_int_member (full, "id");
  title = json_object_get_string_member (full, "title");
  waiting = json_object_get_int_member (full, "waiting");
  g_assert_cmpstr (title, ==, "Maths together");
  g_assert_cmpint (waiting, ==, 3);
  fullness = g_strdup_printf ("Full — %" G_GINT64_FORMAT " waiting", waiting);

  kiosk_open_learner (&kiosk, centre, 1);
  open_groups (&kiosk);
  wait_for_card (kiosk.window, title, fullness);
  press_in_card (kiosk.window, title, "Join the waiting list");
  kiosk_wait_for (kiosk.window, confirm_shown, "Join Maths together on ", "the confirm view");
  kiosk_press (kiosk.window, "My own time");
  kiosk_press (kiosk.window, "Join the waiting list");

  done = g_strdup_printf ("You are number %" G_GINT64_FORMAT " on the waiting list.", waiting + 1);
  kiosk_wait_for_label (kiosk.window, done);
  kiosk_wait_for_label (kiosk.window, "We will tell you if a place comes free.");
  after = api_group_session (token, id);
  g_assert_cmpstr (my_place (after), ==, "waiting");
  g_assert_cmpint (json_object_get_int_member (after, "my_position"), ==, waiting + 1);

  kiosk_press (kiosk.window, "See all groups");
  mine = g_strdup_printf ("You are number %" G_GINT64_FORMAT " on the waiting list", waiting + 1);
  wait_for_card (kiosk.window, title, mine);

  /* Leaving, with a Yes/No first; No keeps it. */
  press_in_card (kiosk.window, title, "Leave the waiting list");
  kiosk_wait_for_label (kiosk.window, "Leave the waiting list?");
  kiosk_press (kiosk.window, "No");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "Leave the waiting list?", "the question to go");
  press_in_card (kiosk.window, title, "Leave the waiting list");
  kiosk_press (kiosk.window, "Yes");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, mine, "the place in the queue to go");
  left = api_group_session (token, id);
  g_assert_null (my_place (left));

  kiosk_close (&kiosk);
}

/* (c) Giving up a place from its card. */
static void
test_give_up (void)
{
  Kiosk kiosk = { 0 };
  gint64 id = ensure_reading_club ();
  g_autofree char *token = kiosk_api_sign_in (2, centre->device_token, NULL);
  g_autofree char *path = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places", id);
  g_autoptr(JsonObject) joined = NULL;
  g_autoptr(JsonObject) session = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", path, token, NULL, &joined), ==, 201);

  kiosk_open_learner (&kiosk, centre, 2);
  open_groups (&kiosk);
  wait_for_card (kiosk.window, "Reading club", "You have a place");
  press_in_card (kiosk.window, "Reading club", "Give up my place");
  kiosk_wait_for_label (kiosk.window, "Give up your place?");
  kiosk_press (kiosk.window, "Yes");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "You have a place", "the place to go");
  press_in_card (kiosk.window, "Reading club", "Take a place");
  kiosk_wait_for (kiosk.window, confirm_shown, "Join Reading club on ", "the confirm view");
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "groups");

  session = api_group_session (token, id);
  g_assert_null (my_place (session));

  kiosk_close (&kiosk);
}

/* Someone else takes a place: the card says so without a tap. */
static void
test_changed_elsewhere (void)
{
  Kiosk kiosk = { 0 };
  gint64 id = ensure_reading_club ();
  g_autofree char *token = kiosk_api_sign_in (4, centre->device_token, NULL);
  g_autofree char *path = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places", id);
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) joined = NULL;
  g_autofree char *left_text = NULL;
  gint64 left;

  kiosk_open_learner (&kiosk, centre, 3);
  open_groups (&kiosk);
  before = api_group_session (token, id);
  left = json_object_get_int_member (before, "capacity") - json_object_get_int_member (before, "places_taken");
  g_assert_cmpint (left, >=, 2);
  left_text = g_strdup_printf ("%" G_GINT64_FORMAT " places left", left);
  wait_for_card (kiosk.window, "Reading club", left_text);

  g_assert_cmpuint (kiosk_api_call ("POST", path, token, NULL, &joined), ==, 201);
  g_free (left_text);
  left_text = left - 1 == 1 ? g_strdup ("1 place left")
                            : g_strdup_printf ("%" G_GINT64_FORMAT " places left", left - 1);
  wait_for_card (kiosk.window, "Reading club", left_text);

  g_free (path);
  path = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places/mine", id);
  g_assert_cmpuint (kiosk_api_call ("DELETE", path, token, NULL, NULL), ==, 204);
  kiosk_close (&kiosk);
}

/* The admin adds a group with learnhubctl while the centre runs: an open
 * kiosk shows it without a tap, as it would one a ULR made at a kiosk. */
static void
test_added_with_learnhubctl (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) now = lh_test_clock_now_in (tz);
  g_autofree char *added = NULL;

  kiosk_open_learner (&kiosk, centre, 7);
  open_groups (&kiosk);
  g_assert_null (kiosk_find_label_prefix (kiosk.window, "Poetry circle"));
  for (int days = 2; days <= 12 && added == NULL; days++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
      g_autofree char *start = g_date_time_format (day, "%Y-%m-%d 16:00");
      g_autoptr(GError) error = NULL;

      if (g_date_time_get_day_of_week (day) > 5)
        continue;
      added = lh_test_run_ctl (centre->db_path, &error, "group", "add", "--leader", "100003", "--room",
                               "Group room", "--title", "Poetry circle", "--start", start, "--minutes", "60",
                               "--capacity", "6", NULL);
    }
  g_assert_nonnull (added);
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Poetry circle", "the group learnhubctl added");
  kiosk_close (&kiosk);
}

/* A place that came from the waiting list while the person was away is
 * told at the next sign-in, on the home page, until dismissed. */
static void
test_promoted_notice (void)
{
  Kiosk kiosk = { 0 };
  gint64 id = make_group_session ("Craft club", 15, 1);
  g_autofree char *first = kiosk_api_sign_in (5, centre->device_token, NULL);
  g_autofree char *second = kiosk_api_sign_in (6, centre->device_token, NULL);
  g_autofree char *path = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places", id);
  g_autofree char *mine = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places/mine", id);
  g_autoptr(JsonObject) a = NULL;
  g_autoptr(JsonObject) b = NULL;

  g_assert_cmpuint (kiosk_api_call ("POST", path, first, NULL, &a), ==, 201);
  g_assert_cmpuint (kiosk_api_call ("POST", path, second, NULL, &b), ==, 202);
  g_assert_cmpuint (kiosk_api_call ("DELETE", mine, first, NULL, NULL), ==, 204);

  kiosk_open_learner (&kiosk, centre, 6);
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown,
                  "Good news: a place came free in Craft club on ", "the good news");
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (kiosk_find_label_prefix (kiosk.window, "Good news: "))),
                                   ", 15:00. It is yours."));
  kiosk_press (kiosk.window, "OK");
  kiosk_wait_for (kiosk.window, label_prefix_gone, "Good news: ", "the good news to go");
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

  g_test_add_func ("/kiosk/groups/take-place", test_take_place);
  g_test_add_func ("/kiosk/groups/waiting-list", test_waiting_list);
  g_test_add_func ("/kiosk/groups/give-up", test_give_up);
  g_test_add_func ("/kiosk/groups/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/kiosk/groups/promoted-notice", test_promoted_notice);
  g_test_add_func ("/kiosk/groups/added-with-learnhubctl", test_added_with_learnhubctl);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
