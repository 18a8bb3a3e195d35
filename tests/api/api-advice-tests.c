/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Advice from a ULR over the API: a drop-in and its queue (joining,
 * calling, two ULRs calling at once, no-shows, leaving, finishing), slots,
 * the record and what a ULR writes in it, sharing, deletion, facility
 * time, and above all that a learner's record reaches nobody else by any
 * route. The tests run in order and build on each other. */
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-server.h"

static LhTestDaemon *daemon_;
static SoupSession *session_;

typedef struct
{
  char   *token;  /* (owned) a session on the demo's desk kiosk */
  gint64  id;
  char   *name;   /* (owned) */
} Person;

static Person ulr1, ulr2, learner_a, learner_b, learner_c, learner_d, committee, admin;

static gint64 dropin_id;
static gint64 a_request;  /* her queued request, finished by ulr1 */
static gint64 plan_step;
static gint64 served_by_ulr1;  /* the learner ulr1 finished in the race */

/* Every text about learner A that must reach only her and ulr1. */
static const char * const secrets[] = {
  "NOTE-A-zebra-8841", "ULRNOTE-A-quokka-5521", "ULRNOTE2-A-okapi-3310", "PLAN-A-narwhal-7702",
  "PLAN-A-step-7703", "MOT-A-axolotl-9904", NULL
};

static LhApiReply *
call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (session_, daemon_->base_url, method, path, token, body);
}

static guint
status_of (const char *method, const char *path, const char *token, const char *body)
{
  g_autoptr(LhApiReply) reply = call (method, path, token, body);

  return reply->status;
}

static void
sign_in (const char *roles, guint n, Person *person)
{
  person->token = lh_api_sign_in_nth (session_, daemon_, roles, n, &person->id, &person->name);
}

/* The advice tests' own people (lh_api_setup_advice_people()). */
static void
sign_in_as_staff (const char *staff_number, Person *person)
{
  person->token = lh_api_sign_in_person (session_, daemon_, staff_number, LH_API_ADVICE_PIN, &person->id,
                                         &person->name);
}

static void
person_clear (Person *person)
{
  g_clear_pointer (&person->token, g_free);
  g_clear_pointer (&person->name, g_free);
}

static char *
iso (gint64 unix_seconds)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
date_of (gint64 unix_seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (unix_seconds);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, tz);

  return g_date_time_format (local, "%Y-%m-%d");
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static char * G_GNUC_PRINTF (1, 2)
path_of (const char *format, ...)
{
  va_list args;
  char *path;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  return path;
}

static char *
queue_body (const char *topic, const char *note, gint64 dropin)
{
  return g_strdup_printf ("{\"topic\":\"%s\",\"mode\":\"queue\",\"contact\":\"here\",\"note\":\"%s\","
                          "\"dropin_id\":%" G_GINT64_FORMAT "}", topic, note, dropin);
}

static JsonObject *
object_of (LhApiReply *reply)
{
  return json_node_get_object (reply->json);
}

/* The queue of dropin in GET /api/v1/queue, or NULL. */
static JsonObject *
find_queue (LhApiReply *reply, gint64 dropin)
{
  JsonArray *queues = json_object_get_array_member (object_of (reply), "queues");

  for (guint i = 0; i < json_array_get_length (queues); i++)
    if (json_object_get_int_member (json_array_get_object_element (queues, i), "dropin_id") == dropin)
      return json_array_get_object_element (queues, i);
  return NULL;
}

static gboolean
list_has_id (JsonArray *list, gint64 id)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (json_object_get_int_member (json_array_get_object_element (list, i), "id") == id)
      return TRUE;
  return FALSE;
}

static void
test_sign_in_everyone (void)
{
  sign_in_as_staff ("AU1", &ulr1);
  sign_in_as_staff ("AU2", &ulr2);
  sign_in_as_staff ("AL1", &learner_a);
  sign_in_as_staff ("AL2", &learner_b);
  sign_in_as_staff ("AL3", &learner_c);
  sign_in_as_staff ("AL4", &learner_d);
  sign_in ("learner,committee", 0, &committee);
  sign_in ("admin", 0, &admin);
}

