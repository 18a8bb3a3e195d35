/* SPDX-License-Identifier: GPL-3.0-or-later */
/* N concurrent clients booking distinct slots through the API of a real
 * learnhubd on loopback, against the bare SQLite rate for the same insert
 * with the same durability, measured in the same run: on a new centre and
 * on one with years of history, side by side, taking turns.
 *
 *   bench-bookings [--seconds S] [--clients 1,8,32] [--years 5]
 *
 * Built, not run as a test; see docs/benchmarks.md. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "lh-bench-centre.h"
#include "lh-bench-http.h"
#include "lh-store.h"

#define SLOT_SECONDS (15 * 60)
#define MAX_CLIENTS  64

/* Each client is a kiosk: a thread of its own, sending its next booking
 * as soon as the last is answered, each on a new connection as a kiosk's
 * libsoup sends a POST (lh-bench-http.h). */
typedef struct
{
  guint16      port;
  guint        resource_id;
  guint        index;
  gint64       first_slot;  /* unix time of slot 0 */
  gint64       deadline;    /* monotonic */
  char        *auth;        /* (owned) "Bearer …" */
  GArray      *latencies;   /* (owned) microseconds, gint64 */
  guint        ok;
  guint        failed;
} Client;

static gpointer
client_run (gpointer user_data)
{
  Client *client = user_data;
  LhBenchHttp *http = lh_bench_http_new (client->port);

  /* Client i books PC i, one 15-minute slot after another: distinct
   * slots, so every refusal would be a bug. */
  for (guint slot = 0; g_get_monotonic_time () < client->deadline; slot++)
    {
      gint64 start = client->first_slot + (gint64) slot * SLOT_SECONDS;
      g_autofree char *s = lh_bench_iso (start);
      g_autofree char *e = lh_bench_iso (start + SLOT_SECONDS);
      g_autofree char *json = g_strdup_printf ("{\"resource_id\":%u,\"start\":\"%s\",\"end\":\"%s\"}",
                                               client->resource_id, s, e);
      gint64 started = g_get_monotonic_time ();
      guint status = lh_bench_http_post (http, "/api/v1/bookings", client->auth, json);
      gint64 latency = g_get_monotonic_time () - started;

      if (status == 201)
        {
          client->ok++;
          g_array_append_val (client->latencies, latency);
        }
      else
        client->failed++;
    }
  lh_bench_http_free (http);
  return NULL;
}

static guint
count_overlaps (const char *db_path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n;

  sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL);
  /* b starts less than a day before a ends (a booking is at most a day
   * long): a range per booking, not every pair of a PC's years. */
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM bookings a JOIN bookings b ON a.resource_id = b.resource_id "
                          "AND a.id < b.id AND a.status = 'booked' AND b.status = 'booked' "
                          "AND b.start_at > a.start_at - 86400 AND b.start_at < a.end_at AND a.start_at < b.end_at",
                      -1, &stmt, NULL);
  sqlite3_step (stmt);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The same insert, one transaction each, WAL + synchronous=FULL, schema and
 * trigger included, with no HTTP, JSON, sessions or rules around it. */
