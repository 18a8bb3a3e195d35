/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's meetings and action plan on the demo centre: changed by
 * committee members only, read by them and the admins, refused to every
 * other role and to a bare kiosk; bad input changes nothing. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

static void
assert_problem (LhApiReply *reply, guint status, const char *reason)
{
  g_test_message ("%s", reply->text);
  g_assert_cmpuint (reply->status, ==, status);
  g_assert_cmpstr (lh_api_reply_string (reply, "reason"), ==, reason);
}

static gint64
new_meeting (const char *committee)
{
  g_autoptr(LhApiReply) added =
    call ("POST", "/api/v1/committee/meetings", committee,
          "{\"starts_at\": \"2027-02-10T14:00:00Z\", \"place\": \"Training room\"}");

  g_assert_cmpuint (added->status, ==, 201);
  return lh_api_reply_int (added, "id");
}

static gint64
new_objective (const char *committee, int number)
{
  g_autofree char *body = g_strdup_printf ("{\"number\": %d, \"activity\": \"Two ESOL taster sessions\", "
                                           "\"by_whom\": \"Lead ULR\", \"due_day\": \"2027-03-31\"}", number);
  g_autoptr(LhApiReply) added = call ("POST", "/api/v1/committee/action-plan", committee, body);

  g_assert_cmpuint (added->status, ==, 201);
  return lh_api_reply_int (added, "id");
}

/* Every route, every role, a kiosk's token and none: the committee
 * changes; the admins read; nobody else. */
static void
test_who_may (void)
{
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *learner = lh_api_sign_in_as (session_, daemon_, "learner");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  gint64 meeting = new_meeting (committee);
  gint64 objective = new_objective (committee, 91);
  g_autofree char *meeting_path = lh_api_path ("/api/v1/committee/meetings/%" G_GINT64_FORMAT, meeting);
  g_autofree char *objective_path = lh_api_path ("/api/v1/committee/action-plan/%" G_GINT64_FORMAT, objective);
  g_autofree char *history_path = lh_api_path ("/api/v1/committee/action-plan/%" G_GINT64_FORMAT "/history",
                                               objective);
  const struct { const char *method, *path, *body; gboolean admin_may; } routes[] = {
    { "GET", "/api/v1/committee/meetings", NULL, TRUE },
    { "POST", "/api/v1/committee/meetings", "{\"starts_at\": \"2027-03-10T14:00:00Z\", \"place\": \"Room 1\"}", FALSE },
    { "PATCH", meeting_path, "{\"notes\": \"Quarter reviewed\"}", FALSE },
    { "GET", "/api/v1/committee/action-plan", NULL, TRUE },
    { "POST", "/api/v1/committee/action-plan",
      "{\"number\": 92, \"activity\": \"A\", \"by_whom\": \"B\", \"due_day\": \"2027-03-31\"}", FALSE },
    { "PATCH", objective_path, "{\"status\": \"in-progress\"}", FALSE },
    { "GET", history_path, NULL, TRUE },
  };

  for (guint r = 0; r < G_N_ELEMENTS (routes); r++)
    {
      const struct { const char *token; guint status; } cases[] = {
        { admin, routes[r].admin_may ? 200 : 403 },
        { learner, 403 },
        { ulr, 403 },
        { daemon_->device_token, 401 },
        { NULL, 401 },
        /* Last, as it may change what it reaches. */
        { committee, g_str_equal (routes[r].method, "POST") ? 201 : 200 },
      };

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autoptr(LhApiReply) reply = call (routes[r].method, routes[r].path, cases[i].token, routes[r].body);

          g_test_message ("%s %s → %u", routes[r].method, routes[r].path, reply->status);
          g_assert_cmpuint (reply->status, ==, cases[i].status);
          if (reply->status >= 400)
            g_assert_null (strstr (reply->text, "Training room"));
        }
    }
}

static gboolean
member_listed (JsonArray *members, gint64 id, const char *name)
{
  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonObject *member = json_array_get_object_element (members, i);

      /* An id and a name: nothing else of anyone. */
      g_assert_cmpuint (json_object_get_size (member), ==, 2);
      if (json_object_get_int_member (member, "id") == id)
        {
          g_assert_cmpstr (json_object_get_string_member (member, "name"), ==, name);
          return TRUE;
        }
    }
  return FALSE;
}

/* Who is on the committee, to tick who attended: the committee's alone
 * to read; its members listed, and nobody else. */
