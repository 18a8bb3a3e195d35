/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The attacker of suppressed tables, shared by the tests of suppression
 * and of the reports: knowing every figure shown and that the counts add
 * up to the totals shown, it searches for a second table of whole counts
 * that agrees with everything shown and differs in a hidden figure; if
 * there is none, the figure was given away. It also knows that a zero is
 * never hidden (it names nobody), so every hidden figure is at least 1,
 * and that none is above the attack's cap. */
#pragma once

#include "lh-suppression.h"

typedef struct
{
  const LhCountTable *table;
  guint               width;     /* n_columns + 1 */
  guint               size;
  gint64             *values;    /* the attacker's guess; -1: not yet */
  GPtrArray          *lines;     /* (element-type GArray of guint) the
                                  * total first, then its members */
  gint64              cap;       /* no hidden figure is larger */
  const gint64       *least;     /* (nullable) the least the reader knows
                                  * each figure to be (a national sum of
                                  * what other sites published); else 1 */
} Attack;

static inline gint64
least_known (const Attack *attack, guint i)
{
  return attack->least != NULL && attack->least[i] > 0 ? attack->least[i] : 1;
}

static inline GArray *
new_line (guint total)
{
  GArray *line = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_val (line, total);
  return line;
}

/* What the reader knows: which totals are shown and that they add up. */
static inline void
attack_init (Attack *attack, const LhCountTable *table)
{
  guint rows = lh_count_table_n_rows (table), columns = lh_count_table_n_columns (table);
  LhTotals totals = lh_count_table_totals (table);

  attack->table = table;
  attack->width = columns + 1;
  attack->size = (rows + 1) * (columns + 1);
  attack->values = g_new (gint64, attack->size);
  attack->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (totals & LH_TOTALS_ROWS)
    {
      GArray *of_totals = new_line (rows * attack->width + columns);

      for (guint r = 0; r < rows; r++)
        {
          GArray *line = new_line (r * attack->width + columns);
          guint total = r * attack->width + columns;

          for (guint c = 0; c < columns; c++)
            {
              guint cell = r * attack->width + c;
              g_array_append_val (line, cell);
            }
          g_ptr_array_add (attack->lines, line);
          g_array_append_val (of_totals, total);
        }
      g_ptr_array_add (attack->lines, of_totals);
    }
  if (totals & LH_TOTALS_COLUMNS)
    {
      GArray *of_totals = new_line (rows * attack->width + columns);

      for (guint c = 0; c < columns; c++)
        {
          GArray *line = new_line (rows * attack->width + c);
          guint total = rows * attack->width + c;

          for (guint r = 0; r < rows; r++)
            {
              guint cell = r * attack->width + c;
              g_array_append_val (line, cell);
            }
          g_ptr_array_add (attack->lines, line);
          g_array_append_val (of_totals, total);
        }
      g_ptr_array_add (attack->lines, of_totals);
    }
}

static inline void
attack_clear (Attack *attack)
{
  g_clear_pointer (&attack->values, g_free);
  g_clear_pointer (&attack->lines, g_ptr_array_unref);
}

static inline gboolean
shown (const Attack *attack, guint i)
{
  guint r = i / attack->width, c = i % attack->width;

  return lh_count_table_is_published (attack->table, r, c) && !lh_count_table_is_suppressed (attack->table, r, c);
}

/* Whether every line agrees so far; fills in a line's last unknown. */
static inline gboolean
propagate (Attack *attack, GArray *filled)
{
  gboolean progress = TRUE;

  while (progress)
    {
      progress = FALSE;
      for (guint l = 0; l < attack->lines->len; l++)
        {
          GArray *line = g_ptr_array_index (attack->lines, l);
          gint64 sum = 0;
          int unknown = -1, n_unknown = 0;

          /* members add up to the total: member - total = 0 */
          for (guint m = 0; m < line->len; m++)
            {
              guint i = g_array_index (line, guint, m);
              gint64 sign = m == 0 ? -1 : 1;

              if (attack->values[i] < 0)
                {
                  n_unknown++;
                  unknown = (int) m;
                }
              else
                sum += sign * attack->values[i];
            }
          if (n_unknown == 0 && sum != 0)
            return FALSE;
          if (n_unknown == 1)
            {
              guint i = g_array_index (line, guint, unknown);
              gint64 value = unknown == 0 ? sum : -sum;

              if (value < least_known (attack, i) || value > attack->cap)
                return FALSE;
              attack->values[i] = value;
              g_array_append_val (filled, i);
              progress = TRUE;
            }
        }
    }
  return TRUE;
}

