/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's site report (every section, suppressed) for the last
 * quarter and for the last five years, against the bare SQLite aggregate
 * of the same period's sittings and bookings, measured in the same run on
 * the same file: what the report costs beyond reading its rows.
 *
 *   learnhubctl --db FILE demo --years 5
 *   bench-report --db FILE [--notes-key KEY] [--calls 20]
 *   bench-report --staff 5000 --years 5 [--db FILE] [--calls 20] [--sections]
 *
 * With --staff, a centre of that many staff is written first (the time
 * off benchmark's, with a sitting for every past booking), into --db
 * FILE if given (and reused if it is there). Built, not
 * run as a test; see docs/benchmarks.md. */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bench-time-off-ledger.h"
#include "lh-bench-centre.h"
#include "lh-centre.h"
#include "lh-config.h"
#include "lh-equipment-usage.h"
#include "lh-note-key.h"
#include "lh-action-plan.h"
#include "lh-equality.h"
#include "lh-report-sections.h"
#include "lh-report-site.h"
#include "lh-store.h"
#include "lh-time.h"

typedef enum { BARE, REPORT, N_MEASURES } Measure;

/* The rows the report cannot do without, summed in SQL alone: the
 * period's sittings (minutes, people), its bookings and its time-off
 * requests, each an index range by time. */
static const char * const bare_sql[] = {
  "SELECT count(*), sum(min(coalesce(ended_at, ?3), ?2) - max(started_at, ?1)), count(DISTINCT person_id) "
  "FROM usage_sessions WHERE started_at >= ?1 - 86400 AND started_at < ?2",
  "SELECT count(*), count(DISTINCT person_id) FROM bookings WHERE start_at >= ?1 AND start_at < ?2",
  "SELECT count(*), sum(end_at - start_at) FROM time_off_requests WHERE start_at >= ?1 AND start_at < ?2",
};

static sqlite3_stmt *bare_stmts[G_N_ELEMENTS (bare_sql)];

static gint64
run_bare (gint64 from, gint64 to, gint64 now)
{
  gint64 rows = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bare_sql); i++)
    {
      sqlite3_stmt *stmt = bare_stmts[i];

      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      if (i == 0)
        sqlite3_bind_int64 (stmt, 3, now);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        rows += sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
    }
  return rows;
}

static gint64
run_report (LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReport) report = lh_site_report (store, centre, from, to, now, &error);

  lh_bench_check_error (error);
  return report->sections->len;
}

static double
median_ms (GArray *ns)
{
  g_array_sort (ns, lh_bench_compare_gint64);
  return g_array_index (ns, gint64, ns->len / 2) / 1e6;
}

static double
max_ms (GArray *ns)
{
  g_array_sort (ns, lh_bench_compare_gint64);
  return g_array_index (ns, gint64, ns->len - 1) / 1e6;
}

static void
measure (const char *what, LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now, int n_calls)
{
  GArray *wall[N_MEASURES];
  gint64 rows;

  /* A first call of each fills the caches; then they take turns, so that
   * a busy moment of the machine falls on both alike. */
  rows = run_bare (from, to, now);
  run_report (store, centre, from, to, now);
  for (int m = 0; m < N_MEASURES; m++)
    wall[m] = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (int i = 0; i < n_calls; i++)
    for (int k = 0; k < N_MEASURES; k++)
      {
        Measure m = (i + k) % N_MEASURES;
        gint64 start = lh_bench_now_ns ();

        if (m == BARE)
          run_bare (from, to, now);
        else
          run_report (store, centre, from, to, now);
        start = lh_bench_now_ns () - start;
        g_array_append_val (wall[m], start);
      }
  g_print ("| %s (%" G_GINT64_FORMAT " sittings, bookings and requests) | %.1f | %.1f | %.1f | %.1f | %.1fx |\n",
           what, rows, median_ms (wall[BARE]), max_ms (wall[BARE]), median_ms (wall[REPORT]), max_ms (wall[REPORT]),
           median_ms (wall[REPORT]) / median_ms (wall[BARE]));
  for (int m = 0; m < N_MEASURES; m++)
    g_array_unref (wall[m]);
}

typedef LhReportSection *(*SectionFunc) (LhStore *, const LhCentre *, gint64, gint64, gint64, GError **);

static const struct
{
  const char  *name;
  SectionFunc  make;
} sections[] = {
  { "usage", lh_report_section_usage },
  { "time off", lh_report_section_time_off },
  { "facility time", lh_report_section_facility_time },
  { "advice", lh_report_section_advice },
  { "equipment", lh_report_section_equipment },
  { "equality", lh_report_section_equality },
  { "committee", lh_report_section_committee },
};

/* Where a report's time goes: each section alone, p50 of n_calls. */
static void
measure_sections (const char *what, LhStore *store, const LhCentre *centre, gint64 from, gint64 to, gint64 now,
                  int n_calls)
{
  g_print ("| %s |", what);
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (int i = 0; i < n_calls; i++)
        {
          g_autoptr(GError) error = NULL;
          gint64 start = lh_bench_now_ns ();
          LhReportSection *section = sections[s].make (store, centre, from, to, now, &error);

          start = lh_bench_now_ns () - start;
          lh_bench_check_error (error);
          lh_report_section_free (section);
          g_array_append_val (wall, start);
        }
      g_print (" %.1f |", median_ms (wall));
    }
  g_print ("\n");
}