static void
test_members (void)
{
  g_autofree char *member_name = NULL;
  g_autofree char *learner_name = NULL;
  gint64 member_id, learner_id;
  g_autofree char *committee = lh_api_sign_in_nth (session_, daemon_, "learner,committee", 0, &member_id,
                                                   &member_name);
  g_autofree char *learner = lh_api_sign_in_nth (session_, daemon_, "learner", 0, &learner_id, &learner_name);
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  g_autofree char *ulr = lh_api_sign_in_as (session_, daemon_, "learner,ulr");
  const struct { const char *token; guint status; } cases[] = {
    { admin, 403 },
    { learner, 403 },
    { ulr, 403 },
    { daemon_->device_token, 401 },
    { NULL, 401 },
    { committee, 200 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LhApiReply) reply = call ("GET", "/api/v1/committee/members", cases[i].token, NULL);
      JsonArray *members;

      g_assert_cmpuint (reply->status, ==, cases[i].status);
      if (reply->status != 200)
        {
          g_assert_null (strstr (reply->text, member_name));
          continue;
        }
      members = json_object_get_array_member (json_node_get_object (reply->json), "members");
      g_assert_true (member_listed (members, member_id, member_name));
      g_assert_false (member_listed (members, learner_id, learner_name));
    }
}

static JsonObject *
meeting_with_id (LhApiReply *reply, gint64 id)
{
  JsonArray *meetings = json_object_get_array_member (json_node_get_object (reply->json), "meetings");

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);

      if (json_object_get_int_member (meeting, "id") == id)
        return meeting;
    }
  return NULL;
}

/* A meeting recorded: who attended, the report tabled; listed, and the
 * next one on the committee's home page. */
static void
test_meeting_recorded (void)
{
  g_autofree char *name = NULL;
  gint64 member_id = 0;
  g_autofree char *committee = lh_api_sign_in_nth (session_, daemon_, "learner,committee", 0, &member_id, &name);
  gint64 id = new_meeting (committee);
  g_autofree char *path = lh_api_path ("/api/v1/committee/meetings/%" G_GINT64_FORMAT, id);
  g_autofree char *body = g_strdup_printf ("{\"attendee_ids\": [%" G_GINT64_FORMAT "], "
                                           "\"attendee_names\": [\"Jo Bright (college)\"], "
                                           "\"report\": {\"first_day\": \"2026-10-01\", "
                                           "\"last_day\": \"2026-12-31\"}}", member_id);
  g_autoptr(LhApiReply) edited = call ("PATCH", path, committee, body);
  g_autoptr(LhApiReply) list = NULL;
  JsonObject *meeting, *next;
  JsonArray *attendees;

  g_assert_cmpuint (edited->status, ==, 200);
  list = call ("GET", "/api/v1/committee/meetings?from=2027-01-01&to=2027-03-31", committee, NULL);
  g_assert_cmpuint (list->status, ==, 200);
  meeting = meeting_with_id (list, id);
  g_assert_nonnull (meeting);
  g_assert_cmpstr (json_object_get_string_member (meeting, "starts_at"), ==, "2027-02-10T14:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (meeting, "report"), "first_day"),
                   ==, "2026-10-01");
  attendees = json_object_get_array_member (meeting, "attendees");
  g_assert_cmpuint (json_array_get_length (attendees), ==, 2);
  for (guint i = 0; i < json_array_get_length (attendees); i++)
    {
      JsonObject *attendee = json_array_get_object_element (attendees, i);
      const char *attendee_name = json_object_get_string_member (attendee, "name");

      if (JSON_NODE_HOLDS_NULL (json_object_get_member (attendee, "person_id")))
        g_assert_cmpstr (attendee_name, ==, "Jo Bright (college)");
      else
        {
          g_assert_cmpint (json_object_get_int_member (attendee, "person_id"), ==, member_id);
          g_assert_cmpstr (attendee_name, ==, name);
        }
    }
  /* The demo's next meeting comes before this one, or is it. */
  next = json_object_get_object_member (json_node_get_object (list->json), "next");
  g_assert_nonnull (next);
  g_assert_cmpstr (json_object_get_string_member (next, "starts_at"), <=, "2027-02-10T14:00:00Z");
}

/* Bad input, another person's id, an unknown meeting: refused with a
 * reason, and nothing of the body is stored (all of it or none). */
