/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's site report, as the standard site report's JSON: what
 * the kiosk's dashboard draws and what is sent to the national
 * committee. Only the committee reads it, and only suppressed. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-error.h"
#include "lh-report-json.h"
#include "lh-report-site.h"
#include "lh-time.h"

/* A day of the query, or fallback when it is not given. */
static gboolean
query_day (LhRequest *request, const char *name, gint64 fallback, gint64 *out, GError **error)
{
  const char *text = request->query != NULL ? g_hash_table_lookup (request->query, name) : NULL;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (lh_time_parse_date (text, request->centre->tz, out, error))
    return TRUE;
  lh_error_set_reason (error, "date-invalid");
  return FALSE;
}

void
lh_route_site_report (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  gint64 today = lh_time_local_midnight (request->now, tz);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReport) report = NULL;
  g_autoptr(JsonNode) json = NULL;
  gint64 from, last;

  /* By default the quarter to date, today included. */
  if (!query_day (request, "from", lh_site_report_quarter_start (today, tz), &from, &error) ||
      !query_day (request, "to", today, &last, &error) ||
      (report = lh_site_report (request->store, request->centre, from, lh_time_next_midnight (last, tz),
                                request->now, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json = lh_report_to_json (report);
  lh_request_reply_json (request, 200, json);
}
