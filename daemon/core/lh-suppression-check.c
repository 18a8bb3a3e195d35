/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The last check of a suppressed table: attack it as a reader would.
 * The reader knows every figure shown, that each row and column with a
 * total shown adds up to it, and (the code is public) that a zero is
 * never hidden, so every hidden figure is at least 1. A hidden figure is
 * safe only if some other table of whole counts agrees with all of that
 * and differs in it. Two attacks: solving the equations (a figure fixed
 * by them whatever the bounds), then a bounded search for such another
 * table, guided by the true one; a search that runs out of steps counts
 * as a figure given away, so that more is hidden rather than less. */
#define G_LOG_DOMAIN "lh-suppression"

#include "lh-suppression-private.h"

#include <math.h>

/* A suppressed figure the equations together pin down, as a reader
 * solving them would find it; G_MAXUINT if there is none. Each
 * suppressed figure is an unknown; the unknown is determined exactly
 * when its unit vector is a row of the reduced row echelon form. */
static guint
find_determined (const LhCountTable *table, GArray *lines)
{
  g_autoptr(GArray) unknowns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree int *column_of = NULL;
  g_autofree double *matrix = NULL;
  gsize size = (gsize) (table->n_rows + 1) * (table->n_columns + 1);
  guint n_unknowns, n_rows = lines->len, pivot_row = 0;
  guint found = G_MAXUINT;

  column_of = g_new (int, size);
  for (gsize i = 0; i < size; i++)
    {
      column_of[i] = -1;
      if (table->suppressed[i])
        {
          guint index = (guint) i;

          column_of[i] = (int) unknowns->len;
          g_array_append_val (unknowns, index);
        }
    }
  n_unknowns = unknowns->len;
  if (n_unknowns == 0 || n_rows == 0)
    return G_MAXUINT;

  matrix = g_new0 (double, (gsize) n_rows * n_unknowns);
  for (guint l = 0; l < n_rows; l++)
    {
      const Line *line = &g_array_index (lines, Line, l);
      double *row = matrix + (gsize) l * n_unknowns;

      for (guint m = 0; m < line->members->len; m++)
        {
          int column = column_of[g_array_index (line->members, guint, m)];

          if (column >= 0)
            row[column] += 1.0;
        }
      if (column_of[line->total] >= 0)
        row[column_of[line->total]] -= 1.0;
    }

  for (guint column = 0; column < n_unknowns && pivot_row < n_rows; column++)
    {
      guint best = pivot_row;

      for (guint r = pivot_row + 1; r < n_rows; r++)
        if (fabs (matrix[(gsize) r * n_unknowns + column]) > fabs (matrix[(gsize) best * n_unknowns + column]))
          best = r;
      if (fabs (matrix[(gsize) best * n_unknowns + column]) < 1e-9)
        continue;
      for (guint k = 0; k < n_unknowns; k++)
        {
          double swap = matrix[(gsize) best * n_unknowns + k];

          matrix[(gsize) best * n_unknowns + k] = matrix[(gsize) pivot_row * n_unknowns + k];
          matrix[(gsize) pivot_row * n_unknowns + k] = swap;
        }
      {
        double *pivot = matrix + (gsize) pivot_row * n_unknowns;
        double scale = pivot[column];

        for (guint k = 0; k < n_unknowns; k++)
          pivot[k] /= scale;
        for (guint r = 0; r < n_rows; r++)
          {
            double *row = matrix + (gsize) r * n_unknowns;
            double factor = row[column];

            if (r == pivot_row || fabs (factor) < 1e-12)
              continue;
            for (guint k = 0; k < n_unknowns; k++)
              row[k] -= factor * pivot[k];
          }
      }
      pivot_row++;
    }

  for (guint r = 0; r < pivot_row && found == G_MAXUINT; r++)
    {
      const double *row = matrix + (gsize) r * n_unknowns;
      guint n_nonzero = 0, last = 0;

      for (guint k = 0; k < n_unknowns; k++)
        if (fabs (row[k]) > 1e-9)
          {
            n_nonzero++;
            last = k;
          }
      if (n_nonzero == 1)
        found = g_array_index (unknowns, guint, last);
    }
  return found;
}

/* Steps a search may take for one hidden figure before it counts as
 * given away: tables of a committee report have tens of hidden figures,
 * and another table, where there is one, lies a step or two from the
 * true one. */
#define SEARCH_STEPS 4096

typedef enum
{
  SEARCH_FOUND,
  SEARCH_NONE,
  SEARCH_OUT_OF_STEPS,
} SearchResult;

typedef struct
{
  const LhCountTable *table;
  GArray             *lines;
  gsize               size;
  gint64             *values;     /* the reader's table; -1: open */
  gint64              largest;    /* no hidden figure needs to be larger */
  guint               steps;
} Search;

/* Fills in each line's last open figure; FALSE if some line cannot add
 * up. The figures filled in are appended to `filled`. */
static gboolean
propagate (Search *search, GArray *filled)
{
  gboolean progress = TRUE;

  while (progress)
    {
      progress = FALSE;
      for (guint l = 0; l < search->lines->len; l++)
        {
          const Line *line = &g_array_index (search->lines, Line, l);
          gint64 members = 0;
          guint open = G_MAXUINT, n_open = 0;

          for (guint m = 0; m < line->members->len; m++)
            {
              guint i = g_array_index (line->members, guint, m);

              if (search->values[i] < 0)
                {
                  n_open++;
                  open = i;
                }
              else
                members += search->values[i];
            }
          if (search->values[line->total] < 0)
            {
              n_open++;
              open = line->total;
            }
          if (n_open == 0 && members != search->values[line->total])
            return FALSE;
          if (n_open == 1)
            {
              gint64 value = open == line->total ? members : search->values[line->total] - members;

              if (value < least_of (search->table, open) || value > search->largest)
                return FALSE;
              search->values[open] = value;
              g_array_append_val (filled, open);
              progress = TRUE;
            }
        }
    }
  return TRUE;
}

