/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Usage per PC over a quarter, on a demo centre with years of history,
 * against the bare SQLite sum over the same sittings on the same index,
 * measured in the same run on the same file.
 *
 *   learnhubctl --db FILE demo --years 5
 *   bench-equipment-usage --db FILE [--calls 200]
 *
 * Built, not run as a test; see docs/benchmarks.md. */
#include <sqlite3.h>

#include "lh-centre.h"
#include "lh-equipment-usage.h"
#include "lh-store.h"
#include "lh-time.h"

typedef enum { BARE, USAGE, N_MEASURES } Measure;

/* What lh_equipment_usage() reads of the sittings, summed in SQL alone:
 * no PCs, opening hours, closures, days or computers. */
#define BARE_SQL \
  "SELECT resource_id, count(*), sum(min(coalesce(ended_at, ?4), ?2) - max(started_at, ?1)) " \
  "FROM usage_sessions WHERE started_at >= ?1 - ?3 AND started_at < ?2 " \
  "AND (ended_at IS NULL OR ended_at > ?1) GROUP BY resource_id"

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *us, double p)
{
  g_array_sort (us, compare_gint64);
  return g_array_index (us, gint64, (guint) (p * (us->len - 1))) / 1e3;
}

/* Seconds used in the quarter, summed over the PCs, by either way. */
static gint64
run_one (Measure m, LhStore *store, const LhCentre *centre, sqlite3_stmt *bare, gint64 from, gint64 to,
         gint64 now, guint *out_sittings)
{
  gint64 seconds = 0;

  *out_sittings = 0;
  if (m == BARE)
    {
      sqlite3_bind_int64 (bare, 1, from);
      sqlite3_bind_int64 (bare, 2, to);
      sqlite3_bind_int64 (bare, 3, LH_EQUIPMENT_USAGE_LOOKBACK_SECONDS);
      sqlite3_bind_int64 (bare, 4, now);
      while (sqlite3_step (bare) == SQLITE_ROW)
        {
          *out_sittings += (guint) sqlite3_column_int (bare, 1);
          seconds += sqlite3_column_int64 (bare, 2);
        }
      sqlite3_reset (bare);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) pcs = lh_equipment_usage (store, centre, from, to, now, &error);

      if (pcs == NULL)
        g_error ("%s", error->message);
      for (guint i = 0; i < pcs->len; i++)
        {
          seconds += ((LhPcUsage *) pcs->pdata[i])->seconds_used;
          *out_sittings += (guint) ((LhPcUsage *) pcs->pdata[i])->sittings;
        }
    }
  return seconds;
}

int
main (int argc, char **argv)
{
  int n_calls = 200;
  g_autofree char *db_path = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "A centre made by learnhubctl demo --years 5", "FILE" },
    { "calls", 0, 0, G_OPTION_ARG_INT, &n_calls, "Quarters asked for, per measure (default 200)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— usage per PC over a quarter with years of history");
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(LhStore) store = NULL;
  GArray *wall[N_MEASURES];
  sqlite3 *db = NULL;
  sqlite3_stmt *bare = NULL;
  gint64 now = lh_time_now ();
  gint64 to = now;
  gint64 from = lh_time_add_days (lh_time_local_midnight (now, centre->tz), 1 - LH_EQUIPMENT_USAGE_DEFAULT_DAYS,
                                  centre->tz);
  gint64 seconds[N_MEASURES];
  guint sittings[N_MEASURES];

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (db_path == NULL || n_calls < 1)
    g_error ("Give --db FILE, made by learnhubctl demo --years 5, and --calls above 0");
  store = lh_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, BARE_SQL, -1, &bare, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  /* A first call of each fills the caches; then they take turns, so
   * that a busy moment of the machine falls on both alike. */
  for (int m = 0; m < N_MEASURES; m++)
    {
      wall[m] = g_array_new (FALSE, FALSE, sizeof (gint64));
      seconds[m] = run_one (m, store, centre, bare, from, to, now, &sittings[m]);
    }
  for (int i = 0; i < n_calls; i++)
    for (int k = 0; k < N_MEASURES; k++)
      {
        Measure m = (i + k) % N_MEASURES;
        gint64 start = g_get_monotonic_time ();
        guint n;

        run_one (m, store, centre, bare, from, to, now, &n);
        start = g_get_monotonic_time () - start;
        g_array_append_val (wall[m], start);
      }

  g_print ("The last quarter (%u sittings, %.1f h; the bare sum: %u, %.1f h), %d calls each\n\n", sittings[USAGE],
           seconds[USAGE] / 3600.0, sittings[BARE], seconds[BARE] / 3600.0, n_calls);
  g_print ("| measure | p50 ms | p99 ms |\n|---|---|---|\n");
  g_print ("| bare SQLite: the sums by PC on usage_by_start | %.3f | %.3f |\n", percentile_ms (wall[BARE], 0.5),
           percentile_ms (wall[BARE], 0.99));
  g_print ("| lh_equipment_usage (PCs, hours, closures, days, computers) | %.3f | %.3f |\n",
           percentile_ms (wall[USAGE], 0.5), percentile_ms (wall[USAGE], 0.99));
  g_print ("\nusage / bare: p50 %.1fx, p99 %.1fx\n", percentile_ms (wall[USAGE], 0.5) / percentile_ms (wall[BARE], 0.5),
           percentile_ms (wall[USAGE], 0.99) / percentile_ms (wall[BARE], 0.99));

  for (int m = 0; m < N_MEASURES; m++)
    g_array_unref (wall[m]);
  sqlite3_finalize (bare);
  sqlite3_close (db);
  return 0;
}
