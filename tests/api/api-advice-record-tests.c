/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Advice over the API, the learner's record: what a ULR writes in it,
 * sharing, slots and appointments, bad requests, facility time, deletion,
 * and that no route leaks it to anyone but the learner and their ULR. */
#include <string.h>

#include "api-advice-private.h"
#include "lh-server.h"

void
test_record_written_by_a_ulr (void)
{
  g_autofree char *notes = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/notes", adv.learner_a.id);
  g_autofree char *plan = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/plan-items", adv.learner_a.id);
  g_autofree char *mots = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/mots", adv.learner_a.id);
  g_autofree char *record = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/record", adv.learner_a.id);
  g_autofree char *note_body = g_strdup_printf ("{\"text\":\"%s\",\"request_id\":%" G_GINT64_FORMAT "}", adv.secrets[2],
                                                adv.a_request);
  g_autofree char *due = adv_date_of (adv_now_seconds () + 30 * 86400);
  g_autofree char *goal_body = g_strdup_printf ("{\"text\":\"%s\",\"due\":\"%s\"}", adv.secrets[3], due);
  g_autofree char *held = adv_iso (adv_now_seconds () - 3600);
  g_autofree char *future = adv_iso (adv_now_seconds () + 86400);
  g_autofree char *mot_body = g_strdup_printf ("{\"summary\":\"%s\",\"held_at\":\"%s\"}", adv.secrets[5], held);
  g_autofree char *future_mot = g_strdup_printf ("{\"summary\":\"Later\",\"held_at\":\"%s\"}", future);
  g_autofree char *long_text = g_strnfill (2001, 'y');
  g_autofree char *long_body = g_strdup_printf ("{\"text\":\"%s\"}", long_text);
  g_autoptr(LhApiReply) note = adv_call ("POST", notes, adv.ulr1.token, note_body);
  g_autoptr(LhApiReply) goal = adv_call ("POST", plan, adv.ulr1.token, goal_body);
  g_autoptr(LhApiReply) step = NULL;
  g_autoptr(LhApiReply) done = NULL;
  g_autoptr(LhApiReply) mot = NULL;
  g_autoptr(LhApiReply) by_ulr = NULL;
  g_autoptr(LhApiReply) by_her = NULL;
  g_autofree char *step_body = NULL;
  g_autofree char *done_path = NULL;

  g_assert_cmpuint (note->status, ==, 201);
  g_assert_cmpint (lh_api_reply_int (note, "author_id"), ==, adv.ulr1.id);
  g_assert_cmpstr (lh_api_reply_string (note, "text"), ==, adv.secrets[2]);
  g_assert_cmpuint (adv_status_of ("POST", notes, adv.ulr1.token, "{\"text\":\"x\",\"request_id\":999999}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", notes, adv.ulr1.token, "{\"text\":\"\"}"), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", notes, adv.ulr1.token, long_body), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", notes, adv.ulr1.token, "{\"text\": 3}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", notes, adv.ulr2.token, "{\"text\":\"hello\"}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", notes, adv.learner_b.token, "{\"text\":\"hello\"}"), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", notes, NULL, "{\"text\":\"hello\"}"), ==, 401);

  g_assert_cmpuint (goal->status, ==, 201);
  g_assert_true (json_node_is_null (json_object_get_member (adv_object_of (goal), "goal_id")));
  g_assert_cmpstr (lh_api_reply_string (goal, "due"), ==, due);
  step_body = g_strdup_printf ("{\"text\":\"%s\",\"goal_id\":%" G_GINT64_FORMAT "}", adv.secrets[4],
                               lh_api_reply_int (goal, "id"));
  step = adv_call ("POST", plan, adv.ulr1.token, step_body);
  g_assert_cmpuint (step->status, ==, 201);
  adv.plan_step = lh_api_reply_int (step, "id");
  g_assert_cmpint (lh_api_reply_int (step, "goal_id"), ==, lh_api_reply_int (goal, "id"));
  g_assert_cmpuint (adv_status_of ("POST", plan, adv.ulr1.token, "{\"text\":\"x\",\"goal_id\":999999}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", plan, adv.ulr1.token, "{\"text\":\"x\",\"due\":\"2001-01-01\"}"), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", plan, adv.ulr1.token, "{\"text\":\"x\",\"due\":\"soon\"}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", plan, adv.ulr1.token, "{\"text\":[]}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", plan, adv.ulr1.token, "{\"text\":\"\"}"), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", plan, adv.ulr2.token, "{\"text\":\"x\"}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", plan, adv.learner_b.token, "{\"text\":\"x\"}"), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", plan, NULL, "{\"text\":\"x\"}"), ==, 401);

  done_path = lh_api_path ("/api/v1/plan-items/%" G_GINT64_FORMAT "/done", adv.plan_step);
  done = adv_call ("POST", done_path, adv.learner_a.token, "{\"done\": true}");
  g_assert_cmpuint (done->status, ==, 200);
  g_assert_true (json_object_get_boolean_member (adv_object_of (done), "done"));
  g_assert_cmpuint (adv_status_of ("POST", done_path, adv.learner_b.token, "{\"done\": true}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", done_path, adv.ulr2.token, "{\"done\": true}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", done_path, adv.learner_a.token, "{\"done\": \"yes\"}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", done_path, adv.ulr1.token, "{\"done\": false}"), ==, 200);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/plan-items/999999/done", adv.learner_a.token, "{\"done\": true}"),
                    ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", done_path, NULL, "{\"done\": true}"), ==, 401);

  mot = adv_call ("POST", mots, adv.ulr1.token, mot_body);
  g_assert_cmpuint (mot->status, ==, 201);
  g_assert_nonnull (lh_api_reply_string (mot, "next_due"));
  g_assert_cmpuint (adv_status_of ("POST", mots, adv.ulr1.token, future_mot), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", mots, adv.ulr1.token, "{\"summary\":\"\"}"), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", mots, adv.ulr1.token, "{\"summary\": 1}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", mots, adv.ulr2.token, "{\"summary\":\"x\"}"), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", mots, adv.learner_b.token, "{\"summary\":\"x\"}"), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", mots, NULL, "{\"summary\":\"x\"}"), ==, 401);

  /* Her ULR reads all of it; so does she. */
  by_ulr = adv_call ("GET", record, adv.ulr1.token, NULL);
  g_assert_cmpuint (by_ulr->status, ==, 200);
  for (guint i = 0; adv.secrets[i] != NULL; i++)
    g_assert_nonnull (strstr (by_ulr->text, adv.secrets[i]));
  g_assert_true (adv_list_has_id (json_object_get_array_member (adv_object_of (by_ulr), "supporters"), adv.ulr1.id));
  by_her = adv_call ("GET", "/api/v1/me/record", adv.learner_a.token, NULL);
  g_assert_cmpuint (by_her->status, ==, 200);
  g_assert_cmpint (lh_api_reply_int (by_her, "learner_id"), ==, adv.learner_a.id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (adv_object_of (by_her), "plan")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (adv_object_of (by_her), "mots")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (adv_object_of (by_her), "open_requests")),
                    ==, 0);
  g_assert_true (adv_list_has_id (json_object_get_array_member (adv_object_of (by_her), "requests"), adv.a_request));
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/me/record", NULL, NULL), ==, 401);

  /* To anyone else it does not exist: 404, never 403. */
  g_assert_cmpuint (adv_status_of ("GET", record, adv.ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", record, adv.admin.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", record, adv.committee.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", record, adv.learner_b.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/learners/999999/record", adv.ulr1.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("GET", record, NULL, NULL), ==, 401);
}