/* The time-off benchmark's centre has bookings but nobody sat at a PC:
 * every past booking becomes a sitting, through one kiosk. */
static void
add_sittings (const char *path, gint64 now)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf (
    "BEGIN; "
    "INSERT INTO devices (name, token_hash, created_at) VALUES ('bench kiosk', x'00', 0); "
    "INSERT INTO sessions (token_hash, person_id, device_id, created_at, expires_at, ended_at) "
    "VALUES (x'00', 1, last_insert_rowid (), 0, 1, 1); "
    "INSERT INTO usage_sessions (person_id, resource_id, booking_id, device_id, session_id, started_at, ended_at, "
    "end_reason) SELECT person_id, resource_id, id, (SELECT max(id) FROM devices), (SELECT max(id) FROM sessions), "
    "start_at, end_at, 'booking-end' FROM bookings WHERE status = 'booked' AND end_at <= %" G_GINT64_FORMAT "; "
    "COMMIT;", now);

  lh_bench_check (sqlite3_open (path, &db), db, "open");
  lh_bench_check (sqlite3_exec (db, sql, NULL, NULL, NULL), db, "sittings");
  g_print ("Added %d sittings\n", sqlite3_changes (db));
  sqlite3_close (db);
}

int
main (int argc, char **argv)
{
  int n_staff = 0, years = 5, n_calls = 20;
  gboolean by_section = FALSE;
  g_autofree char *db_path = NULL;
  g_autofree char *key_path = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "A centre made by learnhubctl demo --years 5", "FILE" },
    { "notes-key", 0, 0, G_OPTION_ARG_FILENAME, &key_path, "Its notes key (default: learnhubctl's)", "KEY" },
    { "staff", 0, 0, G_OPTION_ARG_INT, &n_staff, "Make a centre of N staff instead", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "With --staff: years of history (default 5)", "N" },
    { "calls", 0, 0, G_OPTION_ARG_INT, &n_calls, "Reports made, per period and measure (default 20)", "N" },
    { "sections", 0, 0, G_OPTION_ARG_NONE, &by_section, "Then time each section alone", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the committee's site report on an old centre");
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(LhStore) store = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *db = NULL;
  gint64 now = lh_time_now ();
  gint64 today = lh_time_local_midnight (now, centre->tz);
  gint64 tomorrow = lh_time_next_midnight (today, centre->tz);

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if ((db_path == NULL && n_staff < 1) || years < 1 || years > 10 || n_calls < 1)
    g_error ("Give --db FILE (made by learnhubctl demo --years 5) or --staff N; --years 1 to 10; --calls above 0");
  if (n_staff > 0)
    {
      /* Kept in --db FILE if given, and reused if it is there. */
      if (db_path == NULL)
        {
          dir = g_dir_make_tmp ("learnhub-bench-XXXXXX", NULL);
          db_path = g_build_filename (dir, "report.db", NULL);
        }
      if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
        {
          lh_bench_time_off_generate (db_path, centre, (guint) n_staff, (guint) years, now);
          add_sittings (db_path, now);
        }
      centre->note_key = lh_note_key_new_random ();
    }
  else
    {
      g_autofree char *path = key_path != NULL ? g_strdup (key_path) : lh_config_default_note_key_path ();

      centre->note_key = lh_note_key_read (path, &error);
      lh_bench_check_error (error);
    }
  store = lh_store_open (db_path, &error);
  lh_bench_check_error (error);
  lh_bench_check (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), db, "open");
  /* Read the file as learnhubd's store does (lh_store_open), so that
   * the two differ only in what they do with the rows. */
  lh_bench_check (sqlite3_exec (db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL), db, "mmap_size");
  for (guint i = 0; i < G_N_ELEMENTS (bare_sql); i++)
    lh_bench_check (sqlite3_prepare_v2 (db, bare_sql[i], -1, &bare_stmts[i], NULL), db, bare_sql[i]);

  g_print ("%d reports each, ms\n\n", n_calls);
  g_print ("| period | bare SQL p50 | bare max | report p50 | report max | report / bare |\n"
           "|---|---|---|---|---|---|\n");
  measure ("The last quarter", store, centre, lh_time_add_days (tomorrow, -91, centre->tz), tomorrow, now, n_calls);
  measure ("The last five years", store, centre, lh_time_add_days (tomorrow, -5 * 365, centre->tz), tomorrow, now,
           n_calls);

  if (by_section)
    {
      g_print ("\nEach section alone, p50 ms\n\n| period |");
      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        g_print (" %s |", sections[s].name);
      g_print ("\n|---|");
      for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
        g_print ("---|");
      g_print ("\n");
      measure_sections ("The last quarter", store, centre, lh_time_add_days (tomorrow, -91, centre->tz), tomorrow,
                        now, n_calls);
      measure_sections ("The last five years", store, centre, lh_time_add_days (tomorrow, -5 * 365, centre->tz),
                        tomorrow, now, n_calls);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bare_sql); i++)
    sqlite3_finalize (bare_stmts[i]);
  sqlite3_close (db);
  g_clear_object (&store);
  if (dir != NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm", ".lock" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);
          g_remove (file);
        }
      g_rmdir (dir);
    }
  return 0;
}
