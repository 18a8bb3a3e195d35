/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the admins' notices. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-admin-notices.h"

#include "lh-client-private.h"
#include "lh-json-read.h"

void
lh_admin_notice_free (LhAdminNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->type);
  g_free (notice->category);
  g_clear_pointer (&notice->reported_at, g_date_time_unref);
  g_free (notice->check_what);
  g_clear_pointer (&notice->due, g_date_time_unref);
  g_free (notice->asset_tag);
  g_free (notice->kind);
  g_free (notice->pc);
  g_free (notice);
}

static JsonObject *
object_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gpointer
notice_parse (JsonObject  *object,
              GTimeZone   *tz,
              GError     **error)
{
  g_autoptr(LhAdminNotice) notice = g_new0 (LhAdminNotice, 1);
  JsonObject *fault = object_member (object, "fault");
  JsonObject *check = object_member (object, "check");

  if (!lh_json_read_int (object, "id", TRUE, &notice->id, error) ||
      !lh_json_read_string (object, "type", TRUE, &notice->type, error) ||
      !lh_json_read_string (object, "asset_tag", FALSE, &notice->asset_tag, error) ||
      !lh_json_read_string (object, "kind", FALSE, &notice->kind, error) ||
      !lh_json_read_string (object, "pc", FALSE, &notice->pc, error))
    return NULL;
  if (fault != NULL &&
      (!lh_json_read_string (fault, "category", TRUE, &notice->category, error) ||
       !lh_json_read_time (fault, "reported_at", TRUE, tz, &notice->reported_at, error)))
    return NULL;
  if (check != NULL)
    {
      g_autoptr(GDate) due = NULL;

      if (!lh_json_read_string (check, "what", TRUE, &notice->check_what, error) ||
          !lh_json_read_date (check, "due", &due, error))
        return NULL;
      notice->due = g_date_time_new (tz, g_date_get_year (due), g_date_get_month (due), g_date_get_day (due),
                                     0, 0, 0);
    }
  if (fault == NULL && check == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A notice of neither a fault nor a check");
      return NULL;
    }
  return g_steal_pointer (&notice);
}

static gpointer
parse_notices (LhClient    *self,
               JsonObject  *body,
               GError     **error)
{
  return lh_json_read_list (body, "notices", TRUE, notice_parse, (GDestroyNotify) lh_admin_notice_free,
                            lh_client_get_time_zone (self), error);
}

void
lh_client_list_admin_notices_async (LhClient            *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/admin-notices", NULL, LH_AUTH_SESSION, parse_notices,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_admin_notices_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_admin_notices_finish (LhClient      *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_admin_notices_async, error);
}

void
lh_client_dismiss_admin_notice_async (LhClient            *self,
                                      gint64               notice_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/admin-notices/%" G_GINT64_FORMAT "/dismiss", notice_id);
  lh_client_send_request (self, "POST", path, NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_dismiss_admin_notice_async, cancellable, callback, user_data);
}

gboolean
lh_client_dismiss_admin_notice_finish (LhClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return lh_client_check_done (self, result, lh_client_dismiss_admin_notice_async, error);
}
