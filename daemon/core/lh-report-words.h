/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a table's title and figures are worded when written out. Times are
 * kept in minutes (the JSON says so in its "unit"), and their titles name
 * no unit ("Time used a week"): the CSV, read by a spreadsheet, says
 * minutes; the PDF, read at a meeting, says hours, since 85,073 minutes
 * means little to anyone and 1,417.9 hours does. */
#pragma once

#include "lh-report.h"

G_BEGIN_DECLS

typedef enum
{
  LH_REPORT_WORDS_MINUTES,   /* CSV: figures as counted */
  LH_REPORT_WORDS_HOURS,     /* PDF: times in hours, to a tenth */
} LhReportWords;

/* The table's title with the unit its times are written in, e.g. "Time
 * used a week (hours)"; other tables' titles as they are. */
char *lh_report_words_title (const LhReportTable *table, LhReportWords words);

/* A figure of the table (not a suppressed one) as written. */
char *lh_report_words_figure (const LhReportTable *table, gint64 value, LhReportWords words);

G_END_DECLS
