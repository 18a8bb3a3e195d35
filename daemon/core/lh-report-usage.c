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
  g_clear_pointer (&report->pc_sittings, g_array_unref);
  g_free (report);
}

/* Different people behind each figure of a table. The sittings are
 * walked person by person, so a cell counts a person when it last saw
 * someone else: no set of people per cell. */
typedef struct
{
  guint   n_columns;
  guint   n_sets;
  gint64 *last_person;   /* rows × columns */
  gint64 *counts;        /* rows × columns */
} PeopleSets;

#define NO_PERSON G_MININT64

static void
people_sets_init (PeopleSets *sets, guint n_rows, guint n_columns)
{
  sets->n_columns = n_columns;
  sets->n_sets = n_rows * n_columns;
  sets->last_person = g_new (gint64, MAX (sets->n_sets, 1));
  sets->counts = g_new0 (gint64, MAX (sets->n_sets, 1));
  for (guint i = 0; i < sets->n_sets; i++)
    sets->last_person[i] = NO_PERSON;
}

static void
people_sets_clear (PeopleSets *sets)
{
  g_clear_pointer (&sets->last_person, g_free);
  g_clear_pointer (&sets->counts, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PeopleSets, people_sets_clear)

/* Right only while all of one person's sittings come together. */
static void
people_sets_add (PeopleSets *sets, guint row, guint column, gint64 person)
{
  guint i = row * sets->n_columns + column;

  if (sets->last_person[i] != person)
    {
      sets->last_person[i] = person;
      sets->counts[i]++;
    }
}

static gint64
people_sets_size (const PeopleSets *sets, guint row, guint column)
{
  return sets->counts[row * sets->n_columns + column];
}

static void
people_sets_count_into (const PeopleSets *sets, LhCountTable *table)
{
  for (guint i = 0; i < sets->n_sets; i++)
    lh_count_table_set (table, i / sets->n_columns, i % sets->n_columns, sets->counts[i]);
}

/* The centre's UTC offset hour by hour over the period, found once: a
 * zone lookup for each piece of each sitting costs more than the rest. */
typedef struct
{
  GTimeZone *tz;
  gint64     first_hour;   /* UTC hours since the epoch */
  guint      n_hours;
  gint32    *offsets;      /* (n_hours) the offset all through that UTC
                            * hour, or OFFSET_CHANGES */
} LocalClock;

#define OFFSET_CHANGES G_MININT32

static void
local_clock_init (LocalClock *clock, GTimeZone *tz, gint64 from, gint64 to)
{
  clock->tz = tz;
  clock->first_hour = from / HOUR - 1;
  clock->n_hours = (guint) (to / HOUR - clock->first_hour + 2);
  clock->offsets = g_new (gint32, clock->n_hours);
  for (guint h = 0; h < clock->n_hours; h++)
    {
      gint64 start = (clock->first_hour + h) * HOUR;
      gint first = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, start);
      gint last = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, start + HOUR - 1);

      clock->offsets[h] = first == last ? g_time_zone_get_offset (tz, first) : OFFSET_CHANGES;
    }
}

static void
local_clock_clear (LocalClock *clock)
{
  g_clear_pointer (&clock->offsets, g_free);
}

/* t's local clock time in seconds since the local epoch. */
static gint64
local_clock_seconds (const LocalClock *clock, gint64 t)
{
  gint64 hour = t / HOUR - clock->first_hour;
  gint32 offset = OFFSET_CHANGES;

  if (t >= 0 && hour >= 0 && hour < clock->n_hours)
    offset = clock->offsets[hour];
  if (offset == OFFSET_CHANGES)
    offset = g_time_zone_get_offset (clock->tz, g_time_zone_find_interval (clock->tz, G_TIME_TYPE_UNIVERSAL, t));
  return t + offset;
}