static void
test_ulrs_and_dropins (void)
{
  gint64 now = now_seconds ();
  g_autofree char *start = iso (now - 60);
  g_autofree char *end = iso (now + 3 * 3600);
  g_autofree char *too_late = iso (now + 11 * 3600);
  g_autofree char *body = g_strdup_printf ("{\"place\":\"Learning centre\",\"start\":\"%s\",\"end\":\"%s\","
                                           "\"ulrs\":[{\"id\":%" G_GINT64_FORMAT ",\"desk\":\"Desk 1\"},"
                                           "{\"id\":%" G_GINT64_FORMAT ",\"desk\":\"Desk 2\",\"alert_length\":0}]}",
                                           start, end, ulr1.id, ulr2.id);
  g_autofree char *too_long = g_strdup_printf ("{\"place\":\"Learning centre\",\"start\":\"%s\",\"end\":\"%s\"}",
                                               start, too_late);
  g_autofree char *no_place = g_strdup_printf ("{\"place\":\"\",\"start\":\"%s\",\"end\":\"%s\"}", start, end);
  g_autofree char *learner_at_desk = g_strdup_printf ("{\"place\":\"Hall\",\"start\":\"%s\",\"end\":\"%s\","
                                                      "\"ulrs\":[{\"id\":%" G_GINT64_FORMAT ",\"desk\":\"A\"}]}",
                                                      start, end, learner_a.id);
  g_autoptr(LhApiReply) ulrs = call ("GET", "/api/v1/ulrs", daemon_->device_token, NULL);
  g_autoptr(LhApiReply) opened = NULL;
  g_autoptr(LhApiReply) listed = NULL;

  g_assert_cmpuint (ulrs->status, ==, 200);
  g_assert_true (list_has_id (json_object_get_array_member (object_of (ulrs), "ulrs"), ulr1.id));
  g_assert_true (list_has_id (json_object_get_array_member (object_of (ulrs), "ulrs"), ulr2.id));
  g_assert_false (list_has_id (json_object_get_array_member (object_of (ulrs), "ulrs"), learner_a.id));
  g_assert_cmpuint (status_of ("GET", "/api/v1/ulrs", NULL, NULL), ==, 401);

  opened = call ("POST", "/api/v1/dropins", ulr1.token, body);
  g_assert_cmpuint (opened->status, ==, 201);
  dropin_id = lh_api_reply_int (opened, "id");
  g_assert_true (json_object_get_boolean_member (object_of (opened), "open"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (opened), "ulrs")), ==, 2);

  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins", learner_a.token, body), ==, 403);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins", NULL, body), ==, 401);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins", ulr1.token, body), ==, 409);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins", ulr1.token, too_long), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins", ulr1.token, no_place), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins", ulr1.token, learner_at_desk), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins", ulr1.token, "{\"place\": 5}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins", ulr1.token, "{\"place\":\"Hall\",\"start\":\"x\","
                               "\"end\":\"y\",\"ulrs\":\"me\"}"), ==, 400);

  listed = call ("GET", "/api/v1/dropins", daemon_->device_token, NULL);
  g_assert_cmpuint (listed->status, ==, 200);
  g_assert_true (list_has_id (json_object_get_array_member (object_of (listed), "dropins"), dropin_id));
  g_assert_cmpuint (status_of ("GET", "/api/v1/dropins?from=soon", daemon_->device_token, NULL), ==, 400);
  g_assert_cmpuint (status_of ("GET", "/api/v1/dropins?from=2026-12-10&to=2026-12-01", daemon_->device_token,
                               NULL), ==, 422);
  g_assert_cmpuint (status_of ("GET", "/api/v1/dropins", NULL, NULL), ==, 401);
}

static void
test_alert_length (void)
{
  g_autofree char *path = path_of ("/api/v1/dropins/%" G_GINT64_FORMAT "/alert", dropin_id);

  g_assert_cmpuint (status_of ("POST", path, ulr2.token, "{\"queue_length\": 3}"), ==, 204);
  g_assert_cmpuint (status_of ("POST", path, ulr2.token, "{\"queue_length\": 0}"), ==, 204);
  g_assert_cmpuint (status_of ("POST", path, ulr2.token, "{\"queue_length\": 101}"), ==, 422);
  g_assert_cmpuint (status_of ("POST", path, ulr2.token, "{\"queue_length\": \"long\"}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", path, learner_a.token, "{\"queue_length\": 3}"), ==, 403);
  g_assert_cmpuint (status_of ("POST", path, NULL, "{\"queue_length\": 3}"), ==, 401);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins/999999/alert", ulr2.token, "{\"queue_length\": 3}"), ==,
                    404);
}

