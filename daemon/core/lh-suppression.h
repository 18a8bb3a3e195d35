/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small counts held back from the committee. The learning agreement lets
 * the committee see aggregates only: a count below the threshold in the
 * terms could name a person ("the one Polish speaker in Stores asked
 * about dyslexia"), so it is suppressed, and so is any figure from which
 * a suppressed one could be worked back through the totals published
 * beside it (complementary suppression).
 *
 * A table of counts has rows, columns and, if published, row totals,
 * column totals and a grand total. Cells are addressed by (row, column);
 * row r's total is (r, n_columns), column c's total is (n_rows, c) and
 * the grand total is (n_rows, n_columns). A plain list with its total is
 * a table of one column with column totals. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LH_TOTALS_NONE    = 0,
  LH_TOTALS_ROWS    = 1 << 0,   /* each row's total, and the grand total */
  LH_TOTALS_COLUMNS = 1 << 1,   /* each column's total, and the grand total */
} LhTotals;

typedef struct _LhCountTable LhCountTable;

/* A table of zeros; totals are computed from the cells. */
LhCountTable *lh_count_table_new (guint n_rows, guint n_columns, LhTotals totals);
void          lh_count_table_free (LhCountTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhCountTable, lh_count_table_free)

guint    lh_count_table_n_rows (const LhCountTable *table);
guint    lh_count_table_n_columns (const LhCountTable *table);
LhTotals lh_count_table_totals (const LhCountTable *table);

/* Sets a cell (not a total); counts are never negative. */
void     lh_count_table_set (LhCountTable *table, guint row, guint column, gint64 count);
void     lh_count_table_add (LhCountTable *table, guint row, guint column, gint64 count);

/* For a table of something other than people (minutes used, say): the
 * number of different people behind a cell or a total, which decides
 * whether it is hidden. Set for every figure of such a table. */
void     lh_count_table_set_people (LhCountTable *table, guint row, guint column, gint64 people);

/* The people behind a figure as set above, or -1 when none were set. */
gint64   lh_count_table_get_people (const LhCountTable *table, guint row, guint column);

/* For a table added up from others (a national report from the sites'
 * reports): a figure, cell or total, that one of them hid, so its value
 * is not known here; at_least is what is known of it (what the others
 * published of it, and 1 for each that hid it). lh_count_table_suppress
 * keeps it hidden, and hides enough others that it cannot be worked back
 * from what is left. Its count means nothing after. */
void     lh_count_table_hide (LhCountTable *table, guint row, guint column, gint64 at_least);

/* For such a table, a total as the others published it, which its cells
 * of unknown value do not add up to: set after the cells. */
void     lh_count_table_set_total (LhCountTable *table, guint row, guint column, gint64 count);

/* A cell's or a total's true count, for the daemon's own use: what is
 * published goes through lh_count_table_is_suppressed first. */
gint64   lh_count_table_get (const LhCountTable *table, guint row, guint column);

/* Whether a total at (row, column) is published at all. */
gboolean lh_count_table_is_published (const LhCountTable *table, guint row, guint column);

/* Suppresses every count from 1 to threshold - 1 (a zero names nobody,
 * and is never hidden), or, in a table with people set, every figure
 * from fewer people than the threshold; then enough others that none of
 * them can be worked back from what is left: no row or column with a
 * total holds a hidden figure alone, the hidden counts of people in it
 * add up to the threshold at least, and a reader who solves all the
 * equations at once, knowing each hidden figure is at least 1, finds
 * another table for each hidden one (lh-suppression-check.c). A
 * threshold of 1 or less suppresses nothing more than what was hidden
 * before (lh_count_table_hide) needs. */
void     lh_count_table_suppress (LhCountTable *table, int threshold);

gboolean lh_count_table_is_suppressed (const LhCountTable *table, guint row, guint column);

/* Hides a published figure (not a zero) whose value the table knows,
 * because it is also published elsewhere, where it was hidden (a figure
 * tied to another table's, lh-report-ties.h). Suppress again after, so
 * that it cannot be worked back from this table either. */
void     lh_count_table_suppress_also (LhCountTable *table, guint row, guint column);

G_END_DECLS