void
test_share_and_stop (void)
{
  g_autofree char *body = g_strdup_printf ("{\"ulr_id\":%" G_GINT64_FORMAT "}", adv.ulr2.id);
  g_autofree char *not_ulr = g_strdup_printf ("{\"ulr_id\":%" G_GINT64_FORMAT "}", adv.learner_a.id);
  g_autofree char *record = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/record", adv.learner_d.id);
  g_autofree char *unshare = lh_api_path ("/api/v1/me/record/shares/%" G_GINT64_FORMAT, adv.ulr2.id);

  g_assert_cmpuint (adv_status_of ("GET", record, adv.ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/record/shares", adv.learner_d.token, body), ==, 204);
  g_assert_cmpuint (adv_status_of ("GET", record, adv.ulr2.token, NULL), ==, 200);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/record/shares", adv.learner_d.token, not_ulr), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/record/shares", adv.learner_d.token, "{\"ulr_id\":\"x\"}"),
                    ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/record/shares", NULL, body), ==, 401);
  g_assert_cmpuint (adv_status_of ("DELETE", unshare, adv.learner_d.token, NULL), ==, 204);
  g_assert_cmpuint (adv_status_of ("DELETE", unshare, adv.learner_d.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("DELETE", unshare, NULL, NULL), ==, 401);
  g_assert_cmpuint (adv_status_of ("GET", record, adv.ulr2.token, NULL), ==, 404);
}

void
test_slots_and_appointments (void)
{
  g_autofree char *start = lh_api_day_at (1, 10);
  g_autofree char *end = lh_api_day_at (1, 11);
  g_autofree char *past_start = adv_iso (adv_now_seconds () - 7200);
  g_autofree char *past_end = adv_iso (adv_now_seconds () - 3600);
  g_autofree char *body = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\",\"place\":\"Quiet room\"}", start, end);
  g_autofree char *past = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\"}", past_start, past_end);
  g_autofree char *long_start = lh_api_day_at (2, 9);
  g_autofree char *long_end = lh_api_day_at (2, 12);
  g_autofree char *too_long = g_strdup_printf ("{\"start\":\"%s\",\"end\":\"%s\"}", long_start, long_end);
  g_autoptr(LhApiReply) offered = adv_call ("POST", "/api/v1/advice-slots", adv.ulr2.token, body);
  g_autoptr(LhApiReply) booked = NULL;
  g_autoptr(LhApiReply) listed = NULL;
  g_autofree char *book = NULL;
  g_autofree char *path = NULL;
  gint64 slot;

  g_assert_cmpuint (offered->status, ==, 201);
  slot = lh_api_reply_int (offered, "id");
  g_assert_false (json_object_get_boolean_member (adv_object_of (offered), "taken"));
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-slots", adv.ulr2.token, body), ==, 409);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-slots", adv.ulr2.token, past), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-slots", adv.ulr2.token, too_long), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-slots", adv.ulr2.token, "{\"start\": 1}"), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-slots", adv.learner_b.token, body), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-slots", NULL, body), ==, 401);

  book = g_strdup_printf ("{\"topic\":\"courses-funding\",\"mode\":\"appointment\",\"contact\":\"phone\","
                          "\"contact_detail\":\"07700 900222\","
                          "\"slot_id\":%" G_GINT64_FORMAT "}", slot);
  /* D, whom ulr2 may support from now on; the deletion test needs
   * ulr2 not to support B or C beyond the race. */
  booked = adv_call ("POST", "/api/v1/advice-requests", adv.learner_d.token, book);
  g_assert_cmpuint (booked->status, ==, 201);
  g_assert_cmpstr (lh_api_reply_string (booked, "mode"), ==, "appointment");
  g_assert_cmpint (lh_api_reply_int (booked, "ulr_id"), ==, adv.ulr2.id);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_c.token, book), ==, 409);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_c.token,
                               "{\"topic\":\"esol\",\"mode\":\"appointment\",\"contact\":\"here\","
                               "\"slot_id\":999999}"), ==, 404);

  start[10] = '\0';
  path = g_strdup_printf ("/api/v1/advice-slots?from=%s&to=%s", start, start);
  listed = adv_call ("GET", path, adv.learner_c.token, NULL);
  g_assert_cmpuint (listed->status, ==, 200);
  g_assert_null (strstr (listed->text, adv.learner_d.name));
  {
    g_autoptr(LhApiReply) by_device = adv_call ("GET", path, adv.daemon->device_token, NULL);
    g_autoptr(LhApiReply) by_her = adv_call ("GET", path, adv.learner_d.token, NULL);
    JsonArray *slots = json_object_get_array_member (adv_object_of (by_her), "advice_slots");

    g_assert_cmpuint (by_device->status, ==, 200);
    for (guint i = 0; i < json_array_get_length (slots); i++)
      if (json_object_get_int_member (json_array_get_object_element (slots, i), "id") == slot)
        g_assert_true (json_object_get_boolean_member (json_array_get_object_element (slots, i), "mine"));
  }
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/advice-slots?to=never", adv.learner_c.token, NULL), ==, 400);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/advice-slots?from=2026-12-10&to=2026-12-01", adv.learner_c.token,
                                   NULL),
                    ==, 422);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/advice-slots", NULL, NULL), ==, 401);

  /* Given back, the slot is free again. */
  g_clear_pointer (&path, g_free);
  path = lh_api_path ("/api/v1/advice-requests/%" G_GINT64_FORMAT, lh_api_reply_int (booked, "id"));
  g_assert_cmpuint (adv_status_of ("DELETE", path, adv.learner_c.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("DELETE", path, adv.learner_d.token, NULL), ==, 204);
  {
    g_autoptr(LhApiReply) again = adv_call ("GET", "/api/v1/advice-slots", adv.daemon->device_token, NULL);
    JsonArray *slots = json_object_get_array_member (adv_object_of (again), "advice_slots");

    for (guint i = 0; i < json_array_get_length (slots); i++)
      if (json_object_get_int_member (json_array_get_object_element (slots, i), "id") == slot)
        g_assert_false (json_object_get_boolean_member (json_array_get_object_element (slots, i), "taken"));
  }
}

