/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time off to approve: the employer's contact point (the demo's admin)
 * approves and rejects paid time-off requests at the kiosk. Real widgets
 * under Xvfb against a real learnhubd with the demo centre, whose terms
 * approve nothing by themselves (data/demo/terms.conf), three PCs open
 * day and night, and learners of the test's own, who ask for paid time
 * through the API: a PC, a group session and a skills check. What the
 * kiosk did is checked against what the learner's GET /me/time-off says. */
#define G_LOG_DOMAIN "test-approvals"

#include <adwaita.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "kiosk-time-off.h"
#include "lh-approval-words.h"
#include "lh-client.h"
#include "lh-test-daemon.h"
#include "lh-time-format.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) one demo centre for the whole program */
static GStrv pc_tokens;       /* (owned) the kiosks of the always-open PCs */

/* Learners without bookings of their own, so that nothing clashes. */
static const KioskLearner ada = { "930001", "2741", "Ada Quinn", "37.5", "5" };
static const KioskLearner ben = { "930002", "3852", "Ben Ortiz", "37.5", "5" };
static const KioskLearner cai = { "930003", "4963", "Cai Moss", "37.5", "5" };

#define TYPED_REASON "Stocktake on the line that week"

/* ---- the centre ------------------------------------------------------- */

static void
setup_centre (const char *db_path,
              gpointer    user_data)
{
  const KioskLearner *people[] = { &ada, &ben, &cai };

  kiosk_setup_always_open_pcs (db_path, user_data);
  kiosk_time_off_import (db_path, people, G_N_ELEMENTS (people));
}

/* ---- asking for paid time, through the API ---------------------------- */

/* An hour on the PC from hours_on, as work time. */
static gint64
ask_pc (const char *token,
        const char *pc,
        int         hours_on)
{
  g_autoptr(GDateTime) start = kiosk_api_minute_now (hours_on * 60);

  return kiosk_time_off_book_paid (token, pc, start);
}

/* GET path for today and the 30 days after: list `member`. (transfer full) */
static JsonObject *
list_month (const char *token,
            const char *path)
{
  g_autoptr(GDateTime) now = kiosk_api_minute_now (0);
  g_autoptr(GDateTime) last = g_date_time_add_days (now, 30);
  g_autofree char *from = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (last, "%Y-%m-%d");
  g_autofree char *query = g_strdup_printf ("%s?from=%s&to=%s", path, from, to);
  JsonObject *body = NULL;

  g_assert_cmpuint (kiosk_api_call ("GET", query, token, NULL, &body), ==, 200);
  return body;
}

/* A place in one of the demo's group sessions (or its waiting list,
 * which holds paid time too), as work time: the first from an hour on
 * that does not clash with the PC time. *title: the session's. */
static gint64
ask_group (const char  *token,
           char       **title)
{
  g_autoptr(JsonObject) body = list_month (token, "/group-sessions");
  g_autoptr(GDateTime) later = kiosk_api_minute_now (60);
  JsonArray *sessions = json_object_get_array_member (body, "group_sessions");

  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *session = json_array_get_object_element (sessions, i);
      g_autoptr(GDateTime) start = kiosk_api_parse_time (session, "start");
      g_autoptr(JsonObject) place = NULL;
      g_autofree char *path = NULL;
      guint status;

      if (g_date_time_compare (start, later) <= 0)
        continue;
      path = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places", json_object_get_int_member (session, "id"));
      status = kiosk_api_call ("POST", path, token, "{\"paid\": true}", &place);
      if (status != 201 && status != 202)
        continue;
      *title = g_strdup (json_object_get_string_member (session, "title"));
      return kiosk_time_off_pending_id (place);
    }
  g_error ("No group session to join");
}

/* A free skills check two days on or later (after the PC time), as work
 * time; the first that does not clash with the group. *subject: its. */
