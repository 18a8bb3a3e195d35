/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admin adds an item to the inventory, or edits one's details, at the
 * kiosk's desk mode. The rules are the inventory's own (lh-equipment.c,
 * shared with learnhubctl and the CSV import); each refusal carries the
 * reason code core gave it, for the kiosk to word. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-equipment.h"
#include "lh-error.h"

/* The members each route reads: any other is a mistake of the caller's,
 * refused rather than ignored. */
static const char * const add_members[] = { "asset_tag", "kind", "description", "location", "pc_id", "note", NULL };
static const char * const edit_members[] = { "description", "location", "pc_id", "note", NULL };
/* What an item keeps for life: a new item is added instead. */
static const char * const fixed_members[] = { "asset_tag", "kind", NULL };

void
lh_routes_publish_equipment_changed (LhEventHub *events, gint64 item_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", item_id);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_event_hub_publish_to_admins (events, "equipment-changed", data);
}

/* Takes error; its reason, unless it has one already. */
static void
reply_refusal (LhRequest *request, GError *taken_error, const char *reason)
{
  g_autoptr(GError) error = taken_error;

  lh_error_set_reason (&error, reason);
  lh_request_reply_error (request, error);
}

/* Every member is one of members; fixed ones say they are fixed. */
static const char *
check_members (JsonObject *object, const char * const *members, GError **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    {
      if (g_strv_contains (members, l->data))
        continue;
      if (g_strv_contains (fixed_members, l->data))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "An item's “%s” does not change: retire it and add a "
                       "new one", (const char *) l->data);
          return "field-not-editable";
        }
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“%s” is not a member of this body",
                   (const char *) l->data);
      return "body-invalid";
    }
  return NULL;
}

/* An optional string member: absent or null leaves *out_value NULL. */
static gboolean
optional_string (JsonObject *object, const char *member, const char **out_value, GError **error)
{
  *out_value = NULL;
  return !lh_json_has (object, member) || lh_json_get_string (object, member, out_value, error);
}

/* "pc_id": absent keeps the PC (0); null unlinks it; else the PC's id,
 * one that is no PC being refused by core as "pc-unknown". */
static gboolean
pc_member (JsonObject *object, gint64 *out_resource_id, GError **error)
{
  gint64 id;

  *out_resource_id = 0;
  if (!json_object_has_member (object, "pc_id"))
    return TRUE;
  if (json_object_get_null_member (object, "pc_id"))
    {
      *out_resource_id = LH_EQUIPMENT_NO_PC;
      return TRUE;
    }
  if (!lh_json_get_int (object, "pc_id", &id, error))
    return FALSE;
  /* Not 0 or below, which mean "keep" and "none" to core. */
  if (id <= 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "There is no PC %" G_GINT64_FORMAT, id);
      lh_error_set_reason (error, "pc-unknown");
      return FALSE;
    }
  *out_resource_id = id;
  return TRUE;
}

/* The PCs whose day may look different now: the kiosks draw them again;
 * the learners moved off them are told where they go. */
static void
publish_changes (LhRequest *request, const LhEquipment *item, gint64 old_resource_id, GPtrArray *moves)
{
  gint64 resources[] = { item->resource_id, old_resource_id };

  lh_routes_tell_moved_learners (request, moves);
  for (guint i = 0; i < G_N_ELEMENTS (resources); i++)
    if (resources[i] != 0 && (i == 0 || resources[i] != resources[0]))
      {
        g_autoptr(JsonNode) availability = lh_json_availability_change (resources[i], request->now,
                                                                         request->centre->tz);

        lh_event_hub_publish (request->events, "availability-changed", availability, 0);
      }
  lh_routes_publish_equipment_changed (request->events, item->id);
  /* Newly linked, it took over any faults its PC had on its own, and
   * their notices (lh-fault-adopt.c): the admins' lists are drawn again.
   * Told on every link, rather than counting the faults through the save. */
  if (item->resource_id != 0 && item->resource_id != old_resource_id)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) faults_changed = NULL;

      json_builder_begin_object (builder);
      lh_json_add_int (builder, "fault_id", 0);
      json_builder_end_object (builder);
      faults_changed = json_builder_get_root (builder);
      lh_event_hub_publish_to_admins (request->events, "faults-changed", faults_changed);
      lh_routes_publish_admin_notices (request->store, request->events);
      /* A fault it joined may be older, so overdue sooner. */
      lh_housekeeper_reschedule (request->housekeeper);
    }
}

void
lh_route_add_equipment (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autofree char *name = NULL;
  LhEquipmentFields fields = { 0 };
  LhEquipmentActor actor;
  const char *note = NULL, *reason;
  JsonObject *object;

  body = lh_request_body_object (request, &error);
  object = body != NULL ? json_node_get_object (body) : NULL;
  if (object == NULL || !lh_json_get_string (object, "asset_tag", &fields.asset_tag, &error) ||
      !lh_json_get_string (object, "kind", &fields.kind, &error) ||
      !optional_string (object, "description", &fields.description, &error) ||
      !optional_string (object, "location", &fields.location, &error) ||
      !optional_string (object, "note", &note, &error) || !pc_member (object, &fields.resource_id, &error))
    {
      reply_refusal (request, g_steal_pointer (&error), "body-invalid");
      return;
    }
  reason = check_members (object, add_members, &error);
  if (reason != NULL)
    {
      reply_refusal (request, g_steal_pointer (&error), reason);
      return;
    }
  /* "null" on a new item is no PC, as leaving it out is. */
  if (fields.resource_id == LH_EQUIPMENT_NO_PC)
    fields.resource_id = 0;
  if (!lh_routes_admin_actor (request, &actor, &name, &error) ||
      (item = lh_equipment_add (request->store, request->centre, &fields, &actor, note, request->now, &moves,
                                &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  g_message ("Admin %" G_GINT64_FORMAT " added %s", actor.actor_id, item->asset_tag);
  lh_routes_reply_equipment_change (request, 201, item, moves);
  publish_changes (request, item, 0, moves);
}

void
lh_route_edit_equipment (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhEquipment) old = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autofree char *name = NULL;
  LhEquipmentEdit edit = { 0 };
  LhEquipmentActor actor;
  const char *note = NULL, *reason;
  JsonObject *object;

  body = lh_request_body_object (request, &error);
  object = body != NULL ? json_node_get_object (body) : NULL;
  if (object == NULL || !optional_string (object, "description", &edit.description, &error) ||
      !optional_string (object, "location", &edit.location, &error) ||
      !optional_string (object, "note", &note, &error) || !pc_member (object, &edit.resource_id, &error))
    {
      reply_refusal (request, g_steal_pointer (&error), "body-invalid");
      return;
    }
  reason = check_members (object, edit_members, &error);
  if (reason != NULL)
    {
      reply_refusal (request, g_steal_pointer (&error), reason);
      return;
    }
  /* Read first for the PC it leaves, whose day changes too. */
  old = lh_equipment_get_by_id (request->store, request->path_id, &error);
  if (old == NULL)
    {
      reply_refusal (request, g_steal_pointer (&error), "item-not-found");
      return;
    }
  if (!lh_routes_admin_actor (request, &actor, &name, &error) ||
      (item = lh_equipment_edit (request->store, request->centre, old->id, &edit, &actor, note, request->now,
                                 &moves, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  g_message ("Admin %" G_GINT64_FORMAT " edited %s", actor.actor_id, item->asset_tag);
  lh_routes_reply_equipment_change (request, 200, item, moves);
  publish_changes (request, item, old->resource_id, moves);
}
