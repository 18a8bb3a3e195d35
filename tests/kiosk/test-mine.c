/* SPDX-License-Identifier: GPL-3.0-or-later */
/* My bookings: everything a person has coming up, in one list sorted by
 * time, in plain words. Real widgets under Xvfb against a real learnhubd
 * with the demo centre (next week's "Maths together" full with a waiting
 * list; weekly assessment slots) and three PCs open day and night with
 * kiosks of their own, so that checking in does not depend on the hour.
 * What the kiosk shows is checked against what the API says. */
#define G_LOG_DOMAIN "test-mine"

#include <adwaita.h>
#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-client.h"
#include "lh-mine-words.h"
#include "lh-test-daemon.h"
#include "lh-time-format.h"
#include "lh-window.h"
#include "lh-test-clock.h"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */
static GStrv pc_tokens;       /* (owned) the device tokens of the always-open PCs */

static gboolean
is_full (JsonObject *session, gconstpointer data)
{
  return json_object_get_int_member (session, "places_taken") >= json_object_get_int_member (session, "capacity");
}

static gboolean
has_id (JsonObject *object, gconstpointer id)
{
  return json_object_get_int_member (object, "id") == *(const gint64 *) id;
}

/* Free, and two days on or later: after the PC bookings the tests make
 * (a day and a few hours on), so that none of them clashes with it. */
static gboolean
is_free_slot (JsonObject *slot, gconstpointer data)
{
  g_autoptr(GDateTime) start = kiosk_api_parse_time (slot, "start");
  g_autoptr(GDateTime) later = kiosk_api_minute_now (48 * 60);

  return !json_object_get_boolean_member (slot, "taken") && g_date_time_compare (start, later) > 0;
}

static const char *
my_place (JsonObject *session)
{
  JsonNode *node = json_object_get_member (session, "my_place");

  return node && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

/* ---- kiosks ----------------------------------------------------------- */

static gboolean
list_loaded (LhWindow *window, gconstpointer data)
{
  return kiosk_label_shown (window, "Your bookings") || kiosk_label_shown (window, "You have no bookings");
}

/* The desk kiosk, signed in as the n-th learner, on My bookings. */
static void
kiosk_open (Kiosk *kiosk,
            guint  learner)
{
  kiosk_open_learner (kiosk, centre, learner);
  kiosk_press (kiosk->window, "My bookings");
  kiosk_wait_for_page (kiosk->window, "bookings");
}

/* The row of My bookings with this title. */
static GtkWidget *
row_of (Kiosk      *kiosk,
        const char *title)
{
  GtkWidget *label;

  kiosk_wait_for_label (kiosk->window, title);
  label = kiosk_find_label (kiosk->window, title);
  return gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);
}

static void
assert_row_says (GtkWidget  *row,
                 const char *words)
{
  if (kiosk_find_widget (row, kiosk_is_label, words) == NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      kiosk_find_widget (row, kiosk_collect_label, text);
      g_error ("The row does not say “%s” (it says%s)", words, text->str);
    }
}

static void
count_deletes_cb (SoupSession *session,
                  SoupMessage *message,
                  gpointer     user_data)
{
  if (g_str_equal (soup_message_get_method (message), "DELETE"))
    (*(guint *) user_data)++;
}

/* Presses the row's button, checks the question, and says yes with two
 * quick taps; only one request goes. */
static void
give_back (Kiosk      *kiosk,
           GtkWidget  *row,
           const char *button,
           const char *question,
           const char *yes,
           const char *done)
{
  GtkWidget *confirm;
  guint deletes = 0;

  g_signal_emit_by_name (kiosk_find_widget (row, kiosk_is_button, button), "clicked");
  kiosk_wait_for_label (kiosk->window, question);
  g_signal_connect (lh_client_get_session (kiosk->client), "request-queued",
                    G_CALLBACK (count_deletes_cb), &deletes);
  kiosk_wait_for (kiosk->window, kiosk_button_ready, yes, yes);
  confirm = kiosk_find_button (kiosk->window, yes);
  g_signal_emit_by_name (confirm, "clicked");
  g_signal_emit_by_name (confirm, "clicked");
  kiosk_wait_for_label (kiosk->window, done);
  kiosk_spin (300);
  g_assert_cmpuint (deletes, ==, 1);
  g_signal_handlers_disconnect_by_data (lh_client_get_session (kiosk->client), &deletes);
}

