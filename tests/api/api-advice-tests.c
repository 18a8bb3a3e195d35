/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Advice from a ULR over the API: a drop-in and its queue (joining,
 * calling, two ULRs calling at once, no-shows, leaving, finishing), slots,
 * the record and what a ULR writes in it, sharing, deletion, facility
 * time, and above all that a learner's record reaches nobody else by any
 * route (the record's tests: api-advice-record-tests.c). The tests run in
 * order and build on each other. */
#include <string.h>

#include "api-advice-private.h"
#include "api-test-parts.h"
#include "lh-server.h"
#include "lh-test-clock.h"

static const char * const secrets[] = {
  "NOTE-A-zebra-8841", "ULRNOTE-A-quokka-5521", "ULRNOTE2-A-okapi-3310", "PLAN-A-narwhal-7702",
  "PLAN-A-step-7703", "MOT-A-axolotl-9904", NULL
};

AdviceWorld adv = { .secrets = secrets };

LhApiReply *
adv_call (const char *method, const char *path, const char *token, const char *body)
{
  return lh_api_call (adv.session, adv.daemon->base_url, method, path, token, body);
}

guint
adv_status_of (const char *method, const char *path, const char *token, const char *body)
{
  g_autoptr(LhApiReply) reply = adv_call (method, path, token, body);

  return reply->status;
}

void
adv_sign_in (const char *roles, guint n, Person *person)
{
  person->token = lh_api_sign_in_nth (adv.session, adv.daemon, roles, n, &person->id, &person->name);
}

/* The advice tests' own people (lh_api_setup_advice_people()). */
void
adv_sign_in_as_staff (const char *staff_number, Person *person)
{
  person->token = lh_api_sign_in_person (adv.session, adv.daemon, staff_number, LH_API_ADVICE_PIN, &person->id,
                                         &person->name);
}

void
adv_person_clear (Person *person)
{
  g_clear_pointer (&person->token, g_free);
  g_clear_pointer (&person->name, g_free);
}

char *
adv_iso (gint64 unix_seconds)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (unix_seconds);

  return g_date_time_format (at, "%Y-%m-%dT%H:%M:%SZ");
}

char *
adv_date_of (gint64 unix_seconds)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (unix_seconds);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, tz);

  return g_date_time_format (local, "%Y-%m-%d");
}

gint64
adv_now_seconds (void)
{
  return lh_test_clock_now ();
}


char *
adv_queue_body (const char *topic, const char *note, gint64 dropin)
{
  return g_strdup_printf ("{\"topic\":\"%s\",\"mode\":\"queue\",\"contact\":\"here\",\"note\":\"%s\","
                          "\"dropin_id\":%" G_GINT64_FORMAT "}", topic, note, dropin);
}

JsonObject *
adv_object_of (LhApiReply *reply)
{
  return json_node_get_object (reply->json);
}

/* The queue of dropin in GET /api/v1/queue, or NULL. */
JsonObject *
adv_find_queue (LhApiReply *reply, gint64 dropin)
{
  JsonArray *queues = json_object_get_array_member (adv_object_of (reply), "queues");

  for (guint i = 0; i < json_array_get_length (queues); i++)
    if (json_object_get_int_member (json_array_get_object_element (queues, i), "dropin_id") == dropin)
      return json_array_get_object_element (queues, i);
  return NULL;
}

gboolean
adv_list_has_id (JsonArray *list, gint64 id)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (json_object_get_int_member (json_array_get_object_element (list, i), "id") == id)
      return TRUE;
  return FALSE;
}

static void
test_sign_in_everyone (void)
{
  adv_sign_in_as_staff ("AU1", &adv.ulr1);
  adv_sign_in_as_staff ("AU2", &adv.ulr2);
  adv_sign_in_as_staff ("AL1", &adv.learner_a);
  adv_sign_in_as_staff ("AL2", &adv.learner_b);
  adv_sign_in_as_staff ("AL3", &adv.learner_c);
  adv_sign_in_as_staff ("AL4", &adv.learner_d);
  adv_sign_in ("learner,committee", 0, &adv.committee);
  adv_sign_in ("admin", 0, &adv.admin);
}

