/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's advice section: requests by topic and by outcome
 * (lh-advice-counts.c opens each sealed request of the period), and how
 * long people queued at drop-ins before a ULR called them, as counts in
 * bands. Counts only: who asked, and when, never leaves this file. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-sections.h"

#include "lh-advice.h"
#include "lh-advice-counts.h"
#include "lh-people-tally.h"

#define MINUTE 60

/* In the order of lh_advice_topics. */
static const char * const topic_labels[] = {
  "English and maths", "ESOL", "Digital skills", "Courses and funding", "Apprenticeships",
  "Higher education", "Careers", "Time to train", "Dyslexia", "Learning MOT", "Other", NULL,
};

/* In the order of lh_advice_outcomes. */
static const char * const outcome_labels[] = {
  "Signposted to a course", "Assessment booked", "Learning plan agreed", "Referred to the careers service",
  "Funding advice", "Time to train explained", "Follow-up booked", "Other", NULL,
};

/* Not called: left the queue, or not seen before the drop-in closed. */
enum { WAIT_UNDER_10, WAIT_10_TO_30, WAIT_30_TO_60, WAIT_OVER_60, WAIT_NOT_CALLED, N_WAITS };

static const char * const wait_keys[N_WAITS] = {
  "under-10-minutes", "10-to-30-minutes", "30-to-60-minutes", "over-60-minutes", "not-called",
};
static const char * const wait_labels[N_WAITS] = {
  "Under 10 minutes", "10 to 30 minutes", "30 to 60 minutes", "Over an hour", "Not called",
};

G_STATIC_ASSERT (G_N_ELEMENTS (topic_labels) == 12);
G_STATIC_ASSERT (G_N_ELEMENTS (outcome_labels) == 9);

static LhReportTable *
names_table (const char *id, const char *title, const char * const *keys, const char * const *labels,
             const int *counts, const LhPeopleTally *people, LhTotals totals)
{
  guint n = g_strv_length ((char **) keys);
  LhReportTable *table = lh_report_table_new (id, title, LH_REPORT_UNIT_COUNT, LH_REPORT_CHART_BARS, n, 1,
                                              totals);

  lh_report_table_add_column (table, "requests", "Requests");
  for (guint i = 0; i < n; i++)
    {
      lh_report_table_add_row (table, keys[i], labels[i]);
      lh_count_table_set (table->counts, i, 0, counts[i]);
    }
  lh_people_tally_set_people (people, table->counts);
  return table;
}

static int
wait_band (gint64 waited)
{
  if (waited < 10 * MINUTE)
    return WAIT_UNDER_10;
  if (waited < 30 * MINUTE)
    return WAIT_10_TO_30;
  if (waited < 60 * MINUTE)
    return WAIT_30_TO_60;
  return WAIT_OVER_60;
}

/* Requests still waiting are left out: how long they wait is not known
 * yet. */
static LhReportTable *
waits_table (LhStore *store, gint64 from, gint64 to, GError **error)
{
  g_autoptr(LhReportTable) table = lh_report_table_new ("queue-waits", "Waiting at drop-ins",
                                                        LH_REPORT_UNIT_COUNT, LH_REPORT_CHART_BARS, N_WAITS, 1,
                                                        LH_TOTALS_COLUMNS);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_REPORT_ADVICE_WAITS_SQL, error);
  g_autoptr(LhPeopleTally) people = lh_people_tally_new (N_WAITS, 1);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  lh_report_table_add_column (table, "requests", "Requests");
  for (int w = 0; w < N_WAITS; w++)
    lh_report_table_add_row (table, wait_keys[w], wait_labels[w]);
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      int band = WAIT_NOT_CALLED;

      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        band = wait_band (sqlite3_column_int64 (stmt, 1) - sqlite3_column_int64 (stmt, 0));
      lh_count_table_add (table->counts, band, 0, 1);
      lh_people_tally_add (people, band, 0, sqlite3_column_int64 (stmt, 2));
    }
  if (!ok)
    return NULL;
  lh_people_tally_set_people (people, table->counts);
  return g_steal_pointer (&table);
}

LhReportSection *
lh_report_section_advice (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now,
                          GError **error)
{
  g_autoptr(LhReportSection) section = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhAdviceCounts) counts = NULL;
  LhReportTable *waits;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  tx = lh_store_begin_read (store, error);
  if (tx == NULL)
    return NULL;
  counts = lh_advice_count (store, centre, from, to, error);
  if (counts == NULL)
    return NULL;
  section = lh_report_section_new ("advice", "Advice");
  lh_report_section_add_table (section, names_table ("requests-by-topic", "Requests by topic", lh_advice_topics,
                                                     topic_labels, counts->by_topic, counts->people_by_topic,
                                                     LH_TOTALS_COLUMNS));
  /* A request may have several outcomes, or none: no total. */
  lh_report_section_add_table (section, names_table ("requests-by-outcome", "Outcomes recorded",
                                                     lh_advice_outcomes, outcome_labels, counts->by_outcome,
                                                     counts->people_by_outcome, LH_TOTALS_NONE));
  waits = waits_table (store, from, to, error);
  if (waits == NULL)
    return NULL;
  lh_report_section_add_table (section, waits);
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&section);
}