/* The k-th value to try for figure i: its true value first (but for
 * the target), then outwards from it. -1 when there are no more. */
static gint64
nth_value (const Search *search, guint i, gboolean is_target, guint k)
{
  gint64 truth = search->table->counts[i];
  guint n = is_target ? k + 1 : k;
  gint64 value = n % 2 == 1 ? truth - (gint64) (n + 1) / 2 : truth + (gint64) n / 2;

  if (n > 2 * (guint) MIN (search->largest, G_MAXINT / 2))
    return -1;
  return value;
}

static SearchResult
search_other (Search *search, guint target)
{
  g_autoptr(GArray) filled = g_array_new (FALSE, FALSE, sizeof (guint));
  SearchResult result = SEARCH_NONE;

  if (++search->steps > SEARCH_STEPS)
    return SEARCH_OUT_OF_STEPS;
  if (propagate (search, filled) && search->values[target] != search->table->counts[target])
    {
      guint next = search->values[target] < 0 ? target : G_MAXUINT;

      for (gsize i = 0; i < search->size && next == G_MAXUINT; i++)
        if (search->values[i] < 0)
          next = (guint) i;
      if (next == G_MAXUINT)
        result = SEARCH_FOUND;
      for (guint k = 0; next != G_MAXUINT && result == SEARCH_NONE; k++)
        {
          gint64 value = nth_value (search, next, next == target, k);

          if (value < 0)
            break;
          if (value < least_of (search->table, next) || value > search->largest)
            continue;
          search->values[next] = value;
          result = search_other (search, target);
          search->values[next] = -1;
        }
    }
  for (guint f = 0; f < filled->len; f++)
    search->values[g_array_index (filled, guint, f)] = -1;
  return result;
}

/* A hidden figure for which no other table turns up, searching from the
 * true one; G_MAXUINT if there is none. */
static guint
find_pinned_by_bounds (const LhCountTable *table, GArray *lines)
{
  Search search = { table, lines, (gsize) (table->n_rows + 1) * (table->n_columns + 1), NULL, 1, 0 };
  g_autofree gint64 *values = g_new (gint64, search.size);
  guint found = G_MAXUINT;

  for (gsize i = 0; i < search.size; i++)
    search.largest = MAX (search.largest, MAX (table->counts[i], least_of (table, (guint) i)) + 1);
  search.values = values;
  for (gsize target = 0; target < search.size && found == G_MAXUINT; target++)
    {
      if (!table->suppressed[target])
        continue;
      /* A total not shown is in no line, so it plays no part. */
      for (gsize i = 0; i < search.size; i++)
        values[i] = table->suppressed[i] ? -1 : table->counts[i];
      search.steps = 0;
      if (search_other (&search, (guint) target) != SEARCH_FOUND)
        found = (guint) target;
    }
  return found;
}

/* Any table that agrees with every equation, kept in search->values
 * when one turns up. */
static gboolean
search_any (Search *search)
{
  g_autoptr(GArray) filled = g_array_new (FALSE, FALSE, sizeof (guint));
  guint next = G_MAXUINT;

  if (++search->steps <= SEARCH_STEPS && propagate (search, filled))
    {
      for (gsize i = 0; i < search->size && next == G_MAXUINT; i++)
        if (search->values[i] < 0)
          next = (guint) i;
      if (next == G_MAXUINT)
        return TRUE;
      for (guint k = 0;; k++)
        {
          gint64 value = nth_value (search, next, FALSE, k);

          if (value < 0)
            break;
          if (value < least_of (search->table, next) || value > search->largest)
            continue;
          search->values[next] = value;
          if (search_any (search))
            return TRUE;
          search->values[next] = -1;
        }
    }
  for (guint f = 0; f < filled->len; f++)
    search->values[g_array_index (filled, guint, f)] = -1;
  return FALSE;
}

gboolean
lh_suppression_fill_unknown (LhCountTable *table, GArray *lines)
{
  Search search = { table, lines, (gsize) (table->n_rows + 1) * (table->n_columns + 1), NULL, 1, 0 };
  g_autofree gint64 *values = g_new (gint64, search.size);

  for (gsize i = 0; i < search.size; i++)
    {
      search.largest = MAX (search.largest, MAX (table->counts[i], least_of (table, (guint) i)) + 1);
      /* The search tries values outwards from the least each can be. */
      if (is_unknown (table, (guint) i))
        table->counts[i] = table->least[i];
      values[i] = is_unknown (table, (guint) i) ? -1 : table->counts[i];
    }
  search.values = values;
  if (!search_any (&search))
    return FALSE;
  for (gsize i = 0; i < search.size; i++)
    if (is_unknown (table, (guint) i))
      table->counts[i] = values[i];
  return TRUE;
}

guint
lh_suppression_find_given_away (const LhCountTable *table, GArray *lines)
{
  guint found = find_determined (table, lines);

  return found != G_MAXUINT ? found : find_pinned_by_bounds (table, lines);
}
