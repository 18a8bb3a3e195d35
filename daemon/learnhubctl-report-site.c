/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl report: the committee's site report for a period, as the
 * standard site report's JSON (what the national committee merges) or
 * as CSV, a block per table, for a spreadsheet. Suppressed as the API's:
 * the file may be sent on. */
#define G_LOG_DOMAIN "learnhubctl"

#include "learnhubctl.h"

#include "lh-error.h"
#include "lh-report-json.h"
#include "lh-report-site.h"
#include "lh-time.h"

#define REPORT_USAGE "report [--from DATE] [--to DATE] --format csv|json|pdf [--output PATH]"

/* A date that is not one is a wrong value: exit 1, the option named. */
static gboolean
parse_day (const char *option, const char *text, GTimeZone *tz, gint64 *out_midnight, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (text == NULL || lh_time_parse_date (text, tz, out_midnight, &local_error))
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s %s: %s", option, text, local_error->message);
  return FALSE;
}

static char *
report_text (const LhReport *report, gboolean json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  if (!json)
    return lh_report_to_csv (report);
  node = lh_report_to_json (report);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

gboolean
lh_ctl_report (Ctl *ctl, LhStore *store, GError **error)
{
  const LhCentre *centre = ctl->config->centre;
  gint64 now = lh_time_now ();
  gint64 today = lh_time_local_midnight (now, centre->tz);
  gint64 from = lh_site_report_quarter_start (today, centre->tz), last = today;
  g_autoptr(LhReport) report = NULL;
  g_autofree char *text = NULL;

  if (ctl->args[0] != NULL || ctl->format == NULL ||
      !(g_str_equal (ctl->format, "csv") || g_str_equal (ctl->format, "json") || g_str_equal (ctl->format, "pdf")))
    return lh_ctl_usage_error (error, REPORT_USAGE);
  /* By default the quarter to today, as the API's. */
  if (!parse_day ("--from", ctl->from, centre->tz, &from, error) ||
      !parse_day ("--to", ctl->to, centre->tz, &last, error))
    return FALSE;
  report = lh_site_report (store, centre, from, lh_time_next_midnight (last, centre->tz), now, error);
  if (report == NULL)
    return FALSE;
  if (g_str_equal (ctl->format, "pdf"))
    {
      /* Replaced by lh_report_write_pdf (report, ctl->output, error). */
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "--format pdf: the PDF report is not built yet");
      return FALSE;
    }
  text = report_text (report, g_str_equal (ctl->format, "json"));
  if (ctl->output == NULL)
    {
      g_print ("%s", text);
      return TRUE;
    }
  return g_file_set_contents (ctl->output, text, -1, error);
}
