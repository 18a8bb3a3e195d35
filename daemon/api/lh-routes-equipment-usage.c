/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How much each PC was used over a period, for the admin and the joint
 * learning committee: which PCs are worn out and which never used. It
 * names no person. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-equipment-usage.h"
#include "lh-error.h"
#include "lh-time.h"

static void
add_pc (JsonBuilder *builder, const LhPcUsage *pc, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "pc");
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", pc->resource_id);
  lh_json_add_string (builder, "name", pc->name);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "computer");
  if (pc->asset_tag != NULL)
    {
      json_builder_begin_object (builder);
      lh_json_add_string (builder, "asset_tag", pc->asset_tag);
      lh_json_add_string (builder, "status", pc->status);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  lh_json_add_bool (builder, "never_used", pc->sittings == 0);
  lh_json_add_int (builder, "minutes_used", pc->seconds_used / 60);
  lh_json_add_int (builder, "sittings", pc->sittings);
  lh_json_add_int (builder, "days_used", pc->days_used);
  lh_json_add_time_or_null (builder, "last_used", pc->last_used, tz);
  lh_json_add_int (builder, "minutes_open", pc->seconds_open / 60);
  json_builder_set_member_name (builder, "percent_of_open_hours");
  if (lh_pc_usage_percent_of_open (pc) >= 0)
    json_builder_add_int_value (builder, lh_pc_usage_percent_of_open (pc));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

void
lh_route_equipment_usage (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) pcs = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  gint64 from, to;

  /* The last quarter, today included. */
  if (!lh_request_query_period (request, 1 - LH_EQUIPMENT_USAGE_DEFAULT_DAYS, LH_EQUIPMENT_USAGE_DEFAULT_DAYS,
                                LH_EQUIPMENT_USAGE_MAX_DAYS, &from, &to, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* What has happened: a period running on past now ends now. */
  if (from >= request->now)
    {
      g_set_error (&error, LH_ERROR, LH_ERROR_INVALID, "That period has not begun yet");
      lh_request_reply_error (request, error);
      return;
    }
  from_text = lh_time_format_date (from, tz);
  to_text = lh_time_format_date (to - 1, tz);
  pcs = lh_equipment_usage (request->store, request->centre, from, MIN (to, request->now), request->now, &error);
  if (pcs == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_string (builder, "from", from_text);
  lh_json_add_string (builder, "to", to_text);
  json_builder_set_member_name (builder, "pcs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pcs->len; i++)
    add_pc (builder, g_ptr_array_index (pcs, i), tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