static void
test_join_call_finish (void)
{
  g_autofree char *body = queue_body ("esol", secrets[0], dropin_id);
  g_autofree char *next_body = g_strdup_printf ("{\"dropin_id\":%" G_GINT64_FORMAT "}", dropin_id);
  g_autoptr(LhApiReply) joined = call ("POST", "/api/v1/advice-requests", learner_a.token, body);
  g_autoptr(LhApiReply) queue = NULL;
  g_autoptr(LhApiReply) mine = NULL;
  g_autoptr(LhApiReply) called = NULL;
  g_autoptr(LhApiReply) started = NULL;
  g_autoptr(LhApiReply) finished = NULL;
  g_autofree char *path = NULL, *start = NULL, *finish = NULL, *no_show = NULL;
  g_autofree char *long_note = NULL;
  g_autofree char *finish_body = NULL;
  JsonObject *q;
  gint64 ticket;

  g_assert_cmpuint (joined->status, ==, 201);
  a_request = lh_api_reply_int (joined, "id");
  ticket = lh_api_reply_int (joined, "ticket");
  g_assert_cmpint (ticket, >, 0);
  g_assert_cmpint (lh_api_reply_int (joined, "position"), ==, 1);
  g_assert_cmpstr (lh_api_reply_string (joined, "status"), ==, "waiting");
  g_assert_cmpstr (lh_api_reply_string (joined, "learner"), ==, learner_a.name);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_a.token, body), ==, 409);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", admin.token, body), ==, 403);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", NULL, body), ==, 401);

  /* The display shows a number: no name, no topic, no note. */
  queue = call ("GET", "/api/v1/queue", daemon_->device_token, NULL);
  g_assert_cmpuint (queue->status, ==, 200);
  q = find_queue (queue, dropin_id);
  g_assert_nonnull (q);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (q, "waiting"), 0), ==, ticket);
  g_assert_null (strstr (queue->text, learner_a.name));
  g_assert_null (strstr (queue->text, "esol"));
  g_assert_null (strstr (queue->text, "topic"));
  g_assert_null (strstr (queue->text, secrets[0]));
  g_assert_cmpuint (status_of ("GET", "/api/v1/queue", NULL, NULL), ==, 401);

  path = path_of ("/api/v1/advice-requests/%" G_GINT64_FORMAT, a_request);
  mine = call ("GET", path, learner_a.token, NULL);
  g_assert_cmpuint (mine->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (mine, "note"), ==, secrets[0]);
  /* Even the drop-in's ULRs do not see a waiting ticket's request. */
  g_assert_cmpuint (status_of ("GET", path, ulr1.token, NULL), ==, 404);

  called = call ("POST", "/api/v1/queue/next", ulr1.token, next_body);
  g_assert_cmpuint (called->status, ==, 200);
  g_assert_cmpint (lh_api_reply_int (called, "id"), ==, a_request);
  g_assert_cmpstr (lh_api_reply_string (called, "status"), ==, "called");
  g_assert_cmpstr (lh_api_reply_string (called, "desk"), ==, "Desk 1");
  g_assert_cmpstr (lh_api_reply_string (called, "note"), ==, secrets[0]);
  g_assert_cmpuint (status_of ("POST", "/api/v1/queue/next", ulr1.token, next_body), ==, 409);
  g_assert_cmpuint (status_of ("GET", path, ulr1.token, NULL), ==, 200);

  /* Nobody else learns the request exists: 404, never 403. */
  g_assert_cmpuint (status_of ("GET", path, ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", path, committee.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", path, admin.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", path, learner_b.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", "/api/v1/advice-requests/999999", learner_a.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", path, NULL, NULL), ==, 401);

  g_assert_cmpuint (status_of ("DELETE", path, learner_a.token, NULL), ==, 409);
  g_assert_cmpuint (status_of ("DELETE", path, learner_b.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("DELETE", path, NULL, NULL), ==, 401);

  start = g_strconcat (path, "/start", NULL);
  finish = g_strconcat (path, "/finish", NULL);
  no_show = g_strconcat (path, "/no-show", NULL);
  g_assert_cmpuint (status_of ("POST", start, ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("POST", start, learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (status_of ("POST", start, NULL, NULL), ==, 401);
  g_assert_cmpuint (status_of ("POST", finish, ulr1.token, "{\"outcomes\":[\"other\"]}"), ==, 409);
  started = call ("POST", start, ulr1.token, NULL);
  g_assert_cmpuint (started->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (started, "status"), ==, "started");
  g_assert_cmpuint (status_of ("POST", start, ulr1.token, NULL), ==, 409);
  g_assert_cmpuint (status_of ("POST", no_show, ulr1.token, NULL), ==, 409);

  long_note = g_strnfill (2001, 'x');
  finish_body = g_strdup_printf ("{\"outcomes\":[\"other\"],\"note\":\"%s\"}", long_note);
  g_assert_cmpuint (status_of ("POST", finish, ulr1.token, "{\"outcomes\":\"signposted-course\"}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", finish, ulr1.token, "{\"outcomes\":[1]}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", finish, ulr1.token, "[]"), ==, 400);
  g_assert_cmpuint (status_of ("POST", finish, ulr1.token, "{\"outcomes\":[]}"), ==, 422);
  g_assert_cmpuint (status_of ("POST", finish, ulr1.token, "{\"outcomes\":[\"a-nice-chat\"]}"), ==, 422);
  g_assert_cmpuint (status_of ("POST", finish, ulr1.token, finish_body), ==, 422);
  g_assert_cmpuint (status_of ("POST", finish, learner_b.token, "{\"outcomes\":[\"other\"]}"), ==, 403);
  g_assert_cmpuint (status_of ("POST", finish, ulr2.token, "{\"outcomes\":[\"other\"]}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", finish, NULL, "{\"outcomes\":[\"other\"]}"), ==, 401);
  g_clear_pointer (&finish_body, g_free);
  finish_body = g_strdup_printf ("{\"outcomes\":[\"signposted-course\",\"follow-up-booked\"],\"note\":\"%s\"}",
                                 secrets[1]);
  finished = call ("POST", finish, ulr1.token, finish_body);
  g_assert_cmpuint (finished->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (finished, "status"), ==, "done");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (finished), "outcomes")), ==, 2);
  g_assert_cmpuint (status_of ("POST", finish, ulr1.token, finish_body), ==, 409);
  g_assert_cmpuint (status_of ("POST", no_show, ulr1.token, NULL), ==, 409);

  /* Nobody waits now; with no body the ULR's own drop-in is meant. */
  g_assert_cmpuint (status_of ("POST", "/api/v1/queue/next", ulr1.token, NULL), ==, 409);
  g_assert_cmpuint (status_of ("POST", "/api/v1/queue/next", ulr1.token, "{\"dropin_id\":999999}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", "/api/v1/queue/next", ulr1.token, "{\"dropin_id\":\"4\"}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", "/api/v1/queue/next", learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (status_of ("POST", "/api/v1/queue/next", NULL, NULL), ==, 401);
}

typedef struct
{
  guint      n_done;
  JsonNode  *replies[2];  /* (owned) */
  guint      statuses[2];
} Race;

static void
race_reply_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Race *race = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (msg), "racer"));
  g_autoptr(JsonParser) parser = json_parser_new ();

  race->statuses[i] = soup_message_get_status (msg);
  if (bytes != NULL && json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                   NULL))
    race->replies[i] = json_node_ref (json_parser_get_root (parser));
  race->n_done++;
}