static gint64
ask_assessment (const char  *token,
                char       **subject)
{
  g_autoptr(JsonObject) body = list_month (token, "/assessment-slots");
  g_autoptr(GDateTime) later = kiosk_api_minute_now (48 * 60);
  JsonArray *slots;

  slots = json_object_get_array_member (body, "assessment_slots");
  for (guint i = 0; i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = json_array_get_object_element (slots, i);
      g_autoptr(GDateTime) start = kiosk_api_parse_time (slot, "start");
      g_autofree char *path = NULL;
      g_autoptr(JsonObject) booked = NULL;

      if (json_object_get_boolean_member (slot, "taken") || g_date_time_compare (start, later) <= 0)
        continue;
      path = g_strdup_printf ("/assessment-slots/%" G_GINT64_FORMAT "/booking", json_object_get_int_member (slot, "id"));
      if (kiosk_api_call ("POST", path, token, "{\"paid\": true}", &booked) != 201)
        continue;
      *subject = g_strdup (json_object_get_string_member (slot, "subject"));
      return kiosk_time_off_pending_id (booked);
    }
  g_error ("No free skills check to book");
}

/* How many requests wait, as the admin's API says. */
static guint
pending_count (void)
{
  g_autofree char *token = kiosk_time_off_admin_token (centre);
  g_autoptr(JsonObject) body = NULL;

  g_assert_cmpuint (kiosk_api_call ("GET", "/time-off/requests", token, NULL, &body), ==, 200);
  return json_array_get_length (json_object_get_array_member (body, "requests"));
}

/* The request as the admin's list has it, parsed as the kiosk does. */
static LhApproval *
listed (gint64 id)
{
  g_autofree char *token = kiosk_time_off_admin_token (centre);
  g_autoptr(JsonObject) body = NULL;
  JsonArray *list;

  g_assert_cmpuint (kiosk_api_call ("GET", "/time-off/requests", token, NULL, &body), ==, 200);
  list = json_object_get_array_member (body, "requests");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *request = json_array_get_object_element (list, i);

      if (json_object_get_int_member (request, "id") == id)
        {
          g_autoptr(GError) error = NULL;
          LhApproval *approval = lh_approval_from_json (request, kiosk_api_time_zone (), &error);

          g_assert_no_error (error);
          return approval;
        }
    }
  g_error ("Request %" G_GINT64_FORMAT " is not waiting", id);
}

/* The request in the learner's GET /me/time-off (requests not over, or
 * decisions not seen yet). (transfer full) */
static JsonObject *
learner_sees (const char *token,
              gint64      id)
{
  g_autoptr(JsonObject) body = NULL;
  const char *lists[] = { "decisions", "requests" };

  g_assert_cmpuint (kiosk_api_call ("GET", "/me/time-off", token, NULL, &body), ==, 200);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *list = json_object_get_array_member (body, lists[l]);

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *request = json_array_get_object_element (list, i);

          if (json_object_get_int_member (request, "id") == id)
            return json_object_ref (request);
        }
    }
  g_error ("The learner does not see request %" G_GINT64_FORMAT, id);
}

static void
assert_decided (const char *token,
                gint64      id,
                const char *status,
                const char *reason)
{
  g_autoptr(JsonObject) request = learner_sees (token, id);
  JsonNode *reason_node = json_object_get_member (request, "decision_reason");

  g_assert_cmpstr (json_object_get_string_member (request, "status"), ==, status);
  if (reason != NULL)
    g_assert_cmpstr (json_node_get_string (reason_node), ==, reason);
}

/* ---- on the screen ---------------------------------------------------- */

static void
collect_cards (GtkWidget *widget,
               GPtrArray *cards)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (gtk_widget_has_css_class (widget, "lh-group-card"))
    {
      g_ptr_array_add (cards, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cards (child, cards);
}

/* The card of the request on the screen, or NULL: by its name, as two
 * requests of one person on one day look alike to an admin. */
static GtkWidget *
card_of (LhWindow         *window,
         const LhApproval *approval)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autofree char *name = g_strdup_printf ("approval-%" G_GINT64_FORMAT, approval->id);

  collect_cards (GTK_WIDGET (window), cards);
  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);

      if (g_strcmp0 (gtk_widget_get_name (card), name) == 0)
        return card;
    }
  return NULL;
}

static gboolean
is_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget);
}

