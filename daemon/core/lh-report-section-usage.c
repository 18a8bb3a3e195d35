/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site report's usage section: time at the PCs by week and by PC,
 * different learners a week, when in the week the centre is busy,
 * booked against walk-up sittings, no-shows, guests apart, and the
 * minutes the PCs could have been used beside the minutes they were. A
 * share is not a count, so the capacity and the use are two tables: the
 * capacity names nobody, the use is from people and may be hidden. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-site.h"

#include "lh-equipment-usage.h"
#include "lh-report-usage.h"
#include "lh-time.h"

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};
static const char * const weekday_names[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

/* Puts counts (rows × columns, as the table) in place of the table's. */
static void
take_counts (LhReportTable *table, LhCountTable **counts)
{
  lh_count_table_free (table->counts);
  table->counts = g_steal_pointer (counts);
}

static void
add_week_rows (LhReportTable *table, const LhUsageReport *usage, GTimeZone *tz)
{
  for (guint w = 0; w < usage->n_weeks; w++)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usage->week_starts[w]);
      g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, tz);
      g_autofree char *key = lh_time_format_date (usage->week_starts[w], tz);
      g_autofree char *label = g_strdup_printf ("Week of %d %s", g_date_time_get_day_of_month (there),
                                                month_names[g_date_time_get_month (there) - 1]);

      lh_report_table_add_row (table, key, label);
    }
}

/* A figure and the people behind it, taken from another table. */
static void
copy_figure (LhCountTable *to, guint to_row, guint to_column, const LhCountTable *from, guint row, guint column)
{
  if (to_row < lh_count_table_n_rows (to) && to_column < lh_count_table_n_columns (to))
    lh_count_table_set (to, to_row, to_column, lh_count_table_get (from, row, column));
  lh_count_table_set_people (to, to_row, to_column, MAX (lh_count_table_get_people (from, row, column), 0));
}

/* Minutes a week, all PCs together: the week × PC table's row totals. */
static LhReportTable *
minutes_by_week (const LhUsageReport *usage, GTimeZone *tz)
{
  LhReportTable *table = lh_report_table_new ("minutes-by-week", "Time used a week", LH_REPORT_UNIT_MINUTES,
                                              LH_REPORT_CHART_LINES, usage->n_weeks, 1, LH_TOTALS_COLUMNS);

  add_week_rows (table, usage, tz);
  lh_report_table_add_column (table, "all", "All PCs");
  for (guint w = 0; w <= usage->n_weeks; w++)
    copy_figure (table->counts, w, 0, usage->minutes, w, usage->n_pcs);
  copy_figure (table->counts, usage->n_weeks, 1, usage->minutes, usage->n_weeks, usage->n_pcs);
  return table;
}

/* Minutes a PC over the period: this site's own PCs, never merged. */
static LhReportTable *
minutes_by_pc (const LhUsageReport *usage)
{
  LhReportTable *table = lh_report_table_new ("minutes-by-pc", "Time used, by PC", LH_REPORT_UNIT_MINUTES,
                                              LH_REPORT_CHART_BARS, usage->n_pcs, 1, LH_TOTALS_COLUMNS);

  table->merge = LH_REPORT_MERGE_NONE;
  lh_report_table_add_column (table, "minutes", "Time used");
  for (guint p = 0; p < usage->n_pcs; p++)
    lh_report_table_add_row (table, usage->pc_names[p], usage->pc_names[p]);
  for (guint p = 0; p <= usage->n_pcs; p++)
    copy_figure (table->counts, p, 0, usage->minutes, usage->n_weeks, p);
  copy_figure (table->counts, usage->n_pcs, 1, usage->minutes, usage->n_weeks, usage->n_pcs);
  return table;
}

