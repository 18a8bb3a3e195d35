/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-reports.h"

#include "lh-client-private.h"

static gpointer
parse_site_report (LhClient    *self,
                   JsonObject  *body,
                   GError     **error)
{
  return lh_site_report_from_json (body, error);
}

/* The route for the days given, as JSON unless format (nullable) says. */
static char *
site_report_path (const char *first_day, const char *last_day, const char *format)
{
  g_autofree char *from = g_uri_escape_string (first_day, NULL, FALSE);
  g_autofree char *to = g_uri_escape_string (last_day, NULL, FALSE);
  g_autofree char *as = format != NULL ? g_uri_escape_string (format, NULL, FALSE) : NULL;

  if (as == NULL)
    return g_strdup_printf ("/reports/site?from=%s&to=%s", from, to);
  return g_strdup_printf ("/reports/site?from=%s&to=%s&format=%s", from, to, as);
}

void
lh_client_get_site_report_async (LhClient            *self,
                                 const char          *first_day,
                                 const char          *last_day,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (first_day != NULL && last_day != NULL);

  path = site_report_path (first_day, last_day, NULL);
  lh_client_send_request (self, "GET", path, NULL, LH_AUTH_SESSION, parse_site_report,
                          (GDestroyNotify) lh_site_report_free, lh_client_get_site_report_async,
                          cancellable, callback, user_data);
}

LhSiteReport *
lh_client_get_site_report_finish (LhClient      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_site_report_async, error);
}

void
lh_client_get_site_report_file_async (LhClient            *self,
                                      const char          *first_day,
                                      const char          *last_day,
                                      const char          *format,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (first_day != NULL && last_day != NULL && format != NULL);

  path = site_report_path (first_day, last_day, format);
  lh_client_send_request_for_bytes (self, path, LH_AUTH_SESSION, lh_client_get_site_report_file_async,
                                    cancellable, callback, user_data);
}

GBytes *
lh_client_get_site_report_file_finish (LhClient      *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_site_report_file_async, error);
}
