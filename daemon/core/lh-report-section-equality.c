/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's equality section: for each factor, take-up of learning by
 * group against the workforce's make-up. */
#define G_LOG_DOMAIN "lh-equality"

#include "lh-equality.h"

#include "lh-error.h"

enum
{
  COLUMN_LEARNERS,
  COLUMN_WORKFORCE,
  N_COLUMNS
};

static GArray *
read_learners (LhStore *store, gint64 from, gint64 to, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_EQUALITY_LEARNERS_SQL, error);
  gboolean has_row = TRUE;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while (TRUE)
    {
      gint64 id;

      if (!lh_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* The row of group in factor's table: its groups, then "not declared". */
static guint
row_of (const LhEqualityFactor *factor, const char *group)
{
  for (guint i = 0; group != NULL && i < factor->n_groups; i++)
    if (g_str_equal (factor->groups[i].key, group))
      return i;
  return factor->n_groups;
}

static LhReportTable *
factor_table (const LhEqualityFactor *factor)
{
  LhReportTable *table = lh_report_table_new (factor->key, factor->label, LH_REPORT_UNIT_PEOPLE,
                                              LH_REPORT_CHART_BARS, factor->n_groups + 1, N_COLUMNS,
                                              LH_TOTALS_COLUMNS);

  for (guint i = 0; i < factor->n_groups; i++)
    lh_report_table_add_row (table, factor->groups[i].key, factor->groups[i].label);
  lh_report_table_add_row (table, LH_EQUALITY_NOT_DECLARED, "Not declared");
  lh_report_table_add_column (table, "learners", "Learners");
  lh_report_table_add_column (table, "workforce", "Workforce");
  return table;
}

static gboolean
count_workforce (LhStore *store, const LhEqualityFactor *factor, LhReportTable *table, GError **error)
{
  for (guint row = 0; row <= factor->n_groups; row++)
    {
      const char *group = row < factor->n_groups ? factor->groups[row].key : LH_EQUALITY_NOT_DECLARED;
      gint64 people = lh_workforce_profile_get (store, factor->key, group, error);

      if (people < 0)
        return FALSE;
      lh_count_table_set (table->counts, row, COLUMN_WORKFORCE, people);
    }
  return TRUE;
}

LhReportSection *
lh_report_section_equality (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now,
                            GError **error)
{
  g_autoptr(LhReportSection) section = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GArray) learners = NULL;
  const LhEqualityFactor *factors;
  LhReportTable **tables;
  guint n_factors;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (from <= to, NULL);
  /* Learning booked ahead of now is take-up too: now changes nothing. */
  (void) now;

  factors = lh_equality_factors (&n_factors);
  section = lh_report_section_new ("equality", "Equality: take-up against the workforce");
  tables = g_newa (LhReportTable *, n_factors);
  for (guint f = 0; f < n_factors; f++)
    {
      tables[f] = factor_table (&factors[f]);
      lh_report_section_add_table (section, tables[f]);
    }

  tx = lh_store_begin_read (store, error);
  if (tx == NULL)
    return NULL;
  learners = read_learners (store, from, to, error);
  if (learners == NULL)
    return NULL;
  /* Each learner's answers, found by their keyed hash: a lookup each. */
  for (guint i = 0; i < learners->len; i++)
    {
      g_autoptr(GHashTable) answers =
        lh_equality_get_answers (store, centre, g_array_index (learners, gint64, i), error);

      if (answers == NULL)
        return NULL;
      for (guint f = 0; f < n_factors; f++)
        lh_count_table_add (tables[f]->counts, row_of (&factors[f], g_hash_table_lookup (answers, factors[f].key)),
                            COLUMN_LEARNERS, 1);
    }
  for (guint f = 0; f < n_factors; f++)
    if (!count_workforce (store, &factors[f], tables[f], error))
      return NULL;
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&section);
}
