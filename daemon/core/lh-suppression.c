/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Primary and complementary suppression of a table of counts. Each row
 * or column with a published total is an equation: its counts add up to
 * its total. Someone who reads the published figures knows every
 * equation and every figure that is not suppressed; a suppressed figure
 * is safe only if those equations leave it open. Two rules keep it open
 * in practice (no suppressed figure alone in an equation, and at least
 * the threshold hidden in each); a last check (lh-suppression-check.c)
 * attacks the table as a reader would, to catch a figure pinned down
 * through several equations at once. */
#define G_LOG_DOMAIN "lh-suppression"

#include "lh-suppression-private.h"

LhCountTable *
lh_count_table_new (guint n_rows, guint n_columns, LhTotals totals)
{
  LhCountTable *table = g_new0 (LhCountTable, 1);
  gsize size = (gsize) (n_rows + 1) * (n_columns + 1);

  table->n_rows = n_rows;
  table->n_columns = n_columns;
  table->totals = totals;
  table->counts = g_new0 (gint64, size);
  table->suppressed = g_new0 (gboolean, size);
  return table;
}

void
lh_count_table_free (LhCountTable *table)
{
  if (table == NULL)
    return;
  g_free (table->counts);
  g_free (table->suppressed);
  g_free (table->people);
  g_free (table->least);
  g_free (table);
}

guint
lh_count_table_n_rows (const LhCountTable *table)
{
  return table->n_rows;
}

guint
lh_count_table_n_columns (const LhCountTable *table)
{
  return table->n_columns;
}

LhTotals
lh_count_table_totals (const LhCountTable *table)
{
  return table->totals;
}

void
lh_count_table_add (LhCountTable *table, guint row, guint column, gint64 count)
{
  g_return_if_fail (row < table->n_rows && column < table->n_columns);
  g_return_if_fail (table->counts[index_of (table, row, column)] + count >= 0);

  /* The totals are kept as the cells change, so they always agree. */
  table->counts[index_of (table, row, column)] += count;
  table->counts[index_of (table, row, table->n_columns)] += count;
  table->counts[index_of (table, table->n_rows, column)] += count;
  table->counts[index_of (table, table->n_rows, table->n_columns)] += count;
}

void
lh_count_table_set (LhCountTable *table, guint row, guint column, gint64 count)
{
  g_return_if_fail (row < table->n_rows && column < table->n_columns);
  g_return_if_fail (count >= 0);

  lh_count_table_add (table, row, column, count - table->counts[index_of (table, row, column)]);
}

void
lh_count_table_set_people (LhCountTable *table, guint row, guint column, gint64 people)
{
  g_return_if_fail (row <= table->n_rows && column <= table->n_columns);
  g_return_if_fail (people >= 0);

  if (table->people == NULL)
    table->people = g_new0 (gint64, (gsize) (table->n_rows + 1) * (table->n_columns + 1));
  table->people[index_of (table, row, column)] = people;
}

void
lh_count_table_hide (LhCountTable *table, guint row, guint column, gint64 at_least)
{
  g_return_if_fail (row <= table->n_rows && column <= table->n_columns);
  g_return_if_fail (at_least >= 1);

  if (table->least == NULL)
    table->least = g_new0 (gint64, (gsize) (table->n_rows + 1) * (table->n_columns + 1));
  table->least[index_of (table, row, column)] = at_least;
  table->suppressed[index_of (table, row, column)] = TRUE;
}

void
lh_count_table_suppress_also (LhCountTable *table, guint row, guint column)
{
  guint i;

  g_return_if_fail (row <= table->n_rows && column <= table->n_columns);
  g_return_if_fail (lh_count_table_is_published (table, row, column));

  i = index_of (table, row, column);
  if (table->counts[i] > 0 || is_unknown (table, i))
    table->suppressed[i] = TRUE;
}