/* ---- words the test expects ------------------------------------------- */

static char *
expected_title (const char *what,
                GDateTime  *start,
                const char *rest)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (kiosk_api_time_zone ());
  g_autofree char *when = lh_mine_format_when (start, now);

  return g_strdup_printf ("%s, %s%s", what, when, rest);
}

static const char *
subject_words (const char *subject)
{
  if (g_str_equal (subject, "english"))
    return "English skills check";
  if (g_str_equal (subject, "maths"))
    return "Maths skills check";
  /* ESOL spelled out where it first appears (docs/words.md). */
  return "ESOL skills check (English for speakers of other languages)";
}

/* ---- tests ------------------------------------------------------------ */

/* A PC booking, a waiting-list place and an assessment: all three, in
 * time order, in plain words; leaving the waiting list and giving the
 * assessment back through the page reach the daemon. */
static void
test_all_three (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (0, centre->device_token, NULL);
  g_autoptr(GDateTime) pc_start = kiosk_api_minute_now (26 * 60);
  g_autoptr(JsonObject) booking = kiosk_api_book_pc (token, KIOSK_ALWAYS_OPEN_PC, pc_start, 60);
  g_autoptr(JsonObject) session = kiosk_api_find (token, "/group-sessions", "group_sessions", is_full, NULL);
  g_autoptr(JsonObject) slot = NULL;
  g_autoptr(JsonObject) place = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GDateTime) pc_end = g_date_time_add_hours (pc_start, 1);
  g_autoptr(GDateTime) session_start = NULL;
  g_autoptr(GDateTime) slot_start = NULL;
  g_autoptr(GDateTime) slot_end = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pc_title = NULL;
  g_autofree char *group_title = NULL;
  g_autofree char *slot_title = NULL;
  g_autofree char *position = NULL;
  g_autofree char *slot_state = NULL;
  g_autofree char *end_clock = NULL;
  g_autofree char *length = NULL;
  g_autofree char *what = NULL;
  g_autofree char *rest = NULL;
  GtkWidget *rows[3];
  GDateTime *starts[3];
  gint64 session_id, slot_id;

  /* On the waiting list of the full group. */
  g_assert_nonnull (session);
  session_id = json_object_get_int_member (session, "id");
  path = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places", session_id);
  g_assert_cmpuint (kiosk_api_call ("POST", path, token, NULL, &place), ==, 202);
  position = lh_mine_format_position ((int) json_object_get_int_member (place, "position"));
  g_assert_cmpint (json_object_get_int_member (place, "position"), >, 1);
  g_assert_true (g_str_has_prefix (position, "You are number "));
  g_clear_pointer (&path, g_free);

  /* And an assessment. */
  slot = kiosk_api_find (token, "/assessment-slots", "assessment_slots", is_free_slot, NULL);
  g_assert_nonnull (slot);
  slot_id = json_object_get_int_member (slot, "id");
  path = g_strdup_printf ("/assessment-slots/%" G_GINT64_FORMAT "/booking", slot_id);
  g_assert_cmpuint (kiosk_api_call ("POST", path, token, NULL, NULL), ==, 201);
  g_clear_pointer (&path, g_free);

  kiosk_open (&kiosk, 0);

  end_clock = lh_format_clock (pc_end);
  rest = g_strdup_printf (" to %s", end_clock);
  pc_title = expected_title (KIOSK_ALWAYS_OPEN_PC, pc_start, rest);
  g_clear_pointer (&rest, g_free);
  session_start = kiosk_api_parse_time (session, "start");
  rest = g_strdup_printf (", %s", json_object_get_string_member (session, "room"));
  group_title = expected_title (json_object_get_string_member (session, "title"), session_start, rest);
  g_clear_pointer (&rest, g_free);
  slot_start = kiosk_api_parse_time (slot, "start");
  slot_end = kiosk_api_parse_time (slot, "end");
  what = g_strdup_printf ("%s with %s", subject_words (json_object_get_string_member (slot, "subject")),
                          json_object_get_string_member (slot, "assessor"));
  rest = g_strdup_printf (", %s", json_object_get_string_member (slot, "place"));
  slot_title = expected_title (what, slot_start, rest);
  length = lh_format_duration (lh_minutes_between (slot_start, slot_end));
  slot_state = g_strdup_printf ("Booked for you · %s", length);

  /* Each in plain words, with the right way to give it back. */
  rows[0] = row_of (&kiosk, pc_title);
  starts[0] = pc_start;
  g_assert_nonnull (kiosk_find_widget (rows[0], kiosk_is_button, "Cancel booking"));
  assert_row_says (rows[0], "1 hour");
  rows[1] = row_of (&kiosk, group_title);
  starts[1] = session_start;
  assert_row_says (rows[1], position);
  g_assert_nonnull (kiosk_find_widget (rows[1], kiosk_is_button, "Leave the waiting list"));
  rows[2] = row_of (&kiosk, slot_title);
  starts[2] = slot_start;
  assert_row_says (rows[2], slot_state);
  g_assert_nonnull (kiosk_find_widget (rows[2], kiosk_is_button, "Give back the assessment"));

  /* Sorted by time: the sooner, the higher up. */
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 3; j++)
      if (g_date_time_compare (starts[i], starts[j]) < 0)
        g_assert_cmpint (gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (rows[i])), <,
                         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (rows[j])));

  /* Leave the waiting list: asked first, sent once, gone here and there. */
  give_back (&kiosk, rows[1], "Leave the waiting list", "Leave the waiting list?", "Yes, leave it",
             "You have left the waiting list.");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, group_title, "the waiting-list row to go");
  after = kiosk_api_find (token, "/group-sessions", "group_sessions", has_id, &session_id);
  g_assert_nonnull (after);
  g_assert_null (my_place (after));
  g_clear_pointer (&after, json_object_unref);

  /* Give back the assessment: free for others again. */
  give_back (&kiosk, row_of (&kiosk, slot_title), "Give back the assessment", "Give back this assessment?",
             "Yes, give it back", "You have given back your assessment.");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, slot_title, "the assessment row to go");
  after = kiosk_api_find (token, "/assessment-slots", "assessment_slots", has_id, &slot_id);
  g_assert_nonnull (after);
  g_assert_false (json_object_get_boolean_member (after, "taken"));
  g_assert_false (json_object_get_boolean_member (after, "mine"));

  /* The booking is still there. */
  g_assert_nonnull (kiosk_find_label (kiosk.window, pc_title));
  kiosk_close (&kiosk);
}

