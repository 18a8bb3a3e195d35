/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One item of the inventory, for the admin at the kiosk's desk mode: the
 * item with the newest of its history and the statuses it can be given,
 * and the change of its status. Every refusal carries a reason code the
 * kiosk puts in its own words. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-equipment.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-people.h"
#include "lh-text.h"
#include "lh-usage.h"

/* A screenful: older history is for learnhubctl equipment history. */
#define HISTORY_NEWEST 20

/* The bookings an added or edited item's PC link moved (to_pc_id set) or
 * cancelled: counts only, as POST /faults gives them. */
static void
add_move_counts (JsonBuilder *builder, const GPtrArray *moves)
{
  gint64 moved = 0, cancelled = 0;

  for (guint i = 0; moves != NULL && i < moves->len; i++)
    {
      if (((const LhFaultMove *) g_ptr_array_index (moves, i))->to_pc_id != 0)
        moved++;
      else
        cancelled++;
    }
  json_builder_set_member_name (builder, "bookings_moved");
  json_builder_add_int_value (builder, moved);
  json_builder_set_member_name (builder, "bookings_cancelled");
  json_builder_add_int_value (builder, cancelled);
}

static void
reply_item (LhRequest *request, guint status, const LhEquipment *item, gboolean with_moves, const GPtrArray *moves)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean more = FALSE;
  g_autoptr(GPtrArray) history = lh_equipment_history_newest (request->store, item->id, HISTORY_NEWEST, &more,
                                                              &error);
  g_autoptr(GHashTable) pc_states = NULL;
  gboolean stopped = FALSE;

  if (history != NULL && lh_faults_item_stopped (request->store, item->id, &stopped, &error))
    pc_states = lh_usage_pc_states (request->store, request->now, &error);
  if (pc_states == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "item");
  lh_routes_add_equipment_item (builder, item, pc_states, request->centre->tz);
  /* What the kiosk may offer: every other status, and whether it asks
   * why; not working while a fault stops its use, as that is refused
   * until the repair is recorded. */
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_array (builder);
  for (guint i = 0; lh_equipment_statuses[i] != NULL; i++)
    {
      if (g_str_equal (lh_equipment_statuses[i], item->status) ||
          (stopped && g_str_equal (lh_equipment_statuses[i], "working")))
        continue;
      json_builder_begin_object (builder);
      lh_json_add_string (builder, "status", lh_equipment_statuses[i]);
      lh_json_add_bool (builder, "note_required", lh_equipment_status_needs_note (lh_equipment_statuses[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  /* The daemon's rules, so the kiosk keeps no copy of them. */
  lh_json_add_bool (builder, "editable", lh_equipment_editable (item));
  lh_routes_add_equipment_kinds (builder);
  if (with_moves)
    add_move_counts (builder, moves);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->len; i++)
    {
      const LhEquipmentEvent *event = g_ptr_array_index (history, i);

      json_builder_begin_object (builder);
      lh_json_add_time (builder, "at", event->at, request->centre->tz);
      lh_json_add_string (builder, "what", event->what);
      lh_json_add_string (builder, "status", event->status);
      lh_json_add_string (builder, "note", event->note);
      lh_json_add_string (builder, "by", event->actor_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  lh_json_add_bool (builder, "history_more", more);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, status, builder);
}

void
lh_routes_reply_equipment_item (LhRequest *request, guint status, const LhEquipment *item)
{
  reply_item (request, status, item, FALSE, NULL);
}

void
lh_routes_reply_equipment_change (LhRequest *request, guint status, const LhEquipment *item, const GPtrArray *moves)
{
  reply_item (request, status, item, TRUE, moves);
}

void
lh_route_equipment_item (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) item = lh_equipment_get_by_id (request->store, request->path_id, &error);

  if (item == NULL)
    {
      if (g_error_matches (error, LH_ERROR, LH_ERROR_NOT_FOUND))
        lh_error_set_reason (&error, "item-not-found");
      lh_request_reply_error (request, error);
      return;
    }
  lh_routes_reply_equipment_item (request, 200, item);
}

/* A refusal of lh_equipment_set_status that the checks before it did not
 * foresee, by its kind. */
static const char *
status_refusal_reason (const GError *error)
{
  if (g_error_matches (error, LH_ERROR, LH_ERROR_NOT_FOUND))
    return "item-not-found";
  if (g_error_matches (error, LH_ERROR, LH_ERROR_CONFLICT))
    return "status-conflict";
  if (g_error_matches (error, LH_ERROR, LH_ERROR_INVALID))
    return "status-refused";
  return NULL;
}

/* Each refusal checked before any write, so that each has its own reason. */
static const char *
check_status_change (const LhEquipment *item, const char *status, const char *note, GError **error)
{
  if (!lh_equipment_status_check (status, error))
    return "status-unknown";
  if (g_str_equal (status, item->status))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s is already %s", item->asset_tag, status);
      return "status-unchanged";
    }
  if (note != NULL && !lh_text_check (note, -1, LH_TEXT_LINE, LH_EQUIPMENT_NOTE_MAX_CHARS, "the note", error))
    return "note-invalid";
  if (lh_equipment_status_needs_note (status) && lh_text_is_blank (note))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Say why %s is %s", item->asset_tag, status);
      return "note-required";
    }
  return NULL;
}

