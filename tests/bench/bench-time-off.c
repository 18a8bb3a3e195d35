/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's time-off balance with years of ledger for thousands of
 * staff, against the bare SQLite query for the same sums on the same
 * index, measured in the same run on the same file.
 *
 *   bench-time-off [--staff 5000] [--years 10] [--calls 2000] [--db FILE]
 *
 * The history is written straight into the tables, in one transaction,
 * as learnhubd would have left it (bench-time-off-ledger.c). --db keeps
 * the file, and a second run reuses it.
 *
 * Built, not run as a test; see docs/benchmarks.md. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <time.h>

#include "bench-time-off-ledger.h"
#include "lh-centre.h"
#include "lh-store.h"
#include "lh-terms.h"
#include "lh-time-off.h"
#include "lh-time.h"

typedef struct
{
  gint64 person;
  gint64 at;
  gint64 from;   /* the agreement year holding at */
  gint64 to;
} Call;

static gint64
cpu_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *ns, double p)
{
  g_array_sort (ns, compare_gint64);
  return g_array_index (ns, gint64, (guint) (p * (ns->len - 1))) / 1e6;
}

typedef enum { BARE, BALANCE, WITH_TERMS, N_MEASURES } Measure;

typedef struct
{
  LhStore        *store;
  const LhCentre *centre;
  GArray         *terms;           /* every version, for WITH_TERMS */
  sqlite3_stmt   *bare;            /* on its own connection */
  GArray         *wall[N_MEASURES];
  GArray         *cpu[N_MEASURES];
} Timing;

/* The same sums as the balance reads, with nothing around them. */
static void
bare_sums (sqlite3_stmt *stmt, const Call *call)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, call->person);
  sqlite3_bind_int64 (stmt, 2, call->from);
  sqlite3_bind_int64 (stmt, 3, call->to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  lh_bench_check (rc, sqlite3_db_handle (stmt), "bare query");
  sqlite3_reset (stmt);
}

static void
time_one (Timing *t, Measure m, Call *call)
{
  g_autoptr(GError) error = NULL;
  LhTimeOffBalance balance;
  gint64 wall = lh_bench_now_ns (), cpu = cpu_ns ();

  if (m == BARE)
    bare_sums (t->bare, call);
  else if (m == WITH_TERMS)
    lh_time_off_balance_with_terms (t->store, t->centre, t->terms, call->person, call->at, &balance, &error);
  else
    lh_time_off_balance (t->store, t->centre, call->person, call->at, &balance, &error);
  wall = lh_bench_now_ns () - wall;
  cpu = cpu_ns () - cpu;
  lh_bench_check_error (error);
  if (m != BARE)
    {
      call->from = balance.year_start;
      call->to = balance.year_end;
    }
  g_array_append_val (t->wall[m], wall);
  g_array_append_val (t->cpu[m], cpu);
}

static void
print_row (const char *what, GArray *wall, GArray *cpu)
{
  g_print ("| %s | %.3f | %.3f | %.3f | %.3f |\n", what, percentile_ms (wall, 0.50), percentile_ms (wall, 0.99),
           percentile_ms (cpu, 0.50), percentile_ms (cpu, 0.99));
}

/* calls: this year's balance of random people, or a random year's. The
 * three measures take turns, each on a person a third of the calls away
 * from the others', so that a busy moment of the machine falls on all
 * three alike and none finds another's pages in its cache. */
