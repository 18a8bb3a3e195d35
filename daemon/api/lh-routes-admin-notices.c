/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admins' notices of equipment (a fault reported or overdue, a check
 * due or overdue): read at sign-in and dismissed one by one; every change
 * reaches the admins' streams only. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-admin-notices.h"
#include "lh-api-json.h"

static void
add_notice (JsonBuilder *builder, const LhAdminNotice *notice, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", notice->id);
  lh_json_add_string (builder, "type", notice->what);
  lh_json_add_time (builder, "created_at", notice->created_at, tz);
  json_builder_set_member_name (builder, "fault");
  if (notice->fault_id != 0)
    {
      json_builder_begin_object (builder);
      lh_json_add_int (builder, "id", notice->fault_id);
      lh_json_add_string (builder, "category", notice->category);
      lh_json_add_time (builder, "reported_at", notice->reported_at, tz);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "check");
  if (notice->check_id != 0)
    {
      json_builder_begin_object (builder);
      lh_json_add_int (builder, "id", notice->check_id);
      lh_json_add_string (builder, "what", notice->check_what);
      lh_json_add_date_or_null (builder, "due", notice->due_at, tz);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  /* Null members: a centre-wide check names no item. */
  lh_json_add_string_or_null (builder, "asset_tag", notice->asset_tag);
  lh_json_add_string_or_null (builder, "kind", notice->kind);
  lh_json_add_string_or_null (builder, "pc", notice->pc_name);
  json_builder_end_object (builder);
}

void
lh_routes_publish_admin_notices (LhStore *store, LhEventHub *events)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;
  gint64 open = 0;

  /* The true count: the list stops at LH_ADMIN_NOTICES_MAX. */
  if (!lh_admin_notices_count_open (store, &open, &error))
    {
      g_message ("Cannot count the admins' notices: %s", error->message);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "open", open);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_event_hub_publish_to_admins (events, "admin-notices-changed", data);
}

void
lh_route_admin_notices (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) notices = lh_admin_notices_list (request->store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 open = 0;

  if (notices == NULL || !lh_admin_notices_count_open (request->store, &open, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "open", open);
  json_builder_set_member_name (builder, "notices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < notices->len; i++)
    add_notice (builder, g_ptr_array_index (notices, i), request->centre->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_dismiss_admin_notice (LhRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!lh_admin_notices_dismiss (request->store, request->path_id, request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, 204);
  /* Every admin's kiosk drops it too. */
  lh_routes_publish_admin_notices (request->store, request->events);
}
