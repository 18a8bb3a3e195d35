/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-report-words.h"

char *
lh_report_words_title (const LhReportTable *table, LhReportWords words)
{
  if (table->unit != LH_REPORT_UNIT_MINUTES)
    return g_strdup (table->title);
  return g_strdup_printf ("%s (%s)", table->title, words == LH_REPORT_WORDS_HOURS ? "hours" : "minutes");
}

char *
lh_report_words_figure (const LhReportTable *table, gint64 value, LhReportWords words)
{
  if (table->unit == LH_REPORT_UNIT_MINUTES && words == LH_REPORT_WORDS_HOURS)
    {
      /* Rounded to the nearest six minutes, in whole numbers: no float
       * prints 0.05 as 0.0 on one machine and 0.1 on another. */
      gint64 tenths = (value + 3) / 6;

      return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, tenths / 10, tenths % 10);
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}
