/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls, one per route of data/api/learnhub-api.md. */
#define G_LOG_DOMAIN "lh-client"

#include <json-glib/json-glib.h>

#include "lh-booking-notice.h"
#include "lh-client-private.h"
#include "lh-client-time-off.h"
#include "lh-json-read.h"
#include "lh-may.h"
#include "lh-settings.h"

/* ---- health ----------------------------------------------------------- */

static gpointer
parse_health (LhClient    *self,
              JsonObject  *body,
              GError     **error)
{
  const char *zone = json_object_get_string_member_with_default (body, "timezone", NULL);
  g_autoptr(GTimeZone) tz = zone ? g_time_zone_new_identifier (zone) : NULL;

  if (tz != NULL)
    lh_client_set_time_zone (self, tz);
  lh_client_read_idle_timing (self, body);
  return GINT_TO_POINTER (TRUE);
}

void
lh_client_get_health_async (LhClient            *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/health", NULL, LH_AUTH_NONE, parse_health, NULL,
                          lh_client_get_health_async, cancellable, callback, user_data);
}

gboolean
lh_client_get_health_finish (LhClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_health_async, error) != NULL;
}

/* ---- sessions --------------------------------------------------------- */

/* The sign-in's `notices`: what happened while the person was away. One
 * that is not understood is skipped, never a reason to refuse the
 * sign-in. */
static GPtrArray *
parse_promotions (LhClient   *self,
                  JsonObject *body)
{
  GPtrArray *promotions = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_group_session_free);
  JsonNode *node = json_object_get_member (body, "notices");
  JsonArray *notices;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return promotions;
  notices = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonNode *item = json_array_get_element (notices, i);
      JsonObject *notice = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      JsonNode *session_node = notice ? json_object_get_member (notice, "group_session") : NULL;
      g_autoptr(GError) error = NULL;
      LhGroupSession *session;

      if (notice == NULL ||
          g_strcmp0 (json_object_get_string_member_with_default (notice, "type", NULL),
                     "waiting-list-promoted") != 0 ||
          session_node == NULL || !JSON_NODE_HOLDS_OBJECT (session_node))
        continue;
      session = lh_group_session_from_json (json_node_get_object (session_node),
                                            lh_client_get_time_zone (self), &error);
      if (session == NULL)
        {
          g_debug ("Ignoring a notice: %s", error->message);
          continue;
        }
      g_ptr_array_add (promotions, session);
    }
  return promotions;
}

/* The sign-in's notices of bookings moved or cancelled off a PC out of
 * order; any other notice is another parser's. */
static GPtrArray *
parse_booking_notices (LhClient   *self,
                       JsonObject *body)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_booking_notice_free);
  JsonNode *node = json_object_get_member (body, "notices");
  JsonArray *notices;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return found;
  notices = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (notices); i++)
    {
      JsonNode *item = json_array_get_element (notices, i);
      g_autoptr(GError) error = NULL;
      LhBookingNotice *notice;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      notice = lh_booking_notice_from_json (json_node_get_object (item), lh_client_get_time_zone (self), &error);
      if (notice != NULL)
        g_ptr_array_add (found, notice);
      else
        g_debug ("Not a booking notice: %s", error->message);
    }
  return found;
}

static gpointer
parse_session (LhClient    *self,
               JsonObject  *body,
               GError     **error)
{
  const char *token = json_object_get_string_member_with_default (body, "token", NULL);
  JsonObject *person_object = json_object_get_object_member (body, "person");
  g_autoptr(LhPerson) person = NULL;
  g_autoptr(LhUsage) usage = NULL;

  if (token == NULL || person_object == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "No token or person");
      return NULL;
    }
  person = lh_person_from_json (person_object, error);
  if (person == NULL)
    return NULL;
  lh_person_read_may_limits (person, body);
  lh_person_read_settings (person, body);
  if (json_object_has_member (body, "limits") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "limits")))
    lh_client_read_idle_timing (self, json_object_get_object_member (body, "limits"));
  /* On a PC's own kiosk, signing in is sitting down at it. */
  if (!lh_usage_member_from_json (body, lh_client_get_time_zone (self), &usage, error))
    return NULL;

  lh_client_set_usage (self, usage);
  lh_client_set_session (self, token, person);
  lh_client_set_promotions (self, parse_promotions (self, body));
  lh_client_set_booking_notices (self, parse_booking_notices (self, body));
  return g_steal_pointer (&person);
}

void
lh_client_sign_in_async (LhClient            *self,
                         const char          *staff_number,
                         const char          *pin,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (staff_number != NULL);
  g_return_if_fail (pin != NULL);

  json_object_set_string_member (object, "staff_number", staff_number);
  json_object_set_string_member (object, "pin", pin);
  lh_client_send_request (self, "POST", "/sessions", object, LH_AUTH_DEVICE, parse_session,
                          (GDestroyNotify) lh_person_free, lh_client_sign_in_async,
                          cancellable, callback, user_data);
}

/* Returns: (transfer full) the person now signed in. */
LhPerson *
lh_client_sign_in_finish (LhClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_sign_in_async, error);
}

