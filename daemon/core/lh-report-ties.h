/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Figures that are one number shown in two tables of a report: the
 * minutes used in the period are the total of the week's table, the PCs'
 * table and the weekday-and-hour table; the paid time granted in a
 * category is a figure of the table by category and the total of that
 * column in the table by department; every equality factor's table adds
 * up to the same learners and workforce. Each table is suppressed on its
 * own, and one may hide such a figure (to protect a small one beside
 * it) that another shows: then the hidden small figure can be worked
 * back by taking the shown one from the first table's totals. So a
 * figure hidden in one table of its tie is hidden in all of them, and
 * each table is suppressed again around it, until none changes. */
#pragma once

#include "lh-report.h"

G_BEGIN_DECLS

/* After every table about people was suppressed (lh_report_suppress; a
 * national merge after its own suppression). */
void lh_report_suppress_ties (LhReport *report);

G_END_DECLS