/* Malformed or wrong requests change nothing. */
void
test_bad_requests_change_nothing (void)
{
  g_autofree char *long_note = g_strnfill (3000, 'n');
  g_autofree char *long_topic = g_strnfill (10000, 't');
  g_autofree char *note_body = adv_queue_body ("esol", long_note, adv.dropin_id);
  g_autofree char *topic_body = adv_queue_body (long_topic, "x", adv.dropin_id);
  g_autofree char *unknown_topic = adv_queue_body ("knitting", "x", adv.dropin_id);
  g_autofree char *wrong_mode = g_strdup_printf ("{\"topic\":\"esol\",\"mode\":\"sometime\",\"contact\":\"here\","
                                                 "\"dropin_id\":%" G_GINT64_FORMAT "}", adv.dropin_id);
  g_autofree char *wrong_contact = g_strdup_printf ("{\"topic\":\"esol\",\"mode\":\"queue\",\"contact\":\"pigeon\","
                                                    "\"dropin_id\":%" G_GINT64_FORMAT "}", adv.dropin_id);
  const char *malformed[] = {
    "not json", "[1, 2]", "{\"topic\": 5, \"mode\": \"queue\", \"contact\": \"here\"}",
    "{\"topic\": \"esol\", \"mode\": \"queue\", \"contact\": \"here\", \"dropin_id\": \"4\"}",
    "{\"topic\": \"esol\", \"mode\": \"queue\", \"contact\": \"here\", \"note\": {}}",
    "{\"topic\": \"esol\", \"mode\": \"queue\"}",
  };
  g_autoptr(LhApiReply) before = adv_call ("GET", "/api/v1/queue", adv.learner_d.token, NULL);
  g_autoptr(LhApiReply) after = NULL;
  g_autoptr(LhApiReply) record = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_d.token, malformed[i]), ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_d.token, note_body), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_d.token, topic_body), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_d.token, unknown_topic), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_d.token, wrong_mode), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_d.token, wrong_contact), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/advice-requests", adv.learner_d.token,
                               "{\"topic\":\"esol\",\"mode\":\"queue\",\"contact\":\"here\",\"dropin_id\":999999}"),
                    ==, 404);

  after = adv_call ("GET", "/api/v1/queue", adv.learner_d.token, NULL);
  g_assert_cmpstr (before->text, ==, after->text);
  record = adv_call ("GET", "/api/v1/me/record", adv.learner_d.token, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (adv_object_of (record), "open_requests")),
                    ==, 0);
  g_assert_null (strstr (record->text, "knitting"));
}