void
lh_client_sign_out_async (LhClient            *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  if (!lh_client_is_signed_in (self))
    {
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, lh_client_sign_out_async);
      g_task_return_boolean (task, TRUE);
      return;
    }

  lh_client_send_request (self, "DELETE", "/sessions/current", NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_sign_out_async, cancellable, callback, user_data);
  /* The kiosk is signed out from now on, whatever the daemon answers. */
  lh_client_forget_session (self);
}

gboolean
lh_client_sign_out_finish (LhClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (g_task_propagate_boolean (G_TASK (result), &local_error))
    return TRUE;
  /* Already gone on the daemon's side: that is what we wanted. */
  if (g_error_matches (local_error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* ---- availability ----------------------------------------------------- */

static gpointer
parse_availability (LhClient    *self,
                    JsonObject  *body,
                    GError     **error)
{
  LhAvailability *availability = lh_availability_from_json (body, error);

  if (availability != NULL)
    lh_client_set_time_zone (self, availability->time_zone);
  return availability;
}

void
lh_client_get_availability_async (LhClient            *self,
                                  const char          *date,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (date != NULL);

  escaped = g_uri_escape_string (date, NULL, FALSE);
  path = g_strconcat ("/availability?date=", escaped, NULL);
  lh_client_send_request (self, "GET", path, NULL, LH_AUTH_SESSION_OR_DEVICE, parse_availability,
                          (GDestroyNotify) lh_availability_free, lh_client_get_availability_async,
                          cancellable, callback, user_data);
}

/* Returns: (transfer full) */
LhAvailability *
lh_client_get_availability_finish (LhClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_availability_async, error);
}

/* ---- bookings --------------------------------------------------------- */

/* Own time, as a paid booking that is not paid: the daemon reads no
 * "paid" as FALSE, so one call serves both. */
void
lh_client_create_booking_async (LhClient            *self,
                                gint64               resource_id,
                                GDateTime           *start,
                                GDateTime           *end,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  lh_client_book_paid_async (self, resource_id, start, end, FALSE, cancellable, callback, user_data);
}

/* Returns: (transfer full) the new booking. */
LhBooking *
lh_client_create_booking_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_book_paid_finish (self, result, error);
}

static gpointer
parse_booking_list (LhClient    *self,
                    JsonObject  *body,
                    GError     **error)
{
  return lh_json_read_list (body, "bookings", TRUE, (LhJsonItemParse) lh_booking_from_json,
                            (GDestroyNotify) lh_booking_free, lh_client_get_time_zone (self), error);
}

void
lh_client_list_my_bookings_async (LhClient            *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/me/bookings", NULL, LH_AUTH_SESSION, parse_booking_list,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_my_bookings_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_my_bookings_finish (LhClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_my_bookings_async, error);
}

void
lh_client_cancel_booking_async (LhClient            *self,
                                gint64               booking_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/bookings/%" G_GINT64_FORMAT, booking_id);
  lh_client_send_request (self, "DELETE", path, NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_cancel_booking_async, cancellable, callback, user_data);
}

gboolean
lh_client_cancel_booking_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_done (self, result, lh_client_cancel_booking_async, error);
}

/* ---- group sessions --------------------------------------------------- */

static gpointer
parse_group_sessions (LhClient    *self,
                      JsonObject  *body,
                      GError     **error)
{
  return lh_json_read_list (body, "group_sessions", TRUE, (LhJsonItemParse) lh_group_session_from_json,
                            (GDestroyNotify) lh_group_session_free, lh_client_get_time_zone (self), error);
}

void
lh_client_list_group_sessions_async (LhClient            *self,
                                     const char          *from,
                                     const char          *to,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GString) path = g_string_new ("/group-sessions");
  char separator = '?';

  g_return_if_fail (LH_IS_CLIENT (self));

  if (from != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (from, NULL, FALSE);

      g_string_append_printf (path, "%cfrom=%s", separator, escaped);
      separator = '&';
    }
  if (to != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (to, NULL, FALSE);

      g_string_append_printf (path, "%cto=%s", separator, escaped);
    }
  lh_client_send_request (self, "GET", path->str, NULL, LH_AUTH_SESSION_OR_DEVICE, parse_group_sessions,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_group_sessions_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_group_sessions_finish (LhClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_group_sessions_async, error);
}

void
lh_client_leave_group_session_async (LhClient            *self,
                                     gint64               session_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/group-sessions/%" G_GINT64_FORMAT "/places/mine", session_id);
  lh_client_send_request (self, "DELETE", path, NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_leave_group_session_async, cancellable, callback, user_data);
}

gboolean
lh_client_leave_group_session_finish (LhClient      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return lh_client_check_done (self, result, lh_client_leave_group_session_async, error);
}

/* ---- guests ----------------------------------------------------------- */

static gpointer
parse_guest (LhClient    *self,
             JsonObject  *body,
             GError     **error)
{
  return lh_guest_from_json (body, error);
}

void
lh_client_register_guest_async (LhClient            *self,
                                const char          *name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonObject) object = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (name != NULL);

  json_object_set_string_member (object, "name", name);
  lh_client_send_request (self, "POST", "/guests", object, LH_AUTH_SESSION, parse_guest,
                          (GDestroyNotify) lh_guest_free, lh_client_register_guest_async,
                          cancellable, callback, user_data);
}

/* Returns: (transfer full) the new guest, with the PIN shown this once. */
LhGuest *
lh_client_register_guest_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_register_guest_async, error);
}
