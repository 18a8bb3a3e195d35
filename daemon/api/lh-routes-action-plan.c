/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's action plan: read by the committee and the admins,
 * changed by committee members only, each change kept in the objective's
 * history under the member's name. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-action-plan.h"
#include "lh-api-json.h"
#include "lh-error.h"

static const char * const objective_members[] = {
  "number", "activity", "by_whom", "due_day", "outcomes", "next_steps", "status", NULL
};

static void
add_objective (JsonBuilder *builder, const LhObjective *objective)
{
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", objective->id);
  lh_json_add_int (builder, "number", objective->number);
  lh_json_add_string (builder, "activity", objective->activity);
  lh_json_add_string (builder, "by_whom", objective->by_whom);
  lh_json_add_string (builder, "due_day", objective->due_day);
  lh_json_add_string (builder, "outcomes", objective->outcomes);
  lh_json_add_string (builder, "next_steps", objective->next_steps);
  lh_json_add_string (builder, "status", objective->status);
  json_builder_end_object (builder);
}

static void
reply_objective (LhRequest *request, guint status, const LhObjective *objective)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_objective (builder, objective);
  lh_request_reply_builder (request, status, builder);
}

/* The body's fields, each optional here (core says which an objective
 * needs); LH_ERROR_BAD_REQUEST ("body-invalid") for the wrong types. */
static gboolean
read_fields (JsonObject *object, LhObjectiveFields *fields, GError **error)
{
  gint64 number = 0;

  if (!lh_routes_check_members (object, objective_members, error) ||
      (lh_json_has (object, "number") && !lh_json_get_int (object, "number", &number, error)) ||
      !lh_routes_optional_string (object, "activity", &fields->activity, error) ||
      !lh_routes_optional_string (object, "by_whom", &fields->by_whom, error) ||
      !lh_routes_optional_string (object, "due_day", &fields->due_day, error) ||
      !lh_routes_optional_string (object, "outcomes", &fields->outcomes, error) ||
      !lh_routes_optional_string (object, "next_steps", &fields->next_steps, error) ||
      !lh_routes_optional_string (object, "status", &fields->status, error))
    {
      lh_error_set_reason (error, "body-invalid");
      return FALSE;
    }
  /* Given out of range (0 included, which core takes as "keep"): core's
   * "number-invalid". */
  if (lh_json_has (object, "number"))
    fields->number = number >= 1 && number <= LH_OBJECTIVE_NUMBER_MAX ? (int) number : -1;
  return TRUE;
}

void
lh_route_action_plan (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plan = lh_action_plan_list (request->store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (plan == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "objectives");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->len; i++)
    add_objective (builder, g_ptr_array_index (plan, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_add_objective (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhObjective) objective = NULL;
  LhObjectiveFields fields = { 0 };

  body = lh_request_body_object (request, &error);
  if (body == NULL || !read_fields (json_node_get_object (body), &fields, &error))
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  objective = lh_action_plan_add (request->store, request->centre->tz, &fields, request->session.person_id,
                                  request->now, &error);
  if (objective == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_routes_publish_committee_changed (request->events, "action-plan");
  reply_objective (request, 201, objective);
}

void
lh_route_edit_objective (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhObjective) objective = NULL;
  LhObjectiveFields fields = { 0 };

  body = lh_request_body_object (request, &error);
  if (body == NULL || !read_fields (json_node_get_object (body), &fields, &error))
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_action_plan_edit (request->store, request->centre->tz, request->path_id, &fields,
                            request->session.person_id, request->now, &error) ||
      (objective = lh_action_plan_get (request->store, request->path_id, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_routes_publish_committee_changed (request->events, "action-plan");
  reply_objective (request, 200, objective);
}

void
lh_route_objective_history (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = lh_action_plan_history (request->store, request->path_id, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (changes == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const LhObjectiveChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      lh_json_add_time (builder, "at", change->changed_at, request->centre->tz);
      lh_json_add_id_or_null (builder, "by_id", change->changed_by);
      lh_json_add_string (builder, "by", change->changed_by_name);
      lh_json_add_string (builder, "field", change->field);
      lh_json_add_string_or_null (builder, "old", change->old_value);
      lh_json_add_string_or_null (builder, "new", change->new_value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
