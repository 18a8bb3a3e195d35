/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for My bookings: the rules' check-in hold and the
 * person's own assessment slots over a range of days. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-assessment-slot.h"
#include "lh-client-private.h"

/* ---- the rules -------------------------------------------------------- */

static gpointer
parse_hold_minutes (LhClient    *self,
                    JsonObject  *body,
                    GError     **error)
{
  JsonObject *in_force = json_object_get_object_member (body, "in_force");
  JsonNode *node = in_force ? json_object_get_member (in_force, "hold_minutes") : NULL;
  int *hold;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No in_force.hold_minutes");
      return NULL;
    }
  hold = g_new (int, 1);
  *hold = (int) CLAMP (json_node_get_int (node), 0, 24 * 60);
  return hold;
}

void
lh_client_get_hold_minutes_async (LhClient            *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/rules", NULL, LH_AUTH_SESSION_OR_DEVICE, parse_hold_minutes,
                          g_free, lh_client_get_hold_minutes_async, cancellable, callback, user_data);
}

gboolean
lh_client_get_hold_minutes_finish (LhClient      *self,
                                   GAsyncResult  *result,
                                   int           *out_minutes,
                                   GError       **error)
{
  g_autofree int *hold = lh_client_check_finish (self, result, lh_client_get_hold_minutes_async, error);

  if (hold == NULL)
    return FALSE;
  if (out_minutes != NULL)
    *out_minutes = *hold;
  return TRUE;
}

/* ---- the person's assessment slots ------------------------------------ */

static gpointer
parse_my_slots (LhClient    *self,
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
      g_autoptr(LhAssessmentSlot) slot = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "An item of assessment_slots is not an object");
          return NULL;
        }
      /* Only the person's own; the rest are not theirs to see here. */
      if (!json_object_get_boolean_member_with_default (json_node_get_object (element), "mine", FALSE))
        continue;
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
      g_ptr_array_add (slots, g_steal_pointer (&slot));
    }
  return g_steal_pointer (&slots);
}

void
lh_client_list_my_assessment_slots_async (LhClient            *self,
                                          const char          *from,
                                          const char          *to,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *from_escaped = NULL;
  g_autofree char *to_escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (from != NULL && to != NULL);

  from_escaped = g_uri_escape_string (from, NULL, FALSE);
  to_escaped = g_uri_escape_string (to, NULL, FALSE);
  path = g_strdup_printf ("/assessment-slots?from=%s&to=%s", from_escaped, to_escaped);
  lh_client_send_request (self, "GET", path, NULL, LH_AUTH_SESSION, parse_my_slots,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_my_assessment_slots_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_my_assessment_slots_finish (LhClient      *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_my_assessment_slots_async, error);
}
