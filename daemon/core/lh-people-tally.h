/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The different people behind each figure of a table of counts that are
 * not people (requests, sittings), so that the figure is hidden by how
 * many people it could name, not by how many rows it adds up: one
 * learner's six requests about debt are still one learner
 * (lh_count_table_set_people). Rows may come in any order. */
#pragma once

#include "lh-suppression.h"

G_BEGIN_DECLS

/* A person whose identity was erased (anonymised after the retention
 * period). All such rows of a cell count as one person together: they
 * may all be the same one, and a figure must never look safer than it
 * is. */
#define LH_PEOPLE_TALLY_UNKNOWN ((gint64) 0)

typedef struct _LhPeopleTally LhPeopleTally;

LhPeopleTally *lh_people_tally_new (guint n_rows, guint n_columns);
void           lh_people_tally_free (LhPeopleTally *tally);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPeopleTally, lh_people_tally_free)

/* Person is a person's id, or LH_PEOPLE_TALLY_UNKNOWN. */
void   lh_people_tally_add (LhPeopleTally *tally, guint row, guint column, gint64 person);

/* How many different people were added to a cell. */
gint64 lh_people_tally_size (const LhPeopleTally *tally, guint row, guint column);

/* Sets the people behind every cell of counts (of the same shape) and
 * behind each of its published totals: a total's people are the union of
 * its cells' people, not their sum. */
void   lh_people_tally_set_people (const LhPeopleTally *tally, LhCountTable *counts);

G_END_DECLS
