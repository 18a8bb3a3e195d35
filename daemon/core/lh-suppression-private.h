/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What lh-suppression.c and its check share. */
#pragma once

#include "lh-suppression.h"

G_BEGIN_DECLS

struct _LhCountTable
{
  guint     n_rows;
  guint     n_columns;
  LhTotals  totals;
  gint64   *counts;       /* (n_rows + 1) × (n_columns + 1), totals last */
  gboolean *suppressed;   /* the same shape */
  gint64   *people;       /* the same shape, or NULL: a table of counts
                           * of people; else the people behind each
                           * figure (minutes, say) */
  gint64   *least;        /* the same shape, or NULL: above 0 for a figure
                           * hidden before with its value unknown
                           * (lh_count_table_hide), the least it can be */
};

/* One equation: the members add up to the total. */
typedef struct
{
  guint  total;
  GArray *members;        /* (element-type guint) indexes into counts */
} Line;

static inline guint
index_of (const LhCountTable *table, guint row, guint column)
{
  return row * (table->n_columns + 1) + column;
}

/* Whether the figure was hidden before, its value unknown here. */
static inline gboolean
is_unknown (const LhCountTable *table, guint i)
{
  return table->least != NULL && table->least[i] > 0;
}

/* The least a reader knows a hidden figure to be: 1 (a zero is never
 * hidden), or more for one hidden before. */
static inline gint64
least_of (const LhCountTable *table, guint i)
{
  return is_unknown (table, i) ? table->least[i] : 1;
}

/* Gives each figure of unknown value one that agrees with every
 * equation, for the checks to start from; FALSE if none turns up. */
gboolean lh_suppression_fill_unknown (LhCountTable *table, GArray *lines);

/* A hidden figure that a reader of the shown figures can work back, or
 * G_MAXUINT if there is none (lh-suppression-check.c). */
guint lh_suppression_find_given_away (const LhCountTable *table, GArray *lines);

G_END_DECLS
