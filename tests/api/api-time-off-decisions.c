/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deciding time-off requests over the API, on the demo's terms (paid
 * requests wait for an admin): the admin's list, approving and rejecting
 * (for admins only, once, a rejection with a reason), the learner told at
 * once on their own streams and kiosk and on their balance once, and
 * every stream told how many wait. */
#include <string.h>

#include "api-time-off-private.h"
#include "lh-api-listener.h"
#include "lh-test-clock.h"

static gint64
request_id_of (LhApiReply *booked)
{
  g_assert_cmpuint (booked->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (to_time_off_of (booked), "status"), ==, "pending");
  return json_object_get_int_member (to_time_off_of (booked), "id");
}

static LhApiReply *
admin_list (const char *admin)
{
  LhApiReply *list = to_call (tow.waiting, "GET", "/api/v1/time-off/requests", admin, NULL);

  g_assert_cmpuint (list->status, ==, 200);
  return list;
}

static guint
status_of (const char *method, const char *path, const char *token, const char *body)
{
  g_autoptr(LhApiReply) reply = to_call (tow.waiting, method, path, token, body);

  return reply->status;
}

static void
assert_decided (LhApiListener *listener, gint64 request_id, const char *status)
{
  g_autoptr(JsonNode) data = lh_api_listener_wait (listener, "time-off-decided", "request_id", request_id);

  g_assert_nonnull (data);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (data), "status"), ==, status);
}

