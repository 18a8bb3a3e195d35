/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for skills assessment slots. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-assessments.h"

#include "lh-client-private.h"

static gpointer
parse_slots (LhClient    *self,
             JsonObject  *body,
             GError     **error)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_assessment_slot_free);
  JsonNode *node = json_object_get_member (body, "assessment_slots");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No assessment_slots list");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      LhAssessmentSlot *slot;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "An item of assessment_slots is not an object");
          return NULL;
        }
      slot = lh_assessment_slot_from_json (json_node_get_object (element),
                                           lh_client_get_time_zone (self), &local_error);
      /* A subject added to the daemon later: not one this kiosk can name. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
        {
          g_debug ("Leaving out a slot: %s", local_error->message);
          continue;
        }
      if (slot == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (slots, slot);
    }
  return g_steal_pointer (&slots);
}

void
lh_client_list_assessment_slots_async (LhClient            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/assessment-slots", NULL, LH_AUTH_SESSION_OR_DEVICE, parse_slots,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_assessment_slots_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_assessment_slots_finish (LhClient      *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_assessment_slots_async, error);
}

void
lh_client_give_back_assessment_slot_async (LhClient            *self,
                                           gint64               slot_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/assessment-slots/%" G_GINT64_FORMAT "/booking", slot_id);
  lh_client_send_request (self, "DELETE", path, NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_give_back_assessment_slot_async, cancellable, callback, user_data);
}

gboolean
lh_client_give_back_assessment_slot_finish (LhClient      *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return lh_client_check_done (self, result, lh_client_give_back_assessment_slot_async, error);
}
