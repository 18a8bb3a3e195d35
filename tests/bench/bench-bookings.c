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
#include "lh-store.h"

#define SLOT_SECONDS (15 * 60)
#define MAX_CLIENTS  64

typedef struct _Bench Bench;

/* Each client is a kiosk: a session of its own, with one connection
 * kept open. (One session shared by all would open and close connections
 * all the time: it asks for a new one when it sends the next request
 * before the last answer has given its connection back.) */
typedef struct
{
  Bench       *bench;      /* (unowned) */
  SoupSession *session;    /* (owned) */
  guint        index;
  char        *auth;       /* (owned) "Bearer …" */
  guint        next_slot;
} Client;

struct _Bench
{
  char        *url;        /* (owned) …/api/v1/bookings */
  gint64       first_slot; /* unix time of slot 0 */
  gint64       deadline;   /* monotonic */
  guint        n_clients;
  guint        offset;     /* first PC and person of this round */
  guint        running;
  guint        ok;
  guint        failed;
  GArray      *latencies;  /* (owned) microseconds, gint64 */
};

static void send_one (Client *client);

typedef struct
{
  Client *client;
  gint64  started;
} Pending;

static void
sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending *pending = user_data;
  Client *client = pending->client;
  Bench *bench = client->bench;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  gint64 latency = g_get_monotonic_time () - pending->started;

  g_free (pending);
  if (soup_message_get_status (msg) == 201)
    {
      bench->ok++;
      g_array_append_val (bench->latencies, latency);
    }
  else
    bench->failed++;
  if (g_get_monotonic_time () < bench->deadline)
    send_one (client);
  else
    bench->running--;
}

static void
send_one (Client *client)
{
  Bench *bench = client->bench;
  /* Client i books PC i, one 15-minute slot after another: distinct slots,
   * so every refusal would be a bug. */
  gint64 start = bench->first_slot + (gint64) client->next_slot++ * SLOT_SECONDS;
  g_autofree char *s = lh_bench_iso (start);
  g_autofree char *e = lh_bench_iso (start + SLOT_SECONDS);
  g_autofree char *json = g_strdup_printf ("{\"resource_id\":%u,\"start\":\"%s\",\"end\":\"%s\"}",
                                           bench->offset + client->index + 1, s, e);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", bench->url);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  Pending *pending = g_new0 (Pending, 1);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", client->auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  pending->client = client;
  pending->started = g_get_monotonic_time ();
  soup_session_send_and_read_async (client->session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, pending);
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
  Bench bench = { 0 };
  Client clients[MAX_CLIENTS] = { 0 };
  gint64 started;
  double elapsed, rate, daemon_cpu, main_cpu, client_cpu;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  bench.url = g_strconcat (centre->base_url, "/api/v1/bookings", NULL);
  bench.latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.n_clients = n;
  bench.offset = offset;
  /* From tomorrow, on the quarter hour. */
  bench.first_slot = (g_date_time_to_unix (now) / 86400 + 1) * 86400;
  for (guint i = 0; i < n; i++)
    {
      clients[i].bench = &bench;
      clients[i].index = i;
      clients[i].session = soup_session_new_with_options ("max-conns", 1, "max-conns-per-host", 1, NULL);
      clients[i].auth = lh_bench_sign_in (centre, clients[i].session, offset + i);
    }
  daemon_cpu = lh_bench_daemon_cpu (centre, FALSE);
  main_cpu = lh_bench_daemon_cpu (centre, TRUE);
  client_cpu = lh_bench_own_cpu ();
  started = g_get_monotonic_time ();
  bench.deadline = started + (gint64) (seconds * G_USEC_PER_SEC);
  bench.running = n;
  for (guint i = 0; i < n; i++)
    send_one (&clients[i]);
  while (bench.running > 0)
    g_main_context_iteration (NULL, TRUE);
  elapsed = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  result.daemon_us = (lh_bench_daemon_cpu (centre, FALSE) - daemon_cpu) * 1e6 / MAX (bench.ok, 1);
  result.main_us = (lh_bench_daemon_cpu (centre, TRUE) - main_cpu) * 1e6 / MAX (bench.ok, 1);
  result.client_us = (lh_bench_own_cpu () - client_cpu) * 1e6 / MAX (bench.ok, 1);
  g_array_sort (bench.latencies, lh_bench_compare_gint64);
  rate = bench.ok / elapsed;
  result.rate = rate;
  result.p50 = lh_bench_percentile_ms (bench.latencies, 0.50);
  result.p99 = lh_bench_percentile_ms (bench.latencies, 0.99);
  result.failed = bench.failed;
  result.overlaps = count_overlaps (centre->db);
  for (guint i = 0; i < n; i++)
    {
      g_free (clients[i].auth);
      g_object_unref (clients[i].session);
    }
  g_array_unref (bench.latencies);
  g_free (bench.url);
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
