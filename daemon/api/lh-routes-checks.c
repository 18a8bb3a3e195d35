/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scheduled maintenance checks, for the admin: the soonest due first,
 * and a check recorded as done (which clears its notices). */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-equipment-checks.h"
#include "lh-error.h"
#include "lh-people.h"

static const char * const state_names[] = {
  [LH_CHECK_LATER] = "later",
  [LH_CHECK_DUE_SOON] = "due-soon",
  [LH_CHECK_OVERDUE] = "overdue",
};

static void
add_string_or_null (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_check (JsonBuilder *builder, const LhCheck *check, gint64 now, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", check->id);
  lh_json_add_string (builder, "what", check->what);
  add_string_or_null (builder, "asset_tag", check->asset_tag);
  add_string_or_null (builder, "kind", check->kind);
  lh_json_add_int (builder, "every_days", check->every_days);
  lh_json_add_int (builder, "every_months", check->every_months);
  lh_json_add_date_or_null (builder, "next_due", check->next_due, tz);
  lh_json_add_string (builder, "state", state_names[lh_check_state (check, now, tz)]);
  json_builder_set_member_name (builder, "last_done");
  if (check->last_done_at != 0)
    {
      json_builder_begin_object (builder);
      lh_json_add_time (builder, "at", check->last_done_at, tz);
      lh_json_add_string (builder, "result", check->last_result);
      lh_json_add_string (builder, "by", check->last_by);
      lh_json_add_string (builder, "note", check->last_note);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

void
lh_route_list_checks (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = lh_checks_list (request->store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (checks == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < checks->len; i++)
    add_check (builder, g_ptr_array_index (checks, i), request->now, request->centre->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_check_done (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPerson) admin = NULL;
  g_autoptr(LhCheck) check = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *result = NULL, *note = NULL;
  JsonObject *object;

  body = lh_request_body_object (request, &error);
  object = body != NULL ? json_node_get_object (body) : NULL;
  if (object == NULL || !lh_json_get_string (object, "result", &result, &error) ||
      (lh_json_has (object, "note") && !lh_json_get_string (object, "note", &note, &error)))
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  admin = lh_people_get (request->store, request->session.person_id, &error);
  check = admin != NULL
          ? lh_checks_done (request->store, request->centre, request->path_id, result, note,
                            &(LhEquipmentActor) { admin->id, admin->name }, request->now, &moves, &error)
          : NULL;
  if (check == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  add_check (builder, check, request->now, request->centre->tz);
  lh_request_reply_builder (request, 200, builder);
  /* Its notices cleared, and its next reminder moved; a failed item's
   * fault moved its PC's bookings. */
  lh_routes_publish_admin_notices (request->store, request->events);
  lh_housekeeper_reschedule (request->housekeeper);
  lh_routes_tell_moved_learners (request, moves);
}