void
test_facility_time (void)
{
  gint64 yesterday = adv_now_seconds () - 86400;
  g_autofree char *start = adv_iso (yesterday);
  g_autofree char *future = adv_iso (adv_now_seconds () + 86400);
  g_autofree char *date = adv_date_of (yesterday);
  g_autofree char *body = g_strdup_printf ("{\"activity\":\"training\",\"start\":\"%s\",\"minutes\":90,"
                                           "\"note\":\"ULR refresher\"}", start);
  g_autofree char *drop_in = g_strdup_printf ("{\"activity\":\"drop-in\",\"start\":\"%s\",\"minutes\":90}", start);
  g_autofree char *zero = g_strdup_printf ("{\"activity\":\"meeting\",\"start\":\"%s\",\"minutes\":0}", start);
  g_autofree char *later = g_strdup_printf ("{\"activity\":\"meeting\",\"start\":\"%s\",\"minutes\":30}", future);
  g_autofree char *long_note = g_strnfill (201, 'z');
  g_autofree char *noted = g_strdup_printf ("{\"activity\":\"other\",\"start\":\"%s\",\"minutes\":30,\"note\":\"%s\"}",
                                            start, long_note);
  g_autofree char *path = g_strdup_printf ("/api/v1/me/facility-time?date=%s", date);
  g_autoptr(LhApiReply) added = adv_call ("POST", "/api/v1/me/facility-time", adv.ulr1.token, body);
  g_autoptr(LhApiReply) summary = NULL;
  JsonArray *entries;
  gboolean found = FALSE;

  g_assert_cmpuint (added->status, ==, 201);
  g_assert_false (json_object_get_boolean_member (adv_object_of (added), "automatic"));
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/facility-time", adv.ulr1.token, drop_in), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/facility-time", adv.ulr1.token, zero), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/facility-time", adv.ulr1.token, later), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/facility-time", adv.ulr1.token, noted), ==, 422);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/facility-time", adv.ulr1.token, "{\"minutes\":\"90\"}"),
                    ==, 400);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/facility-time", adv.learner_b.token, body), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/facility-time", NULL, body), ==, 401);

  summary = adv_call ("GET", path, adv.ulr1.token, NULL);
  g_assert_cmpuint (summary->status, ==, 200);
  entries = json_object_get_array_member (adv_object_of (summary), "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    found |= json_object_get_int_member (json_array_get_object_element (entries, i), "id") ==
             lh_api_reply_int (added, "id");
  g_assert_true (found);
  g_assert_cmpint (lh_api_reply_int (summary, "week_minutes"), >=, 90);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/me/facility-time", adv.ulr1.token, NULL), ==, 200);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/me/facility-time?date=tuesday", adv.ulr1.token, NULL), ==, 400);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/me/facility-time", adv.learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/me/facility-time", NULL, NULL), ==, 401);
}