static gboolean
label_contains (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* "10:00", anything like a clock time. */
static gboolean
label_has_hour (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LABEL (widget) &&
         g_regex_match_simple ("[0-9]:[0-5][0-9]", gtk_label_get_text (GTK_LABEL (widget)), 0, 0);
}

static gboolean
card_shown (LhWindow *window, gconstpointer approval)
{
  return card_of (window, approval) != NULL;
}

static gboolean
card_gone (LhWindow *window, gconstpointer approval)
{
  return card_of (window, approval) == NULL;
}

/* The card's button with these words. */
static GtkWidget *
card_button (LhWindow         *window,
             const LhApproval *approval,
             const char       *text)
{
  GtkWidget *card;
  GtkWidget *button;

  kiosk_wait_for (window, card_shown, approval, "the request's card");
  card = card_of (window, approval);
  button = kiosk_find_widget (card, kiosk_is_button, text);
  g_assert_nonnull (button);
  return button;
}

static void
wait_for_home_count (LhWindow *window,
                     int       pending)
{
  g_autofree char *label = lh_approval_format_home_button (pending);

  kiosk_wait_for_label (window, label);
}

static void
open_admin (Kiosk *kiosk)
{
  const char *staff, *pin, *name;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  kiosk_open_signed_in (kiosk, centre, staff, pin, name);
  kiosk_wait_for (kiosk->window, kiosk_stream_open, kiosk->client, "the event stream");
}

static void
open_approvals (Kiosk *kiosk,
                guint  pending)
{
  g_autofree char *button = lh_approval_format_home_button ((int) pending);
  g_autofree char *waiting = lh_approval_format_waiting (pending);

  kiosk_press (kiosk->window, button);
  kiosk_wait_for_page (kiosk->window, "approvals");
  kiosk_wait_for_label (kiosk->window, waiting);
}

/* The card says who, the day and how long, in plain words; and nothing
 * of the hour, the PC, group or skill (issue 12, item 4). */
static void
assert_card_words (LhWindow         *window,
                   const LhApproval *approval,
                   const char       *hidden)
{
  GtkWidget *card = card_of (window, approval);
  g_autofree char *who = lh_approval_format_who (approval);
  g_autofree char *what = lh_approval_format_what (approval);
  g_autofree char *when = lh_approval_format_when (approval);
  g_autofree char *length = lh_approval_format_length (approval);

  g_assert_nonnull (card);
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, who));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, what));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, when));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_label, length));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_button, "Approve"));
  g_assert_nonnull (kiosk_find_widget (card, kiosk_is_button, "Reject"));
  g_assert_null (kiosk_find_widget (card, label_has_hour, NULL));
  if (hidden != NULL)
    g_assert_null (kiosk_find_widget (card, label_contains, hidden));
}

/* ---- tests ------------------------------------------------------------ */

/* Three paid requests wait; the admin approves one (tapping twice) and
 * rejects two, one with a reason tapped and one typed; the list and the
 * count follow, and the learner sees each decision. */
