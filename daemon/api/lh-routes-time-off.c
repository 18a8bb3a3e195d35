/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paid time off for learning: a learner's balance and requests, and the
 * admin's list of requests waiting for a decision, approving and
 * rejecting them. Also what the booking routes share: reading "paid", and
 * telling the kiosks how many requests wait. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time-off.h"
#include "lh-time.h"

/* ---- shared with the booking routes ------------------------------------ */

gboolean
lh_routes_read_paid (JsonObject *object, gboolean *out_paid, GError **error)
{
  *out_paid = FALSE;
  if (!lh_json_has (object, "paid"))
    return TRUE;
  return lh_json_get_bool (object, "paid", out_paid, error);
}

/* The body as an object, or *out_body NULL when there is none. */
static gboolean
optional_body (LhRequest *request, JsonNode **out_body, GError **error)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->msg);

  *out_body = NULL;
  if (body->length == 0)
    return TRUE;
  *out_body = lh_request_body_object (request, error);
  return *out_body != NULL;
}

gboolean
lh_routes_read_paid_body (LhRequest *request, gboolean *out_paid, GError **error)
{
  g_autoptr(JsonNode) body = NULL;

  *out_paid = FALSE;
  if (!optional_body (request, &body, error))
    return FALSE;
  return body == NULL || lh_routes_read_paid (json_node_get_object (body), out_paid, error);
}

guint
lh_routes_pending_time_off (LhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = lh_time_off_list_pending (store, &error);

  if (pending == NULL)
    {
      g_warning ("Cannot count the time-off requests waiting: %s", error->message);
      return 0;
    }
  return pending->len;
}

void
lh_routes_publish_time_off_pending (LhStore *store, LhEventHub *events)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pending");
  json_builder_add_int_value (builder, lh_routes_pending_time_off (store));
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  /* A count names no one: every stream may hear it. */
  lh_event_hub_publish (events, "time-off-requests-changed", data, 0);
}

/* ---- the learner's balance --------------------------------------------- */

static void
add_category (JsonBuilder *builder, const LhTimeOffCategory *category)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, category->category);
  lh_json_add_int (builder, "entitled_minutes", category->entitled_minutes);
  lh_json_add_int (builder, "taken_minutes", category->taken_minutes);
  lh_json_add_int (builder, "booked_minutes", category->booked_minutes);
  lh_json_add_int (builder, "pending_minutes", category->pending_minutes);
  lh_json_add_int (builder, "remaining_minutes", category->remaining_minutes);
  /* Only learning time is made of a base and matched time. */
  if (g_str_equal (category->category, "learning"))
    {
      lh_json_add_int (builder, "base_minutes", category->base_minutes);
      lh_json_add_int (builder, "own_minutes", category->own_minutes);
      lh_json_add_int (builder, "matched_minutes", category->matched_minutes);
      lh_json_add_int (builder, "matched_cap_minutes", category->matched_cap_minutes);
    }
  json_builder_end_object (builder);
}

static void
add_requests (JsonBuilder *builder, const char *member, GPtrArray *requests, GTimeZone *tz)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < requests->len; i++)
    lh_json_add_time_off (builder, g_ptr_array_index (requests, i), tz);
  json_builder_end_array (builder);
}

