/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's equipment section: working items of each kind against the
 * agreed minimum over the period (lh-equipment-compliance.c), and the
 * faults still open at the period's end, by age. Items and faults name
 * nobody, so nothing here is hidden; who reported a fault is never read. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-sections.h"

#include "lh-equipment-compliance.h"

#define DAY  (24 * 3600)
#define WEEK (7 * DAY)

/* In the order of lh_equipment_kinds. */
static const char * const kind_labels[LH_EQUIPMENT_N_KINDS] = {
  "Computers", "Monitors", "Desks", "Chairs", "Lockable cabinets", "Headsets", "Printers",
  "Accessibility equipment", "Other equipment",
};

enum { AGE_UNDER_WEEK, AGE_WEEKS, AGE_OVER_4_WEEKS, N_AGES };

static const char * const age_keys[N_AGES] = { "under-1-week", "1-to-4-weeks", "over-4-weeks" };
static const char * const age_labels[N_AGES] = { "Under a week", "1 to 4 weeks", "Over 4 weeks" };

static LhReportTable *
compliance_tables (const LhEquipmentCompliance *compliance, LhReportTable **out_below)
{
  g_autoptr(LhReportTable) working = lh_report_table_new ("working-against-minimum",
                                                          "Working equipment against the agreed minimum",
                                                          LH_REPORT_UNIT_ITEMS, LH_REPORT_CHART_BARS,
                                                          LH_EQUIPMENT_N_KINDS, 3, LH_TOTALS_NONE);
  g_autoptr(LhReportTable) below = lh_report_table_new ("minutes-below-minimum",
                                                        "Time with fewer working than agreed",
                                                        LH_REPORT_UNIT_MINUTES, LH_REPORT_CHART_BARS,
                                                        LH_EQUIPMENT_N_KINDS, 1, LH_TOTALS_NONE);

  /* The lowest of one site does not add up with another's. */
  working->merge = LH_REPORT_MERGE_NONE;
  working->about_people = FALSE;
  below->about_people = FALSE;
  lh_report_table_add_column (working, "minimum", "Agreed minimum");
  lh_report_table_add_column (working, "working-at-end", "Working at the end");
  lh_report_table_add_column (working, "working-lowest", "Fewest working");
  lh_report_table_add_column (below, "minutes-below", "Time below the minimum");
  for (int k = 0; k < LH_EQUIPMENT_N_KINDS; k++)
    {
      lh_report_table_add_row (working, lh_equipment_kinds[k], kind_labels[k]);
      lh_report_table_add_row (below, lh_equipment_kinds[k], kind_labels[k]);
      lh_count_table_set (working->counts, k, 0, compliance[k].minimum);
      lh_count_table_set (working->counts, k, 1, compliance[k].working_at_end);
      lh_count_table_set (working->counts, k, 2, compliance[k].working_lowest);
      lh_count_table_set (below->counts, k, 0, (compliance[k].seconds_below + 30) / 60);
    }
  *out_below = g_steal_pointer (&below);
  return g_steal_pointer (&working);
}

static int
age_band (gint64 age)
{
  if (age < WEEK)
    return AGE_UNDER_WEEK;
  if (age < 4 * WEEK)
    return AGE_WEEKS;
  return AGE_OVER_4_WEEKS;
}

/* Counts into table the ages at `at` of the faults sql finds open then. */
static gboolean
count_ages (LhStore *store, const char *sql, gint64 at, LhReportTable *table, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, at);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    lh_count_table_add (table->counts, age_band (at - sqlite3_column_int64 (stmt, 0)), 0, 1);
  return ok;
}

static LhReportTable *
open_faults_table (LhStore *store, gint64 to, gint64 now, GError **error)
{
  g_autoptr(LhReportTable) table = lh_report_table_new ("open-faults-by-age", "Faults open at the end, by age",
                                                        LH_REPORT_UNIT_COUNT, LH_REPORT_CHART_BARS, N_AGES, 1,
                                                        LH_TOTALS_COLUMNS);
  /* A period ending later than now ends, for its faults, now. */
  gint64 end = MIN (to, now);

  table->about_people = FALSE;
  lh_report_table_add_column (table, "faults", "Faults");
  for (int a = 0; a < N_AGES; a++)
    lh_report_table_add_row (table, age_keys[a], age_labels[a]);
  /* Open then: still open now, or repaired since. A fault a linked
   * computer carried on was not repaired: its carrier counts instead. */
  if (!count_ages (store, LH_REPORT_FAULTS_OPEN_SQL, end, table, error) ||
      !count_ages (store, LH_REPORT_FAULTS_REPAIRED_SQL, end, table, error))
    return NULL;
  return g_steal_pointer (&table);
}

LhReportSection *
lh_report_section_equipment (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now,
                             GError **error)
{
  g_autoptr(LhReportSection) section = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  LhEquipmentCompliance compliance[LH_EQUIPMENT_N_KINDS];
  LhReportTable *below = NULL;
  LhReportTable *faults;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  tx = lh_store_begin_read (store, error);
  if (tx == NULL || !lh_equipment_compliance (store, from, to, compliance, error))
    return NULL;
  section = lh_report_section_new ("equipment", "Equipment");
  lh_report_section_add_table (section, compliance_tables (compliance, &below));
  lh_report_section_add_table (section, below);
  faults = open_faults_table (store, to, now, error);
  if (faults == NULL)
    return NULL;
  lh_report_section_add_table (section, faults);
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&section);
}
