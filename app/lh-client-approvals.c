/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for approving paid time off, and the request as an
 * admin sees it. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-approvals.h"

#include <gio/gio.h>

#include "lh-client-private.h"
#include "lh-json-read.h"

/* ---- the request ------------------------------------------------------ */

LhApproval *
lh_approval_copy (const LhApproval *approval)
{
  LhApproval *copy;

  g_return_val_if_fail (approval != NULL, NULL);

  copy = g_memdup2 (approval, sizeof *approval);
  copy->person_name = g_strdup (approval->person_name);
  copy->staff_number = g_strdup (approval->staff_number);
  copy->status = g_strdup (approval->status);
  copy->kind = g_strdup (approval->kind);
  copy->day = approval->day ? g_date_time_ref (approval->day) : NULL;
  copy->decision_reason = g_strdup (approval->decision_reason);
  return copy;
}

void
lh_approval_free (LhApproval *approval)
{
  if (approval == NULL)
    return;
  g_free (approval->person_name);
  g_free (approval->staff_number);
  g_free (approval->status);
  g_free (approval->kind);
  g_clear_pointer (&approval->day, g_date_time_unref);
  g_free (approval->decision_reason);
  g_free (approval);
}

/* "2026-12-08" as the day's midnight in tz (nullable: local). */
static gboolean
read_day (JsonObject  *object,
          const char  *member,
          GTimeZone   *tz,
          GDateTime  **out,
          GError     **error)
{
  g_autoptr(GTimeZone) local = tz == NULL ? g_time_zone_new_local () : NULL;
  GDate *date = NULL;

  *out = NULL;
  if (!lh_json_read_date (object, member, &date, error))
    return FALSE;
  *out = g_date_time_new (tz != NULL ? tz : local, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), 0, 0, 0);
  g_date_free (date);
  return *out != NULL;
}

LhApproval *
lh_approval_from_json (JsonObject  *object,
                       GTimeZone   *tz,
                       GError     **error)
{
  g_autoptr(LhApproval) approval = g_new0 (LhApproval, 1);

  g_return_val_if_fail (object != NULL, NULL);

  /* A decision's answer names no person: only the list does. */
  if (!lh_json_read_int (object, "id", TRUE, &approval->id, error) ||
      !lh_json_read_int (object, "person_id", FALSE, &approval->person_id, error) ||
      !lh_json_read_string (object, "person_name", FALSE, &approval->person_name, error) ||
      !lh_json_read_string (object, "staff_number", FALSE, &approval->staff_number, error) ||
      !lh_json_read_string (object, "status", TRUE, &approval->status, error) ||
      !lh_json_read_string (object, "kind", TRUE, &approval->kind, error) ||
      !read_day (object, "day", tz, &approval->day, error) ||
      !lh_json_read_small_int (object, "minutes", &approval->minutes, error) ||
      !lh_json_read_string (object, "decision_reason", FALSE, &approval->decision_reason, error))
    return NULL;
  return g_steal_pointer (&approval);
}

/* ---- the calls -------------------------------------------------------- */

static gpointer
parse_list (LhClient    *self,
            JsonObject  *body,
            GError     **error)
{
  return lh_json_read_list (body, "requests", TRUE, (LhJsonItemParse) lh_approval_from_json,
                            (GDestroyNotify) lh_approval_free, lh_client_get_time_zone (self), error);
}

void
lh_client_list_approvals_async (LhClient            *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/time-off/requests", NULL, LH_AUTH_SESSION, parse_list,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_approvals_async,
                          cancellable, callback, user_data);
}

GPtrArray *
lh_client_list_approvals_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_approvals_async, error);
}

static gpointer
parse_one (LhClient    *self,
           JsonObject  *body,
           GError     **error)
{
  return lh_approval_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_decide_approval_async (LhClient            *self,
                                 gint64               request_id,
                                 gboolean             approve,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (approve || (reason != NULL && *reason != '\0'));

  if (reason != NULL && *reason != '\0')
    json_object_set_string_member (body, "reason", reason);
  path = g_strdup_printf ("/time-off/requests/%" G_GINT64_FORMAT "/%s", request_id,
                          approve ? "approve" : "reject");
  lh_client_send_request (self, "POST", path, body, LH_AUTH_SESSION, parse_one,
                          (GDestroyNotify) lh_approval_free, lh_client_decide_approval_async,
                          cancellable, callback, user_data);
}

LhApproval *
lh_client_decide_approval_finish (LhClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_decide_approval_async, error);
}
