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

/* A hidden figure that a reader of the shown figures can work back, or
 * G_MAXUINT if there is none (lh-suppression-check.c). */
guint lh_suppression_find_given_away (const LhCountTable *table, GArray *lines);

G_END_DECLS
