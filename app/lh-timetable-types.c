/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-timetable-types"

#include "lh-timetable-types.h"

#include <gio/gio.h>

#include "lh-types.h"

/* ---- reading ---------------------------------------------------------- */

static gboolean
get_int (JsonObject  *object,
         const char  *member,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Field “%s” is missing or not a whole number", member);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

/* Returns: (transfer full) the string, or NULL with error if required. */
static char *
get_string (JsonObject  *object,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (required || (node != NULL && !JSON_NODE_HOLDS_NULL (node)))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "Field “%s” is missing or not a string", member);
  return NULL;
}

static char *
get_optional_string (JsonObject  *object,
                     const char  *member,
                     GError     **error)
{
  GError *local_error = NULL;
  char *text = get_string (object, member, FALSE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* ---- rooms ------------------------------------------------------------ */

void
lh_room_free (LhRoom *room)
{
  if (room == NULL)
    return;
  g_free (room->name);
  g_free (room);
}

LhRoom *
lh_room_from_json (JsonObject  *object,
                   GError     **error)
{
  g_autoptr(LhRoom) room = g_new0 (LhRoom, 1);
  g_autofree char *kind = NULL;
  gint64 capacity;

  g_return_val_if_fail (object != NULL, NULL);

  kind = get_string (object, "kind", TRUE, error);
  if (kind == NULL)
    return NULL;
  if (!g_str_equal (kind, "room"))
    return NULL;
  if (!get_int (object, "id", &room->id, error) ||
      !get_int (object, "capacity", &capacity, error))
    return NULL;
  room->capacity = (int) CLAMP (capacity, 1, G_MAXINT);
  room->name = get_string (object, "name", TRUE, error);
  if (room->name == NULL)
    return NULL;
  return g_steal_pointer (&room);
}

/* ---- assessment slots ------------------------------------------------- */

void
lh_offered_slot_free (LhOfferedSlot *slot)
{
  if (slot == NULL)
    return;
  g_free (slot->subject);
  g_free (slot->assessor);
  g_free (slot->learner);
  g_free (slot->place);
  g_clear_pointer (&slot->start, g_date_time_unref);
  g_clear_pointer (&slot->end, g_date_time_unref);
  g_free (slot);
}

LhOfferedSlot *
lh_offered_slot_from_json (JsonObject  *object,
                           GTimeZone   *tz,
                           GError     **error)
{
  g_autoptr(LhOfferedSlot) slot = g_new0 (LhOfferedSlot, 1);
  GError *local_error = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_int (object, "id", &slot->id, error))
    return NULL;
  slot->subject = get_string (object, "subject", TRUE, error);
  if (slot->subject == NULL)
    return NULL;
  if (!get_int (object, "assessor_id", &slot->assessor_id, error))
    return NULL;
  slot->assessor = get_string (object, "assessor", TRUE, error);
  if (slot->assessor == NULL)
    return NULL;
  slot->start = lh_parse_time (object, "start", tz, error);
  if (slot->start == NULL)
    return NULL;
  slot->end = lh_parse_time (object, "end", tz, error);
  if (slot->end == NULL)
    return NULL;
  slot->place = get_optional_string (object, "place", &local_error);
  if (local_error == NULL)
    slot->learner = get_optional_string (object, "learner", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  slot->taken = json_object_get_boolean_member_with_default (object, "taken", FALSE);
  return g_steal_pointer (&slot);
}

/* ---- what to send ----------------------------------------------------- */

static void
set_time (JsonObject *object,
          const char *member,
          GDateTime  *time)
{
  /* Always with its offset: the daemon refuses a time without one. */
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");

  json_object_set_string_member (object, member, text);
}

void
lh_group_plan_free (LhGroupPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->room_name);
  g_free (plan->title);
  g_free (plan->topic);
  g_clear_pointer (&plan->start, g_date_time_unref);
  g_clear_pointer (&plan->end, g_date_time_unref);
  g_free (plan);
}

JsonObject *
lh_group_plan_to_json (const LhGroupPlan *plan)
{
  JsonObject *body = json_object_new ();

  g_return_val_if_fail (plan != NULL, NULL);

  json_object_set_int_member (body, "resource_id", plan->room_id);
  json_object_set_string_member (body, "title", plan->title);
  if (plan->topic != NULL)
    json_object_set_string_member (body, "topic", plan->topic);
  set_time (body, "start", plan->start);
  set_time (body, "end", plan->end);
  json_object_set_int_member (body, "capacity", plan->capacity);
  json_object_set_int_member (body, "weeks", plan->weeks);
  return body;
}

void
lh_slot_plan_free (LhSlotPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->subject);
  g_free (plan->place);
  g_clear_pointer (&plan->start, g_date_time_unref);
  g_clear_pointer (&plan->end, g_date_time_unref);
  g_free (plan);
}

JsonObject *
lh_slot_plan_to_json (const LhSlotPlan *plan)
{
  JsonObject *body = json_object_new ();

  g_return_val_if_fail (plan != NULL, NULL);

  json_object_set_string_member (body, "subject", plan->subject);
  set_time (body, "start", plan->start);
  set_time (body, "end", plan->end);
  if (plan->place != NULL)
    json_object_set_string_member (body, "place", plan->place);
  return body;
}
