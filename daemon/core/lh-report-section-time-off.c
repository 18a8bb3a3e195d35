/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's paid time off section: for the staff on the roster, the
 * time granted and taken in the period against what the terms in force
 * entitle them to (lh-time-off-balance.c, each agreement year's share
 * that falls in the period), matched time, the same by department, the
 * requests waiting now, and how many requests were decided later than the
 * terms' decide_within_days, or not at all.
 *
 * Granted is paid time approved for the period's bookings, and time an
 * admin recorded as used outside the centre; taken is what was used.
 * Every table is about people: each figure says how many people it comes
 * from, for the report to hide the small ones. */
#define G_LOG_DOMAIN "lh-report"

#include <string.h>

#include "lh-report-sections.h"

#include "lh-error.h"
#include "lh-people-tally.h"
#include "lh-report-entitlement.h"
#include "lh-terms.h"
#include "lh-time-off.h"

#define DAY (24 * 3600)
#define N_CATEGORIES LH_ENTITLEMENT_N_CATEGORIES

enum { ENTITLED, GRANTED, TAKEN, N_FIGURES };
enum { NEEDED_DECISION, DECIDED_LATE, NOT_DECIDED, N_DECISION_COLUMNS };

static const char * const category_labels[N_CATEGORIES] = {
  "Paid learning time", "Assessment and exam time", "ESOL class time", "Apprentice study time",
};

/* One person's figures for the period. */
typedef struct
{
  char   *department;
  double  entitled[N_CATEGORIES];
  double  matched;
  gint64  granted[N_CATEGORIES];
  gint64  taken[N_CATEGORIES];
  gint64  own;
} Figures;

static void
figures_free (Figures *figures)
{
  g_free (figures->department);
  g_free (figures);
}

static int
category_index (const char *category)
{
  for (int c = 0; c < N_CATEGORIES; c++)
    if (g_strcmp0 (lh_time_off_categories[c], category) == 0)
      return c;
  return -1;
}

static Figures *
figures_for (GHashTable *people, gint64 person_id)
{
  Figures *figures = g_hash_table_lookup (people, &person_id);

  if (figures == NULL)
    {
      figures = g_new0 (Figures, 1);
      g_hash_table_insert (people, g_memdup2 (&person_id, sizeof person_id), figures);
    }
  return figures;
}

/* Granted and taken, and own time used, from one of the ledger's
 * movements that fell in the period. */
static void
add_movement (gint64 person_id, LhStmt *row, gpointer user_data)
{
  int c = category_index ((const char *) sqlite3_column_text (row, LH_ENTITLEMENT_LEDGER_CATEGORY));
  const char *kind = (const char *) sqlite3_column_text (row, LH_ENTITLEMENT_LEDGER_KIND);
  gint64 taken = sqlite3_column_int64 (row, LH_ENTITLEMENT_LEDGER_TAKEN);
  Figures *figures;

  if (c < 0)
    return;
  figures = figures_for (user_data, person_id);
  if (g_str_equal (kind, "approved"))
    figures->granted[c] += sqlite3_column_int64 (row, LH_ENTITLEMENT_LEDGER_BOOKED);
  else if (g_str_equal (kind, "adjusted"))
    figures->granted[c] += taken;
  figures->taken[c] += taken;
  if (c == 0)
    figures->own += sqlite3_column_int64 (row, LH_ENTITLEMENT_LEDGER_OWN);
}

/* Everyone on the roster, with what they are entitled to in the period,
 * and the period's movements of their time, read with it. */
static gboolean
read_roster (LhStore *store, const LhCentre *centre, GArray *versions, gint64 from, gint64 to,
             GHashTable *people, GError **error)
{
  g_autoptr(GHashTable) shares = lh_report_entitlements (store, centre, versions, from, to, add_movement, people,
                                                         error);
  GHashTableIter iter;
  gint64 *id;
  LhEntitlementShare *share;

  if (shares == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, shares);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &share))
    {
      Figures *figures = figures_for (people, *id);

      figures->department = g_strdup (share->department != NULL ? share->department : "");
      memcpy (figures->entitled, share->minutes, sizeof figures->entitled);
      figures->matched = share->matched;
    }
  return TRUE;
}

