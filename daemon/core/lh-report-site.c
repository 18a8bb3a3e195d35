/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site report: its heading, its sections in order, then suppression
 * over every table at once. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-site.h"

#include "lh-action-plan.h"
#include "lh-equality.h"
#include "lh-error.h"
#include "lh-report-sections.h"
#include "lh-terms.h"
#include "lh-time.h"

gboolean
lh_site_report_check_period (gint64 from, gint64 to, GTimeZone *tz, GError **error)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (from);
  g_autoptr(GDateTime) first = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) years_on = g_date_time_add_years (first, LH_SITE_REPORT_MAX_YEARS);
  g_autoptr(GDateTime) latest_end = g_date_time_add_days (years_on, 1);

  if (to <= from)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The period ends before it begins");
      lh_error_set_reason (error, "period-reversed");
      return FALSE;
    }
  /* By the calendar: five years may hold one leap day or two. */
  if (to > g_date_time_to_unix (latest_end))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "A report covers %d years and a day at most",
                   LH_SITE_REPORT_MAX_YEARS);
      lh_error_set_reason (error, "period-too-long");
      return FALSE;
    }
  return TRUE;
}

gint64
lh_site_report_quarter_start (gint64 t, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, tz);
  int first_month = (g_date_time_get_month (there) - 1) / 3 * 3 + 1;
  g_autoptr(GDateTime) start = g_date_time_new (tz, g_date_time_get_year (there), first_month, 1, 0, 0, 0);

  return g_date_time_to_unix (start);
}

/* Adds the section; FALSE if it could not be made (its error is set). */
static gboolean
add (LhReport *report, LhReportSection *section)
{
  if (section == NULL)
    return FALSE;
  lh_report_add_section (report, section);
  return TRUE;
}

LhReport *
lh_site_report (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now, GError **error)
{
  g_autoptr(LhReport) report = NULL;
  g_auto(LhTerms) terms = { 0 };
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  if (!lh_site_report_check_period (from, to, centre->tz, error))
    return NULL;
  /* The threshold agreed for the period's end: one rule for the whole
   * report, so that no figure is hidden in one table and shown in
   * another. */
  if (!lh_terms_at (store, to - 1, &terms, error))
    return NULL;
  first_day = lh_time_format_date (from, centre->tz);
  last_day = lh_time_format_date (to - 1, centre->tz);
  report = lh_report_new (centre->name, centre->timezone_id, first_day, last_day, terms.suppression_threshold, now);

  if (!add (report, lh_report_section_usage (store, centre, from, to, now, error)) ||
      !add (report, lh_report_section_time_off (store, centre, from, to, now, error)) ||
      !add (report, lh_report_section_facility_time (store, centre, from, to, now, error)) ||
      !add (report, lh_report_section_advice (store, centre, from, to, now, error)) ||
      !add (report, lh_report_section_equipment (store, centre, from, to, now, error)) ||
      !add (report, lh_report_section_equality (store, centre, from, to, now, error)) ||
      !add (report, lh_report_section_committee (store, centre, from, to, now, error)))
    return NULL;

  lh_report_suppress (report);
  return g_steal_pointer (&report);
}
