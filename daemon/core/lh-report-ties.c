/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-ties.h"

#include "lh-equality.h"
#include "lh-time-off.h"

/* A figure of a table: a cell, or a total (row n_rows, column
 * n_columns). */
typedef struct
{
  LhReportTable *table;
  guint          row;
  guint          column;
} Figure;

static LhReportTable *
find_table (const LhReport *report, const char *id)
{
  for (guint s = 0; s < report->sections->len; s++)
    {
      const LhReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        {
          LhReportTable *table = g_ptr_array_index (section->tables, t);

          if (g_str_equal (table->id, id))
            return table;
        }
    }
  return NULL;
}

/* The index of key among keys, or keys->len (the total) for NULL. */
static gboolean
index_of_key (GPtrArray *keys, const char *key, guint *index)
{
  if (key == NULL)
    {
      *index = keys->len;
      return TRUE;
    }
  return g_ptr_array_find_with_equal_func (keys, key, g_str_equal, index);
}

/* Adds the figure to the tie if the report has it (a national report
 * leaves out the tables about one site, a period without departments
 * has no such rows) and shows it. */
static void
tie_add (GArray *tie, const LhReport *report, const char *table_id, const char *row_key, const char *column_key)
{
  Figure figure = { find_table (report, table_id), 0, 0 };

  if (figure.table == NULL || !figure.table->about_people ||
      !index_of_key (figure.table->row_keys, row_key, &figure.row) ||
      !index_of_key (figure.table->column_keys, column_key, &figure.column) ||
      !lh_count_table_is_published (figure.table->counts, figure.row, figure.column))
    return;
  g_array_append_val (tie, figure);
}

static GArray *
tie_new (GPtrArray *ties)
{
  GArray *tie = g_array_new (FALSE, FALSE, sizeof (Figure));

  g_ptr_array_add (ties, tie);
  return tie;
}

/* Every tie of the report, as described in lh-report-ties.h. */
static GPtrArray *
report_ties (const LhReport *report)
{
  static const char * const kinds[] = { "granted", "taken" };
  GPtrArray *ties = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  const LhEqualityFactor *factors;
  guint n_factors;
  GArray *tie;

  tie = tie_new (ties);
  tie_add (tie, report, "minutes-by-week", NULL, NULL);
  tie_add (tie, report, "minutes-by-pc", NULL, NULL);
  tie_add (tie, report, "busy-hours", NULL, NULL);

  for (guint c = 0; lh_time_off_categories[c] != NULL; c++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *column = g_strconcat (lh_time_off_categories[c], "-", kinds[k], NULL);

        tie = tie_new (ties);
        tie_add (tie, report, "minutes-by-category", lh_time_off_categories[c], kinds[k]);
        tie_add (tie, report, "minutes-by-department", NULL, column);
      }

  factors = lh_equality_factors (&n_factors);
  for (guint k = 0; k < 3; k++)
    {
      const char *column = k == 0 ? "learners" : k == 1 ? "workforce" : NULL;

      tie = tie_new (ties);
      for (guint f = 0; f < n_factors; f++)
        tie_add (tie, report, factors[f].key, NULL, column);
    }
  return ties;
}

static gboolean
tie_has_hidden (GArray *tie)
{
  for (guint i = 0; i < tie->len; i++)
    {
      const Figure *figure = &g_array_index (tie, Figure, i);

      if (lh_count_table_is_suppressed (figure->table->counts, figure->row, figure->column))
        return TRUE;
    }
  return FALSE;
}

void
lh_report_suppress_ties (LhReport *report)
{
  g_autoptr(GPtrArray) ties = report_ties (report);
  gboolean changed = TRUE;

  /* Each pass only hides more, so this ends. */
  while (changed)
    {
      changed = FALSE;
      for (guint t = 0; t < ties->len; t++)
        {
          GArray *tie = g_ptr_array_index (ties, t);

          if (!tie_has_hidden (tie))
            continue;
          for (guint i = 0; i < tie->len; i++)
            {
              const Figure *figure = &g_array_index (tie, Figure, i);
              LhCountTable *counts = figure->table->counts;

              if (lh_count_table_is_suppressed (counts, figure->row, figure->column))
                continue;
              lh_count_table_suppress_also (counts, figure->row, figure->column);
              if (lh_count_table_is_suppressed (counts, figure->row, figure->column))
                {
                  lh_count_table_suppress (counts, report->threshold);
                  changed = TRUE;
                }
            }
        }
    }
}