/* Adds one person's figure to a cell, counting them behind it if it is
 * not nothing. A correction in the period of time given before it can
 * leave a person's figure below zero: it counts as nothing. */
static void
add_figure (LhCountTable *counts, gint64 *people, guint row, guint column, gint64 minutes)
{
  if (minutes <= 0)
    return;
  lh_count_table_add (counts, row, column, minutes);
  people[row * lh_count_table_n_columns (counts) + column]++;
}

static void
set_people (LhCountTable *counts, const gint64 *people)
{
  guint n_columns = lh_count_table_n_columns (counts);

  for (guint r = 0; r < lh_count_table_n_rows (counts); r++)
    for (guint c = 0; c < n_columns; c++)
      lh_count_table_set_people (counts, r, c, people[r * n_columns + c]);
}

static LhReportTable *
category_table (GHashTable *people, LhReportTable **out_matched)
{
  g_autoptr(LhReportTable) table = lh_report_table_new ("minutes-by-category",
                                                        "Paid time off against entitlement",
                                                        LH_REPORT_UNIT_MINUTES, LH_REPORT_CHART_BARS,
                                                        N_CATEGORIES, N_FIGURES, LH_TOTALS_NONE);
  g_autoptr(LhReportTable) matched = lh_report_table_new ("matched-time", "Matched time",
                                                          LH_REPORT_UNIT_MINUTES, LH_REPORT_CHART_BARS, 1, 2,
                                                          LH_TOTALS_NONE);
  g_autofree gint64 *behind = g_new0 (gint64, N_CATEGORIES * N_FIGURES);
  gint64 matched_behind[2] = { 0, 0 };
  GHashTableIter iter;
  Figures *figures;

  lh_report_table_add_column (table, "entitlement", "Entitlement");
  lh_report_table_add_column (table, "granted", "Granted");
  lh_report_table_add_column (table, "taken", "Time taken");
  for (int c = 0; c < N_CATEGORIES; c++)
    lh_report_table_add_row (table, lh_time_off_categories[c], category_labels[c]);
  lh_report_table_add_row (matched, "learning", category_labels[0]);
  lh_report_table_add_column (matched, "own-time", "Own time used");
  lh_report_table_add_column (matched, "matched", "Paid time matched");
  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &figures))
    {
      gint64 matched_minutes = (gint64) (figures->matched + 0.5);

      for (int c = 0; c < N_CATEGORIES; c++)
        {
          add_figure (table->counts, behind, c, ENTITLED, (gint64) (figures->entitled[c] + 0.5));
          add_figure (table->counts, behind, c, GRANTED, figures->granted[c]);
          add_figure (table->counts, behind, c, TAKEN, figures->taken[c]);
        }
      add_figure (matched->counts, matched_behind, 0, 0, figures->own);
      add_figure (matched->counts, matched_behind, 0, 1, matched_minutes);
    }
  set_people (table->counts, behind);
  set_people (matched->counts, matched_behind);
  *out_matched = g_steal_pointer (&matched);
  return g_steal_pointer (&table);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static LhReportTable *