static void
test_two_ulrs_call_at_once (void)
{
  g_autofree char *bea_body = queue_body ("careers", "B asks", dropin_id);
  g_autofree char *cal_body = queue_body ("digital", "C asks", dropin_id);
  g_autoptr(LhApiReply) bea_joined = call ("POST", "/api/v1/advice-requests", learner_b.token, bea_body);
  g_autoptr(LhApiReply) cal_joined = call ("POST", "/api/v1/advice-requests", learner_c.token, cal_body);
  g_autofree char *url = g_strconcat (daemon_->base_url, "/api/v1/queue/next", NULL);
  const char *tokens[2] = { ulr1.token, ulr2.token };
  Race race = { 0 };
  JsonObject *by_ulr1, *by_ulr2;
  gint64 ticket1, ticket2;

  g_assert_cmpuint (bea_joined->status, ==, 201);
  g_assert_cmpuint (cal_joined->status, ==, 201);
  g_assert_cmpint (lh_api_reply_int (cal_joined, "position"), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
      g_autofree char *auth = g_strconcat ("Bearer ", tokens[i], NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      g_object_set_data (G_OBJECT (msg), "racer", GUINT_TO_POINTER (i));
      soup_session_send_and_read_async (session_, msg, G_PRIORITY_DEFAULT, NULL, race_reply_cb, &race);
    }
  while (race.n_done < 2)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (race.statuses[0], ==, 200);
  g_assert_cmpuint (race.statuses[1], ==, 200);
  by_ulr1 = json_node_get_object (race.replies[0]);
  by_ulr2 = json_node_get_object (race.replies[1]);
  ticket1 = json_object_get_int_member (by_ulr1, "ticket");
  ticket2 = json_object_get_int_member (by_ulr2, "ticket");
  g_assert_cmpint (ticket1, !=, ticket2);
  g_assert_cmpint (MIN (ticket1, ticket2), ==, lh_api_reply_int (bea_joined, "ticket"));
  g_assert_cmpint (MAX (ticket1, ticket2), ==, lh_api_reply_int (cal_joined, "ticket"));
  g_assert_cmpint (json_object_get_int_member (by_ulr1, "ulr_id"), ==, ulr1.id);
  g_assert_cmpint (json_object_get_int_member (by_ulr2, "ulr_id"), ==, ulr2.id);
  served_by_ulr1 = json_object_get_int_member (by_ulr1, "learner_id");

  /* ulr2's learner did not come; ulr1's did. */
  {
    g_autofree char *no_show = path_of ("/api/v1/advice-requests/%" G_GINT64_FORMAT "/no-show",
                                        json_object_get_int_member (by_ulr2, "id"));
    g_autofree char *start = path_of ("/api/v1/advice-requests/%" G_GINT64_FORMAT "/start",
                                      json_object_get_int_member (by_ulr1, "id"));
    g_autofree char *finish = path_of ("/api/v1/advice-requests/%" G_GINT64_FORMAT "/finish",
                                       json_object_get_int_member (by_ulr1, "id"));
    g_autoptr(LhApiReply) marked = call ("POST", no_show, ulr2.token, NULL);

    g_assert_cmpuint (marked->status, ==, 200);
    g_assert_cmpstr (lh_api_reply_string (marked, "status"), ==, "no-show");
    g_assert_cmpuint (status_of ("POST", no_show, ulr2.token, NULL), ==, 409);
    g_assert_cmpuint (status_of ("POST", no_show, ulr1.token, NULL), ==, 404);
    g_assert_cmpuint (status_of ("POST", no_show, learner_b.token, NULL), ==, 403);
    g_assert_cmpuint (status_of ("POST", no_show, NULL, NULL), ==, 401);
    g_assert_cmpuint (status_of ("POST", start, ulr1.token, NULL), ==, 200);
    g_assert_cmpuint (status_of ("POST", finish, ulr1.token, "{\"outcomes\":[\"funding-advice\"]}"), ==, 200);
  }
  for (guint i = 0; i < 2; i++)
    json_node_unref (race.replies[i]);
}

static void
test_leave_the_queue (void)
{
  g_autofree char *body = queue_body ("other", "D asks", dropin_id);
  g_autoptr(LhApiReply) joined = call ("POST", "/api/v1/advice-requests", learner_d.token, body);
  g_autofree char *path = NULL;
  g_autoptr(LhApiReply) queue = NULL;
  guint again;

  g_assert_cmpuint (joined->status, ==, 201);
  path = path_of ("/api/v1/advice-requests/%" G_GINT64_FORMAT, lh_api_reply_int (joined, "id"));
  g_assert_cmpuint (status_of ("DELETE", path, learner_d.token, NULL), ==, 204);
  again = status_of ("DELETE", path, learner_d.token, NULL);
  g_assert_true (again == 404 || again == 409);
  queue = call ("GET", "/api/v1/queue", learner_d.token, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (find_queue (queue, dropin_id), "waiting")),
                    ==, 0);
  {
    g_autoptr(LhApiReply) left = call ("GET", path, learner_d.token, NULL);
    g_assert_cmpstr (lh_api_reply_string (left, "status"), ==, "left");
  }
}