/* No total: one learner comes in many weeks. */
static LhReportTable *
learners_by_week (LhUsageReport *usage, GTimeZone *tz)
{
  LhReportTable *table = lh_report_table_new ("learners-by-week", "Different learners a week",
                                              LH_REPORT_UNIT_PEOPLE, LH_REPORT_CHART_LINES, usage->n_weeks, 1,
                                              LH_TOTALS_NONE);

  add_week_rows (table, usage, tz);
  lh_report_table_add_column (table, "learners", "Learners");
  take_counts (table, &usage->people_by_week);
  return table;
}

static LhReportTable *
busy_hours (LhUsageReport *usage)
{
  LhReportTable *table = lh_report_table_new ("busy-hours", "Time used by weekday and hour",
                                              LH_REPORT_UNIT_MINUTES, LH_REPORT_CHART_HEAT, 7, 24,
                                              LH_TOTALS_ROWS | LH_TOTALS_COLUMNS);

  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *key = g_ascii_strdown (weekday_names[d], 3);

      lh_report_table_add_row (table, key, weekday_names[d]);
    }
  for (guint h = 0; h < 24; h++)
    {
      g_autofree char *key = g_strdup_printf ("%02u", h);
      g_autofree char *label = g_strdup_printf ("%02u:00", h);

      lh_report_table_add_column (table, key, label);
    }
  take_counts (table, &usage->busy_minutes);
  return table;
}

static LhReportTable *
sittings (LhUsageReport *usage)
{
  LhReportTable *table = lh_report_table_new ("sittings", "Sittings, booked and walk-up", LH_REPORT_UNIT_COUNT,
                                              LH_REPORT_CHART_BARS, 1, 2, LH_TOTALS_ROWS);

  lh_report_table_add_row (table, "all", "All sittings");
  lh_report_table_add_column (table, "booked", "Booked");
  lh_report_table_add_column (table, "walk-up", "Walk-up");
  take_counts (table, &usage->sittings);
  return table;
}

/* Guests apart from staff: their minutes hidden when they are from fewer
 * guests than the threshold, as the number of guests is. */
static LhReportTable *
guests (const LhUsageReport *usage, gboolean minutes)
{
  LhReportTable *table = minutes ? lh_report_table_new ("guest-minutes", "Time used by guests",
                                                        LH_REPORT_UNIT_MINUTES, LH_REPORT_CHART_NONE, 1, 1,
                                                        LH_TOTALS_NONE)
                                 : lh_report_table_new ("guests", "Different guests", LH_REPORT_UNIT_PEOPLE,
                                                        LH_REPORT_CHART_NONE, 1, 1, LH_TOTALS_NONE);

  lh_report_table_add_row (table, "guests", "Guests");
  lh_report_table_add_column (table, minutes ? "minutes" : "guests", minutes ? "Time used" : "Guests");
  lh_count_table_set (table->counts, 0, 0, minutes ? usage->guest_minutes : usage->guests);
  if (minutes)
    lh_count_table_set_people (table->counts, 0, 0, usage->guests);
  return table;
}

static LhReportTable *
no_shows (LhStore *store, const LhUsageReport *usage, GTimeZone *tz, GError **error)
{
  g_autoptr(LhReportTable) table = lh_report_table_new ("no-shows", "Bookings nobody came for",
                                                        LH_REPORT_UNIT_COUNT, LH_REPORT_CHART_LINES,
                                                        usage->n_weeks, 1, LH_TOTALS_COLUMNS);
  g_autoptr(GHashTable) everyone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) by_week = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(LhTransaction) tx = lh_store_begin_read (store, error);
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (tx == NULL || (stmt = lh_store_prepare (store, LH_REPORT_NO_SHOWS_SQL, error)) == NULL)
    return NULL;
  add_week_rows (table, usage, tz);
  lh_report_table_add_column (table, "no-shows", "No-shows");
  for (guint w = 0; w < usage->n_weeks; w++)
    g_ptr_array_add (by_week, g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL));
  sqlite3_bind_int64 (stmt, 1, usage->from);
  sqlite3_bind_int64 (stmt, 2, usage->to);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0);
      gint64 start = sqlite3_column_int64 (stmt, 1);
      guint week = 0;

      while (week + 1 < usage->n_weeks && usage->week_starts[week + 1] <= start)
        week++;
      lh_count_table_add (table->counts, week, 0, 1);
      g_hash_table_add (g_ptr_array_index (by_week, week), g_memdup2 (&person, sizeof person));
      g_hash_table_add (everyone, g_memdup2 (&person, sizeof person));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* A count of bookings, hidden when from fewer people than the
   * threshold: five no-shows of one learner still name them. */
  for (guint w = 0; w < usage->n_weeks; w++)
    lh_count_table_set_people (table->counts, w, 0, g_hash_table_size (g_ptr_array_index (by_week, w)));
  lh_count_table_set_people (table->counts, usage->n_weeks, 0, g_hash_table_size (everyone));
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&table);
}