/* Every GET route, as everyone who is not learner A or her ULR, with her ids
 * in every {id}: none of what was written about her comes back. */
void
test_no_route_leaks_the_record (void)
{
  const Person *viewers[] = { &adv.admin, &adv.committee, &adv.learner_b, &adv.ulr2 };
  gint64 ids[] = { adv.learner_a.id, adv.a_request, adv.plan_step };
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
              const char *token = v < G_N_ELEMENTS (viewers) ? viewers[v]->token : adv.daemon->device_token;
              g_autoptr(LhApiReply) reply = adv_call ("GET", path, token, NULL);

              n_calls++;
              for (guint s = 0; adv.secrets[s] != NULL; s++)
                if (strstr (reply->text, adv.secrets[s]) != NULL)
                  g_error ("GET %s (viewer %u) answered %u with “%s”", path, v, reply->status, adv.secrets[s]);
            }
          /* A route without {id} is the same whatever the id. */
          if (parts[1] == NULL)
            break;
        }
    }
  g_assert_cmpuint (n_calls, >, 40);
}

void
test_deletion (void)
{
  g_autofree char *confirm = lh_api_path ("/api/v1/learners/%" G_GINT64_FORMAT "/record/deletion", adv.served_by_ulr1);
  const char *token = adv.served_by_ulr1 == adv.learner_b.id ? adv.learner_b.token : adv.learner_c.token;
  g_autoptr(LhApiReply) work = NULL;
  JsonArray *deletions;
  gboolean listed = FALSE;

  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/record/deletion", adv.admin.token, NULL), ==, 409);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/record/deletion", NULL, NULL), ==, 401);
  g_assert_cmpuint (adv_status_of ("POST", confirm, adv.ulr1.token, NULL), ==, 409);
  g_assert_cmpuint (adv_status_of ("POST", "/api/v1/me/record/deletion", token, NULL), ==, 202);

  work = adv_call ("GET", "/api/v1/ulr/requests", adv.ulr1.token, NULL);
  g_assert_cmpuint (work->status, ==, 200);
  deletions = json_object_get_array_member (adv_object_of (work), "deletions");
  for (guint i = 0; i < json_array_get_length (deletions); i++)
    listed |= json_object_get_int_member (json_array_get_object_element (deletions, i), "learner_id") ==
              adv.served_by_ulr1;
  g_assert_true (listed);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/ulr/requests", adv.learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (adv_status_of ("GET", "/api/v1/ulr/requests", NULL, NULL), ==, 401);

  g_assert_cmpuint (adv_status_of ("POST", confirm, adv.ulr2.token, NULL), ==, 404);
  g_assert_cmpuint (adv_status_of ("POST", confirm, adv.learner_b.token, NULL), ==, 403);
  g_assert_cmpuint (adv_status_of ("POST", confirm, NULL, NULL), ==, 401);
  g_assert_cmpuint (adv_status_of ("POST", confirm, adv.ulr1.token, NULL), ==, 204);
  g_assert_cmpuint (adv_status_of ("POST", confirm, adv.ulr1.token, NULL), !=, 204);
}
