/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The standard site report (issue 14): every section the committee
 * reviews, for one centre over a period, with small figures suppressed.
 * Each section is a function of the same shape, so that adding one is
 * one line in lh_site_report. */
#pragma once

#include "lh-centre.h"
#include "lh-report.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* Five years and a day at most: the longest report the demo keeps
 * history for, read in one transaction per section. */
#define LH_SITE_REPORT_MAX_DAYS (5 * 366 + 1)

/* The report of [from, to) (local midnights), its threshold the terms'
 * in force at the period's end, generated at now, suppressed.
 * LH_ERROR_INVALID for a period that is empty, reversed or longer than
 * LH_SITE_REPORT_MAX_DAYS (reasons period-reversed, period-too-long). */
LhReport *lh_site_report (LhStore        *store,
                          const LhCentre *centre,
                          gint64          from,
                          gint64          to,
                          gint64          now,
                          GError        **error);

/* Whether [from, to) is a period a report may cover; the reasons as
 * lh_site_report's. */
gboolean  lh_site_report_check_period (gint64    from,
                                       gint64    to,
                                       GError  **error);

/* The first day (local midnight) of the calendar quarter holding t: a
 * report's period by default runs from it to today. */
gint64    lh_site_report_quarter_start (gint64     t,
                                        GTimeZone *tz);

/* Bookings nobody came for, released after the hold time, that were to
 * start in [?1, ?2): an index range by start (bookings_released_by_start).
 * Shared with the test of its plan. */
#define LH_REPORT_NO_SHOWS_SQL \
  "SELECT person_id, start_at FROM bookings " \
  "WHERE released_at IS NOT NULL AND start_at >= ?1 AND start_at < ?2"

/* The sections, one a file (lh-report-section-*.c). */
LhReportSection *lh_report_section_usage (LhStore        *store,
                                          const LhCentre *centre,
                                          gint64          from,
                                          gint64          to,
                                          gint64          now,
                                          GError        **error);

G_END_DECLS