static void
test_meeting_refusals (void)
{
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  gint64 learner_id = 0;
  g_autofree char *learner_name = NULL;
  /* Another person's id: a learner's, who is on no committee. */
  g_autofree char *learner = lh_api_sign_in_nth (session_, daemon_, "learner", 0, &learner_id, &learner_name);
  gint64 id = new_meeting (committee);
  g_autofree char *path = lh_api_path ("/api/v1/committee/meetings/%" G_GINT64_FORMAT, id);
  g_autofree char *unknown = lh_api_path ("/api/v1/committee/meetings/%" G_GINT64_FORMAT, id + 1000);
  g_autofree char *long_place = g_strnfill (101, 'x');
  g_autofree char *too_long = g_strdup_printf ("{\"place\": \"%s\"}", long_place);
  g_autofree char *not_member = g_strdup_printf ("{\"place\": \"Moved\", \"attendee_ids\": [%" G_GINT64_FORMAT "]}",
                                                 learner_id);
  g_autoptr(LhApiReply) r1 = call ("PATCH", path, committee, not_member);
  g_autoptr(LhApiReply) r2 = call ("PATCH", path, committee, too_long);
  g_autoptr(LhApiReply) r3 = call ("PATCH", path, committee, "{\"starts_at\": \"2040-01-01T10:00:00Z\"}");
  g_autoptr(LhApiReply) r4 = call ("PATCH", path, committee, "{\"starts_at\": \"next Tuesday\"}");
  g_autoptr(LhApiReply) r5 = call ("PATCH", path, committee, "{\"room\": \"Room 1\"}");
  g_autoptr(LhApiReply) r6 = call ("PATCH", path, committee, "{\"attendee_ids\": [\"me\"]}");
  g_autoptr(LhApiReply) r7 = call ("PATCH", path, committee,
                                   "{\"place\": \"Moved\", \"report\": {\"first_day\": \"2026-12-31\", "
                                   "\"last_day\": \"2026-10-01\"}}");
  g_autoptr(LhApiReply) r8 = call ("PATCH", unknown, committee, "{\"notes\": \"x\"}");
  g_autoptr(LhApiReply) r9 = call ("POST", "/api/v1/committee/meetings", committee, "{\"place\": \"Room 1\"}");
  g_autoptr(LhApiReply) r10 = call ("POST", "/api/v1/committee/meetings", committee, "not json");
  g_autoptr(LhApiReply) list = NULL;
  JsonObject *meeting;

  assert_problem (r1, 422, "attendee-not-member");
  assert_problem (r2, 422, "text-too-long");
  g_assert_cmpint (lh_api_reply_int (r2, "max_chars"), ==, 100);
  assert_problem (r3, 422, "date-out-of-range");
  assert_problem (r4, 422, "date-invalid");
  assert_problem (r5, 400, "body-invalid");
  assert_problem (r6, 400, "body-invalid");
  assert_problem (r7, 422, "period-invalid");
  assert_problem (r8, 404, "meeting-not-found");
  assert_problem (r9, 422, "date-invalid");
  assert_problem (r10, 400, "body-invalid");

  list = call ("GET", "/api/v1/committee/meetings?from=2027-02-10&to=2027-02-10", committee, NULL);
  meeting = meeting_with_id (list, id);
  g_assert_cmpstr (json_object_get_string_member (meeting, "place"), ==, "Training room");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (meeting, "attendees")), ==, 0);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (meeting, "report")));
  g_assert_cmpstr (json_object_get_string_member (meeting, "starts_at"), ==, "2027-02-10T14:00:00Z");
}

/* An objective edited by a member: the plan shows it, its history says
 * who changed what. */
static void
test_objective_history (void)
{
  g_autofree char *name = NULL;
  gint64 member_id = 0;
  g_autofree char *committee = lh_api_sign_in_nth (session_, daemon_, "learner,committee", 0, &member_id, &name);
  g_autofree char *admin = lh_api_sign_in_as (session_, daemon_, "admin");
  gint64 id = new_objective (committee, 93);
  g_autofree char *path = lh_api_path ("/api/v1/committee/action-plan/%" G_GINT64_FORMAT, id);
  g_autofree char *history_path = lh_api_path ("/api/v1/committee/action-plan/%" G_GINT64_FORMAT "/history", id);
  g_autoptr(LhApiReply) edited = call ("PATCH", path, committee,
                                       "{\"status\": \"done\", \"outcomes\": \"Two sessions, 17 came\"}");
  g_autoptr(LhApiReply) history = call ("GET", history_path, admin, NULL);
  g_autoptr(LhApiReply) plan = call ("GET", "/api/v1/committee/action-plan", admin, NULL);
  JsonArray *changes, *objectives;
  JsonObject *change;
  gboolean listed = FALSE;

  g_assert_cmpuint (edited->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (edited, "status"), ==, "done");
  g_assert_cmpuint (history->status, ==, 200);
  changes = json_object_get_array_member (json_node_get_object (history->json), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 3);
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "field"), ==, "created");
  g_assert_cmpint (json_object_get_int_member (change, "by_id"), ==, member_id);
  g_assert_cmpstr (json_object_get_string_member (change, "by"), ==, name);
  change = json_array_get_object_element (changes, 2);
  g_assert_cmpstr (json_object_get_string_member (change, "field"), ==, "status");
  g_assert_cmpstr (json_object_get_string_member (change, "old"), ==, "planned");
  g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "done");

  objectives = json_object_get_array_member (json_node_get_object (plan->json), "objectives");
  for (guint i = 0; i < json_array_get_length (objectives); i++)
    if (json_object_get_int_member (json_array_get_object_element (objectives, i), "id") == id)
      listed = TRUE;
  g_assert_true (listed);
}