static void
test_ulrs_and_dropins (void)
{
  gint64 now = adv_now_seconds ();
  g_autofree char *start = adv_iso (now - 60);
  g_autofree char *end = adv_iso (now + 3 * 3600);
  g_autofree char *too_late = adv_iso (now + 11 * 3600);
  g_autofree char *body = g_strdup_printf ("{\"place\":\"Learning centre\",\"start\":\"%s\",\"end\":\"%s\","
                                           "\"ulrs\":[{\"id\":%" G_GINT64_FORMAT ",\"desk\":\"Desk 1\"},"
                                           "{\"id\":%" G_GINT64_FORMAT ",\"desk\":\"Desk 2\",\"alert_length\":0}]}",
                                           start, end, adv.ulr1.id, adv.ulr2.id);
  g_autofree char *too_long = g_strdup_printf ("{\"place\":\"Learning centre\",\"start\":\"%s\",\"end\":\"%s\"}",
                                               start, too_late);
  g_autofree char *no_place = g_strdup_printf ("{\"place\":\"\",\"start\":\"%s\",\"end\":\"%s\"}", start, end);
  g_autofree char *learner_at_desk = g_strdup_printf ("{\"place\":\"Hall\",\"start\":\"%s\",\"end\":\"%s\","
                                                      "\"ulrs\":[{\"id\":%" G_GINT64_FORMAT ",\"desk\":\"A\"}]}",
                                                      start, end, adv.learner_a.id);
  g_autoptr(LhApiReply) ulrs = adv_call ("GET", "/api/v1/ulrs", adv.daemon->device_token, NULL);
  g_autoptr(LhApiReply) opened = NULL;
  g_autoptr(LhApiReply) listed = NULL;

  g_assert_cmpuint (ulrs->status, ==, 200);
  g_assert_true (adv_list_has_id (json_object_get_array_member (adv_object_of (ulrs), "ulrs"), adv.ulr1.id));
  g_assert_true (adv_list_has_id (json_object_get_array_member (adv_object_of (ulrs), "ulrs"), adv.ulr2.id));
  g_assert_false (adv_list_has_id (json_object_get_array_member (adv_object_of (ulrs), "ulrs"), adv.learner_a.id));
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/ulrs", NULL, NULL), ==, 401);

  /* Back-dated nearly ten hours, to be the first queue learners join (and
   * ten hours of facility time); set in 2199, to stay signed in till then. */
  {
    g_autofree char *long_ago = adv_iso (now - 9 * 3600 - 50 * 60);
    g_autofree char *soon = adv_iso (now + 10 * 60);
    g_autofree char *back_dated = g_strdup_printf ("{\"place\":\"Hall\",\"start\":\"%s\",\"end\":\"%s\"}",
                                                   long_ago, soon);

    g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.ulr1.token, back_dated), ==, 422);
    g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.ulr1.token,
                                     "{\"place\":\"Hall\",\"start\":\"2199-01-01T10:00:00Z\","
                                     "\"end\":\"2199-01-01T18:00:00Z\"}"), ==, 422);
  }
  opened = adv_call ("POST", "/api/v1/dropins", adv.ulr1.token, body);
  g_assert_cmpuint (opened->status, ==, 201);
  adv.dropin_id = lh_api_reply_int (opened, "id");
  g_assert_true (json_object_get_boolean_member (adv_object_of (opened), "open"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (adv_object_of (opened), "ulrs")), ==, 2);

  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.learner_a.token, body), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", NULL, body), ==, 401);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.ulr1.token, body), ==, 409);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.ulr1.token, too_long), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.ulr1.token, no_place), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.ulr1.token, learner_at_desk), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.ulr1.token, "{\"place\": 5}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins", adv.ulr1.token, "{\"place\":\"Hall\",\"start\":\"x\","
                               "\"end\":\"y\",\"ulrs\":\"me\"}"), ==, 400);

  listed = adv_call ("GET", "/api/v1/dropins", adv.daemon->device_token, NULL);
  g_assert_cmpuint (listed->status, ==, 200);
  g_assert_true (adv_list_has_id (json_object_get_array_member (adv_object_of (listed), "dropins"), adv.dropin_id));
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/dropins?from=soon", adv.daemon->device_token, NULL), ==, 400);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/dropins?from=2026-12-10&to=2026-12-01", adv.daemon->device_token,
                               NULL), ==, 422);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/dropins", NULL, NULL), ==, 401);
}