/* Floor division, for times before the epoch. */
static gint64
floor_div (gint64 a, gint64 b)
{
  return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

typedef struct
{
  LhUsageReport *report;
  LocalClock     clock;
  PeopleSets     people;        /* week × PC */
  PeopleSets     by_week;       /* week × 1 */
  PeopleSets     by_pc;         /* 1 × PC */
  PeopleSets     busy;          /* 7 × 24 */
  PeopleSets     by_weekday;    /* 7 × 1 */
  PeopleSets     by_hour;       /* 1 × 24 */
  PeopleSets     in_period;     /* 1 × 1 */
  PeopleSets     guests;        /* 1 × 1 */
  PeopleSets     sat;           /* 1 × 2: booked, walk-up */
  GHashTable    *pc_column;     /* resource id → column + 1 */
  LhCountTable  *seconds;       /* week × PC */
  LhCountTable  *busy_seconds;  /* weekday × hour */
  gint64         guest_seconds;
} Tally;

static void
tally_clear (Tally *tally)
{
  local_clock_clear (&tally->clock);
  people_sets_clear (&tally->people);
  people_sets_clear (&tally->by_week);
  people_sets_clear (&tally->by_pc);
  people_sets_clear (&tally->busy);
  people_sets_clear (&tally->by_weekday);
  people_sets_clear (&tally->by_hour);
  people_sets_clear (&tally->in_period);
  people_sets_clear (&tally->guests);
  people_sets_clear (&tally->sat);
  g_clear_pointer (&tally->pc_column, g_hash_table_unref);
  g_clear_pointer (&tally->seconds, lh_count_table_free);
  g_clear_pointer (&tally->busy_seconds, lh_count_table_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tally, tally_clear)

/* The week holding t, which is within the period: the last week
 * starting at or before t, or the first. */
static guint
week_of (const LhUsageReport *report, gint64 t)
{
  guint low = 0, high = report->n_weeks;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (report->week_starts[middle] <= t)
        low = middle;
      else
        high = middle;
    }
  return low;
}

/* A piece of a sitting within one hour and one week; its seconds are
 * kept as seconds until the end, so that rounding does not drift. */
static void
add_piece (Tally *tally, guint pc, gint64 person, gint64 start, gint64 end, guint week)
{
  gint64 local = local_clock_seconds (&tally->clock, start);
  gint64 day = floor_div (local, 24 * HOUR);
  /* 1 January 1970 was a Thursday: day 3 of a week from Monday. */
  guint weekday = (guint) ((day % 7 + 7 + 3) % 7);
  guint hour = (guint) ((local - day * 24 * HOUR) / HOUR);

  lh_count_table_add (tally->seconds, week, pc, end - start);
  people_sets_add (&tally->people, week, pc, person);
  people_sets_add (&tally->by_week, week, 0, person);
  people_sets_add (&tally->by_pc, 0, pc, person);
  lh_count_table_add (tally->busy_seconds, weekday, hour, end - start);
  people_sets_add (&tally->busy, weekday, hour, person);
  people_sets_add (&tally->by_weekday, weekday, 0, person);
  people_sets_add (&tally->by_hour, 0, hour, person);
}

/* The start of the local hour after t: local, since a centre's zone may
 * be half an hour off UTC, and an hour may be skipped or repeated. */
static gint64
next_local_hour (const LocalClock *clock, gint64 t)
{
  gint64 local = local_clock_seconds (clock, t);
  gint64 at = t - (local - floor_div (local, HOUR) * HOUR) + HOUR;

  /* A repeated hour's clock time comes round again: never go back. */
  return at > t ? at : t + HOUR;
}

/* Cuts a staff sitting, already within the period, at each local hour
 * and each week. */
static void
add_sitting (Tally *tally, guint pc, gint64 person, gint64 start, gint64 end)
{
  for (gint64 t = start; t < end;)
    {
      gint64 piece_end = MIN (end, next_local_hour (&tally->clock, t));
      guint week = week_of (tally->report, t);

      if (week + 1 < tally->report->n_weeks)
        piece_end = MIN (piece_end, tally->report->week_starts[week + 1]);
      add_piece (tally, pc, person, t, piece_end, week);
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
        lh_count_table_set_people (minutes, r, c, people_sets_size (cells, r, c));
      lh_count_table_set_people (minutes, r, n_columns, people_sets_size (rows, r, 0));
    }
  for (guint c = 0; c < n_columns; c++)
    lh_count_table_set_people (minutes, n_rows, c, people_sets_size (columns, 0, c));
  lh_count_table_set_people (minutes, n_rows, n_columns, people_sets_size (all, 0, 0));
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
  local_clock_init (&tally->clock, centre->tz, report->from, report->to);
  people_sets_init (&tally->people, report->n_weeks, MAX (report->n_pcs, 1));
  people_sets_init (&tally->by_week, report->n_weeks, 1);
  people_sets_init (&tally->by_pc, 1, MAX (report->n_pcs, 1));
  people_sets_init (&tally->busy, 7, 24);
  people_sets_init (&tally->by_weekday, 7, 1);
  people_sets_init (&tally->by_hour, 1, 24);
  people_sets_init (&tally->in_period, 1, 1);
  people_sets_init (&tally->guests, 1, 1);
  people_sets_init (&tally->sat, 1, 2);
  tally->seconds = lh_count_table_new (report->n_weeks, report->n_pcs, LH_TOTALS_NONE);
  tally->busy_seconds = lh_count_table_new (7, 24, LH_TOTALS_NONE);
  return TRUE;
}

/* A sitting at one of the report's PCs, cut to the period. */
typedef struct
{
  gint64   person;
  gint64   start;
  gint64   end;
  guint    column;
  gboolean walk_up;
  gboolean guest;
} Sitting;

/* Right only while each person's sittings come together (PeopleSets). */
static void
tally_sitting (Tally *tally, const Sitting *sitting)
{
  if (sitting->guest)
    {
      tally->guest_seconds += sitting->end - sitting->start;
      people_sets_add (&tally->guests, 0, 0, sitting->person);
      return;
    }
  lh_count_table_add (tally->report->sittings, 0, sitting->walk_up ? 1 : 0, 1);
  people_sets_add (&tally->sat, 0, sitting->walk_up ? 1 : 0, sitting->person);
  people_sets_add (&tally->in_period, 0, 0, sitting->person);
  add_sitting (tally, sitting->column, sitting->person, sitting->start, sitting->end);
}

/* Tallies the period's sittings as they are read, person by person: not
 * held, as five years of them on a large centre are tens of megabytes.
 * Only what capacity needs of each is kept (pc_sittings). */
static gboolean
read_sittings (LhStore *store, Tally *tally, gint64 from, gint64 to, gint64 now, GError **error)
{
  GArray *pc_sittings = tally->report->pc_sittings;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_USAGE_REPORT_SITTINGS_SQL, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, LH_EQUIPMENT_USAGE_LOOKBACK_SECONDS);
  while (TRUE)
    {
      Sitting sitting;
      gint64 resource_id;

      if (!lh_store_step (store, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      resource_id = sqlite3_column_int64 (stmt, 0);
      sitting.person = sqlite3_column_int64 (stmt, 1);
      sitting.start = MAX (sqlite3_column_int64 (stmt, 2), from);
      /* A sitting going on now counts up to now. */
      sitting.end = MIN (sqlite3_column_type (stmt, 3) == SQLITE_NULL ? now : sqlite3_column_int64 (stmt, 3), to);
      sitting.walk_up = sqlite3_column_int (stmt, 4) != 0;
      sitting.guest = sqlite3_column_int (stmt, 5) != 0;
      sitting.column = GPOINTER_TO_UINT (g_hash_table_lookup (tally->pc_column, &resource_id));
      /* A deactivated PC's: not in the report's PCs. */
      if (sitting.column == 0 || sitting.end <= sitting.start)
        continue;
      sitting.column--;
      g_array_append_vals (pc_sittings, &(LhPcSitting) { resource_id, sitting.start, sitting.end }, 1);
      tally_sitting (tally, &sitting);
    }
  return TRUE;
}

LhUsageReport *
lh_usage_report (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now, GError **error)
{
  g_autoptr(LhUsageReport) report = g_new0 (LhUsageReport, 1);
  g_auto(Tally) tally = { 0 };
  g_autoptr(LhTransaction) tx = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  if (from >= to)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The period ends before it begins");
      return NULL;
    }
  report->from = from;
  report->to = to;
  report->pc_sittings = g_array_new (FALSE, FALSE, sizeof (LhPcSitting));
  /* One snapshot, and no write lock held while a quarter is read. */
  tx = lh_store_begin_read (store, error);
  if (tx == NULL || !init_report (report, &tally, store, centre, error) ||
      !read_sittings (store, &tally, from, to, now, error))
    return NULL;

  to_minutes (tally.seconds, report->minutes);
  to_minutes (tally.busy_seconds, report->busy_minutes);
  set_people (report->minutes, &tally.people, &tally.by_week, &tally.by_pc, &tally.in_period);
  set_people (report->busy_minutes, &tally.busy, &tally.by_weekday, &tally.by_hour, &tally.in_period);
  if (report->n_pcs > 0)
    people_sets_count_into (&tally.people, report->people);
  people_sets_count_into (&tally.by_week, report->people_by_week);
  people_sets_count_into (&tally.busy, report->busy_people);
  report->people_in_period = people_sets_size (&tally.in_period, 0, 0);
  /* Sittings are not people: one person's many walk-ups must not show. */
  for (guint c = 0; c < 2; c++)
    lh_count_table_set_people (report->sittings, 0, c, people_sets_size (&tally.sat, 0, c));
  lh_count_table_set_people (report->sittings, 0, 2, report->people_in_period);
  lh_count_table_set_people (report->sittings, 1, 2, report->people_in_period);
  report->guests = people_sets_size (&tally.guests, 0, 0);
  report->guest_minutes = (tally.guest_seconds + 30) / 60;
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&report);
}
