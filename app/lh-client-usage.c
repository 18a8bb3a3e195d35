/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for a PC's own kiosk: which device it is, its
 * heartbeat, the sitting of the person signed in, more time, and the
 * idle sign-out (see data/api/learnhub-api.md). */
#define G_LOG_DOMAIN "lh-client"

#include <json-glib/json-glib.h>

#include "lh-client-private.h"

/* ---- this device ------------------------------------------------------ */

static gpointer
parse_device (LhClient    *self,
              JsonObject  *body,
              GError     **error)
{
  return lh_device_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_get_device_async (LhClient            *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/devices/current", NULL, LH_AUTH_DEVICE, parse_device,
                          (GDestroyNotify) lh_device_free, lh_client_get_device_async,
                          cancellable, callback, user_data);
}

/* Returns: (transfer full) */
LhDevice *
lh_client_get_device_finish (LhClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_device_async, error);
}

void
lh_client_send_heartbeat_async (LhClient            *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "POST", "/devices/heartbeat", NULL, LH_AUTH_DEVICE, NULL, NULL,
                          lh_client_send_heartbeat_async, cancellable, callback, user_data);
}

gboolean
lh_client_send_heartbeat_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_done (self, result, lh_client_send_heartbeat_async, error);
}

/* ---- the sitting ------------------------------------------------------ */

/* {"usage": …}: kept as the client's sitting (null too). */
static gpointer
parse_usage_body (LhClient    *self,
                  JsonObject  *body,
                  GError     **error)
{
  g_autoptr(LhUsage) usage = NULL;

  if (!lh_usage_member_from_json (body, lh_client_get_time_zone (self), &usage, error))
    return NULL;
  lh_client_set_usage (self, usage);
  return GINT_TO_POINTER (TRUE);
}

/* A request as the person whose answer is the sitting: it becomes the
 * client's usage, and the task returns TRUE. */
static void
usage_request (LhClient            *self,
               const char          *method,
               const char          *path,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, method, path, NULL, LH_AUTH_SESSION, parse_usage_body, NULL,
                          source_tag, cancellable, callback, user_data);
}

void
lh_client_get_usage_async (LhClient            *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  usage_request (self, "GET", "/me/usage", lh_client_get_usage_async, cancellable, callback, user_data);
}

gboolean
lh_client_get_usage_finish (LhClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_usage_async, error) != NULL;
}

void
lh_client_extend_usage_async (LhClient            *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  usage_request (self, "POST", "/me/usage/extend", lh_client_extend_usage_async, cancellable, callback, user_data);
}

gboolean
lh_client_extend_usage_finish (LhClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_extend_usage_async, error) != NULL;
}

/* ---- the idle sign-out ------------------------------------------------ */

void
lh_client_sign_out_idle_async (LhClient            *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  if (!lh_client_is_signed_in (self))
    {
      lh_client_sign_out_async (self, cancellable, callback, user_data);
      return;
    }
  /* The source tag of sign_out_async, so that its finish takes it. */
  lh_client_send_request (self, "DELETE", "/sessions/current?reason=idle", NULL, LH_AUTH_SESSION,
                          NULL, NULL, lh_client_sign_out_async, cancellable, callback, user_data);
  lh_client_forget_session (self);
}
