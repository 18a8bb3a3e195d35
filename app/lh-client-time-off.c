/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for paid time off for learning. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-time-off.h"

#include "lh-client-private.h"

/* ---- the balance ------------------------------------------------------ */

/* The daemon says a decision once, whoever asked: keep it until shown. */
static void
keep_decisions (LhClient  *self,
                GPtrArray *decisions)
{
  GPtrArray *kept = lh_client_get_time_off_decisions (self);

  for (guint i = 0; i < decisions->len; i++)
    {
      const LhTimeOff *decision = g_ptr_array_index (decisions, i);
      gboolean known = FALSE;

      for (guint j = 0; j < kept->len && !known; j++)
        known = ((const LhTimeOff *) g_ptr_array_index (kept, j))->id == decision->id;
      if (!known)
        g_ptr_array_add (kept, lh_time_off_copy (decision));
    }
}

static gpointer
parse_balance (LhClient    *self,
               JsonObject  *body,
               GError     **error)
{
  LhTimeOffBalance *balance = lh_time_off_balance_from_json (body, lh_client_get_time_zone (self), error);

  /* Signed out meanwhile: what came was the last person's. */
  if (balance != NULL && lh_client_is_signed_in (self))
    keep_decisions (self, balance->decisions);
  return balance;
}

void
lh_client_get_my_time_off_async (LhClient            *self,
                                 const char          *date,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  if (date != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (date, NULL, FALSE);

      path = g_strconcat ("/me/time-off?date=", escaped, NULL);
    }
  lh_client_send_request (self, "GET", path != NULL ? path : "/me/time-off", NULL, LH_AUTH_SESSION,
                          parse_balance, (GDestroyNotify) lh_time_off_balance_free,
                          lh_client_get_my_time_off_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) */
LhTimeOffBalance *
lh_client_get_my_time_off_finish (LhClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_my_time_off_async, error);
}

GPtrArray *
lh_client_take_time_off_decisions (LhClient *self)
{
  GPtrArray *kept;
  GPtrArray *taken;

  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);

  kept = lh_client_get_time_off_decisions (self);
  taken = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_time_off_free);
  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (taken, lh_time_off_copy (g_ptr_array_index (kept, i)));
  g_ptr_array_set_size (kept, 0);
  return taken;
}

/* ---- booking as work time or own time --------------------------------- */

static gpointer
parse_booking (LhClient    *self,
               JsonObject  *body,
               GError     **error)
{
  return lh_booking_from_json (body, lh_client_get_time_zone (self), error);
}

static void
set_utc_member (JsonObject *object,
                const char *member,
                GDateTime  *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  json_object_set_string_member (object, member, text);
}

void
lh_client_book_paid_async (LhClient            *self,
                           gint64               resource_id,
                           GDateTime           *start,
                           GDateTime           *end,
                           gboolean             paid,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (start != NULL);
  g_return_if_fail (end != NULL);

  json_object_set_int_member (object, "resource_id", resource_id);
  set_utc_member (object, "start", start);
  set_utc_member (object, "end", end);
  json_object_set_boolean_member (object, "paid", paid);
  lh_client_send_request (self, "POST", "/bookings", object, LH_AUTH_SESSION, parse_booking,
                          (GDestroyNotify) lh_booking_free, lh_client_book_paid_async,
                          cancellable, callback, user_data);
}

LhBooking *
lh_client_book_paid_finish (LhClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_book_paid_async, error);
}

/* A group place and a skills check are asked for alike: a POST of whose
 * time it is, to the route of the thing booked. */
static void
post_paid (LhClient            *self,
           const char          *path,
           gboolean             paid,
           LhParseFunc          parse,
           GDestroyNotify       result_free,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  json_object_set_boolean_member (body, "paid", paid);
  lh_client_send_request (self, "POST", path, body, LH_AUTH_SESSION, parse, result_free, source_tag,
                          cancellable, callback, user_data);
}

static gpointer
parse_place (LhClient    *self,
             JsonObject  *body,
             GError     **error)
{
  return lh_group_place_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_join_group_paid_async (LhClient            *self,
                                 gint64               session_id,
                                 gboolean             paid,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places", session_id);
  post_paid (self, path, paid, parse_place, (GDestroyNotify) lh_group_place_free,
             lh_client_join_group_paid_async, cancellable, callback, user_data);
}

LhGroupPlace *
lh_client_join_group_paid_finish (LhClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_join_group_paid_async, error);
}

static gpointer
parse_slot (LhClient    *self,
            JsonObject  *body,
            GError     **error)
{
  return lh_assessment_slot_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_book_assessment_paid_async (LhClient            *self,
                                      gint64               slot_id,
                                      gboolean             paid,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/assessment-slots/%" G_GINT64_FORMAT "/booking", slot_id);
  post_paid (self, path, paid, parse_slot, (GDestroyNotify) lh_assessment_slot_free,
             lh_client_book_assessment_paid_async, cancellable, callback, user_data);
}

LhAssessmentSlot *
lh_client_book_assessment_paid_finish (LhClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_book_assessment_paid_async, error);
}