/* The PCs' opening hours while in order up to now (capacity, naming
 * nobody), and the minutes they were used in them (from people). */
static gboolean
add_capacity (LhReportSection *section, LhStore *store, const LhCentre *centre, const LhUsageReport *usage,
              gint64 now, GError **error)
{
  LhReportTable *capacity, *used;
  gint64 seconds_in_order = 0, seconds_used = 0;

  /* The sittings the usage figures were made from, not read again. */
  if (usage->from < now && !lh_equipment_capacity (store, centre, usage->from, MIN (usage->to, now),
                                                   usage->pc_sittings, &seconds_in_order, &seconds_used, error))
    return FALSE;
  capacity = lh_report_table_new ("capacity-minutes", "Time the PCs were open and in order",
                                  LH_REPORT_UNIT_MINUTES, LH_REPORT_CHART_NONE, 1, 1, LH_TOTALS_NONE);
  capacity->about_people = FALSE;
  lh_report_table_add_row (capacity, "all", "All PCs");
  lh_report_table_add_column (capacity, "minutes", "Time open");
  lh_count_table_set (capacity->counts, 0, 0, seconds_in_order / 60);
  lh_report_section_add_table (section, capacity);

  used = lh_report_table_new ("used-minutes", "Time used while open and in order", LH_REPORT_UNIT_MINUTES,
                              LH_REPORT_CHART_NONE, 1, 1, LH_TOTALS_NONE);
  lh_report_table_add_row (used, "all", "All PCs");
  lh_report_table_add_column (used, "minutes", "Time used");
  lh_count_table_set (used->counts, 0, 0, seconds_used / 60);
  /* Staff and guests both sit in those minutes. */
  lh_count_table_set_people (used->counts, 0, 0, usage->people_in_period + usage->guests);
  lh_report_section_add_table (section, used);
  return TRUE;
}

LhReportSection *
lh_report_section_usage (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now,
                         GError **error)
{
  g_autoptr(LhUsageReport) usage = lh_usage_report (store, centre, from, to, now, error);
  g_autoptr(LhReportSection) section = NULL;
  LhReportTable *absent;

  if (usage == NULL)
    return NULL;
  section = lh_report_section_new ("usage", "Centre usage");
  lh_report_section_add_table (section, minutes_by_week (usage, centre->tz));
  lh_report_section_add_table (section, minutes_by_pc (usage));
  lh_report_section_add_table (section, learners_by_week (usage, centre->tz));
  lh_report_section_add_table (section, busy_hours (usage));
  lh_report_section_add_table (section, sittings (usage));
  if ((absent = no_shows (store, usage, centre->tz, error)) == NULL)
    return NULL;
  lh_report_section_add_table (section, absent);
  lh_report_section_add_table (section, guests (usage, FALSE));
  lh_report_section_add_table (section, guests (usage, TRUE));
  if (!add_capacity (section, store, centre, usage, now, error))
    return NULL;
  return g_steal_pointer (&section);
}