/* Whether a table agreeing with all that is shown has `target` other
 * than `avoid`. */
static inline gboolean
search (Attack *attack, guint target, gint64 avoid)
{
  g_autoptr(GArray) filled = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean found = FALSE;
  guint next = G_MAXUINT;

  if (propagate (attack, filled))
    {
      if (attack->values[target] >= 0 && attack->values[target] == avoid)
        found = FALSE;
      else
        {
          for (guint i = 0; i < attack->size && next == G_MAXUINT; i++)
            if (attack->values[i] < 0)
              next = i;
          if (next == G_MAXUINT)
            found = TRUE;
          for (gint64 v = next == G_MAXUINT ? 1 : least_known (attack, next); next != G_MAXUINT && v <= attack->cap && !found; v++)
            {
              if (next == target && v == avoid)
                continue;
              attack->values[next] = v;
              found = search (attack, target, avoid);
              attack->values[next] = -1;
            }
        }
    }
  for (guint k = 0; k < filled->len; k++)
    attack->values[g_array_index (filled, guint, k)] = -1;
  return found;
}

/* The table as the daemon has it, hidden figures in brackets, for a
 * failure's message. */
static inline char *
describe (const LhCountTable *table)
{
  GString *text = g_string_new ("\n");

  for (guint r = 0; r <= lh_count_table_n_rows (table); r++)
    {
      for (guint c = 0; c <= lh_count_table_n_columns (table); c++)
        if (!lh_count_table_is_published (table, r, c))
          g_string_append (text, "     -");
        else if (lh_count_table_is_suppressed (table, r, c))
          g_string_append_printf (text, " [%3" G_GINT64_FORMAT "]", lh_count_table_get (table, r, c));
        else
          g_string_append_printf (text, "  %3" G_GINT64_FORMAT " ", lh_count_table_get (table, r, c));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Asserts no hidden figure, each at most cap, can be worked back by a
 * reader who also knows the least each figure is (least: nullable);
 * truth (nullable) the true figures where the table does not know them
 * (figures hidden before a national merge). Returns how many are hidden. */
static inline guint
attack_assert_nothing_given_away_knowing (const LhCountTable *table, gint64 cap, const gint64 *truth,
                                          const gint64 *least)
{
  Attack attack = { 0 };
  guint n_hidden = 0;

  attack_init (&attack, table);
  attack.cap = cap;
  attack.least = least;
  for (guint target = 0; target < attack.size; target++)
    {
      guint r = target / attack.width, c = target % attack.width;
      gint64 true_value = truth != NULL ? truth[target] : lh_count_table_get (table, r, c);

      if (!lh_count_table_is_published (table, r, c) || !lh_count_table_is_suppressed (table, r, c))
        continue;
      n_hidden++;
      /* A total not shown is in no line: its value plays no part. */
      for (guint i = 0; i < attack.size; i++)
        if (!lh_count_table_is_published (table, i / attack.width, i % attack.width))
          attack.values[i] = 0;
        else
          attack.values[i] = shown (&attack, i) ? lh_count_table_get (table, i / attack.width, i % attack.width) : -1;
      if (!search (&attack, target, true_value))
        {
          g_autofree char *text = describe (table);

          g_error ("The hidden figure at (%u, %u), %" G_GINT64_FORMAT ", can be worked back:%s", r, c,
                   true_value, text);
        }
    }
  attack_clear (&attack);
  return n_hidden;
}

static inline guint
attack_assert_nothing_given_away (const LhCountTable *table, gint64 cap)
{
  return attack_assert_nothing_given_away_knowing (table, cap, NULL, NULL);
}