void
lh_count_table_set_total (LhCountTable *table, guint row, guint column, gint64 count)
{
  g_return_if_fail (row <= table->n_rows && column <= table->n_columns);
  g_return_if_fail (row == table->n_rows || column == table->n_columns);
  g_return_if_fail (count >= 0);

  table->counts[index_of (table, row, column)] = count;
}

gint64
lh_count_table_get_people (const LhCountTable *table, guint row, guint column)
{
  g_return_val_if_fail (row <= table->n_rows && column <= table->n_columns, -1);
  return table->people != NULL ? table->people[index_of (table, row, column)] : -1;
}

gint64
lh_count_table_get (const LhCountTable *table, guint row, guint column)
{
  g_return_val_if_fail (row <= table->n_rows && column <= table->n_columns, 0);
  return table->counts[index_of (table, row, column)];
}

gboolean
lh_count_table_is_published (const LhCountTable *table, guint row, guint column)
{
  gboolean row_total = column == table->n_columns;
  gboolean column_total = row == table->n_rows;

  g_return_val_if_fail (row <= table->n_rows && column <= table->n_columns, FALSE);
  if (row_total && column_total)
    return table->totals != LH_TOTALS_NONE;
  if (row_total)
    return (table->totals & LH_TOTALS_ROWS) != 0;
  if (column_total)
    return (table->totals & LH_TOTALS_COLUMNS) != 0;
  return TRUE;
}

gboolean
lh_count_table_is_suppressed (const LhCountTable *table, guint row, guint column)
{
  g_return_val_if_fail (row <= table->n_rows && column <= table->n_columns, TRUE);
  return table->suppressed[index_of (table, row, column)];
}

static void
line_clear (Line *line)
{
  g_clear_pointer (&line->members, g_array_unref);
}

static Line *
add_line (GArray *lines, guint total)
{
  Line line = { total, g_array_new (FALSE, FALSE, sizeof (guint)) };

  g_array_append_val (lines, line);
  return &g_array_index (lines, Line, lines->len - 1);
}

/* Every equation a reader of the table knows. */
static GArray *
table_lines (const LhCountTable *table)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  guint grand = index_of (table, table->n_rows, table->n_columns);

  g_array_set_clear_func (lines, (GDestroyNotify) line_clear);
  if (table->totals & LH_TOTALS_ROWS)
    {
      Line *totals_line;

      for (guint r = 0; r < table->n_rows; r++)
        {
          Line *line = add_line (lines, index_of (table, r, table->n_columns));

          for (guint c = 0; c < table->n_columns; c++)
            {
              guint member = index_of (table, r, c);
              g_array_append_val (line->members, member);
            }
        }
      totals_line = add_line (lines, grand);
      for (guint r = 0; r < table->n_rows; r++)
        {
          guint member = index_of (table, r, table->n_columns);
          g_array_append_val (totals_line->members, member);
        }
    }
  if (table->totals & LH_TOTALS_COLUMNS)
    {
      Line *totals_line;

      for (guint c = 0; c < table->n_columns; c++)
        {
          Line *line = add_line (lines, index_of (table, table->n_rows, c));

          for (guint r = 0; r < table->n_rows; r++)
            {
              guint member = index_of (table, r, c);
              g_array_append_val (line->members, member);
            }
        }
      totals_line = add_line (lines, grand);
      for (guint c = 0; c < table->n_columns; c++)
        {
          guint member = index_of (table, table->n_rows, c);
          g_array_append_val (totals_line->members, member);
        }
    }
  return lines;
}

/* Hides one more figure of the line: the smallest count above zero (it
 * costs the reader least), else its total. A zero is never hidden: it
 * names nobody, and a reader who knows every hidden figure is at least 1
 * would be misled by none. FALSE if nothing is left to hide. */
static gboolean
suppress_one_more (LhCountTable *table, const Line *line)
{
  guint best = G_MAXUINT;

  for (guint m = 0; m < line->members->len; m++)
    {
      guint i = g_array_index (line->members, guint, m);

      if (!table->suppressed[i] && table->counts[i] > 0 && (best == G_MAXUINT || table->counts[i] < table->counts[best]))
        best = i;
    }
  if (best == G_MAXUINT && !table->suppressed[line->total])
    best = line->total;
  if (best == G_MAXUINT || table->counts[best] == 0)
    return FALSE;
  table->suppressed[best] = TRUE;
  return TRUE;
}