void
test_time_off_approve_and_reject (void)
{
  LhTestDaemon *d = tow.waiting;
  gint64 learner_id;
  g_autofree char *learner = to_sign_in (d, "TO3", &learner_id);
  g_autofree char *other = to_sign_in (d, "TO4", NULL);
  g_autofree char *admin = lh_api_sign_in_as (tow.session, d, "admin");
  g_autoptr(LhApiListener) hears_learner = lh_api_listen (tow.session, d->base_url, learner);
  g_autoptr(LhApiListener) hears_kiosk = lh_api_listen (tow.session, d->base_url, d->device_token);
  g_autoptr(LhApiListener) hears_other = lh_api_listen (tow.session, d->base_url, other);
  g_autoptr(LhApiReply) before = to_balance (d, learner);
  g_autofree char *first_body = to_pc_hour (d, learner, "\"paid\":true");
  g_autoptr(LhApiReply) first = to_call (d, "POST", "/api/v1/bookings", learner, first_body);
  g_autofree char *second_body = to_pc_hour (d, learner, "\"paid\":true");
  g_autoptr(LhApiReply) second = to_call (d, "POST", "/api/v1/bookings", learner, second_body);
  gint64 first_id = request_id_of (first);
  gint64 second_id = request_id_of (second);
  g_autofree char *approve_first = lh_api_path ("/api/v1/time-off/requests/%" G_GINT64_FORMAT "/approve", first_id);
  g_autofree char *reject_first = lh_api_path ("/api/v1/time-off/requests/%" G_GINT64_FORMAT "/reject", first_id);
  g_autofree char *reject_second = lh_api_path ("/api/v1/time-off/requests/%" G_GINT64_FORMAT "/reject", second_id);
  g_autofree char *too_long = g_strnfill (201, 'x');
  g_autofree char *long_reason = g_strdup_printf ("{\"reason\":\"%s\"}", too_long);
  g_autoptr(LhApiReply) list = admin_list (admin);
  g_autoptr(LhApiReply) approved = NULL, rejected = NULL, seen = NULL, seen_again = NULL, list_after = NULL;
  g_autoptr(LhApiReply) back = NULL;
  g_autoptr(JsonNode) waiting = NULL;
  JsonObject *listed;
  guint n_pending = json_array_get_length (to_array_of (list, "requests"));

  /* The admin sees who asks. */
  listed = to_find (to_array_of (list, "requests"), first_id);
  g_assert_nonnull (listed);
  g_assert_cmpint (json_object_get_int_member (listed, "person_id"), ==, learner_id);
  g_assert_cmpstr (json_object_get_string_member (listed, "person_name"), ==, "Tara Owen");
  g_assert_cmpstr (json_object_get_string_member (listed, "staff_number"), ==, "TO3");
  g_assert_cmpstr (json_object_get_string_member (listed, "status"), ==, "pending");
  g_assert_nonnull (to_find (to_array_of (list, "requests"), second_id));
  /* Every stream hears how many wait, and nothing of whose. */
  waiting = lh_api_listener_wait (hears_other, "time-off-requests-changed", "pending", n_pending);
  g_assert_nonnull (waiting);

  /* For admins only. */
  g_assert_cmpuint (status_of ("GET", "/api/v1/time-off/requests", learner, NULL), ==, 403);
  g_assert_cmpuint (status_of ("GET", "/api/v1/time-off/requests", NULL, NULL), ==, 401);
  g_assert_cmpuint (status_of ("POST", approve_first, learner, NULL), ==, 403);
  g_assert_cmpuint (status_of ("POST", approve_first, NULL, NULL), ==, 401);
  g_assert_cmpuint (status_of ("POST", reject_first, learner, "{\"reason\":\"No\"}"), ==, 403);
  g_assert_cmpuint (status_of ("POST", "/api/v1/time-off/requests/999999/approve", admin, NULL), ==, 404);
  g_assert_cmpuint (status_of ("POST", "/api/v1/time-off/requests/999999/reject", admin, "{\"reason\":\"No\"}"),
                    ==, 404);
  g_assert_cmpuint (status_of ("POST", approve_first, admin, "{\"reason\":"), ==, 400);
  g_assert_cmpuint (status_of ("POST", approve_first, admin, long_reason), ==, 422);

  approved = to_call (d, "POST", approve_first, admin, NULL);
  g_assert_cmpuint (approved->status, ==, 200);
  g_assert_cmpint (lh_api_reply_int (approved, "id"), ==, first_id);
  g_assert_cmpstr (lh_api_reply_string (approved, "status"), ==, "approved");
  g_assert_true (json_object_get_null_member (json_node_get_object (approved->json), "decision_reason"));
  g_assert_cmpuint (status_of ("POST", approve_first, admin, NULL), ==, 409);
  {
    g_autoptr(LhApiReply) again = to_call (d, "POST", approve_first, admin, NULL);
    g_autoptr(LhApiReply) none = to_call (d, "POST", "/api/v1/time-off/requests/999999/approve", admin, NULL);

    g_assert_cmpstr (lh_api_reply_string (again, "reason"), ==, "already-decided");
    g_assert_cmpstr (lh_api_reply_string (none, "reason"), ==, "time-off-not-found");
  }
  g_assert_cmpuint (status_of ("POST", reject_first, admin, "{\"reason\":\"Too late\"}"), ==, 409);

  /* A rejection says why. */
  g_assert_cmpuint (status_of ("POST", reject_second, admin, NULL), ==, 422);
  g_assert_cmpuint (status_of ("POST", reject_second, admin, "{\"reason\":\"\"}"), ==, 422);
  g_assert_cmpuint (status_of ("POST", reject_second, admin, "{\"reason\":7}"), ==, 400);
  g_assert_cmpuint (status_of ("POST", reject_second, admin, long_reason), ==, 422);
  rejected = to_call (d, "POST", reject_second, admin, "{\"reason\":\"Short-staffed on the line that day\"}");
  g_assert_cmpuint (rejected->status, ==, 200);
  g_assert_cmpstr (lh_api_reply_string (rejected, "status"), ==, "rejected");
  g_assert_cmpstr (lh_api_reply_string (rejected, "decision_reason"), ==, "Short-staffed on the line that day");
  g_assert_cmpuint (status_of ("POST", reject_second, admin, "{\"reason\":\"Again\"}"), ==, 409);

  /* The learner is told at once, on their stream and on the kiosk they
   * are signed in at; nobody else is. */
  assert_decided (hears_learner, first_id, "approved");
  assert_decided (hears_learner, second_id, "rejected");
  assert_decided (hears_kiosk, first_id, "approved");
  assert_decided (hears_kiosk, second_id, "rejected");
  g_clear_pointer (&waiting, json_node_unref);
  waiting = lh_api_listener_wait (hears_other, "time-off-requests-changed", "pending", n_pending - 2);
  g_assert_nonnull (waiting);
  g_assert_false (lh_api_listener_heard (hears_other, "time-off-decided"));

  /* And on their balance, once. The rejected hour stands in own time. */
  seen = to_balance (d, learner);
  g_assert_cmpuint (json_array_get_length (to_array_of (seen, "decisions")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (to_find (to_array_of (seen, "decisions"), second_id),
                                                  "decision_reason"), ==, "Short-staffed on the line that day");
  g_assert_cmpstr (json_object_get_string_member (to_find (to_array_of (seen, "requests"), first_id), "status"),
                   ==, "approved");
  g_assert_cmpint (to_minutes (seen, "learning", "booked_minutes"),
                   ==, to_minutes (before, "learning", "booked_minutes") + 60);
  g_assert_cmpint (to_minutes (seen, "learning", "pending_minutes"),
                   ==, to_minutes (before, "learning", "pending_minutes"));
  g_assert_cmpint (to_minutes (seen, "learning", "remaining_minutes"),
                   ==, to_minutes (before, "learning", "remaining_minutes") - 60);
  seen_again = to_balance (d, learner);
  g_assert_cmpuint (json_array_get_length (to_array_of (seen_again, "decisions")), ==, 0);

  list_after = admin_list (admin);
  g_assert_cmpuint (json_array_get_length (to_array_of (list_after, "requests")), ==, n_pending - 2);
  g_assert_null (to_find (to_array_of (list_after, "requests"), first_id));

  /* Cancelling approved time gives it back. */
  {
    g_autofree char *cancel = lh_api_path ("/api/v1/bookings/%" G_GINT64_FORMAT, lh_api_reply_int (first, "id"));
    g_autofree char *cancel_second = lh_api_path ("/api/v1/bookings/%" G_GINT64_FORMAT,
                                              lh_api_reply_int (second, "id"));

    g_assert_cmpuint (status_of ("DELETE", cancel, learner, NULL), ==, 204);
    g_assert_cmpuint (status_of ("DELETE", cancel_second, learner, NULL), ==, 204);
  }
  back = to_balance (d, learner);
  g_assert_cmpint (to_minutes (back, "learning", "booked_minutes"),
                   ==, to_minutes (before, "learning", "booked_minutes"));
  g_assert_cmpint (to_minutes (back, "learning", "remaining_minutes"),
                   ==, to_minutes (before, "learning", "remaining_minutes"));
}

/* A paid place waits for an admin like a booking does; every stream hears
 * the count change when it is taken and when it is given up. */
void
test_time_off_group_place_waits (void)
{
  LhTestDaemon *d = tow.waiting;
  g_autofree char *ulr = lh_api_sign_in_as (tow.session, d, "learner,ulr");
  g_autofree char *admin = lh_api_sign_in_as (tow.session, d, "admin");
  g_autofree char *token = to_sign_in (d, "TO4", NULL);
  g_autoptr(LhApiListener) hears = lh_api_listen (tow.session, d->base_url, d->device_token);
  g_autoptr(GDateTime) now = lh_test_clock_now_in (NULL);
  int day = 8;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *group = NULL;
  g_autofree char *places = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(LhApiReply) created = NULL, joined = NULL, list = NULL;
  g_autoptr(JsonNode) more = NULL;
  g_autoptr(JsonNode) fewer = NULL;
  guint n_pending;

  /* A weekday: the room is open Monday to Friday. */
  for (;; day++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_days (now, day);

      if (g_date_time_get_day_of_week (at) <= 5)
        break;
    }
  start = lh_api_day_at (day, 15);
  end = lh_api_day_at (day, 16);
  group = g_strdup_printf ("{\"resource_id\":9,\"title\":\"Letters that work\",\"start\":\"%s\",\"end\":\"%s\","
                           "\"capacity\":3}", start, end);
  created = to_call (d, "POST", "/api/v1/group-sessions", ulr, group);
  g_assert_cmpuint (created->status, ==, 201);
  places = lh_api_path ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places", lh_api_reply_int (created, "id"));
  mine = lh_api_path ("/api/v1/group-sessions/%" G_GINT64_FORMAT "/places/mine", lh_api_reply_int (created, "id"));
  list = admin_list (admin);
  n_pending = json_array_get_length (to_array_of (list, "requests"));

  joined = to_call (d, "POST", places, token, "{\"paid\":true}");
  g_assert_cmpuint (joined->status, ==, 201);
  g_assert_cmpstr (json_object_get_string_member (to_time_off_of (joined), "status"), ==, "pending");
  g_assert_cmpstr (json_object_get_string_member (to_time_off_of (joined), "what"), ==, "Letters that work");
  more = lh_api_listener_wait (hears, "time-off-requests-changed", "pending", n_pending + 1);
  g_assert_nonnull (more);

  g_assert_cmpuint (status_of ("DELETE", mine, token, NULL), ==, 204);
  fewer = lh_api_listener_wait (hears, "time-off-requests-changed", "pending", n_pending);
  g_assert_nonnull (fewer);
}

/* The local day of an ISO time, as the admin's list gives it. */
static char *
local_day_of (const char *iso)
{
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, london);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* What the admin is told of a request: exactly who, the day, the length. */
static void
assert_approver_view (JsonObject *request, gboolean with_person)
{
  static const char * const allowed[] = {
    "id", "status", "kind", "day", "minutes", "decision_reason", "person_id", "person_name", "staff_number", NULL
  };
  g_autoptr(GList) members = json_object_get_members (request);

  for (GList *l = members; l != NULL; l = l->next)
    g_assert_true (g_strv_contains (allowed, l->data));
  g_assert_cmpuint (g_list_length (members), ==, with_person ? 9 : 6);
  g_assert_cmpstr (json_object_get_string_member (request, "kind"), ==, "learning");
}

/* Issue 12, item 4: "Mohammed Ali, assessment, 2026-12-08T11:00Z" matched
 * slot 42, ESOL, in the public list. The admin gets the day and the
 * length, and nothing to join with what was taken when: no hour, no
 * category or activity, no PC, group, slot or subject. */
void
test_time_off_approver_sees_day_and_length (void)
{
  LhTestDaemon *d = tow.waiting;
  g_autofree char *ulr = lh_api_sign_in_as (tow.session, d, "learner,ulr");
  g_autofree char *admin = lh_api_sign_in_as (tow.session, d, "admin");
  g_autofree char *learner = to_sign_in (d, "TO1", NULL);
  int day = lh_api_weekday_ahead (10);
  g_autofree char *slot_start = lh_api_day_at (day, 11);
  g_autofree char *slot_end = lh_api_day_at (day, 12);
  g_autofree char *slot = g_strdup_printf ("{\"subject\":\"esol\",\"start\":\"%s\",\"end\":\"%s\","
                                           "\"place\":\"Room Q\"}", slot_start, slot_end);
  g_autoptr(LhApiReply) offered = to_call (d, "POST", "/api/v1/assessment-slots", ulr, slot);
  g_autofree char *booking = NULL;
  g_autofree char *pc_body = to_pc_hour (d, learner, "\"paid\":true");
  g_autoptr(LhApiReply) pc = to_call (d, "POST", "/api/v1/bookings", learner, pc_body);
  g_autoptr(LhApiReply) booked = NULL, list = NULL, decided = NULL, mine = NULL;
  g_autofree char *expected_day = local_day_of (slot_start);
  g_autofree char *hour = NULL;
  g_autofree char *approve = NULL;
  JsonObject *listed;
  JsonArray *requests;
  gint64 request_id;

  g_assert_cmpuint (offered->status, ==, 201);
  g_assert_cmpuint (pc->status, ==, 201);
  booking = lh_api_path ("/api/v1/assessment-slots/%" G_GINT64_FORMAT "/booking", lh_api_reply_int (offered, "id"));
  booked = to_call (d, "POST", booking, learner, "{\"paid\":true}");
  request_id = request_id_of (booked);

  list = admin_list (admin);
  requests = to_array_of (list, "requests");
  listed = to_find (requests, request_id);
  g_assert_nonnull (listed);
  g_assert_cmpstr (json_object_get_string_member (listed, "day"), ==, expected_day);
  g_assert_cmpint (json_object_get_int_member (listed, "minutes"), ==, 60);
  g_assert_cmpstr (json_object_get_string_member (listed, "person_name"), ==, "Tia Olsen");
  for (guint i = 0; i < json_array_get_length (requests); i++)
    assert_approver_view (json_array_get_object_element (requests, i), TRUE);
  /* Nowhere in the list, whatever the member: the hour, the subject, the
   * place, the PC, the kind of learning. */
  hour = g_strndup (slot_start + 10, 6);  /* "T11:00" */
  g_assert_null (strstr (list->text, hour));
  g_assert_null (strstr (list->text, "esol"));
  g_assert_null (strstr (list->text, "Room Q"));
  g_assert_null (strstr (list->text, "PC"));
  g_assert_null (strstr (list->text, "assessment"));
  g_assert_null (strstr (list->text, "skills-for-life"));
  g_assert_null (strstr (list->text, "slot"));

  /* Nor in what a decision answers. */
  approve = lh_api_path ("/api/v1/time-off/requests/%" G_GINT64_FORMAT "/approve", request_id);
  decided = to_call (d, "POST", approve, admin, NULL);
  g_assert_cmpuint (decided->status, ==, 200);
  assert_approver_view (json_node_get_object (decided->json), FALSE);
  g_assert_cmpstr (lh_api_reply_string (decided, "day"), ==, expected_day);
  g_assert_null (strstr (decided->text, hour));
  g_assert_null (strstr (decided->text, "esol"));

  /* The learner keeps every detail of their own. */
  mine = to_balance (d, learner);
  listed = to_find (to_array_of (mine, "requests"), request_id);
  g_assert_cmpstr (json_object_get_string_member (listed, "what"), ==, "esol");
  g_assert_cmpstr (json_object_get_string_member (listed, "category"), ==, "assessment");
  g_assert_nonnull (json_object_get_string_member (listed, "start"));
}

/* The slots of the list at path that token reads, asserted 200. */
static LhApiReply *
slots_seen_by (const char *path, const char *token)
{
  LhApiReply *list = to_call (tow.waiting, "GET", path, token, NULL);

  g_assert_cmpuint (list->status, ==, 200);
  return list;
}

/* Issue 12, item 4, the other half: the admin reads "Tess Ortega, that
 * day, 60 minutes" on their list, then the list of assessment slots open
 * to every session and kiosk, looking for the one 60-minute slot taken
 * that day and its subject. A taken slot is shown to its learner and its
 * assessor only; everyone else sees the free ones, to book. */
void
test_time_off_public_lists_hide_taken (void)
{
  LhTestDaemon *d = tow.waiting;
  g_autofree char *ulr = lh_api_sign_in_as (tow.session, d, "learner,ulr");
  g_autofree char *admin = lh_api_sign_in_as (tow.session, d, "admin");
  g_autofree char *learner = to_sign_in (d, "TO5", NULL);
  g_autofree char *colleague = to_sign_in (d, "TO4", NULL);
  int day = lh_api_weekday_ahead (11);
  g_autofree char *start = lh_api_day_at (day, 14);
  g_autofree char *end = lh_api_day_at (day, 15);
  g_autofree char *later = lh_api_day_at (day, 16);
  g_autofree char *english = g_strdup_printf ("{\"subject\":\"english\",\"start\":\"%s\",\"end\":\"%s\","
                                              "\"place\":\"Room E\"}", start, end);
  g_autofree char *maths = g_strdup_printf ("{\"subject\":\"maths\",\"start\":\"%s\",\"end\":\"%s\","
                                            "\"place\":\"Room E\"}", end, later);
  g_autoptr(LhApiReply) taken = to_call (d, "POST", "/api/v1/assessment-slots", ulr, english);
  g_autoptr(LhApiReply) free_slot = to_call (d, "POST", "/api/v1/assessment-slots", ulr, maths);
  g_autoptr(LhApiReply) booked = NULL, approver = NULL, own = NULL, assessor = NULL;
  g_autofree char *booking = NULL;
  g_autofree char *expected_day = local_day_of (start);
  g_autofree char *list_path = NULL;
  const char *outsiders[] = { admin, colleague, d->device_token };
  JsonObject *listed;

  g_assert_cmpuint (taken->status, ==, 201);
  g_assert_cmpuint (free_slot->status, ==, 201);
  booking = lh_api_path ("/api/v1/assessment-slots/%" G_GINT64_FORMAT "/booking", lh_api_reply_int (taken, "id"));
  booked = to_call (d, "POST", booking, learner, "{\"paid\":true}");

  /* The approver's half: who, the day, the length. */
  approver = admin_list (admin);
  listed = to_find (to_array_of (approver, "requests"), request_id_of (booked));
  g_assert_nonnull (listed);
  g_assert_cmpstr (json_object_get_string_member (listed, "day"), ==, expected_day);
  g_assert_cmpint (json_object_get_int_member (listed, "minutes"), ==, 60);

  /* The public half, to the admin, a colleague and a bare kiosk: no taken
   * slot that day to match it with, the free one still there. */
  list_path = g_strdup_printf ("/api/v1/assessment-slots?from=%s&to=%s", expected_day, expected_day);
  for (guint i = 0; i < G_N_ELEMENTS (outsiders); i++)
    {
      g_autoptr(LhApiReply) seen = slots_seen_by (list_path, outsiders[i]);
      JsonArray *slots = to_array_of (seen, "assessment_slots");

      /* Nothing listed matches the taken slot's subject at its time (the
       * demo may offer English at other hours that day). */
      for (guint j = 0; j < json_array_get_length (slots); j++)
        {
          JsonObject *slot = json_array_get_object_element (slots, j);

          g_assert_false (json_object_get_boolean_member (slot, "taken"));
          g_assert_false (g_str_equal (json_object_get_string_member (slot, "subject"), "english") &&
                          g_str_equal (json_object_get_string_member (slot, "start"), start));
        }
      g_assert_null (to_find (slots, lh_api_reply_int (taken, "id")));
      g_assert_nonnull (to_find (slots, lh_api_reply_int (free_slot, "id")));
    }

  /* The learner and the assessor still see it, taken. */
  own = slots_seen_by (list_path, learner);
  listed = to_find (to_array_of (own, "assessment_slots"), lh_api_reply_int (taken, "id"));
  g_assert_nonnull (listed);
  g_assert_true (json_object_get_boolean_member (listed, "taken"));
  g_assert_true (json_object_get_boolean_member (listed, "mine"));
  assessor = slots_seen_by (list_path, ulr);
  listed = to_find (to_array_of (assessor, "assessment_slots"), lh_api_reply_int (taken, "id"));
  g_assert_nonnull (listed);
  g_assert_cmpstr (json_object_get_string_member (listed, "learner"), ==, "Tess Ortega");
}