static void
test_record_written_by_a_ulr (void)
{
  g_autofree char *notes = path_of ("/api/v1/learners/%" G_GINT64_FORMAT "/notes", learner_a.id);
  g_autofree char *plan = path_of ("/api/v1/learners/%" G_GINT64_FORMAT "/plan-items", learner_a.id);
  g_autofree char *mots = path_of ("/api/v1/learners/%" G_GINT64_FORMAT "/mots", learner_a.id);
  g_autofree char *record = path_of ("/api/v1/learners/%" G_GINT64_FORMAT "/record", learner_a.id);
  g_autofree char *note_body = g_strdup_printf ("{\"text\":\"%s\",\"request_id\":%" G_GINT64_FORMAT "}", secrets[2],
                                                a_request);
  g_autofree char *due = date_of (now_seconds () + 30 * 86400);
  g_autofree char *goal_body = g_strdup_printf ("{\"text\":\"%s\",\"due\":\"%s\"}", secrets[3], due);
  g_autofree char *held = iso (now_seconds () - 3600);
  g_autofree char *future = iso (now_seconds () + 86400);
  g_autofree char *mot_body = g_strdup_printf ("{\"summary\":\"%s\",\"held_at\":\"%s\"}", secrets[5], held);
  g_autofree char *future_mot = g_strdup_printf ("{\"summary\":\"Later\",\"held_at\":\"%s\"}", future);
  g_autofree char *long_text = g_strnfill (2001, 'y');
  g_autofree char *long_body = g_strdup_printf ("{\"text\":\"%s\"}", long_text);
  g_autoptr(LhApiReply) note = call ("POST", notes, ulr1.token, note_body);
  g_autoptr(LhApiReply) goal = call ("POST", plan, ulr1.token, goal_body);
  g_autoptr(LhApiReply) step = NULL;
  g_autoptr(LhApiReply) done = NULL;
  g_autoptr(LhApiReply) mot = NULL;
  g_autoptr(LhApiReply) by_ulr = NULL;
  g_autoptr(LhApiReply) by_her = NULL;
  g_autofree char *step_body = NULL;
  g_autofree char *done_path = NULL;

  g_assert_cmpuint (note->status, ==, 201);
  g_assert_cmpint (lh_api_reply_int (note, "author_id"), ==, ulr1.id);
  g_assert_cmpstr (lh_api_reply_string (note, "text"), ==, secrets[2]);
  g_assert_cmpuint (status_of ("POST", notes, ulr1.token, "{\"text\":\"x\",\"request_id\":999999}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", notes, ulr1.token, "{\"text\":\"\"}"), ==, 422);
  g_assert_cmpuint (status_of ("POST", notes, ulr1.token, long_body), ==, 422);
  g_assert_cmpuint (status_of ("POST", notes, ulr1.token, "{\"text\": 3}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", notes, ulr2.token, "{\"text\":\"hello\"}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", notes, learner_b.token, "{\"text\":\"hello\"}"), ==, 403);
  g_assert_cmpuint (status_of ("POST", notes, NULL, "{\"text\":\"hello\"}"), ==, 401);

  g_assert_cmpuint (goal->status, ==, 201);
  g_assert_true (json_node_is_null (json_object_get_member (object_of (goal), "goal_id")));
  g_assert_cmpstr (lh_api_reply_string (goal, "due"), ==, due);
  step_body = g_strdup_printf ("{\"text\":\"%s\",\"goal_id\":%" G_GINT64_FORMAT "}", secrets[4],
                               lh_api_reply_int (goal, "id"));
  step = call ("POST", plan, ulr1.token, step_body);
  g_assert_cmpuint (step->status, ==, 201);
  plan_step = lh_api_reply_int (step, "id");
  g_assert_cmpint (lh_api_reply_int (step, "goal_id"), ==, lh_api_reply_int (goal, "id"));
  g_assert_cmpuint (status_of ("POST", plan, ulr1.token, "{\"text\":\"x\",\"goal_id\":999999}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", plan, ulr1.token, "{\"text\":\"x\",\"due\":\"2001-01-01\"}"), ==, 422);
  g_assert_cmpuint (status_of ("POST", plan, ulr1.token, "{\"text\":\"x\",\"due\":\"soon\"}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", plan, ulr1.token, "{\"text\":[]}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", plan, ulr1.token, "{\"text\":\"\"}"), ==, 422);
  g_assert_cmpuint (status_of ("POST", plan, ulr2.token, "{\"text\":\"x\"}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", plan, learner_b.token, "{\"text\":\"x\"}"), ==, 403);
  g_assert_cmpuint (status_of ("POST", plan, NULL, "{\"text\":\"x\"}"), ==, 401);

  done_path = path_of ("/api/v1/plan-items/%" G_GINT64_FORMAT "/done", plan_step);
  done = call ("POST", done_path, learner_a.token, "{\"done\": true}");
  g_assert_cmpuint (done->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (object_of (done), "done"));
  g_assert_cmpuint (status_of ("POST", done_path, learner_b.token, "{\"done\": true}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", done_path, ulr2.token, "{\"done\": true}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", done_path, learner_a.token, "{\"done\": \"yes\"}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", done_path, ulr1.token, "{\"done\": false}"), ==, 200);
  g_assert_cmpuint (status_of ("POST", "/api/v1/plan-items/999999/done", learner_a.token, "{\"done\": true}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", done_path, NULL, "{\"done\": true}"), ==, 401);

  mot = call ("POST", mots, ulr1.token, mot_body);
  g_assert_cmpuint (mot->status, ==, 201);
  g_assert_nonnull (lh_api_reply_string (mot, "next_due"));
  g_assert_cmpuint (status_of ("POST", mots, ulr1.token, future_mot), ==, 422);
  g_assert_cmpuint (status_of ("POST", mots, ulr1.token, "{\"summary\":\"\"}"), ==, 422);
  g_assert_cmpuint (status_of ("POST", mots, ulr1.token, "{\"summary\": 1}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", mots, ulr2.token, "{\"summary\":\"x\"}"), ==, 404);
  g_assert_cmpuint (status_of ("POST", mots, learner_b.token, "{\"summary\":\"x\"}"), ==, 403);
  g_assert_cmpuint (status_of ("POST", mots, NULL, "{\"summary\":\"x\"}"), ==, 401);

  /* Her ULR reads all of it; so does she. */
  by_ulr = call ("GET", record, ulr1.token, NULL);
  g_assert_cmpuint (by_ulr->status, ==, 200);
  for (guint i = 0; secrets[i] != NULL; i++)
    g_assert_nonnull (strstr (by_ulr->text, secrets[i]));
  g_assert_true (list_has_id (json_object_get_array_member (object_of (by_ulr), "supporters"), ulr1.id));
  by_her = call ("GET", "/api/v1/me/record", learner_a.token, NULL);
  g_assert_cmpuint (by_her->status, ==, 200);
  g_assert_cmpint (lh_api_reply_int (by_her, "learner_id"), ==, learner_a.id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (by_her), "plan")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (by_her), "mots")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (by_her), "open_requests")), ==, 0);
  g_assert_true (list_has_id (json_object_get_array_member (object_of (by_her), "requests"), a_request));
  g_assert_cmpuint (status_of ("GET", "/api/v1/me/record", NULL, NULL), ==, 401);

  /* To anyone else it does not exist: 404, never 403. */
  g_assert_cmpuint (status_of ("GET", record, ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", record, admin.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", record, committee.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", record, learner_b.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", "/api/v1/learners/999999/record", ulr1.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("GET", record, NULL, NULL), ==, 401);
}

