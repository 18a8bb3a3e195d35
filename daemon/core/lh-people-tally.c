/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-people-tally.h"

struct _LhPeopleTally
{
  guint        n_rows;
  guint        n_columns;
  GHashTable **cells;   /* (n_rows × n_columns) person id → itself */
};

LhPeopleTally *
lh_people_tally_new (guint n_rows, guint n_columns)
{
  LhPeopleTally *tally = g_new0 (LhPeopleTally, 1);

  tally->n_rows = n_rows;
  tally->n_columns = n_columns;
  tally->cells = g_new0 (GHashTable *, (gsize) n_rows * n_columns);
  for (guint i = 0; i < n_rows * n_columns; i++)
    tally->cells[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return tally;
}

void
lh_people_tally_free (LhPeopleTally *tally)
{
  if (tally == NULL)
    return;
  for (guint i = 0; i < tally->n_rows * tally->n_columns; i++)
    g_hash_table_unref (tally->cells[i]);
  g_free (tally->cells);
  g_free (tally);
}

static GHashTable *
cell (const LhPeopleTally *tally, guint row, guint column)
{
  g_return_val_if_fail (row < tally->n_rows && column < tally->n_columns, NULL);
  return tally->cells[row * tally->n_columns + column];
}

void
lh_people_tally_add (LhPeopleTally *tally, guint row, guint column, gint64 person)
{
  GHashTable *people = cell (tally, row, column);

  if (people != NULL && !g_hash_table_contains (people, &person))
    g_hash_table_add (people, g_memdup2 (&person, sizeof person));
}

gint64
lh_people_tally_size (const LhPeopleTally *tally, guint row, guint column)
{
  GHashTable *people = cell (tally, row, column);

  return people != NULL ? g_hash_table_size (people) : 0;
}

/* The people of n cells, counted once each: the cells from first on,
 * step cells apart in the row-major array. */
static gint64
union_size (const LhPeopleTally *tally, guint first, guint step, guint n)
{
  g_autoptr(GHashTable) all = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n; i++)
    {
      GHashTableIter iter;
      gpointer person;

      g_hash_table_iter_init (&iter, tally->cells[first + i * step]);
      while (g_hash_table_iter_next (&iter, &person, NULL))
        g_hash_table_add (all, person);
    }
  return g_hash_table_size (all);
}

void
lh_people_tally_set_people (const LhPeopleTally *tally, LhCountTable *counts)
{
  guint n_rows = tally->n_rows;
  guint n_columns = tally->n_columns;

  g_return_if_fail (lh_count_table_n_rows (counts) == n_rows);
  g_return_if_fail (lh_count_table_n_columns (counts) == n_columns);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      lh_count_table_set_people (counts, r, c, lh_people_tally_size (tally, r, c));
  for (guint r = 0; r < n_rows; r++)
    if (lh_count_table_is_published (counts, r, n_columns))
      lh_count_table_set_people (counts, r, n_columns, union_size (tally, r * n_columns, 1, n_columns));
  for (guint c = 0; c < n_columns; c++)
    if (lh_count_table_is_published (counts, n_rows, c))
      lh_count_table_set_people (counts, n_rows, c, union_size (tally, c, n_columns, n_rows));
  if (lh_count_table_is_published (counts, n_rows, n_columns))
    lh_count_table_set_people (counts, n_rows, n_columns, union_size (tally, 0, 1, n_rows * n_columns));
}