static void
measure (const char *title, LhStore *store, const LhCentre *centre, const char *path, GArray *calls)
{
  g_autoptr(GError) error = NULL;
  Timing t = { .store = store, .centre = centre };
  sqlite3 *db;
  guint n = calls->len;
  double p99;

  t.terms = lh_terms_list (store, &error);
  lh_bench_check_error (error);
  lh_bench_check (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), NULL, "open");
  lh_bench_check (sqlite3_prepare_v2 (db, "SELECT category, sum(pending_delta), sum(booked_delta), sum(taken_delta), "
                                 "sum(own_delta) FROM time_off_ledger WHERE person_id = ?1 AND at >= ?2 "
                                 "AND at < ?3 GROUP BY category", -1, &t.bare, NULL), db, "prepare");
  for (int m = 0; m < N_MEASURES; m++)
    {
      t.wall[m] = g_array_new (FALSE, FALSE, sizeof (gint64));
      t.cpu[m] = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  /* A first pass finds each call's agreement year (for the bare query)
   * and fills the operating system's cache. */
  for (guint i = 0; i < n; i++)
    time_one (&t, BALANCE, &g_array_index (calls, Call, i));
  for (int m = 0; m < N_MEASURES; m++)
    {
      g_array_set_size (t.wall[m], 0);
      g_array_set_size (t.cpu[m], 0);
    }
  for (guint i = 0; i < n; i++)
    for (guint k = 0; k < N_MEASURES; k++)
      {
        Measure m = (i + k) % N_MEASURES;

        time_one (&t, m, &g_array_index (calls, Call, (i + m * n / N_MEASURES) % n));
      }

  g_print ("\n%s, %u calls each\n\n", title, n);
  g_print ("| measure | p50 ms | p99 ms | p50 CPU ms | p99 CPU ms |\n|---|---|---|---|---|\n");
  print_row ("bare SQLite: the year's sums on the ledger index", t.wall[BARE], t.cpu[BARE]);
  print_row ("lh_time_off_balance (person, terms, sums)", t.wall[BALANCE], t.cpu[BALANCE]);
  print_row ("lh_time_off_balance_with_terms (terms at hand)", t.wall[WITH_TERMS], t.cpu[WITH_TERMS]);
  p99 = percentile_ms (t.wall[BALANCE], 0.99);
  g_print ("\nbalance / bare: p50 %.1fx, p99 %.1fx (CPU: p50 %.1fx, p99 %.1fx). Target p99 under 1 ms: %s\n",
           percentile_ms (t.wall[BALANCE], 0.50) / percentile_ms (t.wall[BARE], 0.50),
           p99 / percentile_ms (t.wall[BARE], 0.99),
           percentile_ms (t.cpu[BALANCE], 0.50) / percentile_ms (t.cpu[BARE], 0.50),
           percentile_ms (t.cpu[BALANCE], 0.99) / percentile_ms (t.cpu[BARE], 0.99),
           p99 < 1.0 ? "met" : "NOT met");

  for (int m = 0; m < N_MEASURES; m++)
    {
      g_array_unref (t.wall[m]);
      g_array_unref (t.cpu[m]);
    }
  sqlite3_finalize (t.bare);
  sqlite3_close (db);
  g_array_unref (t.terms);
}

int
main (int argc, char **argv)
{
  int n_staff = 5000, years = 10, n_calls = 2000;
  g_autofree char *db_path = NULL;
  const GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_INT, &n_staff, "Staff with a ledger (default 5000)", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of ledger each (default 10)", "N" },
    { "calls", 0, 0, G_OPTION_ARG_INT, &n_calls, "Balances asked for, per measure (default 2000)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Keep the centre in FILE; reuse it if it exists", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— a time-off balance with years of ledger");
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autoptr(LhStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) this_year = g_array_new (FALSE, FALSE, sizeof (Call));
  g_autoptr(GArray) any_year = g_array_new (FALSE, FALSE, sizeof (Call));
  g_autofree char *dir = NULL;
  gint64 now = lh_time_now ();
  gint64 opened;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (n_staff < 1 || years < 1 || years > 50 || n_calls < 1)
    g_error ("--staff, --years and --calls take a number above 0 (--years at most 50)");
  if (db_path == NULL)
    {
      dir = g_dir_make_tmp ("learnhub-bench-XXXXXX", NULL);
      db_path = g_build_filename (dir, "time-off.db", NULL);
    }
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    lh_bench_time_off_generate (db_path, centre, (guint) n_staff, (guint) years, now);
  else
    g_print ("Reusing %s (its --staff and --years are what it was made with)\n", db_path);

  /* Opened again, as learnhubd would find it, with its own cache. */
  opened = lh_bench_now_ns ();
  store = lh_store_open (db_path, &error);
  lh_bench_check_error (error);
  g_stat (db_path, &st);
  g_print ("Opened %s (%.0f MB, integrity checked) in %.1f s\n", db_path, st.st_size / 1e6,
           (lh_bench_now_ns () - opened) / 1e9);

  for (int i = 0; i < n_calls; i++)
    {
      Call call = { .person = g_rand_int_range (rand, 1, n_staff + 1), .at = now };
      g_array_append_val (this_year, call);
      call.person = g_rand_int_range (rand, 1, n_staff + 1);
      call.at = now - (gint64) g_rand_int_range (rand, 0, years * 365) * 24 * 3600;
      g_array_append_val (any_year, call);
    }
  measure ("This year's balance of a random person (two versions of the terms in it)", store, centre, db_path,
           this_year);
  measure ("The balance of a random person in a random year of the history", store, centre, db_path, any_year);

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