static void
test_approve_and_reject (void)
{
  g_autofree char *token = kiosk_time_off_sign_in (centre, &ada);
  g_autofree char *group_title = NULL;
  g_autofree char *subject = NULL;
  gint64 pc_id = ask_pc (token, KIOSK_ALWAYS_OPEN_PC, 26);
  gint64 group_id = ask_group (token, &group_title);
  gint64 assessment_id = ask_assessment (token, &subject);
  guint pending = pending_count ();
  g_autoptr(LhApproval) pc = listed (pc_id);
  g_autoptr(LhApproval) group = listed (group_id);
  g_autoptr(LhApproval) assessment = listed (assessment_id);
  g_autofree char *approved = lh_approval_format_approved (pc);
  g_autofree char *rejected = lh_approval_format_rejected (group);
  g_autofree char *title = lh_approval_format_reject_title (group);
  g_autofree char *facts = lh_approval_format_reject_facts (group);
  g_autofree char *waiting = NULL;
  g_autofree char *what = NULL;
  Kiosk kiosk = { 0 };
  GtkWidget *button;
  GtkWidget *entry;

  g_assert_cmpuint (pending, >=, 3);
  /* Every one is learning time to the employer, by day and length. */
  what = lh_approval_format_what (group);
  g_assert_cmpstr (what, ==, "Paid time off for learning");
  g_assert_cmpstr (assessment->kind, ==, "learning");
  g_assert_cmpint (pc->minutes, ==, 60);

  open_admin (&kiosk);
  wait_for_home_count (kiosk.window, (int) pending);
  kiosk_screenshot (kiosk.window, "kiosk-approvals-home");
  open_approvals (&kiosk, pending);
  assert_card_words (kiosk.window, pc, KIOSK_ALWAYS_OPEN_PC);
  assert_card_words (kiosk.window, group, group_title);
  assert_card_words (kiosk.window, assessment, subject);
  kiosk_spin (300);
  kiosk_screenshot (kiosk.window, "kiosk-approvals");

  /* Approve, tapped twice: the second tap sends nothing, so nothing says
   * that it was decided already. */
  button = card_button (kiosk.window, pc, "Approve");
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (card_button (kiosk.window, group, "Approve")));
  kiosk_wait_for_label (kiosk.window, approved);
  kiosk_wait_for (kiosk.window, card_gone, pc, "the approved request to go");
  waiting = lh_approval_format_waiting (pending - 1);
  kiosk_wait_for_label (kiosk.window, waiting);
  g_assert_null (kiosk_find_label_prefix (kiosk.window, "This request is not waiting any more"));
  assert_decided (token, pc_id, "approved", NULL);

  /* Reject: a reason is needed, tapped. */
  g_signal_emit_by_name (card_button (kiosk.window, group, "Reject"), "clicked");
  kiosk_wait_for_label (kiosk.window, title);
  kiosk_wait_for_label (kiosk.window, facts);
  kiosk_spin (300);
  kiosk_screenshot (kiosk.window, "kiosk-approvals-reject");
  kiosk_press (kiosk.window, "Reject this request");
  kiosk_wait_for_label (kiosk.window, "Please tap a reason, or type one. They will see it.");
  kiosk_press (kiosk.window, "Short-staffed that day");
  kiosk_press (kiosk.window, "Reject this request");
  kiosk_wait_for_label (kiosk.window, rejected);
  kiosk_wait_for (kiosk.window, card_gone, group, "the rejected request to go");
  assert_decided (token, group_id, "rejected", "Short-staffed that day");

  /* Reject with a reason typed: it wins over one tapped before. */
  g_signal_emit_by_name (card_button (kiosk.window, assessment, "Reject"), "clicked");
  g_clear_pointer (&title, g_free);
  title = lh_approval_format_reject_title (assessment);
  kiosk_wait_for_label (kiosk.window, title);
  kiosk_press (kiosk.window, "Over the time agreed for this year");
  entry = kiosk_find_widget (GTK_WIDGET (kiosk.window), is_entry, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), TYPED_REASON);
  kiosk_press (kiosk.window, "Reject this request");
  kiosk_wait_for (kiosk.window, card_gone, assessment, "the second rejected request to go");
  g_clear_pointer (&waiting, g_free);
  waiting = lh_approval_format_waiting (pending - 3);
  kiosk_wait_for_label (kiosk.window, waiting);
  assert_decided (token, assessment_id, "rejected", TYPED_REASON);
  /* The first decision is still what it was. */
  assert_decided (token, pc_id, "approved", NULL);

  /* The home page counts what is left. */
  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");
  wait_for_home_count (kiosk.window, (int) pending - 3);
  g_assert_cmpuint (pending_count (), ==, pending - 3);
  kiosk_close (&kiosk);
}

/* A request made while the admin looks comes by itself, and goes by
 * itself when someone else decides it; one decided elsewhere while a
 * reason is being chosen is refused in plain words. */