void
lh_route_my_time_off (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  const char *date = request->query != NULL ? g_hash_table_lookup (request->query, "date") : NULL;
  gint64 person_id = request->session.person_id;
  gint64 at = request->now;
  LhTimeOffBalance balance = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  /* Decisions last: taking them marks them told, so only once the rest
   * could be read. */
  if ((date != NULL && !lh_time_parse_date (date, tz, &at, &error)) ||
      !lh_time_off_balance (request->store, request->centre, person_id, at, &balance, &error) ||
      (mine = lh_time_off_list_mine (request->store, person_id, request->now, &error)) == NULL ||
      (decisions = lh_time_off_take_decisions (request->store, person_id, request->now, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_date_or_null (builder, "year_start", balance.year_start, tz);
  /* The last day of the year, not the next year's first midnight. */
  lh_json_add_date_or_null (builder, "year_end", balance.year_end - 1, tz);
  json_builder_set_member_name (builder, "hours_per_day");
  json_builder_add_double_value (builder, balance.minutes_per_day / 60.0);
  lh_json_add_int (builder, "minutes_per_day", balance.minutes_per_day);
  json_builder_set_member_name (builder, "hours_per_week");
  json_builder_add_double_value (builder, balance.hours_per_week);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < balance.n_categories; i++)
    add_category (builder, &balance.categories[i]);
  json_builder_end_array (builder);
  add_requests (builder, "requests", mine, tz);
  add_requests (builder, "decisions", decisions, tz);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

/* ---- the admin's decisions --------------------------------------------- */

/* A request as its approver sees it: who, the day and the length. A line
 * manager needs no more to release a worker. The hour, the kind of
 * learning (an assessment, ESOL), the PC, group or slot would let the
 * employer join it to the public lists of what was taken when, and so
 * learn what the worker needs to learn; the learner sees those on
 * /me/time-off. */
static void
add_for_approver (JsonBuilder *builder, const LhTimeOffRequest *request, GTimeZone *tz)
{
  lh_json_add_int (builder, "id", request->id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, request->status);
  /* Every category a booking draws on is learning to the employer. */
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, "learning");
  lh_json_add_date_or_null (builder, "day", request->start_at, tz);
  lh_json_add_int (builder, "minutes", request->minutes);
  json_builder_set_member_name (builder, "decision_reason");
  if (request->decision_reason != NULL && request->decision_reason[0] != '\0')
    json_builder_add_string_value (builder, request->decision_reason);
  else
    json_builder_add_null_value (builder);
}

void
lh_route_time_off_requests (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if ((pending = lh_time_off_list_pending (request->store, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_time_off_sort_for_approver (pending, tz);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "requests");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pending->len; i++)
    {
      const LhTimeOffRequest *one = g_ptr_array_index (pending, i);

      json_builder_begin_object (builder);
      add_for_approver (builder, one, tz);
      lh_json_add_int (builder, "person_id", one->person_id);
      json_builder_set_member_name (builder, "person_name");
      json_builder_add_string_value (builder, one->person_name);
      json_builder_set_member_name (builder, "staff_number");
      json_builder_add_string_value (builder, one->staff_number);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

static void
publish_decided (LhRequest *request, const LhTimeOffRequest *decided)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  lh_json_add_int (builder, "request_id", decided->id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, decided->status);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  /* Only the learner's: it is about their time. They also see it on their
   * balance the next time they look. */
  lh_request_notify_person (request, "time-off-decided", data, decided->person_id);
}

static void
decide (LhRequest *request, gboolean approve)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPerson) admin = NULL;
  g_autoptr(LhTimeOffRequest) decided = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *actor_name = NULL;
  const char *reason = NULL;
  LhActor actor;

  if (!optional_body (request, &body, &error) ||
      (body != NULL && lh_json_has (json_node_get_object (body), "reason") &&
       !lh_json_get_string (json_node_get_object (body), "reason", &reason, &error)) ||
      (admin = lh_people_get (request->store, request->session.person_id, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* The audit trail names them as they are now. */
  actor_name = g_strdup_printf ("%s (%s)", admin->name, admin->staff_number);
  actor.actor_id = admin->id;
  actor.name = actor_name;
  decided = lh_time_off_decide (request->store, request->path_id, approve, reason, &actor, request->now,
                                &error);
  if (decided == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  g_message ("Time-off request %" G_GINT64_FORMAT " %s by %s", decided->id, decided->status, actor_name);
  json_builder_begin_object (builder);
  add_for_approver (builder, decided, request->centre->tz);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
  publish_decided (request, decided);
  lh_routes_publish_time_off_pending (request->store, request->events);
  /* Settling waits for no pending request: it may be due now. */
  lh_housekeeper_reschedule (request->housekeeper);
}

void
lh_route_approve_time_off (LhRequest *request)
{
  decide (request, TRUE);
}

void
lh_route_reject_time_off (LhRequest *request)
{
  decide (request, FALSE);
}
