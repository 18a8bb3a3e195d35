/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The centre's equipment: the inventory for the admin, and how it stood
 * against the agreed minimum over a period, for the admin and the joint
 * learning committee. Neither names a person. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-equipment-compliance.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-time.h"

/* Items listed at a time: more than a centre's working kit. */
#define EQUIPMENT_PAGE_DEFAULT 200
#define EQUIPMENT_PAGE_MAX 500

/* pc_states: from lh_usage_pc_states(), for the kiosk of a computer's PC. */
void
lh_routes_add_equipment_item (JsonBuilder *builder, const LhEquipment *item, GHashTable *pc_states, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", item->id);
  lh_json_add_string (builder, "asset_tag", item->asset_tag);
  lh_json_add_string (builder, "kind", item->kind);
  lh_json_add_string (builder, "description", item->description);
  lh_json_add_string (builder, "location", item->location);
  lh_json_add_string (builder, "status", item->status);
  json_builder_set_member_name (builder, "pc");
  if (item->resource_id != 0)
    {
      json_builder_begin_object (builder);
      lh_json_add_int (builder, "id", item->resource_id);
      lh_json_add_string (builder, "name", item->resource_name);
      /* A computer whose kiosk is silent may be off or unplugged. */
      lh_json_add_pc_kiosk (builder, g_hash_table_lookup (pc_states, &item->resource_id), tz);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static gint64
item_id_of (gconstpointer item)
{
  return ((const LhEquipment *) item)->id;
}

void
lh_routes_add_equipment_kinds (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_array (builder);
  for (guint i = 0; lh_equipment_kinds[i] != NULL; i++)
    json_builder_add_string_value (builder, lh_equipment_kinds[i]);
  json_builder_end_array (builder);
}

void
lh_route_list_equipment (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GHashTable) pc_states = NULL;
  gboolean retired = FALSE;
  gint64 after;
  guint limit;

  /* Retired items only when asked for: they would grow the list for ever. */
  if (lh_request_query_flag (request, "retired", &retired, &error) &&
      lh_request_query_page (request, EQUIPMENT_PAGE_DEFAULT, EQUIPMENT_PAGE_MAX, &after, &limit, &error))
    {
      items = lh_equipment_list_page (request->store, retired, after, limit, &error);
      if (items == NULL)
        lh_routes_page_cursor_error (&error);
    }
  if (items != NULL)
    pc_states = lh_usage_pc_states (request->store, request->now, &error);
  if (pc_states == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_routes_end_page (builder, items, limit, item_id_of);
  /* What the Add form offers. */
  lh_routes_add_equipment_kinds (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    lh_routes_add_equipment_item (builder, g_ptr_array_index (items, i), pc_states, request->centre->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_equipment_compliance (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  LhEquipmentCompliance kinds[LH_EQUIPMENT_N_KINDS];
  g_autoptr(GHashTable) pc_states = NULL;
  GHashTableIter iter;
  const LhPcState *state;
  gint64 from, to;
  gint64 online = 0, offline = 0;

  /* The last quarter, today included. */
  if (!lh_request_query_period (request, 1 - LH_EQUIPMENT_COMPLIANCE_DEFAULT_DAYS,
                                LH_EQUIPMENT_COMPLIANCE_DEFAULT_DAYS, LH_EQUIPMENT_COMPLIANCE_MAX_DAYS, &from, &to,
                                &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  from_text = lh_time_format_date (from, tz);
  to_text = lh_time_format_date (to - 1, tz);
  /* What has happened: a period running on past now ends now. */
  if (from >= request->now)
    {
      g_set_error (&error, LH_ERROR, LH_ERROR_INVALID, "That period has not begun yet");
      lh_error_set_reason (&error, "period-not-begun");
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_equipment_compliance (request->store, from, MIN (to, request->now), kinds, &error) ||
      (pc_states = lh_usage_pc_states (request->store, request->now, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_json_add_string (builder, "from", from_text);
  lh_json_add_string (builder, "to", to_text);
  /* The figures stop here: now, when the period runs on past it. */
  lh_json_add_time (builder, "until", MIN (to, request->now), tz);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_array (builder);
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    {
      json_builder_begin_object (builder);
      lh_json_add_string (builder, "kind", kinds[k].kind);
      lh_json_add_int (builder, "minimum", kinds[k].minimum);
      lh_json_add_int (builder, "working", kinds[k].working_at_end);
      lh_json_add_int (builder, "working_lowest", kinds[k].working_lowest);
      lh_json_add_int (builder, "minutes_below_minimum", kinds[k].seconds_below / 60);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  /* Now, not over the period: a PC whose kiosk is silent may be off. */
  g_hash_table_iter_init (&iter, pc_states);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
    {
      online += state->online;
      offline += !state->online;
    }
  json_builder_set_member_name (builder, "pc_kiosks_now");
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "online", online);
  lh_json_add_int (builder, "offline", offline);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
