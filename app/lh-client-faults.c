/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for reporting a fault from the kiosk. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-faults.h"

#include "lh-client-private.h"
#include "lh-booking-notice.h"
#include "lh-json-read.h"

void
lh_fault_pc_free (LhFaultPc *pc)
{
  if (pc == NULL)
    return;
  g_free (pc->name);
  g_free (pc);
}

/* ---- the PCs ---------------------------------------------------------- */

/* A resource: *out_pc NULL when it is not a PC. */
static gboolean
parse_pc (JsonObject  *object,
          LhFaultPc  **out_pc,
          GError     **error)
{
  g_autoptr(LhFaultPc) pc = g_new0 (LhFaultPc, 1);
  g_autofree char *kind = NULL;

  *out_pc = NULL;
  if (!lh_json_read_string (object, "kind", TRUE, &kind, error))
    return FALSE;
  if (!g_str_equal (kind, "pc"))
    return TRUE;
  if (!lh_json_read_int (object, "id", TRUE, &pc->id, error) ||
      !lh_json_read_string (object, "name", TRUE, &pc->name, error))
    return FALSE;
  *out_pc = g_steal_pointer (&pc);
  return TRUE;
}

static gpointer
parse_pcs (LhClient    *self,
           JsonObject  *body,
           GError     **error)
{
  g_autoptr(GPtrArray) pcs = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_pc_free);
  JsonNode *node = json_object_get_member (body, "resources");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No resources list");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      LhFaultPc *pc = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A resource is not an object");
          return NULL;
        }
      if (!parse_pc (json_node_get_object (element), &pc, error))
        return NULL;
      if (pc != NULL)
        g_ptr_array_add (pcs, pc);
    }
  return g_steal_pointer (&pcs);
}

void
lh_client_list_fault_pcs_async (LhClient            *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/resources", NULL, LH_AUTH_DEVICE, parse_pcs,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_fault_pcs_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_fault_pcs_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_fault_pcs_async, error);
}

/* ---- the report ------------------------------------------------------- */

void
lh_fault_report_free (LhFaultReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->moved_until, g_date_time_unref);
  g_free (report);
}

static gpointer
parse_report (LhClient    *self,
              JsonObject  *body,
              GError     **error)
{
  g_autoptr(LhFaultReport) report = g_new0 (LhFaultReport, 1);
  JsonNode *fault = json_object_get_member (body, "fault");

  if (fault == NULL || !JSON_NODE_HOLDS_OBJECT (fault))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No fault in the answer");
      return NULL;
    }
  if (!lh_json_read_bool (body, "joined", &report->joined, error) ||
      !lh_json_read_bool (json_node_get_object (fault), "stops_use", &report->stops_use, error) ||
      !lh_json_read_small_int (body, "bookings_moved", &report->bookings_moved, error) ||
      !lh_json_read_small_int (body, "bookings_cancelled", &report->bookings_cancelled, error) ||
      !lh_json_read_time (body, "bookings_moved_until", FALSE, lh_client_get_time_zone (self), &report->moved_until,
                          error))
    return NULL;
  return g_steal_pointer (&report);
}

void
lh_client_report_fault_async (LhClient            *self,
                              const char          *category,
                              const char          *note,
                              gint64               resource_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (category != NULL);

  json_object_set_string_member (body, "category", category);
  if (note != NULL && note[0] != '\0')
    json_object_set_string_member (body, "note", note);
  if (resource_id != 0)
    json_object_set_int_member (body, "resource_id", resource_id);
  /* The device's token: nobody need be signed in to say a PC is broken. */
  lh_client_send_request (self, "POST", "/faults", body, LH_AUTH_DEVICE, parse_report, (GDestroyNotify) lh_fault_report_free,
                          lh_client_report_fault_async, cancellable, callback, user_data);
}

LhFaultReport *
lh_client_report_fault_finish (LhClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_report_fault_async, error);
}

/* ---- booking notices shown ------------------------------------------- */

static void
notices_seen_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Not marked: the daemon tells them again at the next sign-in. */
  if (!lh_client_check_done (LH_CLIENT (source), result, lh_client_booking_notices_shown, &error))
    g_debug ("The booking notices shown stay to be told: %s", error->message);
}

void
lh_client_booking_notices_shown (LhClient  *self,
                                 GPtrArray *notices)
{
  g_autoptr(JsonObject) body = NULL;
  JsonArray *ids;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (notices != NULL);

  if (notices->len == 0 || !lh_client_is_signed_in (self))
    return;
  body = json_object_new ();
  ids = json_array_new ();
  for (guint i = 0; i < notices->len; i++)
    json_array_add_int_element (ids, ((LhBookingNotice *) g_ptr_array_index (notices, i))->notice_id);
  /* The ids of the outcomes drawn: one rewritten since stays to be told. */
  json_object_set_array_member (body, "notice_ids", ids);
  lh_client_send_request (self, "POST", "/me/notices/seen", body, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_booking_notices_shown, NULL, notices_seen_cb, NULL);
}
