/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for asking a ULR for advice, as a learner. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-advice.h"

#include "lh-client-private.h"
#include "lh-json-read.h"

/* ---- drop-ins and slots ----------------------------------------------- */

static gpointer
parse_dropins (LhClient    *self,
               JsonObject  *body,
               GError     **error)
{
  return lh_json_read_list (body, "dropins", TRUE, (LhJsonItemParse) lh_dropin_from_json,
                            (GDestroyNotify) lh_dropin_free, lh_client_get_time_zone (self), error);
}

void
lh_client_list_dropins_async (LhClient            *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/dropins", NULL, LH_AUTH_SESSION_OR_DEVICE, parse_dropins,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_dropins_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_dropins_finish (LhClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_dropins_async, error);
}

static gpointer
parse_slots (LhClient    *self,
             JsonObject  *body,
             GError     **error)
{
  return lh_json_read_list (body, "advice_slots", TRUE, (LhJsonItemParse) lh_advice_slot_from_json,
                            (GDestroyNotify) lh_advice_slot_free, lh_client_get_time_zone (self), error);
}

void
lh_client_list_advice_slots_async (LhClient            *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/advice-slots", NULL, LH_AUTH_SESSION_OR_DEVICE, parse_slots,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_advice_slots_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_advice_slots_finish (LhClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_advice_slots_async, error);
}

/* ---- a request -------------------------------------------------------- */

static gpointer
parse_request (LhClient    *self,
               JsonObject  *body,
               GError     **error)
{
  return lh_advice_request_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_ask_advice_async (LhClient            *self,
                            const LhAdvicePlan  *plan,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (plan != NULL);
  g_return_if_fail (plan->topic < LH_N_TOPICS && plan->contact < LH_N_CONTACTS);

  json_object_set_string_member (body, "topic", lh_topic_to_string (plan->topic));
  json_object_set_string_member (body, "mode", plan->appointment ? "appointment" : "queue");
  json_object_set_string_member (body, "contact", lh_contact_to_string (plan->contact));
  if (plan->contact_detail != NULL)
    json_object_set_string_member (body, "contact_detail", plan->contact_detail);
  if (plan->note != NULL && *plan->note != '\0')
    json_object_set_string_member (body, "note", plan->note);
  if (plan->appointment)
    json_object_set_int_member (body, "slot_id", plan->slot_id);
  else if (plan->dropin_id != 0)
    json_object_set_int_member (body, "dropin_id", plan->dropin_id);
  lh_client_send_request (self, "POST", "/advice-requests", body, LH_AUTH_SESSION, parse_request,
                          (GDestroyNotify) lh_advice_request_free, lh_client_ask_advice_async,
                          cancellable, callback, user_data);
}

LhAdviceRequest *
lh_client_ask_advice_finish (LhClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_ask_advice_async, error);
}

void
lh_client_get_advice_request_async (LhClient            *self,
                                    gint64               request_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT, request_id);
  lh_client_send_request (self, "GET", path, NULL, LH_AUTH_SESSION, parse_request,
                          (GDestroyNotify) lh_advice_request_free, lh_client_get_advice_request_async,
                          cancellable, callback, user_data);
}

LhAdviceRequest *
lh_client_get_advice_request_finish (LhClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_advice_request_async, error);
}

void
lh_client_withdraw_advice_async (LhClient            *self,
                                 gint64               request_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/advice-requests/%" G_GINT64_FORMAT, request_id);
  lh_client_send_request (self, "DELETE", path, NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_withdraw_advice_async, cancellable, callback, user_data);
}

gboolean
lh_client_withdraw_advice_finish (LhClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return lh_client_check_done (self, result, lh_client_withdraw_advice_async, error);
}

/* ---- the record ------------------------------------------------------- */

static gpointer
parse_record (LhClient    *self,
              JsonObject  *body,
              GError     **error)
{
  return lh_advice_record_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_get_advice_record_async (LhClient            *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/me/record", NULL, LH_AUTH_SESSION, parse_record,
                          (GDestroyNotify) lh_advice_record_free, lh_client_get_advice_record_async,
                          cancellable, callback, user_data);
}

LhAdviceRecord *
lh_client_get_advice_record_finish (LhClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_advice_record_async, error);
}

static gpointer
ulr_parse (JsonObject *object, GTimeZone *tz, GError **error)
{
  return lh_ulr_from_json (object, error);
}

static gpointer
parse_ulrs (LhClient    *self,
            JsonObject  *body,
            GError     **error)
{
  return lh_json_read_list (body, "ulrs", TRUE, ulr_parse, (GDestroyNotify) lh_ulr_free, NULL, error);
}

void
lh_client_list_ulrs_async (LhClient            *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/ulrs", NULL, LH_AUTH_SESSION_OR_DEVICE, parse_ulrs,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_ulrs_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_ulrs_finish (LhClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_ulrs_async, error);
}

void
lh_client_share_record_async (LhClient            *self,
                              gint64               ulr_id,
                              gboolean             share,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  if (share)
    {
      g_autoptr(JsonObject) body = json_object_new ();

      json_object_set_int_member (body, "ulr_id", ulr_id);
      lh_client_send_request (self, "POST", "/me/record/shares", body, LH_AUTH_SESSION, NULL, NULL,
                              lh_client_share_record_async, cancellable, callback, user_data);
    }
  else
    {
      g_autofree char *path = g_strdup_printf ("/me/record/shares/%" G_GINT64_FORMAT, ulr_id);

      lh_client_send_request (self, "DELETE", path, NULL, LH_AUTH_SESSION, NULL, NULL,
                              lh_client_share_record_async, cancellable, callback, user_data);
    }
}

gboolean
lh_client_share_record_finish (LhClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return lh_client_check_done (self, result, lh_client_share_record_async, error);
}

void
lh_client_ask_record_deletion_async (LhClient            *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "POST", "/me/record/deletion", NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_ask_record_deletion_async, cancellable, callback, user_data);
}

gboolean
lh_client_ask_record_deletion_finish (LhClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return lh_client_check_done (self, result, lh_client_ask_record_deletion_async, error);
}

static gpointer
parse_plan_item (LhClient    *self,
                 JsonObject  *body,
                 GError     **error)
{
  return lh_plan_item_from_json (body, error);
}

void
lh_client_set_plan_item_done_async (LhClient            *self,
                                    gint64               item_id,
                                    gboolean             done,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  json_object_set_boolean_member (body, "done", done);
  path = g_strdup_printf ("/plan-items/%" G_GINT64_FORMAT "/done", item_id);
  lh_client_send_request (self, "POST", path, body, LH_AUTH_SESSION, parse_plan_item,
                          (GDestroyNotify) lh_plan_item_free, lh_client_set_plan_item_done_async,
                          cancellable, callback, user_data);
}

LhPlanItem *
lh_client_set_plan_item_done_finish (LhClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_set_plan_item_done_async, error);
}