static void
test_alert_length (void)
{
  g_autofree char *path = lh_api_path ("/api/v1/dropins/%" G_GINT64_FORMAT "/alert", adv.dropin_id);

  g_assert_cmpuint (adv_status_of ("POST", path, adv.ulr2.token, "{\"queue_length\": 3}"), ==, 204);
  g_assert_cmpuint (adv_status_of ("POST", path, adv.ulr2.token, "{\"queue_length\": 0}"), ==, 204);
  g_assert_cmpuint (adv_status_of ("POST", path, adv.ulr2.token, "{\"queue_length\": 101}"), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", path, adv.ulr2.token, "{\"queue_length\": \"long\"}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", path, adv.learner_a.token, "{\"queue_length\": 3}"), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", path, NULL, "{\"queue_length\": 3}"), ==, 401);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins/999999/alert", adv.ulr2.token, "{\"queue_length\": 3}"), ==,
                    404);
}

static void
test_join_call_finish (void)
{
  g_autofree char *body = adv_queue_body ("esol", adv.secrets[0], adv.dropin_id);
  g_autofree char *next_body = g_strdup_printf ("{\"dropin_id\":%" G_GINT64_FORMAT "}", adv.dropin_id);
  g_autoptr(LhApiReply) joined = adv_call ("POST", "/api/v1/advice-requests", adv.learner_a.token, body);
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
  adv.a_request = lh_api_reply_int (joined, "id");
  ticket = lh_api_reply_int (joined, "ticket");
  g_assert_cmpint (ticket, >, 0);
  g_assert_cmpint (lh_api_reply_int (joined, "position"), ==, 1);
  g_assert_cmpstr (lh_api_reply_string (joined, "status"), ==, "waiting");
  g_assert_cmpstr (lh_api_reply_string (joined, "learner"), ==, adv.learner_a.name);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_a.token, body), ==, 409);
  /* The refusal names its reason and the ticket, for the kiosk to word. */
  {
    g_autoptr(LhApiReply) again = adv_call ("POST", "/api/v1/advice-requests", adv.learner_a.token, body);

    g_assert_cmpstr (lh_api_reply_string (again, "reason"), ==, "already-queued");
    g_assert_cmpint (lh_api_reply_int (again, "ticket"), ==, ticket);
  }
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.admin.token, body), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", NULL, body), ==, 401);

  /* The display shows a number: no name, no topic, no note. */
  queue = adv_call ("GET", "/api/v1/queue", adv.daemon->device_token, NULL);
  g_assert_cmpuint (queue->status, ==, 200);
  q = adv_find_queue (queue, adv.dropin_id);
  g_assert_nonnull (q);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (q, "waiting"), 0), ==, ticket);
  g_assert_null (strstr (queue->text, adv.learner_a.name));
  g_assert_null (strstr (queue->text, "esol"));
  g_assert_null (strstr (queue->text, "topic"));
  g_assert_null (strstr (queue->text, adv.secrets[0]));
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/queue", NULL, NULL), ==, 401);

  path = lh_api_path ("/api/v1/advice-requests/%" G_GINT64_FORMAT, adv.a_request);
  mine = adv_call ("GET", path, adv.learner_a.token, NULL);
  g_assert_cmpuint (mine->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (mine, "note"), ==, adv.secrets[0]);
  /* Even the drop-in's ULRs do not see a waiting ticket's request. */
  g_assert_cmpuint (adv_status_of ("GET", path, adv.ulr1.token, NULL), ==, 404);

  called = adv_call ("POST", "/api/v1/queue/next", adv.ulr1.token, next_body);
  g_assert_cmpuint (called->status, ==, 200);
  g_assert_cmpint (lh_api_reply_int (called, "id"), ==, adv.a_request);
  g_assert_cmpstr (lh_api_reply_string (called, "status"), ==, "called");
  g_assert_cmpstr (lh_api_reply_string (called, "desk"), ==, "Desk 1");
  g_assert_cmpstr (lh_api_reply_string (called, "note"), ==, adv.secrets[0]);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/queue/next", adv.ulr1.token, next_body), ==, 409);
  g_assert_cmpuint (adv_status_of ("GET", path, adv.ulr1.token, NULL), ==, 200);

  /* Nobody else learns the request exists: 404, never 403. */
  g_assert_cmpuint (adv_status_of ("GET", path, adv.ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", path, adv.committee.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", path, adv.admin.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", path, adv.learner_b.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/advice-requests/999999", adv.learner_a.token, NULL), ==, 404);
  {
    g_autoptr(LhApiReply) none = adv_call ("GET", "/api/v1/advice-requests/999999", adv.learner_a.token, NULL);

    g_assert_cmpstr (lh_api_reply_string (none, "reason"), ==, "request-not-found");
  }
  g_assert_cmpuint (adv_status_of ("GET", path, NULL, NULL), ==, 401);

  g_assert_cmpuint (adv_status_of ("DELETE", path, adv.learner_a.token, NULL), ==, 409);
  {
    g_autoptr(LhApiReply) late = adv_call ("DELETE", path, adv.learner_a.token, NULL);

    g_assert_cmpstr (lh_api_reply_string (late, "reason"), ==, "already-called");
  }
  g_assert_cmpuint (adv_status_of ("DELETE", path, adv.learner_b.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("DELETE", path, NULL, NULL), ==, 401);

  start = g_strconcat (path, "/start", NULL);
  finish = g_strconcat (path, "/finish", NULL);
  no_show = g_strconcat (path, "/no-show", NULL);
  g_assert_cmpuint (adv_status_of ("POST", start, adv.ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", start, adv.learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", start, NULL, NULL), ==, 401);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, "{\"outcomes\":[\"other\"]}"), ==, 409);
  started = adv_call ("POST", start, adv.ulr1.token, NULL);
  g_assert_cmpuint (started->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (started, "status"), ==, "started");
  g_assert_cmpuint (adv_status_of ("POST", start, adv.ulr1.token, NULL), ==, 409);
  g_assert_cmpuint (adv_status_of ("POST", no_show, adv.ulr1.token, NULL), ==, 409);

  long_note = g_strnfill (2001, 'x');
  finish_body = g_strdup_printf ("{\"outcomes\":[\"other\"],\"note\":\"%s\"}", long_note);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, "{\"outcomes\":\"signposted-course\"}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, "{\"outcomes\":[1]}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, "[]"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, "{\"outcomes\":[]}"), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, "{\"outcomes\":[\"a-nice-chat\"]}"), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, finish_body), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.learner_b.token, "{\"outcomes\":[\"other\"]}"), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr2.token, "{\"outcomes\":[\"other\"]}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", finish, NULL, "{\"outcomes\":[\"other\"]}"), ==, 401);
  g_clear_pointer (&finish_body, g_free);
  finish_body = g_strdup_printf ("{\"outcomes\":[\"signposted-course\",\"follow-up-booked\"],\"note\":\"%s\"}",
                                 adv.secrets[1]);
  finished = adv_call ("POST", finish, adv.ulr1.token, finish_body);
  g_assert_cmpuint (finished->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (finished, "status"), ==, "done");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (adv_object_of (finished), "outcomes")), ==, 2);
  g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, finish_body), ==, 409);
  g_assert_cmpuint (adv_status_of ("POST", no_show, adv.ulr1.token, NULL), ==, 409);

  /* Nobody waits now; with no body the ULR's own drop-in is meant. */
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/queue/next", adv.ulr1.token, NULL), ==, 409);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/queue/next", adv.ulr1.token, "{\"dropin_id\":999999}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/queue/next", adv.ulr1.token, "{\"dropin_id\":\"4\"}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/queue/next", adv.learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/queue/next", NULL, NULL), ==, 401);
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
  g_autofree char *bea_body = adv_queue_body ("careers", "B asks", adv.dropin_id);
  g_autofree char *cal_body = adv_queue_body ("digital", "C asks", adv.dropin_id);
  g_autoptr(LhApiReply) bea_joined = adv_call ("POST", "/api/v1/advice-requests", adv.learner_b.token, bea_body);
  g_autoptr(LhApiReply) cal_joined = adv_call ("POST", "/api/v1/advice-requests", adv.learner_c.token, cal_body);
  g_autofree char *url = g_strconcat (adv.daemon->base_url, "/api/v1/queue/next", NULL);
  const char *tokens[2] = { adv.ulr1.token, adv.ulr2.token };
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
      soup_session_send_and_read_async (adv.session, msg, G_PRIORITY_DEFAULT, NULL, race_reply_cb, &race);
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
  g_assert_cmpint (json_object_get_int_member (by_ulr1, "ulr_id"), ==, adv.ulr1.id);
  g_assert_cmpint (json_object_get_int_member (by_ulr2, "ulr_id"), ==, adv.ulr2.id);
  adv.served_by_ulr1 = json_object_get_int_member (by_ulr1, "learner_id");

  /* ulr2's learner did not come; ulr1's did. */
  {
    g_autofree char *no_show = lh_api_path ("/api/v1/advice-requests/%" G_GINT64_FORMAT "/no-show",
                                        json_object_get_int_member (by_ulr2, "id"));
    g_autofree char *start = lh_api_path ("/api/v1/advice-requests/%" G_GINT64_FORMAT "/start",
                                      json_object_get_int_member (by_ulr1, "id"));
    g_autofree char *finish = lh_api_path ("/api/v1/advice-requests/%" G_GINT64_FORMAT "/finish",
                                       json_object_get_int_member (by_ulr1, "id"));
    g_autoptr(LhApiReply) marked = adv_call ("POST", no_show, adv.ulr2.token, NULL);

    g_assert_cmpuint (marked->status, ==, 200);
    g_assert_cmpstr (lh_api_reply_string (marked, "status"), ==, "no-show");
    g_assert_cmpuint (adv_status_of ("POST", no_show, adv.ulr2.token, NULL), ==, 409);
    g_assert_cmpuint (adv_status_of ("POST", no_show, adv.ulr1.token, NULL), ==, 404);
    g_assert_cmpuint (adv_status_of ("POST", no_show, adv.learner_b.token, NULL), ==, 403);
    g_assert_cmpuint (adv_status_of ("POST", no_show, NULL, NULL), ==, 401);
    g_assert_cmpuint (adv_status_of ("POST", start, adv.ulr1.token, NULL), ==, 200);
    g_assert_cmpuint (adv_status_of ("POST", finish, adv.ulr1.token, "{\"outcomes\":[\"funding-advice\"]}"), ==, 200);
  }
  for (guint i = 0; i < 2; i++)
    json_node_unref (race.replies[i]);
}

