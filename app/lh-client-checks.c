/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the admin's scheduled checks. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-checks.h"

#include "lh-client-private.h"
#include "lh-json-read.h"

void
lh_check_info_free (LhCheckInfo *check)
{
  if (check == NULL)
    return;
  g_free (check->what);
  g_free (check->asset_tag);
  g_free (check->kind);
  g_clear_pointer (&check->next_due, g_date_free);
  g_free (check->state);
  g_clear_pointer (&check->done_at, g_date_time_unref);
  g_free (check->done_result);
  g_free (check->done_by);
  g_free (check->done_note);
  g_free (check);
}

LhCheckInfo *
lh_check_info_copy (const LhCheckInfo *check)
{
  LhCheckInfo *copy = g_memdup2 (check, sizeof *check);

  copy->what = g_strdup (check->what);
  copy->asset_tag = g_strdup (check->asset_tag);
  copy->kind = g_strdup (check->kind);
  copy->next_due = check->next_due != NULL ? g_date_copy (check->next_due) : NULL;
  copy->state = g_strdup (check->state);
  copy->done_at = check->done_at != NULL ? g_date_time_ref (check->done_at) : NULL;
  copy->done_result = g_strdup (check->done_result);
  copy->done_by = g_strdup (check->done_by);
  copy->done_note = g_strdup (check->done_note);
  return copy;
}

/* "last_done": {"at", "result", "by", "note"} or null. */
static gboolean
read_last_done (JsonObject *object, LhCheckInfo *check, GTimeZone *tz, GError **error)
{
  JsonNode *node = json_object_get_member (object, "last_done");
  JsonObject *done;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "A check's last_done is not an object");
      return FALSE;
    }
  done = json_node_get_object (node);
  return lh_json_read_time (done, "at", TRUE, tz, &check->done_at, error) &&
         lh_json_read_string (done, "result", TRUE, &check->done_result, error) &&
         lh_json_read_string (done, "by", FALSE, &check->done_by, error) &&
         lh_json_read_string (done, "note", FALSE, &check->done_note, error);
}

static gpointer
check_from_json (JsonObject *object, GTimeZone *tz, GError **error)
{
  g_autoptr(LhCheckInfo) check = g_new0 (LhCheckInfo, 1);
  JsonNode *due = json_object_get_member (object, "next_due");

  if (!lh_json_read_int (object, "id", TRUE, &check->id, error) ||
      !lh_json_read_string (object, "what", TRUE, &check->what, error) ||
      !lh_json_read_string (object, "asset_tag", FALSE, &check->asset_tag, error) ||
      !lh_json_read_string (object, "kind", FALSE, &check->kind, error) ||
      (due != NULL && !JSON_NODE_HOLDS_NULL (due) &&
       !lh_json_read_date (object, "next_due", &check->next_due, error)) ||
      !lh_json_read_string (object, "state", TRUE, &check->state, error) ||
      !read_last_done (object, check, tz, error))
    return NULL;
  return g_steal_pointer (&check);
}

static gpointer
parse_checks (LhClient *self, JsonObject *body, GError **error)
{
  return lh_json_read_list (body, "checks", TRUE, check_from_json, (GDestroyNotify) lh_check_info_free,
                            lh_client_get_time_zone (self), error);
}

static gpointer
parse_check (LhClient *self, JsonObject *body, GError **error)
{
  return check_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_list_checks_async (LhClient            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/equipment/checks", NULL, LH_AUTH_SESSION, parse_checks,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_checks_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_checks_finish (LhClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_checks_async, error);
}

void
lh_client_check_done_async (LhClient            *self,
                            gint64               check_id,
                            const char          *result,
                            const char          *note,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (result != NULL);

  json_object_set_string_member (body, "result", result);
  if (note != NULL && *note != '\0')
    json_object_set_string_member (body, "note", note);
  path = g_strdup_printf ("/equipment/checks/%" G_GINT64_FORMAT "/done", check_id);
  lh_client_send_request (self, "POST", path, body, LH_AUTH_SESSION, parse_check,
                          (GDestroyNotify) lh_check_info_free, lh_client_check_done_async,
                          cancellable, callback, user_data);
}

LhCheckInfo *
lh_client_check_done_finish (LhClient      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_check_done_async, error);
}