static void
test_objective_refusals (void)
{
  g_autofree char *committee = lh_api_sign_in_as (session_, daemon_, "learner,committee");
  gint64 id = new_objective (committee, 94);
  g_autofree char *path = lh_api_path ("/api/v1/committee/action-plan/%" G_GINT64_FORMAT, id);
  g_autofree char *unknown = lh_api_path ("/api/v1/committee/action-plan/%" G_GINT64_FORMAT, id + 1000);
  g_autofree char *unknown_history = lh_api_path ("/api/v1/committee/action-plan/%" G_GINT64_FORMAT "/history",
                                                  id + 1000);
  g_autofree char *history_path = lh_api_path ("/api/v1/committee/action-plan/%" G_GINT64_FORMAT "/history", id);
  g_autofree char *long_outcomes = g_strnfill (1001, 'x');
  g_autofree char *too_long = g_strdup_printf ("{\"outcomes\": \"%s\"}", long_outcomes);
  g_autoptr(LhApiReply) r1 = call ("PATCH", path, committee, "{\"number\": 91}");
  g_autoptr(LhApiReply) r2 = call ("PATCH", path, committee, too_long);
  g_autoptr(LhApiReply) r3 = call ("PATCH", path, committee, "{\"status\": \"finished\"}");
  g_autoptr(LhApiReply) r4 = call ("PATCH", path, committee, "{\"number\": 0}");
  g_autoptr(LhApiReply) r5 = call ("PATCH", path, committee, "{\"due_day\": \"31/03/2027\"}");
  g_autoptr(LhApiReply) r6 = call ("PATCH", path, committee, "{\"number\": \"one\"}");
  g_autoptr(LhApiReply) r7 = call ("PATCH", path, committee, "{\"owner\": \"Jo\"}");
  g_autoptr(LhApiReply) r8 = call ("PATCH", unknown, committee, "{\"status\": \"done\"}");
  g_autoptr(LhApiReply) r9 = call ("GET", unknown_history, committee, NULL);
  g_autoptr(LhApiReply) r10 = call ("POST", "/api/v1/committee/action-plan", committee,
                                    "{\"number\": 95, \"by_whom\": \"B\", \"due_day\": \"2027-03-31\"}");
  g_autoptr(LhApiReply) r11 = call ("POST", "/api/v1/committee/action-plan", committee,
                                    "{\"number\": 95, \"activity\": \"A\", \"by_whom\": \"B\", "
                                    "\"due_day\": \"2099-03-31\"}");
  g_autoptr(LhApiReply) history = call ("GET", history_path, committee, NULL);

  assert_problem (r1, 409, "number-taken");
  assert_problem (r2, 422, "text-too-long");
  g_assert_cmpint (lh_api_reply_int (r2, "max_chars"), ==, 1000);
  assert_problem (r3, 422, "status-unknown");
  assert_problem (r4, 422, "number-invalid");
  assert_problem (r5, 422, "date-invalid");
  assert_problem (r6, 400, "body-invalid");
  assert_problem (r7, 400, "body-invalid");
  assert_problem (r8, 404, "objective-not-found");
  assert_problem (r9, 404, "objective-not-found");
  assert_problem (r10, 422, "activity-invalid");
  assert_problem (r11, 422, "date-out-of-range");
  /* Nothing changed but its making. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (history->json),
                                                                         "changes")), ==, 1);
}

void
lh_api_committee_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/committee/who-may", test_who_may);
  g_test_add_func ("/api/committee/members", test_members);
  g_test_add_func ("/api/committee/meeting-recorded", test_meeting_recorded);
  g_test_add_func ("/api/committee/meeting-refusals", test_meeting_refusals);
  g_test_add_func ("/api/committee/objective-history", test_objective_history);
  g_test_add_func ("/api/committee/objective-refusals", test_objective_refusals);
}
