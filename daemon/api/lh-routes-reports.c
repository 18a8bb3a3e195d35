/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's site report, as the standard site report's JSON: what
 * the kiosk's dashboard draws and what is sent to the national
 * committee; or, with ?format=pdf|csv, the same report as the PDF the
 * committee tables or the CSV for a spreadsheet, for the kiosk to save.
 * Only the committee reads it, and only suppressed. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include <string.h>

#include "lh-error.h"
#include "lh-report-json.h"
#include "lh-report-pdf.h"
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

/* ?format=json (by default), csv or pdf. */
static gboolean
query_format (LhRequest *request, const char **out, GError **error)
{
  static const char *const formats[] = { "json", "csv", "pdf" };
  const char *text = request->query != NULL ? g_hash_table_lookup (request->query, "format") : NULL;

  *out = formats[0];
  if (text == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (text, formats[i]))
      {
        *out = formats[i];
        return TRUE;
      }
  g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“format” is json, csv or pdf");
  lh_error_set_reason (error, "format-invalid");
  return FALSE;
}

/* The PDF or CSV as the body, with a file name for whoever saves it. */
static void
reply_file (LhRequest *request, const LhReport *report, const char *format, GBytes *bytes)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"learnhub-site-report-%s-to-%s.%s\"",
                                                  report->first_day, report->last_day, format);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_server_message_set_status (request->msg, 200, NULL);
  soup_server_message_set_response (request->msg, g_str_equal (format, "pdf") ? "application/pdf" : "text/csv; charset=utf-8",
                                    SOUP_MEMORY_COPY, data, size);
}

void
lh_route_site_report (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  gint64 today = lh_time_local_midnight (request->now, tz);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReport) report = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *format;
  gint64 from, last;

  /* By default the quarter to date, today included. */
  if (!query_format (request, &format, &error) ||
      !query_day (request, "from", lh_site_report_quarter_start (today, tz), &from, &error) ||
      !query_day (request, "to", today, &last, &error) ||
      (report = lh_site_report (request->store, request->centre, from, lh_time_next_midnight (last, tz),
                                request->now, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  if (g_str_equal (format, "pdf"))
    {
      if ((bytes = lh_report_to_pdf (report, &error)) == NULL)
        {
          lh_request_reply_error (request, error);
          return;
        }
      reply_file (request, report, format, bytes);
      return;
    }
  if (g_str_equal (format, "csv"))
    {
      char *csv = lh_report_to_csv (report);

      bytes = g_bytes_new_take (csv, strlen (csv));
      reply_file (request, report, format, bytes);
      return;
    }
  json = lh_report_to_json (report);
  lh_request_reply_json (request, 200, json);
}