/* A booking checked in by sitting down at its PC says when; one under
 * way that nobody checked in says by when, and where; a walk-up says it
 * is in use, and has nothing to give back. */
static void
test_check_in_state (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (1, centre->device_token, NULL);
  g_autofree char *other_token = kiosk_api_sign_in (2, centre->device_token, NULL);
  g_autoptr(GDateTime) soon = kiosk_api_minute_now (1);
  g_autoptr(GDateTime) now_minute = NULL;
  g_autoptr(JsonObject) booking = kiosk_api_book_pc (token, KIOSK_ALWAYS_OPEN_PC, soon, 60);
  g_autoptr(JsonObject) pc_sign_in = NULL;
  g_autoptr(JsonObject) rules = NULL;
  g_autoptr(JsonObject) bookings = NULL;
  g_autoptr(JsonObject) walk_up_sign_in = NULL;
  g_autoptr(GDateTime) checked_in_at = NULL;
  g_autoptr(GDateTime) deadline = NULL;
  g_autoptr(GDateTime) walk_up_start = NULL;
  g_autoptr(GDateTime) walk_up_end = NULL;
  g_autoptr(JsonObject) other_booking = NULL;
  g_autofree char *pc_token = NULL;
  g_autofree char *walk_up_token = NULL;
  g_autofree char *title = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *clock = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *not_yet = NULL;
  JsonArray *list;
  JsonObject *usage;
  GtkWidget *row;

  /* Learner 1 sits down at the PC: the booking is checked in. */
  pc_token = kiosk_api_sign_in (1, pc_tokens[0], &pc_sign_in);
  usage = json_object_get_object_member (pc_sign_in, "usage");
  g_assert_nonnull (usage);
  g_assert_cmpuint (kiosk_api_call ("GET", "/me/bookings", pc_token, NULL, &bookings), ==, 200);
  list = json_object_get_array_member (bookings, "bookings");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *b = json_array_get_object_element (list, i);

      if (json_object_get_int_member (b, "id") == json_object_get_int_member (booking, "id"))
        checked_in_at = kiosk_api_parse_time (b, "checked_in_at");
    }
  g_assert_nonnull (checked_in_at);

  /* Learner 2 has a booking under way now, not checked in. Not in the
   * last seconds of a minute, so that its start is within the grace. */
  while (kiosk_api_seconds_now () >= 50)
    g_usleep (G_USEC_PER_SEC / 2);
  now_minute = kiosk_api_minute_now (0);
  other_booking = kiosk_api_book_pc (other_token, KIOSK_ALWAYS_OPEN_PC " 2", now_minute, 60);
  g_assert_cmpuint (kiosk_api_call ("GET", "/rules", other_token, NULL, &rules), ==, 200);
  deadline = g_date_time_add_minutes (now_minute, (int) json_object_get_int_member (
                                        json_object_get_object_member (rules, "in_force"), "hold_minutes"));

  /* Learner 3 sits down at a free PC without a booking: a walk-up. */
  walk_up_token = kiosk_api_sign_in (3, pc_tokens[2], &walk_up_sign_in);
  usage = json_object_get_object_member (walk_up_sign_in, "usage");
  g_assert_nonnull (usage);
  g_assert_cmpstr (json_object_get_string_member (usage, "kind"), ==, "walk-up");

  kiosk_open (&kiosk, 1);
  clock = lh_format_clock (checked_in_at);
  checked = g_strdup_printf ("Checked in at %s", clock);
  g_clear_pointer (&clock, g_free);
  {
    g_autoptr(GDateTime) end = g_date_time_add_hours (soon, 1);
    clock = lh_format_clock (end);
  }
  rest = g_strdup_printf (" to %s", clock);
  title = expected_title (KIOSK_ALWAYS_OPEN_PC, soon, rest);
  row = row_of (&kiosk, title);
  assert_row_says (row, checked);
  g_assert_nonnull (kiosk_find_widget (row, kiosk_is_button, "Cancel booking"));
  kiosk_close (&kiosk);

  kiosk_open (&kiosk, 2);
  g_clear_pointer (&clock, g_free);
  clock = lh_format_clock (deadline);
  not_yet = g_strdup_printf ("Not checked in yet — sign in at %s by %s, or it is given to someone else",
                             KIOSK_ALWAYS_OPEN_PC " 2", clock);
  g_clear_pointer (&clock, g_free);
  g_clear_pointer (&rest, g_free);
  g_clear_pointer (&title, g_free);
  {
    g_autoptr(GDateTime) end = g_date_time_add_hours (now_minute, 1);
    clock = lh_format_clock (end);
  }
  rest = g_strdup_printf (" to %s", clock);
  title = expected_title (KIOSK_ALWAYS_OPEN_PC " 2", now_minute, rest);
  row = row_of (&kiosk, title);
  assert_row_says (row, not_yet);
  kiosk_close (&kiosk);

  kiosk_open (&kiosk, 3);
  kiosk_wait_for (kiosk.window, kiosk_label_shown, "You are using it now", "the walk-up");
  row = gtk_widget_get_ancestor (kiosk_find_label (kiosk.window, "You are using it now"), GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (kiosk_find_widget (row, kiosk_is_label_prefix, KIOSK_ALWAYS_OPEN_PC " 3, Today "));
  g_assert_null (kiosk_find_widget (row, kiosk_is_button, "Cancel booking"));
  kiosk_close (&kiosk);
}