static double
bare_sqlite_rate (const char *dir, double seconds)
{
  g_autofree char *path = g_build_filename (dir, "bare.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = lh_store_open (path, &error);
  sqlite3 *db;
  sqlite3_stmt *insert;
  gint64 end, start;
  guint n = 0;

  g_assert_no_error (error);
  g_clear_object (&store);
  sqlite3_open (path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                    "INSERT INTO people (staff_number, name, hours_per_week, roles, created_at, updated_at) VALUES ('1','x',1,1,0,0);"
                    "INSERT INTO resources (name, kind) VALUES ('PC 1', 'pc');", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at) "
                          "VALUES (1, 1, ?1, ?2, 0)", -1, &insert, NULL);
  start = g_get_monotonic_time ();
  end = start + (gint64) (seconds * G_USEC_PER_SEC);
  while (g_get_monotonic_time () < end)
    {
      sqlite3_bind_int64 (insert, 1, (gint64) n * SLOT_SECONDS);
      sqlite3_bind_int64 (insert, 2, (gint64) (n + 1) * SLOT_SECONDS);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("bare insert failed: %s", sqlite3_errmsg (db));
      sqlite3_reset (insert);
      n++;
    }
  sqlite3_finalize (insert);
  sqlite3_close (db);
  return n / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

typedef struct
{
  double rate, p50, p99;
  guint  failed, overlaps;
  /* CPU microseconds per booking: learnhubd's threads, its main thread,
   * and these clients (all in this one thread). */
  double daemon_us, main_us, client_us;
} Result;

/* Each round takes its own PCs and people, from offset on, so rounds never
 * meet. */
static Result
bench_clients (LhBenchCentre *centre, guint offset, guint n, double seconds)
{
  Result result;
  Client clients[MAX_CLIENTS] = { 0 };
  GThread *threads[MAX_CLIENTS];
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(SoupSession) session = soup_session_new ();
  gint64 started, deadline;
  guint ok = 0, failed = 0;
  double elapsed, daemon_cpu, main_cpu, client_cpu;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* From tomorrow, on the quarter hour. */
  gint64 first_slot = (g_date_time_to_unix (now) / 86400 + 1) * 86400;

  for (guint i = 0; i < n; i++)
    {
      clients[i].port = centre->port;
      clients[i].index = i;
      clients[i].resource_id = offset + i + 1;
      clients[i].first_slot = first_slot;
      clients[i].auth = lh_bench_sign_in (centre, session, offset + i);
      clients[i].latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  daemon_cpu = lh_bench_daemon_cpu (centre, FALSE);
  main_cpu = lh_bench_daemon_cpu (centre, TRUE);
  client_cpu = lh_bench_own_cpu ();
  started = g_get_monotonic_time ();
  deadline = started + (gint64) (seconds * G_USEC_PER_SEC);
  for (guint i = 0; i < n; i++)
    {
      clients[i].deadline = deadline;
      threads[i] = g_thread_new ("bench-client", client_run, &clients[i]);
    }
  for (guint i = 0; i < n; i++)
    {
      g_thread_join (threads[i]);
      g_array_append_vals (latencies, clients[i].latencies->data, clients[i].latencies->len);
      ok += clients[i].ok;
      failed += clients[i].failed;
      g_array_unref (clients[i].latencies);
      g_free (clients[i].auth);
    }
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  result.daemon_us = (lh_bench_daemon_cpu (centre, FALSE) - daemon_cpu) * 1e6 / MAX (ok, 1);
  result.main_us = (lh_bench_daemon_cpu (centre, TRUE) - main_cpu) * 1e6 / MAX (ok, 1);
  result.client_us = (lh_bench_own_cpu () - client_cpu) * 1e6 / MAX (ok, 1);
  g_array_sort (latencies, lh_bench_compare_gint64);
  result.rate = ok / elapsed;
  result.p50 = lh_bench_percentile_ms (latencies, 0.50);
  result.p99 = lh_bench_percentile_ms (latencies, 0.99);
  result.failed = failed;
  result.overlaps = count_overlaps (centre->db);
  return result;
}

static void
remove_bare (const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm", ".lock" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *b = g_strconcat (dir, "/bare.db", suffixes[i], NULL);
      g_remove (b);
    }
}

int
main (int argc, char **argv)
{
  double seconds = 5;
  int years = 5;
  g_autofree char *clients_text = NULL;
  const GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &seconds, "Seconds per measurement (default 5)", "S" },
    { "clients", 0, 0, G_OPTION_ARG_STRING, &clients_text, "Client counts (default 1,8,32)", "LIST" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of history of the old centre (default 5)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— booking throughput through the API");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) counts = NULL;
  LhBenchCentre *centre, *aged;
  double bare, bare_after;
  g_autoptr(GArray) results = g_array_new (FALSE, FALSE, sizeof (Result));

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  counts = g_strsplit (clients_text != NULL ? clients_text : "1,8,32", ",", -1);

  centre = lh_bench_centre_new (MAX_CLIENTS, MAX_CLIENTS, 18391);
  aged = lh_bench_centre_new_full (MAX_CLIENTS, MAX_CLIENTS, 0, years, 18392);
  bare = bare_sqlite_rate (centre->dir, seconds);
  remove_bare (centre->dir);
  /* New and old take turns at each client count, so that a busy moment of
   * the machine does not fall on one alone. */
  for (guint i = 0, offset = 0; counts[i] != NULL; i++)
    {
      guint n = (guint) atoi (counts[i]);
      Result r;

      if (n < 1 || offset + n > MAX_CLIENTS)
        g_error ("the client counts add up to at most %d", MAX_CLIENTS);
      r = bench_clients (centre, offset, n, seconds);
      g_array_append_val (results, r);
      r = bench_clients (aged, offset, n, seconds);
      g_array_append_val (results, r);
      offset += n;
    }
  bare_after = bare_sqlite_rate (centre->dir, seconds);
  remove_bare (centre->dir);

  g_print ("Bare SQLite (WAL, synchronous=FULL, one transaction per insert): %.0f inserts/s before, "
           "%.0f after; ratios below are to their mean, %.0f\n", bare, bare_after, (bare + bare_after) / 2);
  g_print ("Old centre: %d years of history, %d PCs, 6 bookings a day each (written in %.1f s)\n\n",
           years, MAX_CLIENTS, aged->history_seconds);
  bare = (bare + bare_after) / 2;
  g_print ("| clients | new: bookings/s | p50 ms | p99 ms | / bare | %d years: bookings/s | p50 ms | p99 ms | / bare "
           "| p50 old/new | refused | double-booked |\n", years);
  g_print ("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  for (guint i = 0; counts[i] != NULL; i++)
    {
      const Result *fresh = &g_array_index (results, Result, 2 * i);
      const Result *old = &g_array_index (results, Result, 2 * i + 1);

      g_print ("| %2d | %6.0f | %6.2f | %6.2f | %4.2f | %6.0f | %6.2f | %6.2f | %4.2f | %4.2f | %u | %u |\n",
               atoi (counts[i]), fresh->rate, fresh->p50, fresh->p99, fresh->rate / bare,
               old->rate, old->p50, old->p99, old->rate / bare, old->p50 / fresh->p50,
               fresh->failed + old->failed, fresh->overlaps + old->overlaps);
    }
  /* With one thread serving every request, the rate can be no more than
   * 1 s over the main thread's CPU per booking, however fast fsync is. */
  g_print ("\nCPU per booking, microseconds (new / %d years): learnhubd all threads, its main thread, the clients\n\n", years);
  g_print ("| clients | learnhubd | main thread | clients |\n|---|---|---|---|\n");
  for (guint i = 0; counts[i] != NULL; i++)
    {
      const Result *fresh = &g_array_index (results, Result, 2 * i);
      const Result *old = &g_array_index (results, Result, 2 * i + 1);

      g_print ("| %2d | %.0f / %.0f | %.0f / %.0f | %.0f / %.0f |\n", atoi (counts[i]),
               fresh->daemon_us, old->daemon_us, fresh->main_us, old->main_us, fresh->client_us, old->client_us);
    }
  lh_bench_centre_free (aged);
  lh_bench_centre_free (centre);
  return 0;
}