static void
test_share_and_stop (void)
{
  g_autofree char *body = g_strdup_printf ("{\"ulr_id\":%" G_GINT64_FORMAT "}", ulr2.id);
  g_autofree char *not_ulr = g_strdup_printf ("{\"ulr_id\":%" G_GINT64_FORMAT "}", learner_a.id);
  g_autofree char *record = path_of ("/api/v1/learners/%" G_GINT64_FORMAT "/record", learner_d.id);
  g_autofree char *unshare = path_of ("/api/v1/me/record/shares/%" G_GINT64_FORMAT, ulr2.id);

  g_assert_cmpuint (status_of ("GET", record, ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/record/shares", learner_d.token, body), ==, 204);
  g_assert_cmpuint (status_of ("GET", record, ulr2.token, NULL), ==, 200);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/record/shares", learner_d.token, not_ulr), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/record/shares", learner_d.token, "{\"ulr_id\":\"x\"}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/record/shares", NULL, body), ==, 401);
  g_assert_cmpuint (status_of ("DELETE", unshare, learner_d.token, NULL), ==, 204);
  g_assert_cmpuint (status_of ("DELETE", unshare, learner_d.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("DELETE", unshare, NULL, NULL), ==, 401);
  g_assert_cmpuint (status_of ("GET", record, ulr2.token, NULL), ==, 404);
}

static void
test_slots_and_appointments (void)
{
  g_autofree char *start = lh_api_day_at (1, 10);
  g_autofree char *end = lh_api_day_at (1, 11);
  g_autofree char *past_start = iso (now_seconds () - 7200);
  g_autofree char *past_end = iso (now_seconds () - 3600);
  g_autofree char *body = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\",\"place\":\"Quiet room\"}", start, end);
  g_autofree char *past = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\"}", past_start, past_end);
  g_autofree char *long_start = lh_api_day_at (2, 9);
  g_autofree char *long_end = lh_api_day_at (2, 12);
  g_autofree char *too_long = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\"}", long_start, long_end);
  g_autoptr(LhApiReply) offered = call ("POST", "/api/v1/advice-slots", ulr2.token, body);
  g_autoptr(LhApiReply) booked = NULL;
  g_autoptr(LhApiReply) listed = NULL;
  g_autofree char *book = NULL;
  g_autofree char *path = NULL;
  gint64 slot;

  g_assert_cmpuint (offered->status, ==, 201);
  slot = lh_api_reply_int (offered, "id");
  g_assert_false (json_object_get_boolean_member (object_of (offered), "taken"));
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-slots", ulr2.token, body), ==, 409);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-slots", ulr2.token, past), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-slots", ulr2.token, too_long), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-slots", ulr2.token, "{\"start\": 1}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-slots", learner_b.token, body), ==, 403);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-slots", NULL, body), ==, 401);

  book = g_strdup_printf ("{\"topic\":\"courses-funding\",\"mode\":\"appointment\",\"contact\":\"phone\","
                          "\"slot_id\":%" G_GINT64_FORMAT "}", slot);
  /* D, whom ulr2 may support from now on; the deletion test needs
   * ulr2 not to support B or C beyond the race. */
  booked = call ("POST", "/api/v1/advice-requests", learner_d.token, book);
  g_assert_cmpuint (booked->status, ==, 201);
  g_assert_cmpstr (lh_api_reply_string (booked, "mode"), ==, "appointment");
  g_assert_cmpint (lh_api_reply_int (booked, "ulr_id"), ==, ulr2.id);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_c.token, book), ==, 409);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_c.token,
                               "{\"topic\":\"esol\",\"mode\":\"appointment\",\"contact\":\"here\","
                               "\"slot_id\":999999}"), ==, 404);

  start[10] = '\0';
  path = g_strdup_printf ("/api/v1/advice-slots?from=%s&to=%s", start, start);
  listed = call ("GET", path, learner_c.token, NULL);
  g_assert_cmpuint (listed->status, ==, 200);
  g_assert_null (strstr (listed->text, learner_d.name));
  {
    g_autoptr(LhApiReply) by_device = call ("GET", path, daemon_->device_token, NULL);
    g_autoptr(LhApiReply) by_her = call ("GET", path, learner_d.token, NULL);
    JsonArray *slots = json_object_get_array_member (object_of (by_her), "advice_slots");

    g_assert_cmpuint (by_device->status, ==, 200);
    for (guint i = 0; i < json_array_get_length (slots); i++)
      if (json_object_get_int_member (json_array_get_object_element (slots, i), "id") == slot)
        g_assert_true (json_object_get_boolean_member (json_array_get_object_element (slots, i), "mine"));
  }
  g_assert_cmpuint (status_of ("GET", "/api/v1/advice-slots?to=never", learner_c.token, NULL), ==, 400);
  g_assert_cmpuint (status_of ("GET", "/api/v1/advice-slots?from=2026-12-10&to=2026-12-01", learner_c.token, NULL), ==,
                    422);
  g_assert_cmpuint (status_of ("GET", "/api/v1/advice-slots", NULL, NULL), ==, 401);

  /* Given back, the slot is free again. */
  g_clear_pointer (&path, g_free);
  path = path_of ("/api/v1/advice-requests/%" G_GINT64_FORMAT, lh_api_reply_int (booked, "id"));
  g_assert_cmpuint (status_of ("DELETE", path, learner_c.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("DELETE", path, learner_d.token, NULL), ==, 204);
  {
    g_autoptr(LhApiReply) again = call ("GET", "/api/v1/advice-slots", daemon_->device_token, NULL);
    JsonArray *slots = json_object_get_array_member (object_of (again), "advice_slots");

    for (guint i = 0; i < json_array_get_length (slots); i++)
      if (json_object_get_int_member (json_array_get_object_element (slots, i), "id") == slot)
        g_assert_false (json_object_get_boolean_member (json_array_get_object_element (slots, i), "taken"));
  }
}