/* The assessments list fails: a plain note says so, the rest shows, and
 * Try again brings it. */
static void
redirect_slots_cb (SoupSession *session,
                   SoupMessage *message,
                   gpointer     user_data)
{
  GUri *uri = soup_message_get_uri (message);
  g_autoptr(GUri) broken = NULL;

  if (!g_str_equal (g_uri_get_path (uri), "/api/v1/assessment-slots") || g_uri_get_query (uri) == NULL)
    return;
  broken = soup_uri_copy (uri, SOUP_URI_PATH, "/api/v1/assessment-slots-gone", SOUP_URI_NONE);
  soup_message_set_uri (message, broken);
}

static void
test_one_list_fails (void)
{
  Kiosk kiosk = { 0 };
  g_autofree char *token = kiosk_api_sign_in (4, centre->device_token, NULL);
  g_autoptr(GDateTime) pc_start = kiosk_api_minute_now (27 * 60);
  g_autoptr(JsonObject) booking = kiosk_api_book_pc (token, KIOSK_ALWAYS_OPEN_PC " 3", pc_start, 60);
  g_autoptr(JsonObject) slot = kiosk_api_find (token, "/assessment-slots", "assessment_slots", is_free_slot, NULL);
  g_autofree char *path = NULL;
  const char *staff, *pin, *name;
  const char *note = "Your assessments could not be loaded just now.";

  g_assert_nonnull (slot);
  path = g_strdup_printf ("/assessment-slots/%" G_GINT64_FORMAT "/booking", json_object_get_int_member (slot, "id"));
  g_assert_cmpuint (kiosk_api_call ("POST", path, token, NULL, NULL), ==, 201);

  kiosk.client = lh_client_new (centre->base_url, centre->device_token, NULL);
  kiosk.window = g_object_ref (lh_window_new (NULL, kiosk.client));
  gtk_window_present (GTK_WINDOW (kiosk.window));
  kiosk_wait_for (kiosk.window, kiosk_window_mapped, NULL, "the window to show");
  kiosk_demo_learner (centre, 4, &staff, &pin, &name);
  kiosk_sign_in (kiosk.window, staff, pin, name);
  g_signal_connect (lh_client_get_session (kiosk.client), "request-queued",
                    G_CALLBACK (redirect_slots_cb), NULL);
  kiosk_press (kiosk.window, "My bookings");
  kiosk_wait_for_page (kiosk.window, "bookings");
  kiosk_wait_for (kiosk.window, list_loaded, NULL, "the list");
  kiosk_wait_for_label (kiosk.window, note);
  g_assert_nonnull (kiosk_find_label_prefix (kiosk.window, KIOSK_ALWAYS_OPEN_PC " 3, "));
  g_assert_null (kiosk_find_label_prefix (kiosk.window, "Booked for you"));

  g_signal_handlers_disconnect_by_func (lh_client_get_session (kiosk.client), redirect_slots_cb, NULL);
  kiosk_press (kiosk.window, "Try again");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Booked for you", "the assessment");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, note, "the note to go");
  g_assert_nonnull (kiosk_find_label_prefix (kiosk.window, KIOSK_ALWAYS_OPEN_PC " 3, "));
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start_with_setup (NULL, kiosk_setup_always_open_pcs, &pc_tokens);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/mine/all-three", test_all_three);
  g_test_add_func ("/kiosk/mine/check-in-state", test_check_in_state);
  g_test_add_func ("/kiosk/mine/one-list-fails", test_one_list_fails);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&pc_tokens, g_strfreev);
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
