/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's ULR facility time section: each ULR's facility time used
 * against what the agreement gives a week (the terms in force that week),
 * and each week a ULR went over, for the committee to look at. A ULR's
 * duty time is not a learner's data, and the committee monitors it ULR by
 * ULR: the table is never hidden, and is this site's only.
 *
 * Weeks run Monday to Sunday; a week cut by the period's first or last
 * day is agreed in proportion to its days in the period. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-sections.h"

#include "lh-error.h"
#include "lh-terms.h"
#include "lh-time.h"

enum { COLUMN_USED, COLUMN_AGREED, COLUMN_OVER_RUN, N_COLUMNS };

typedef struct
{
  guint   n_weeks;
  gint64 *starts;     /* (n_weeks + 1) each piece's start, then to */
  int    *agreed;     /* (n_weeks) minutes agreed for each piece */
} Weeks;

static void
weeks_clear (Weeks *weeks)
{
  g_clear_pointer (&weeks->starts, g_free);
  g_clear_pointer (&weeks->agreed, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Weeks, weeks_clear)

/* The terms' weekly figure in force at t (versions oldest first). */
static int
weekly_minutes_at (GArray *versions, gint64 t, int defaults)
{
  int minutes = defaults;

  for (guint v = 0; v < versions->len; v++)
    if (g_array_index (versions, LhTerms, v).valid_from <= t)
      minutes = g_array_index (versions, LhTerms, v).ulr_facility_minutes_per_week;
  return minutes;
}

static void
weeks_init (Weeks *weeks, const LhCentre *centre, GArray *versions, gint64 from, gint64 to)
{
  g_auto(LhTerms) defaults = { 0 };
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) agreed = g_array_new (FALSE, FALSE, sizeof (int));
  gint64 monday = lh_time_add_days (from, 1 - lh_time_local_weekday (from, centre->tz), centre->tz);

  lh_terms_init_defaults (&defaults);
  for (gint64 start = from; start < to;)
    {
      gint64 next_monday = lh_time_add_days (monday, 7, centre->tz);
      gint64 end = MIN (next_monday, to);
      int days = 0;
      int weekly = weekly_minutes_at (versions, start, defaults.ulr_facility_minutes_per_week);
      int minutes;

      for (gint64 day = start; day < end; day = lh_time_add_days (day, 1, centre->tz))
        days++;
      minutes = (weekly * days + 3) / 7;
      g_array_append_val (starts, start);
      g_array_append_val (agreed, minutes);
      start = end;
      monday = next_monday;
    }
  weeks->n_weeks = starts->len;
  g_array_append_val (starts, to);
  weeks->starts = (gint64 *) g_array_free (g_steal_pointer (&starts), FALSE);
  weeks->agreed = (int *) g_array_free (g_steal_pointer (&agreed), FALSE);
}

/* The piece holding t, which is within the period. */
static guint
week_of (const Weeks *weeks, gint64 t)
{
  guint low = 0, high = weeks->n_weeks;

  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (weeks->starts[middle] <= t)
        low = middle;
      else
        high = middle;
    }
  return low;
}

/* One ULR's minutes each week of the period. */
static gboolean
sum_weeks (LhStore *store, const Weeks *weeks, gint64 ulr_id, int *used, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_REPORT_FACILITY_SQL, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ulr_id);
  sqlite3_bind_int64 (stmt, 2, weeks->starts[0]);
  sqlite3_bind_int64 (stmt, 3, weeks->starts[weeks->n_weeks]);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    used[week_of (weeks, sqlite3_column_int64 (stmt, 0))] += sqlite3_column_int (stmt, 1);
  return ok;
}

static void
add_over_run (LhReportList *list, const char *name, const Weeks *weeks, guint w, int used, GTimeZone *tz)
{
  g_autofree char *week = lh_time_format_date (weeks->starts[w], tz);
  /* Hours and minutes as a clock writes them: the same in every language,
   * so the kiosk shows them as they are and the PDF and CSV agree. */
  g_autofree char *used_words = g_strdup_printf ("%d:%02d", used / 60, used % 60);
  g_autofree char *agreed_words = g_strdup_printf ("%d:%02d", weeks->agreed[w] / 60, weeks->agreed[w] % 60);
  const char *fields[] = { name, week, used_words, agreed_words, NULL };

  lh_report_list_add_row (list, fields);
}

typedef struct
{
  gint64  id;
  char   *staff_number;
  char   *name;
} Ulr;

static void
ulr_free (Ulr *ulr)
{
  g_free (ulr->staff_number);
  g_free (ulr->name);
  g_free (ulr);
}

static Ulr *
ulr_from_row (LhStmt *stmt)
{
  Ulr *ulr = g_new0 (Ulr, 1);

  ulr->id = sqlite3_column_int64 (stmt, 0);
  ulr->staff_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  ulr->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  return ulr;
}

LhReportSection *
lh_report_section_facility_time (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now,
                                 GError **error)
{
  static const char * const headings[] = { "ULR", "Week of", "Used (h:mm)", "Agreed (h:mm)", NULL };
  g_autoptr(LhReportSection) section = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GArray) versions = NULL;
  g_autoptr(GPtrArray) ulrs = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(LhReportTable) table = NULL;
  g_autoptr(LhReportList) over_runs = NULL;
  g_auto(Weeks) weeks = { 0 };

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
  stmt = versions != NULL ? lh_store_prepare (store, LH_REPORT_ULRS_SQL, error) : NULL;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  ulrs = lh_store_collect (store, stmt, (LhRowFunc) ulr_from_row, (GDestroyNotify) ulr_free, error);
  if (ulrs == NULL)
    return NULL;
  weeks_init (&weeks, centre, versions, from, to);

  table = lh_report_table_new ("used-against-agreed", "ULR facility time used against agreed",
                               LH_REPORT_UNIT_MINUTES, LH_REPORT_CHART_BARS, ulrs->len, N_COLUMNS, LH_TOTALS_NONE);
  table->merge = LH_REPORT_MERGE_NONE;
  table->about_people = FALSE;
  lh_report_table_add_column (table, "used", "Used");
  lh_report_table_add_column (table, "agreed", "Agreed");
  lh_report_table_add_column (table, "over-run", "Over agreed");
  over_runs = lh_report_list_new ("over-runs", "Facility time over-runs", headings);
  for (guint u = 0; u < ulrs->len; u++)
    {
      const Ulr *ulr = g_ptr_array_index (ulrs, u);
      g_autofree int *used = g_new0 (int, weeks.n_weeks);

      lh_report_table_add_row (table, ulr->staff_number, ulr->name);
      if (!sum_weeks (store, &weeks, ulr->id, used, error))
        return NULL;
      for (guint w = 0; w < weeks.n_weeks; w++)
        {
          lh_count_table_add (table->counts, u, COLUMN_USED, used[w]);
          lh_count_table_add (table->counts, u, COLUMN_AGREED, weeks.agreed[w]);
          if (used[w] > weeks.agreed[w])
            {
              lh_count_table_add (table->counts, u, COLUMN_OVER_RUN, used[w] - weeks.agreed[w]);
              add_over_run (over_runs, ulr->name, &weeks, w, used[w], centre->tz);
            }
        }
    }
  if (!lh_transaction_commit (tx, error))
    return NULL;
  section = lh_report_section_new ("facility-time", "ULR facility time");
  lh_report_section_add_table (section, g_steal_pointer (&table));
  lh_report_section_add_list (section, g_steal_pointer (&over_runs));
  return g_steal_pointer (&section);
}