void
lh_route_equipment_status (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(LhEquipment) changed = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autofree char *name = NULL;
  LhEquipmentActor actor;
  const char *status = NULL, *note = NULL, *reason;
  JsonObject *object;

  body = lh_request_body_object (request, &error);
  object = body != NULL ? json_node_get_object (body) : NULL;
  if (object == NULL || !lh_json_get_string (object, "status", &status, &error) ||
      (lh_json_has (object, "note") && !lh_json_get_string (object, "note", &note, &error)))
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  item = lh_equipment_get_by_id (request->store, request->path_id, &error);
  if (item == NULL)
    {
      if (g_error_matches (error, LH_ERROR, LH_ERROR_NOT_FOUND))
        lh_error_set_reason (&error, "item-not-found");
      lh_request_reply_error (request, error);
      return;
    }
  reason = check_status_change (item, status, note, &error);
  if (reason != NULL)
    {
      lh_error_set_reason (&error, reason);
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_routes_admin_actor (request, &actor, &name, &error) ||
      !lh_equipment_change_status (request->store, request->centre, item->asset_tag, status, note, &actor,
                                   request->now, &moves, &error))
    {
      lh_error_set_reason (&error, status_refusal_reason (error));
      lh_request_reply_error (request, error);
      return;
    }
  g_message ("Admin %" G_GINT64_FORMAT " set %s to %s", actor.actor_id, item->asset_tag, status);
  changed = lh_equipment_get_by_id (request->store, item->id, &error);
  if (changed == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_routes_reply_equipment_item (request, 200, changed);
  lh_routes_publish_equipment_changed (request->events, changed->id);
  /* Retired, its open faults were closed and their notices cleared: the
   * admins' lists read again (which faults is not said). */
  if (g_str_equal (changed->status, "retired"))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) faults_changed = NULL;

      json_builder_begin_object (builder);
      lh_json_add_int (builder, "fault_id", 0);
      json_builder_end_object (builder);
      faults_changed = json_builder_get_root (builder);
      lh_event_hub_publish_to_admins (request->events, "faults-changed", faults_changed);
      lh_routes_publish_admin_notices (request->store, request->events);
    }
  /* A computer out of service: its PC's learners are told where they go. */
  lh_routes_tell_moved_learners (request, moves);
  /* Out of service, or back: the kiosks redraw its PC's day. */
  if (changed->resource_id != 0)
    {
      g_autoptr(JsonNode) availability = lh_json_availability_change (changed->resource_id, request->now,
                                                                       request->centre->tz);

      lh_event_hub_publish (request->events, "availability-changed", availability, 0);
    }
}