department_table (GHashTable *people)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) departments = g_ptr_array_new ();
  g_autoptr(LhReportTable) table = NULL;
  g_autofree gint64 *behind = NULL;
  gint64 everyone = 0;
  GHashTableIter iter;
  Figures *figures;

  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &figures))
    if (!g_hash_table_contains (rows, figures->department))
      {
        g_hash_table_add (rows, figures->department);
        g_ptr_array_add (departments, figures->department);
      }
  g_ptr_array_sort (departments, compare_names);
  /* Its column totals are the figures of the table by category: shown,
   * so that they are hidden together (lh-report-ties.c). */
  table = lh_report_table_new ("minutes-by-department", "Paid time off granted and taken, by department",
                               LH_REPORT_UNIT_MINUTES, LH_REPORT_CHART_BARS, departments->len, 2 * N_CATEGORIES,
                               LH_TOTALS_COLUMNS);
  for (guint d = 0; d < departments->len; d++)
    {
      const char *name = g_ptr_array_index (departments, d);

      g_hash_table_insert (rows, (gpointer) name, GUINT_TO_POINTER (d));
      lh_report_table_add_row (table, name, name[0] != '\0' ? name : "No department");
    }
  for (int c = 0; c < N_CATEGORIES; c++)
    {
      g_autofree char *granted_key = g_strconcat (lh_time_off_categories[c], "-granted", NULL);
      g_autofree char *taken_key = g_strconcat (lh_time_off_categories[c], "-taken", NULL);
      g_autofree char *granted_label = g_strconcat (category_labels[c], ", granted", NULL);
      g_autofree char *taken_label = g_strconcat (category_labels[c], ", taken", NULL);

      lh_report_table_add_column (table, granted_key, granted_label);
      lh_report_table_add_column (table, taken_key, taken_label);
    }
  behind = g_new0 (gint64, departments->len * 2 * N_CATEGORIES);
  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &figures))
    {
      guint row = GPOINTER_TO_UINT (g_hash_table_lookup (rows, figures->department));
      gboolean any = FALSE;

      for (int c = 0; c < N_CATEGORIES; c++)
        {
          add_figure (table->counts, behind, row, 2 * c, figures->granted[c]);
          add_figure (table->counts, behind, row, 2 * c + 1, figures->taken[c]);
          any = any || figures->granted[c] > 0 || figures->taken[c] > 0;
        }
      everyone += any ? 1 : 0;
    }
  set_people (table->counts, behind);
  /* Each person is in one department: a column's people add up. */
  for (guint c = 0; c < 2 * N_CATEGORIES; c++)
    {
      gint64 column_people = 0;

      for (guint d = 0; d < departments->len; d++)
        column_people += behind[d * 2 * N_CATEGORIES + c];
      lh_count_table_set_people (table->counts, departments->len, c, column_people);
    }
  lh_count_table_set_people (table->counts, departments->len, 2 * N_CATEGORIES, everyone);
  return g_steal_pointer (&table);
}

static LhReportTable *
categories_count_table (const char *id, const char *title, guint n_columns)
{
  LhReportTable *table = lh_report_table_new (id, title, LH_REPORT_UNIT_COUNT, LH_REPORT_CHART_BARS,
                                              N_CATEGORIES, n_columns, LH_TOTALS_COLUMNS);

  for (int c = 0; c < N_CATEGORIES; c++)
    lh_report_table_add_row (table, lh_time_off_categories[c], category_labels[c]);
  return table;
}

static LhReportTable *
pending_table (LhStore *store, GError **error)
{
  g_autoptr(LhReportTable) table = categories_count_table ("requests-waiting", "Requests waiting for a decision",
                                                                 1);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_REPORT_TIME_OFF_PENDING_SQL, error);
  g_autoptr(LhPeopleTally) people = lh_people_tally_new (N_CATEGORIES, 1);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  lh_report_table_add_column (table, "requests", "Requests");
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      int c = category_index ((const char *) sqlite3_column_text (stmt, 0));

      if (c < 0)
        continue;
      lh_count_table_add (table->counts, c, 0, 1);
      lh_people_tally_add (people, c, 0, sqlite3_column_int64 (stmt, 1));
    }
  if (!ok)
    return NULL;
  /* Requests are not people: one person's many must not show. */
  lh_people_tally_set_people (people, table->counts);
  return g_steal_pointer (&table);
}

/* The days within which the terms in force at t ask for a decision
 * (versions oldest first; defaults before the first). */
static int
decide_within_days_at (GArray *versions, gint64 t, int defaults)
{
  int days = defaults;

  for (guint v = 0; v < versions->len; v++)
    if (g_array_index (versions, LhTerms, v).valid_from <= t)
      days = g_array_index (versions, LhTerms, v).decide_within_days;
  return days;
}

/* How a request made in the period waited for an admin. */
typedef enum { NO_DECISION_NEEDED, DECIDED_IN_TIME, DECIDED_AFTER, UNDECIDED } Wait;

/* ended_by is what ended the wait (NULL: it goes on), at `ended`. One
 * approved at once needed no decision, nor one cancelled before it was
 * due; learnhubd rejects one nobody decided before its time came. */
