/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site report written out: as the standard site report's JSON
 * (data/report/learnhub-site-report.schema.json) and as CSV, one block
 * per table (data/report/README.md), and read back from its JSON, as
 * learnhubctl national-report reads each site's. What is written is only
 * what is published: a suppressed figure is null with "suppressed": true
 * in JSON and the word "suppressed" in CSV, never its number. */
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

/* The report, or NULL with LH_ERROR_INVALID naming the place of the first
 * thing that is not the agreed format: another format or version, a
 * member missing or of the wrong kind, a figure that is a bare number, a
 * table whose cells are not rows × columns. A figure published as
 * suppressed is read as hidden with its value unknown
 * (lh_count_table_hide). */
LhReport *lh_report_from_json (JsonNode  *node,
                               GError   **error);

G_END_DECLS