static void
test_leave_the_queue (void)
{
  g_autofree char *body = adv_queue_body ("other", "D asks", adv.dropin_id);
  g_autoptr(LhApiReply) joined = adv_call ("POST", "/api/v1/advice-requests", adv.learner_d.token, body);
  g_autofree char *path = NULL;
  g_autoptr(LhApiReply) queue = NULL;
  guint again;

  g_assert_cmpuint (joined->status, ==, 201);
  path = lh_api_path ("/api/v1/advice-requests/%" G_GINT64_FORMAT, lh_api_reply_int (joined, "id"));
  g_assert_cmpuint (adv_status_of ("DELETE", path, adv.learner_d.token, NULL), ==, 204);
  again = adv_status_of ("DELETE", path, adv.learner_d.token, NULL);
  g_assert_true (again == 404 || again == 409);
  queue = adv_call ("GET", "/api/v1/queue", adv.learner_d.token, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (adv_find_queue (queue, adv.dropin_id),
                                                                        "waiting")),
                    ==, 0);
  {
    g_autoptr(LhApiReply) left = adv_call ("GET", path, adv.learner_d.token, NULL);
    g_assert_cmpstr (lh_api_reply_string (left, "status"), ==, "left");
  }
}

static void
test_close_the_dropin (void)
{
  g_autofree char *body = adv_queue_body ("dyslexia", "D again", adv.dropin_id);
  g_autoptr(LhApiReply) joined = adv_call ("POST", "/api/v1/advice-requests", adv.learner_d.token, body);
  g_autofree char *close = lh_api_path ("/api/v1/dropins/%" G_GINT64_FORMAT "/close", adv.dropin_id);
  g_autofree char *request = NULL;
  g_autoptr(LhApiReply) closed = NULL;
  g_autoptr(LhApiReply) unseen = NULL;
  g_autoptr(LhApiReply) queue = NULL;
  g_autoptr(LhApiReply) facility = NULL;
  JsonArray *entries;
  gboolean logged = FALSE;

  g_assert_cmpuint (joined->status, ==, 201);
  /* ulr2 was named at it by ulr1; their time counts once they say they
   * are there (a learner cannot, nor a bare kiosk). */
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins/here", adv.learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins/here", adv.daemon->device_token, NULL), ==, 401);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins/here", adv.ulr2.token, NULL), ==, 200);
  g_assert_cmpuint (adv_status_of ("POST", close, adv.learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", close, NULL, NULL), ==, 401);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/dropins/999999/close", adv.ulr1.token, NULL), ==, 404);
  closed = adv_call ("POST", close, adv.ulr1.token, NULL);
  g_assert_cmpuint (closed->status, ==, 200);
  g_assert_false (json_object_get_boolean_member (adv_object_of (closed), "open"));
  g_assert_cmpuint (adv_status_of ("POST", close, adv.ulr2.token, NULL), ==, 409);

  request = lh_api_path ("/api/v1/advice-requests/%" G_GINT64_FORMAT, lh_api_reply_int (joined, "id"));
  unseen = adv_call ("GET", request, adv.learner_d.token, NULL);
  g_assert_cmpstr (lh_api_reply_string (unseen, "status"), ==, "unseen");
  queue = adv_call ("GET", "/api/v1/queue", adv.daemon->device_token, NULL);
  g_assert_null (adv_find_queue (queue, adv.dropin_id));

  /* ulr1 opened it a minute after its start: that minute is theirs.
   * (ulr2 came just now: no whole minute yet.) */
  facility = adv_call ("GET", "/api/v1/me/facility-time", adv.ulr1.token, NULL);
  entries = json_object_get_array_member (adv_object_of (facility), "entries");
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
  Person *everyone[] = { &adv.ulr1, &adv.ulr2, &adv.learner_a, &adv.learner_b, &adv.learner_c, &adv.learner_d,
                         &adv.committee, &adv.admin };

  for (guint i = 0; i < G_N_ELEMENTS (everyone); i++)
    adv_person_clear (everyone[i]);
}

void
lh_api_advice_add_tests (LhTestDaemon *daemon, SoupSession *session)
{
  adv.daemon = daemon;
  adv.session = session;
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
