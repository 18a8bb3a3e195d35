/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Centre usage for the committee's report, from the sittings at the PCs:
 * each sitting is cut at the period's edges, at week boundaries and at
 * hour boundaries, and its minutes go where each piece falls. The people
 * behind each figure are counted as sets, for the report to hide figures
 * that come from fewer people than the agreement's threshold. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-usage.h"

#include "lh-equipment-usage.h"
#include "lh-error.h"
#include "lh-resources.h"
#include "lh-time.h"

#define HOUR 3600

void
lh_usage_report_free (LhUsageReport *report)
{
  if (report == NULL)
    return;
  g_free (report->week_starts);
  g_free (report->pc_ids);
  g_strfreev (report->pc_names);
  lh_count_table_free (report->minutes);
  lh_count_table_free (report->people);
  lh_count_table_free (report->people_by_week);
  lh_count_table_free (report->busy_minutes);
  lh_count_table_free (report->busy_people);
  lh_count_table_free (report->sittings);
  g_free (report);
}

/* Sets of people (by id) behind each figure of a table. */
typedef struct
{
  guint        n_columns;
  GHashTable **sets;   /* rows × columns */
  guint        n_sets;
} PeopleSets;

static void
people_sets_init (PeopleSets *sets, guint n_rows, guint n_columns)
{
  sets->n_columns = n_columns;
  sets->n_sets = n_rows * n_columns;
  sets->sets = g_new0 (GHashTable *, sets->n_sets);
  for (guint i = 0; i < sets->n_sets; i++)
    sets->sets[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

static void
people_sets_clear (PeopleSets *sets)
{
  for (guint i = 0; i < sets->n_sets; i++)
    g_hash_table_unref (sets->sets[i]);
  g_clear_pointer (&sets->sets, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PeopleSets, people_sets_clear)

static void
people_sets_add (PeopleSets *sets, guint row, guint column, gint64 person)
{
  GHashTable *set = sets->sets[row * sets->n_columns + column];

  if (!g_hash_table_contains (set, &person))
    g_hash_table_add (set, g_memdup2 (&person, sizeof person));
}

static void
people_sets_count_into (const PeopleSets *sets, LhCountTable *table)
{
  for (guint i = 0; i < sets->n_sets; i++)
    lh_count_table_set (table, i / sets->n_columns, i % sets->n_columns, g_hash_table_size (sets->sets[i]));
}

typedef struct
{
  LhUsageReport *report;
  GTimeZone     *tz;
  PeopleSets     people;        /* week × PC */
  PeopleSets     by_week;       /* week × 1 */
  PeopleSets     by_pc;         /* 1 × PC */
  PeopleSets     busy;          /* 7 × 24 */
  PeopleSets     by_weekday;    /* 7 × 1 */
  PeopleSets     by_hour;       /* 1 × 24 */
  PeopleSets     in_period;     /* 1 × 1 */
  PeopleSets     guests;        /* 1 × 1 */
  GHashTable    *pc_column;     /* resource id → column + 1 */
} Tally;

static void
tally_clear (Tally *tally)
{
  people_sets_clear (&tally->people);
  people_sets_clear (&tally->by_week);
  people_sets_clear (&tally->by_pc);
  people_sets_clear (&tally->busy);
  people_sets_clear (&tally->by_weekday);
  people_sets_clear (&tally->by_hour);
  people_sets_clear (&tally->in_period);
  people_sets_clear (&tally->guests);
  g_clear_pointer (&tally->pc_column, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tally, tally_clear)

/* The week holding t, which is within the period. */
static guint
week_of (const LhUsageReport *report, gint64 t)
{
  guint week = 0;

  while (week + 1 < report->n_weeks && report->week_starts[week + 1] <= t)
    week++;
  return week;
}

/* A piece of a sitting within one hour and one week; its seconds are
 * kept as seconds until the end, so that rounding does not drift. */
static void
add_piece (Tally *tally, guint pc, gint64 person, gint64 start, gint64 end, LhCountTable *seconds,
           LhCountTable *busy_seconds)
{
  LhUsageReport *report = tally->report;
  guint week = week_of (report, start);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, tally->tz);
  guint weekday = (guint) g_date_time_get_day_of_week (there) - 1;
  guint hour = (guint) g_date_time_get_hour (there);

  lh_count_table_add (seconds, week, pc, end - start);
  people_sets_add (&tally->people, week, pc, person);
  people_sets_add (&tally->by_week, week, 0, person);
  people_sets_add (&tally->by_pc, 0, pc, person);
  lh_count_table_add (busy_seconds, weekday, hour, end - start);
  people_sets_add (&tally->busy, weekday, hour, person);
  people_sets_add (&tally->by_weekday, weekday, 0, person);
  people_sets_add (&tally->by_hour, 0, hour, person);
}

/* The start of the local hour after t: local, since a centre's zone may
 * be half an hour off UTC, and an hour may be skipped or repeated. */
static gint64
next_local_hour (gint64 t, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) hour_start = g_date_time_add_seconds (local, -(g_date_time_get_minute (local) * 60.0 +
                                                                      g_date_time_get_second (local)));
  g_autoptr(GDateTime) next = g_date_time_add_hours (hour_start, 1);
  gint64 at = g_date_time_to_unix (next);

  /* A repeated hour's clock time comes round again: never go back. */
  return at > t ? at : t + HOUR;
}

/* Cuts a staff sitting, already within the period, at each local hour
 * and each week. */
static void
add_sitting (Tally *tally, guint pc, gint64 person, gint64 start, gint64 end, LhCountTable *seconds,
             LhCountTable *busy_seconds)
{
  for (gint64 t = start; t < end;)
    {
      gint64 piece_end = MIN (end, next_local_hour (t, tally->tz));
      guint week = week_of (tally->report, t);

      if (week + 1 < tally->report->n_weeks)
        piece_end = MIN (piece_end, tally->report->week_starts[week + 1]);
      add_piece (tally, pc, person, t, piece_end, seconds, busy_seconds);
      t = piece_end;
    }
}

/* The people behind each figure of a table of minutes, its totals
 * included, for suppression to hide what too few people make. */
static void
set_people (LhCountTable *minutes, const PeopleSets *cells, const PeopleSets *rows, const PeopleSets *columns,
            const PeopleSets *all)
{
  guint n_rows = lh_count_table_n_rows (minutes), n_columns = lh_count_table_n_columns (minutes);

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        lh_count_table_set_people (minutes, r, c, g_hash_table_size (cells->sets[r * cells->n_columns + c]));
      lh_count_table_set_people (minutes, r, n_columns, g_hash_table_size (rows->sets[r]));
    }
  for (guint c = 0; c < n_columns; c++)
    lh_count_table_set_people (minutes, n_rows, c, g_hash_table_size (columns->sets[c]));
  lh_count_table_set_people (minutes, n_rows, n_columns, g_hash_table_size (all->sets[0]));
}

/* Seconds to whole minutes, cell by cell, keeping totals that add up:
 * each cell is rounded and the totals are the sums of the rounded cells. */
static void
to_minutes (const LhCountTable *seconds, LhCountTable *minutes)
{
  for (guint r = 0; r < lh_count_table_n_rows (seconds); r++)
    for (guint c = 0; c < lh_count_table_n_columns (seconds); c++)
      lh_count_table_set (minutes, r, c, (lh_count_table_get (seconds, r, c) + 30) / 60);
}

static gboolean
init_report (LhUsageReport *report, Tally *tally, LhStore *store, const LhCentre *centre, GError **error)
{
  g_autoptr(GPtrArray) resources = lh_resources_list (store, error);
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 monday = lh_time_local_midnight (report->from, centre->tz);

  if (resources == NULL)
    return FALSE;
  monday = lh_time_add_days (monday, 1 - lh_time_local_weekday (monday, centre->tz), centre->tz);
  for (gint64 w = monday; w < report->to; w = lh_time_add_days (w, 7, centre->tz))
    g_array_append_val (weeks, w);
  report->n_weeks = weeks->len;
  report->week_starts = (gint64 *) g_array_free (g_steal_pointer (&weeks), FALSE);

  tally->pc_column = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < resources->len; i++)
    {
      const LhResource *resource = g_ptr_array_index (resources, i);

      if (!g_str_equal (resource->kind, "pc"))
        continue;
      g_hash_table_insert (tally->pc_column, g_memdup2 (&resource->id, sizeof resource->id),
                           GUINT_TO_POINTER (ids->len + 1));
      g_array_append_val (ids, resource->id);
      g_ptr_array_add (names, g_strdup (resource->name));
    }
  g_ptr_array_add (names, NULL);
  report->n_pcs = ids->len;
  report->pc_ids = (gint64 *) g_array_free (g_steal_pointer (&ids), FALSE);
  report->pc_names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);

  report->minutes = lh_count_table_new (report->n_weeks, report->n_pcs, LH_TOTALS_ROWS | LH_TOTALS_COLUMNS);
  report->people = lh_count_table_new (report->n_weeks, report->n_pcs, LH_TOTALS_NONE);
  report->people_by_week = lh_count_table_new (report->n_weeks, 1, LH_TOTALS_NONE);
  report->busy_minutes = lh_count_table_new (7, 24, LH_TOTALS_ROWS | LH_TOTALS_COLUMNS);
  report->busy_people = lh_count_table_new (7, 24, LH_TOTALS_NONE);
  report->sittings = lh_count_table_new (1, 2, LH_TOTALS_ROWS);
  tally->report = report;
  tally->tz = centre->tz;
  people_sets_init (&tally->people, report->n_weeks, MAX (report->n_pcs, 1));
  people_sets_init (&tally->by_week, report->n_weeks, 1);
  people_sets_init (&tally->by_pc, 1, MAX (report->n_pcs, 1));
  people_sets_init (&tally->busy, 7, 24);
  people_sets_init (&tally->by_weekday, 7, 1);
  people_sets_init (&tally->by_hour, 1, 24);
  people_sets_init (&tally->in_period, 1, 1);
  people_sets_init (&tally->guests, 1, 1);
  return TRUE;
}

