/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for setting up the timetable (ULRs and admins): the
 * rooms, a group study session or a weekly series of them, a skills
 * assessment slot, and the slots as their assessor sees them. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-private.h"

/* The array @member of @body as objects, or NULL with error. */
static JsonArray *
get_objects (JsonObject  *body,
             const char  *member,
             GError     **error)
{
  JsonNode *node = json_object_get_member (body, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No %s list", member);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "An item of %s is not an object", member);
        return NULL;
      }
  return array;
}

/* ---- rooms ------------------------------------------------------------ */

static gpointer
parse_rooms (LhClient    *self,
             JsonObject  *body,
             GError     **error)
{
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_room_free);
  JsonArray *array = get_objects (body, "resources", error);

  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) local_error = NULL;
      LhRoom *room = lh_room_from_json (json_array_get_object_element (array, i), &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (room != NULL)
        g_ptr_array_add (rooms, room);
    }
  return g_steal_pointer (&rooms);
}

void
lh_client_list_rooms_async (LhClient            *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/resources", NULL, LH_AUTH_SESSION_OR_DEVICE, parse_rooms,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_rooms_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_rooms_finish (LhClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_rooms_async, error);
}

/* ---- a group or a slot, set up ---------------------------------------- */

/* POSTs body (transfer full) as the person; the task returns parse's
 * result, freed with result_free. */
static void
post_plan (LhClient            *self,
           const char          *path,
           JsonObject          *body,
           LhParseFunc          parse,
           GDestroyNotify       result_free,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(JsonObject) owned = body;

  lh_client_send_request (self, "POST", path, owned, LH_AUTH_SESSION, parse, result_free,
                          source_tag, cancellable, callback, user_data);
}


static gpointer
parse_group_session (LhClient    *self,
                     JsonObject  *body,
                     GError     **error)
{
  return lh_group_session_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_create_group_session_async (LhClient            *self,
                                      const LhGroupPlan   *plan,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (plan != NULL);

  post_plan (self, "/group-sessions", lh_group_plan_to_json (plan), parse_group_session,
             (GDestroyNotify) lh_group_session_free, lh_client_create_group_session_async,
             cancellable, callback, user_data);
}

LhGroupSession *
lh_client_create_group_session_finish (LhClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_create_group_session_async, error);
}

/* ---- assessment slots ------------------------------------------------- */

static gpointer
parse_offered_slot (LhClient    *self,
                    JsonObject  *body,
                    GError     **error)
{
  return lh_offered_slot_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_offer_assessment_slot_async (LhClient            *self,
                                       const LhSlotPlan    *plan,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (plan != NULL);

  post_plan (self, "/assessment-slots", lh_slot_plan_to_json (plan), parse_offered_slot,
             (GDestroyNotify) lh_offered_slot_free, lh_client_offer_assessment_slot_async,
             cancellable, callback, user_data);
}

LhOfferedSlot *
lh_client_offer_assessment_slot_finish (LhClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_offer_assessment_slot_async, error);
}

static gpointer
parse_offered_slots (LhClient    *self,
                     JsonObject  *body,
                     GError     **error)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_offered_slot_free);
  JsonArray *array = get_objects (body, "assessment_slots", error);

  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      LhOfferedSlot *slot = lh_offered_slot_from_json (json_array_get_object_element (array, i),
                                                       lh_client_get_time_zone (self), error);

      if (slot == NULL)
        return NULL;
      g_ptr_array_add (slots, slot);
    }
  return g_steal_pointer (&slots);
}

void
lh_client_list_offered_slots_async (LhClient            *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  /* The daemon's default: from today, for 14 days. */
  lh_client_send_request (self, "GET", "/assessment-slots", NULL, LH_AUTH_SESSION, parse_offered_slots,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_offered_slots_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_offered_slots_finish (LhClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_offered_slots_async, error);
}
