/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing the staff roster from a CSV file. */
#pragma once

#include "lh-csv.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* The roster's import report is a CSV import's. */
typedef LhCsvReport LhRosterReport;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LhRosterReport, lh_csv_report_clear)

/* Columns, by header name in any order: staff_number, name, hours_per_week,
 * roles (required); department, work_pattern, pin, days_per_week (over 0,
 * at most 7; 5 if left out), apprentice and esol (yes/no, true/false, 1/0;
 * no if left out) (optional). Equality columns, all optional: age_band,
 * gender, ethnicity, disability, caring, qualifications, each empty or a
 * group of its factor (lh-equality.h); with any of them, the file is the
 * workforce's make-up, work_pattern included (a pattern not among the
 * factor's groups counts as "other"), and only the counts by group are
 * kept (workforce_profile), never a person's value. A person already on the roster is updated
 * (their PIN only if the row has one), a column left out with its default.
 * Every bad row is reported in report->row_errors. If any row is bad and
 * skip_bad_rows is FALSE, nothing is imported and LH_ERROR_INVALID is set.
 * The import is one transaction: all of it or none. */
gboolean lh_roster_import (LhStore        *store,
                           const char     *csv,
                           gsize           length,
                           gboolean        skip_bad_rows,
                           gint64          now,
                           LhRosterReport *report,
                           GError        **error);

G_END_DECLS