LhUsageReport *
lh_usage_report (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now, GError **error)
{
  g_autoptr(LhUsageReport) report = g_new0 (LhUsageReport, 1);
  g_auto(Tally) tally = { 0 };
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhCountTable) seconds = NULL;
  g_autoptr(LhCountTable) busy_seconds = NULL;
  gint64 guest_seconds = 0;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  if (from >= to)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The period ends before it begins");
      return NULL;
    }
  report->from = from;
  report->to = to;
  /* One snapshot, and no write lock held while a quarter is read. */
  tx = lh_store_begin_read (store, error);
  if (tx == NULL || !init_report (report, &tally, store, centre, error))
    return NULL;
  seconds = lh_count_table_new (report->n_weeks, report->n_pcs, LH_TOTALS_NONE);
  busy_seconds = lh_count_table_new (7, 24, LH_TOTALS_NONE);

  stmt = lh_store_prepare (store, LH_USAGE_REPORT_SITTINGS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, LH_EQUIPMENT_USAGE_LOOKBACK_SECONDS);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 resource_id = sqlite3_column_int64 (stmt, 0);
      gint64 person = sqlite3_column_int64 (stmt, 1);
      gint64 start = MAX (sqlite3_column_int64 (stmt, 2), from);
      /* A sitting going on now counts up to now. */
      gint64 end = MIN (sqlite3_column_type (stmt, 3) == SQLITE_NULL ? now : sqlite3_column_int64 (stmt, 3), to);
      gboolean walk_up = sqlite3_column_int (stmt, 4) != 0;
      gboolean guest = sqlite3_column_int (stmt, 5) != 0;
      guint column = GPOINTER_TO_UINT (g_hash_table_lookup (tally.pc_column, &resource_id));

      /* A deactivated PC's: not in the report's PCs. */
      if (column == 0 || end <= start)
        continue;
      if (guest)
        {
          guest_seconds += end - start;
          people_sets_add (&tally.guests, 0, 0, person);
          continue;
        }
      lh_count_table_add (report->sittings, 0, walk_up ? 1 : 0, 1);
      people_sets_add (&tally.in_period, 0, 0, person);
      add_sitting (&tally, column - 1, person, start, end, seconds, busy_seconds);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  to_minutes (seconds, report->minutes);
  to_minutes (busy_seconds, report->busy_minutes);
  set_people (report->minutes, &tally.people, &tally.by_week, &tally.by_pc, &tally.in_period);
  set_people (report->busy_minutes, &tally.busy, &tally.by_weekday, &tally.by_hour, &tally.in_period);
  if (report->n_pcs > 0)
    people_sets_count_into (&tally.people, report->people);
  people_sets_count_into (&tally.by_week, report->people_by_week);
  people_sets_count_into (&tally.busy, report->busy_people);
  report->people_in_period = g_hash_table_size (tally.in_period.sets[0]);
  report->guests = g_hash_table_size (tally.guests.sets[0]);
  report->guest_minutes = (guest_seconds + 30) / 60;
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&report);
}