/* Malformed or wrong requests change nothing. */
static void
test_bad_requests_change_nothing (void)
{
  g_autofree char *long_note = g_strnfill (3000, 'n');
  g_autofree char *long_topic = g_strnfill (10000, 't');
  g_autofree char *note_body = queue_body ("esol", long_note, dropin_id);
  g_autofree char *topic_body = queue_body (long_topic, "x", dropin_id);
  g_autofree char *unknown_topic = queue_body ("knitting", "x", dropin_id);
  g_autofree char *wrong_mode = g_strdup_printf ("{\"topic\":\"esol\",\"mode\":\"sometime\",\"contact\":\"here\","
                                                 "\"dropin_id\":%" G_GINT64_FORMAT "}", dropin_id);
  g_autofree char *wrong_contact = g_strdup_printf ("{\"topic\":\"esol\",\"mode\":\"queue\",\"contact\":\"pigeon\","
                                                    "\"dropin_id\":%" G_GINT64_FORMAT "}", dropin_id);
  const char *malformed[] = {
    "not json", "[1, 2]", "{\"topic\": 5, \"mode\": \"queue\", \"contact\": \"here\"}",
    "{\"topic\": \"esol\", \"mode\": \"queue\", \"contact\": \"here\", \"dropin_id\": \"4\"}",
    "{\"topic\": \"esol\", \"mode\": \"queue\", \"contact\": \"here\", \"note\": {}}",
    "{\"topic\": \"esol\", \"mode\": \"queue\"}",
  };
  g_autoptr(LhApiReply) before = call ("GET", "/api/v1/queue", learner_d.token, NULL);
  g_autoptr(LhApiReply) after = NULL;
  g_autoptr(LhApiReply) record = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_d.token, malformed[i]), ==, 400);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_d.token, note_body), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_d.token, topic_body), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_d.token, unknown_topic), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_d.token, wrong_mode), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_d.token, wrong_contact), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/advice-requests", learner_d.token,
                               "{\"topic\":\"esol\",\"mode\":\"queue\",\"contact\":\"here\",\"dropin_id\":999999}"),
                    ==, 404);

  after = call ("GET", "/api/v1/queue", learner_d.token, NULL);
  g_assert_cmpstr (before->text, ==, after->text);
  record = call ("GET", "/api/v1/me/record", learner_d.token, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object_of (record), "open_requests")), ==, 0);
  g_assert_null (strstr (record->text, "knitting"));
}

static void
test_facility_time (void)
{
  gint64 yesterday = now_seconds () - 86400;
  g_autofree char *start = iso (yesterday);
  g_autofree char *future = iso (now_seconds () + 86400);
  g_autofree char *date = date_of (yesterday);
  g_autofree char *body = g_strdup_printf ("{\"activity\":\"training\",\"start\":\"%s\",\"minutes\":90,"
                                           "\"note\":\"ULR refresher\"}", start);
  g_autofree char *drop_in = g_strdup_printf ("{\"activity\":\"drop-in\",\"start\":\"%s\",\"minutes\":90}", start);
  g_autofree char *zero = g_strdup_printf ("{\"activity\":\"meeting\",\"start\":\"%s\",\"minutes\":0}", start);
  g_autofree char *later = g_strdup_printf ("{\"activity\":\"meeting\",\"start\":\"%s\",\"minutes\":30}", future);
  g_autofree char *long_note = g_strnfill (201, 'z');
  g_autofree char *noted = g_strdup_printf ("{\"activity\":\"other\",\"start\":\"%s\",\"minutes\":30,\"note\":\"%s\"}",
                                            start, long_note);
  g_autofree char *path = g_strdup_printf ("/api/v1/me/facility-time?date=%s", date);
  g_autoptr(LhApiReply) added = call ("POST", "/api/v1/me/facility-time", ulr1.token, body);
  g_autoptr(LhApiReply) summary = NULL;
  JsonArray *entries;
  gboolean found = FALSE;

  g_assert_cmpuint (added->status, ==, 201);
  g_assert_false (json_object_get_boolean_member (object_of (added), "automatic"));
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/facility-time", ulr1.token, drop_in), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/facility-time", ulr1.token, zero), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/facility-time", ulr1.token, later), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/facility-time", ulr1.token, noted), ==, 422);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/facility-time", ulr1.token, "{\"minutes\":\"90\"}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/facility-time", learner_b.token, body), ==, 403);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/facility-time", NULL, body), ==, 401);

  summary = call ("GET", path, ulr1.token, NULL);
  g_assert_cmpuint (summary->status, ==, 200);
  entries = json_object_get_array_member (object_of (summary), "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    found |= json_object_get_int_member (json_array_get_object_element (entries, i), "id") ==
             lh_api_reply_int (added, "id");
  g_assert_true (found);
  g_assert_cmpint (lh_api_reply_int (summary, "week_minutes"), >=, 90);
  g_assert_cmpuint (status_of ("GET", "/api/v1/me/facility-time", ulr1.token, NULL), ==, 200);
  g_assert_cmpuint (status_of ("GET", "/api/v1/me/facility-time?date=tuesday", ulr1.token, NULL), ==, 400);
  g_assert_cmpuint (status_of ("GET", "/api/v1/me/facility-time", learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (status_of ("GET", "/api/v1/me/facility-time", NULL, NULL), ==, 401);
}

/* Every GET route, as everyone who is not learner A or her ULR, with her ids
 * in every {id}: none of what was written about her comes back. */
static void
test_no_route_leaks_the_record (void)
{
  const Person *viewers[] = { &admin, &committee, &learner_b, &ulr2 };
  gint64 ids[] = { learner_a.id, a_request, plan_step };
  guint n_routes, n_calls = 0;
  const LhRoute *routes = lh_server_get_routes (&n_routes);

  for (guint r = 0; r < n_routes; r++)
    {
      if (!g_str_equal (routes[r].method, "GET"))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_auto(GStrv) parts = g_strsplit (routes[r].path, "{id}", 2);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);
          g_autofree char *path = g_strjoinv (id, parts);

          for (guint v = 0; v <= G_N_ELEMENTS (viewers); v++)
            {
              const char *token = v < G_N_ELEMENTS (viewers) ? viewers[v]->token : daemon_->device_token;
              g_autoptr(LhApiReply) reply = call ("GET", path, token, NULL);

              n_calls++;
              for (guint s = 0; secrets[s] != NULL; s++)
                if (strstr (reply->text, secrets[s]) != NULL)
                  g_error ("GET %s (viewer %u) answered %u with “%s”", path, v, reply->status, secrets[s]);
            }
          /* A route without {id} is the same whatever the id. */
          if (parts[1] == NULL)
            break;
        }
    }
  g_assert_cmpuint (n_calls, >, 40);
}

