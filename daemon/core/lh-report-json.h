/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site report written out: as the standard site report's JSON
 * (data/report/learnhub-site-report.schema.json) and as CSV, one block
 * per table (data/report/README.md). Both write only what is published:
 * a suppressed figure is null with "suppressed": true in JSON and the
 * word "suppressed" in CSV, never its number. */
#pragma once

#include <json-glib/json-glib.h>

#include "lh-report.h"

G_BEGIN_DECLS

/* The report, already suppressed (lh_report_suppress). */
JsonNode *lh_report_to_json (const LhReport *report);

/* Every table and list of the report, one after another with a blank
 * line between. */
char     *lh_report_to_csv  (const LhReport *report);

/* One table: a heading line (the section's title and the table's), a
 * line of the columns' labels, then a line per row (and one of column
 * totals, if published). */
void      lh_report_table_append_csv (GString             *csv,
                                      const LhReportSection *section,
                                      const LhReportTable *table);

G_END_DECLS