static Wait
classify_wait (const char *ended_by, gboolean by_daemon, gint64 ended, gint64 due, gint64 now)
{
  if (ended_by == NULL)
    return now > due ? UNDECIDED : DECIDED_IN_TIME;
  if (g_str_equal (ended_by, "cancelled"))
    return ended > due ? UNDECIDED : NO_DECISION_NEEDED;
  if (by_daemon)
    return g_str_equal (ended_by, "approved") ? NO_DECISION_NEEDED : UNDECIDED;
  return ended > due ? DECIDED_AFTER : DECIDED_IN_TIME;
}

static const char *
decision_kind (const char *kind)
{
  static const char *const kinds[] = { "approved", "rejected", "cancelled" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (kind, kinds[k]) == 0)
      return kinds[k];
  return NULL;
}

static LhReportTable *
decisions_table (LhStore *store, GArray *versions, gint64 from, gint64 to, gint64 now, GError **error)
{
  g_autoptr(LhReportTable) table = categories_count_table ("decisions", "Requests decided late or not at all",
                                                                 N_DECISION_COLUMNS);
  g_autoptr(LhPeopleTally) people = lh_people_tally_new (N_CATEGORIES, N_DECISION_COLUMNS);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_REPORT_TIME_OFF_REQUESTS_SQL, error);
  g_auto(LhTerms) defaults = { 0 };
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  /* Once, not per request: the defaults are allocated. */
  lh_terms_init_defaults (&defaults);
  lh_report_table_add_column (table, "needed-decision", "Waited for a decision");
  lh_report_table_add_column (table, "decided-late", "Decided late");
  lh_report_table_add_column (table, "not-decided", "Not decided in time");
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  /* Each request is tallied as it is read: five years of them on a large
   * centre are not held. */
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      int category = category_index ((const char *) sqlite3_column_text (stmt, 0));
      gint64 created = sqlite3_column_int64 (stmt, 1);
      gint64 person = sqlite3_column_int64 (stmt, 2);
      gint64 due = created + (gint64) decide_within_days_at (versions, created, defaults.decide_within_days) * DAY;
      Wait wait = classify_wait (decision_kind ((const char *) sqlite3_column_text (stmt, 3)),
                                 sqlite3_column_int (stmt, 4) != 0, sqlite3_column_int64 (stmt, 5), due, now);

      if (category < 0 || wait == NO_DECISION_NEEDED)
        continue;
      lh_count_table_add (table->counts, category, NEEDED_DECISION, 1);
      lh_people_tally_add (people, category, NEEDED_DECISION, person);
      if (wait == DECIDED_AFTER || wait == UNDECIDED)
        {
          int column = wait == DECIDED_AFTER ? DECIDED_LATE : NOT_DECIDED;

          lh_count_table_add (table->counts, category, column, 1);
          lh_people_tally_add (people, category, column, person);
        }
    }
  if (!ok)
    return NULL;
  lh_people_tally_set_people (people, table->counts);
  return g_steal_pointer (&table);
}

LhReportSection *
lh_report_section_time_off (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now,
                            GError **error)
{
  g_autoptr(LhReportSection) section = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) figures_free);
  LhReportTable *matched = NULL;
  LhReportTable *pending;
  LhReportTable *decisions;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  if (from >= to)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The period ends before it begins");
      return NULL;
    }
  tx = lh_store_begin_read (store, error);
  if (tx == NULL)
    return NULL;
  versions = lh_terms_list (store, error);
  if (versions == NULL ||
      !read_roster (store, centre, versions, from, to, people, error))
    return NULL;
  section = lh_report_section_new ("time-off", "Paid time off");
  lh_report_section_add_table (section, category_table (people, &matched));
  lh_report_section_add_table (section, matched);
  lh_report_section_add_table (section, department_table (people));
  pending = pending_table (store, error);
  if (pending == NULL)
    return NULL;
  lh_report_section_add_table (section, pending);
  decisions = decisions_table (store, versions, from, to, now, error);
  if (decisions == NULL)
    return NULL;
  lh_report_section_add_table (section, decisions);
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&section);
}