static void
test_deletion (void)
{
  g_autofree char *confirm = path_of ("/api/v1/learners/%" G_GINT64_FORMAT "/record/deletion", served_by_ulr1);
  const char *token = served_by_ulr1 == learner_b.id ? learner_b.token : learner_c.token;
  g_autoptr(LhApiReply) work = NULL;
  JsonArray *deletions;
  gboolean listed = FALSE;

  g_assert_cmpuint (status_of ("POST", "/api/v1/me/record/deletion", admin.token, NULL), ==, 409);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/record/deletion", NULL, NULL), ==, 401);
  g_assert_cmpuint (status_of ("POST", confirm, ulr1.token, NULL), ==, 409);
  g_assert_cmpuint (status_of ("POST", "/api/v1/me/record/deletion", token, NULL), ==, 202);

  work = call ("GET", "/api/v1/ulr/requests", ulr1.token, NULL);
  g_assert_cmpuint (work->status, ==, 200);
  deletions = json_object_get_array_member (object_of (work), "deletions");
  for (guint i = 0; i < json_array_get_length (deletions); i++)
    listed |= json_object_get_int_member (json_array_get_object_element (deletions, i), "learner_id") ==
              served_by_ulr1;
  g_assert_true (listed);
  g_assert_cmpuint (status_of ("GET", "/api/v1/ulr/requests", learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (status_of ("GET", "/api/v1/ulr/requests", NULL, NULL), ==, 401);

  g_assert_cmpuint (status_of ("POST", confirm, ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (status_of ("POST", confirm, learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (status_of ("POST", confirm, NULL, NULL), ==, 401);
  g_assert_cmpuint (status_of ("POST", confirm, ulr1.token, NULL), ==, 204);
  g_assert_cmpuint (status_of ("POST", confirm, ulr1.token, NULL), !=, 204);
}

static void
test_close_the_dropin (void)
{
  g_autofree char *body = queue_body ("dyslexia", "D again", dropin_id);
  g_autoptr(LhApiReply) joined = call ("POST", "/api/v1/advice-requests", learner_d.token, body);
  g_autofree char *close = path_of ("/api/v1/dropins/%" G_GINT64_FORMAT "/close", dropin_id);
  g_autofree char *request = NULL;
  g_autoptr(LhApiReply) closed = NULL;
  g_autoptr(LhApiReply) unseen = NULL;
  g_autoptr(LhApiReply) queue = NULL;
  g_autoptr(LhApiReply) facility = NULL;
  JsonArray *entries;
  gboolean logged = FALSE;

  g_assert_cmpuint (joined->status, ==, 201);
  g_assert_cmpuint (status_of ("POST", close, learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (status_of ("POST", close, NULL, NULL), ==, 401);
  g_assert_cmpuint (status_of ("POST", "/api/v1/dropins/999999/close", ulr1.token, NULL), ==, 404);
  closed = call ("POST", close, ulr1.token, NULL);
  g_assert_cmpuint (closed->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (object_of (closed), "open"));
  g_assert_cmpuint (status_of ("POST", close, ulr2.token, NULL), ==, 409);

  request = path_of ("/api/v1/advice-requests/%" G_GINT64_FORMAT, lh_api_reply_int (joined, "id"));
  unseen = call ("GET", request, learner_d.token, NULL);
  g_assert_cmpstr (lh_api_reply_string (unseen, "status"), ==, "unseen");
  queue = call ("GET", "/api/v1/queue", daemon_->device_token, NULL);
  g_assert_null (find_queue (queue, dropin_id));

  facility = call ("GET", "/api/v1/me/facility-time", ulr2.token, NULL);
  entries = json_object_get_array_member (object_of (facility), "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      logged |= g_str_equal (json_object_get_string_member (entry, "activity"), "drop-in") &&
                json_object_get_boolean_member (entry, "automatic");
    }
  g_assert_true (logged);
}

static void
test_sign_out_everyone (void)
{
  Person *everyone[] = { &ulr1, &ulr2, &learner_a, &learner_b, &learner_c, &learner_d, &committee, &admin };

  for (guint i = 0; i < G_N_ELEMENTS (everyone); i++)
    person_clear (everyone[i]);
}

void
lh_api_advice_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  daemon_ = daemon;
  session_ = session;
  g_test_add_func ("/api/advice/sign-in", test_sign_in_everyone);
  g_test_add_func ("/api/advice/ulrs-and-dropins", test_ulrs_and_dropins);
  g_test_add_func ("/api/advice/alert-length", test_alert_length);
  g_test_add_func ("/api/advice/join-call-finish", test_join_call_finish);
  g_test_add_func ("/api/advice/two-ulrs-call-at-once", test_two_ulrs_call_at_once);
  g_test_add_func ("/api/advice/leave-the-queue", test_leave_the_queue);
  g_test_add_func ("/api/advice/record-written-by-a-ulr", test_record_written_by_a_ulr);
  g_test_add_func ("/api/advice/share-and-stop", test_share_and_stop);
  g_test_add_func ("/api/advice/slots-and-appointments", test_slots_and_appointments);
  g_test_add_func ("/api/advice/bad-requests-change-nothing", test_bad_requests_change_nothing);
  g_test_add_func ("/api/advice/facility-time", test_facility_time);
  g_test_add_func ("/api/advice/no-route-leaks-the-record", test_no_route_leaks_the_record);
  g_test_add_func ("/api/advice/deletion", test_deletion);
  g_test_add_func ("/api/advice/close-the-dropin", test_close_the_dropin);
  g_test_add_func ("/api/advice/sign-out", test_sign_out_everyone);
}