/* Whether the reader learns too much from this equation alone: a
 * suppressed figure alone in it, or (with its total shown) hidden counts
 * that add up to less than the threshold, or to no more than one each:
 * each hidden count is at least 1, so two adding up to 2 are 1 and 1. */
static gboolean
line_gives_away (const LhCountTable *table, const Line *line, int threshold)
{
  guint n_hidden = table->suppressed[line->total] ? 1 : 0;
  gint64 hidden_sum = 0;

  for (guint m = 0; m < line->members->len; m++)
    {
      guint i = g_array_index (line->members, guint, m);

      if (table->suppressed[i])
        {
          n_hidden++;
          /* Of one hidden before, only the least it can be is known. */
          hidden_sum += is_unknown (table, i) ? table->least[i] : table->counts[i];
        }
    }
  if (n_hidden == 1)
    return TRUE;
  if (table->suppressed[line->total] || n_hidden == 0)
    return FALSE;
  /* Minutes adding up to less than the threshold name nobody: the rule
   * is for counts of people. */
  return (table->people == NULL && hidden_sum < threshold) || hidden_sum <= (gint64) n_hidden;
}

/* Applies the two rules to every equation until none gives anything
 * away; each pass hides more, so this ends. */
static void
protect_lines (LhCountTable *table, GArray *lines, int threshold)
{
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint l = 0; l < lines->len; l++)
        {
          const Line *line = &g_array_index (lines, Line, l);

          while (line_gives_away (table, line, threshold) && suppress_one_more (table, line))
            changed = TRUE;
        }
    }
}

/* Hides one more figure in an equation holding the determined one. */
static gboolean
open_up (LhCountTable *table, GArray *lines, guint determined)
{
  for (guint l = 0; l < lines->len; l++)
    {
      const Line *line = &g_array_index (lines, Line, l);
      gboolean holds = line->total == determined;

      for (guint m = 0; !holds && m < line->members->len; m++)
        holds = g_array_index (line->members, guint, m) == determined;
      if (holds && suppress_one_more (table, line))
        return TRUE;
    }
  return FALSE;
}

/* The last resort, when hiding more around a figure given away is not
 * possible: only the zeros are shown. */
static void
hide_every_count (LhCountTable *table)
{
  for (guint r = 0; r <= table->n_rows; r++)
    for (guint c = 0; c <= table->n_columns; c++)
      if (lh_count_table_is_published (table, r, c) && table->counts[index_of (table, r, c)] > 0)
        table->suppressed[index_of (table, r, c)] = TRUE;
}

void
lh_count_table_suppress (LhCountTable *table, int threshold)
{
  g_autoptr(GArray) lines = NULL;
  guint determined;

  g_return_if_fail (table != NULL);
  /* What was hidden before is kept safe whatever the threshold. */
  if (threshold <= 1 && table->least == NULL)
    return;

  for (guint r = 0; r <= table->n_rows; r++)
    for (guint c = 0; c <= table->n_columns; c++)
      {
        guint i = index_of (table, r, c);

        /* A figure from fewer people than the threshold. */
        gint64 people = table->people != NULL ? table->people[i] : table->counts[i];

        if (lh_count_table_is_published (table, r, c) && table->counts[i] > 0 && people < threshold)
          table->suppressed[i] = TRUE;
      }
  lines = table_lines (table);
  protect_lines (table, lines, threshold);
  if (table->least != NULL && !lh_suppression_fill_unknown (table, lines))
    {
      hide_every_count (table);
      return;
    }
  while ((determined = lh_suppression_find_given_away (table, lines)) != G_MAXUINT)
    {
      if (!open_up (table, lines, determined))
        {
          hide_every_count (table);
          break;
        }
      protect_lines (table, lines, threshold);
    }
}