static void
test_live (void)
{
  g_autofree char *token = kiosk_time_off_sign_in (centre, &ben);
  g_autofree char *admin = kiosk_time_off_admin_token (centre);
  g_autoptr(LhApproval) first = NULL;
  g_autoptr(LhApproval) second = NULL;
  g_autofree char *path = NULL;
  g_autofree char *title = NULL;
  Kiosk kiosk = { 0 };
  guint pending = pending_count ();
  gint64 id;

  open_admin (&kiosk);
  wait_for_home_count (kiosk.window, (int) pending);
  open_approvals (&kiosk, pending);

  id = ask_pc (token, KIOSK_ALWAYS_OPEN_PC " 2", 27);
  first = listed (id);
  kiosk_wait_for (kiosk.window, card_shown, first, "the new request to come by itself");
  assert_card_words (kiosk.window, first, KIOSK_ALWAYS_OPEN_PC);

  path = g_strdup_printf ("/time-off/requests/%" G_GINT64_FORMAT "/approve", id);
  g_assert_cmpuint (kiosk_api_call ("POST", path, admin, NULL, NULL), ==, 200);
  kiosk_wait_for (kiosk.window, card_gone, first, "the request decided elsewhere to go");
  g_clear_pointer (&path, g_free);

  /* Decided elsewhere while the reason is chosen: the kiosk says so. */
  id = ask_pc (token, KIOSK_ALWAYS_OPEN_PC " 3", 28);
  second = listed (id);
  g_signal_emit_by_name (card_button (kiosk.window, second, "Reject"), "clicked");
  title = lh_approval_format_reject_title (second);
  kiosk_wait_for_label (kiosk.window, title);
  path = g_strdup_printf ("/time-off/requests/%" G_GINT64_FORMAT "/approve", id);
  g_assert_cmpuint (kiosk_api_call ("POST", path, admin, NULL, NULL), ==, 200);
  /* The reason being chosen is not swept away under the admin's finger. */
  kiosk_spin (500);
  g_assert_true (kiosk_label_shown (kiosk.window, title));
  kiosk_press (kiosk.window, "Needs to be agreed with your manager first");
  kiosk_press (kiosk.window, "Reject this request");
  kiosk_wait_for_label (kiosk.window, "This request is not waiting any more: someone has decided it already, "
                                      "or its booking was cancelled.");
  kiosk_wait_for (kiosk.window, card_gone, second, "the list read again");
  assert_decided (token, id, "approved", NULL);

  kiosk_press (kiosk.window, "Back");
  kiosk_wait_for_page (kiosk.window, "home");
  wait_for_home_count (kiosk.window, (int) pending);
  kiosk_close (&kiosk);
}

/* Signed in at the kiosk, home_button shows the home page: no way in to
 * the approvals there, and the action leaves the home page as it is. */
static void
assert_no_way_in (const char *staff,
                  const char *pin,
                  const char *name,
                  const char *home_button)
{
  Kiosk kiosk = { 0 };

  kiosk_open_signed_in (&kiosk, centre, staff, pin, name);
  kiosk_wait_for (kiosk.window, kiosk_button_ready, home_button, "the home page");
  g_assert_null (kiosk_find_label_prefix (kiosk.window, "Time off to approve"));
  gtk_widget_activate_action (GTK_WIDGET (kiosk.window), "kiosk.approvals", NULL);
  kiosk_spin (300);
  g_assert_cmpstr (lh_window_get_visible_page_name (kiosk.window), ==, "home");
  kiosk_close (&kiosk);
}

/* A learner, a ULR, never see the way in, nor can they get there; the
 * daemon refuses them too. */
static void
test_only_admins (void)
{
  const char *staff, *pin, *name;
  g_autofree char *token = kiosk_time_off_sign_in (centre, &cai);

  g_assert_cmpuint (kiosk_api_call ("GET", "/time-off/requests", token, NULL, NULL), ==, 403);

  assert_no_way_in (cai.staff, cai.pin, cai.name, "My bookings");
  kiosk_demo_ulr (centre, 1, &staff, &pin, &name);
  assert_no_way_in (staff, pin, name, "Run a drop-in");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);

  centre = lh_test_daemon_start_with_setup (NULL, setup_centre, &pc_tokens);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/approvals/approve-and-reject", test_approve_and_reject);
  g_test_add_func ("/kiosk/approvals/live", test_live);
  g_test_add_func ("/kiosk/approvals/only-admins", test_only_admins);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&pc_tokens, g_strfreev);
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
