/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How fast a kiosk gets a day's availability: 30 PCs with two weeks of
 * bookings, every day of the fortnight asked for repeatedly, against the
 * bare SQLite query for the same bookings in the same run; on a new centre
 * and on one with years of history, side by side, taking turns.
 *
 *   bench-availability [--rounds 20] [--years 5]
 *
 * Built, not run as a test; see docs/benchmarks.md. */
#include <sqlite3.h>
#include <string.h>

#include "lh-bench-centre.h"
#include "lh-time.h"

#define N_PCS  30
#define N_DAYS 14

static gint64
timed_get (SoupSession *session, const char *url, const char *auth)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  gint64 start = g_get_monotonic_time ();

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  body = soup_session_send_and_read (session, msg, NULL, NULL);
  if (soup_message_get_status (msg) != 200)
    g_error ("availability answered %u", soup_message_get_status (msg));
  return g_get_monotonic_time () - start;
}

/* The bookings of every resource on one day: what the daemon reads, from
 * a day back at most (a booking is at most a day long). */
static gint64
timed_bare_query (sqlite3 *db, gint64 from, gint64 to)
{
  sqlite3_stmt *stmt;
  gint64 start = g_get_monotonic_time ();

  sqlite3_prepare_v2 (db, "SELECT resource_id, start_at, end_at, person_id = 1 FROM bookings "
                          "WHERE status = 'booked' AND start_at > ?1 - 86400 AND start_at < ?2 AND end_at > ?1 "
                          "ORDER BY resource_id, start_at", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_finalize (stmt);
  return g_get_monotonic_time () - start;
}

typedef struct
{
  LhBenchCentre *centre;
  sqlite3       *db;
  char          *device_auth;  /* (owned) */
  GArray        *api;          /* (owned) microseconds */
  GArray        *bare;         /* (owned) microseconds */
  guint          n_booked;
} Side;

/* Each person books an hour on their PC every other hour, tomorrow on. */
static void
side_init (Side *side, SoupSession *session, LhBenchCentre *centre, gint64 today)
{
  g_autofree char *bookings_url = g_strconcat (centre->base_url, "/api/v1/bookings", NULL);

  side->centre = centre;
  side->device_auth = g_strconcat ("Bearer ", centre->device_token, NULL);
  side->api = g_array_new (FALSE, FALSE, sizeof (gint64));
  side->bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint p = 0; p < N_PCS; p++)
    {
      g_autofree char *auth = lh_bench_sign_in (centre, session, p);

      for (int d = 1; d <= N_DAYS; d++)
        for (int h = 8; h < 20; h += 2)
          {
            gint64 start = today + d * 86400 + h * 3600;
            g_autofree char *s = lh_bench_iso (start);
            g_autofree char *e = lh_bench_iso (start + 3600);
            g_autofree char *json = g_strdup_printf ("{\"resource_id\":%u,\"start\":\"%s\",\"end\":\"%s\"}",
                                                     p + 1, s, e);

            side->n_booked += lh_bench_post (session, bookings_url, auth, json) == 201;
          }
    }
  sqlite3_open_v2 (centre->db, &side->db, SQLITE_OPEN_READONLY, NULL);
}

static void
side_measure (Side *side, SoupSession *session, gint64 today, int d)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (today + d * 86400);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  g_autofree char *url = g_strdup_printf ("%s/api/v1/availability?date=%s", side->centre->base_url, date);
  gint64 t = timed_get (session, url, side->device_auth);
  gint64 b = timed_bare_query (side->db, today + d * 86400, today + (d + 1) * 86400);

  g_array_append_val (side->api, t);
  g_array_append_val (side->bare, b);
}

static void
side_finish (Side *side)
{
  sqlite3_close (side->db);
  g_array_sort (side->api, lh_bench_compare_gint64);
  g_array_sort (side->bare, lh_bench_compare_gint64);
}

static void
side_clear (Side *side)
{
  g_free (side->device_auth);
  g_array_unref (side->api);
  g_array_unref (side->bare);
  lh_bench_centre_free (side->centre);
}

int
main (int argc, char **argv)
{
  int rounds = 20, years = 5;
  const GOptionEntry entries[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Times each day is asked for (default 20)", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &years, "Years of history of the old centre (default 5)", "N" },
    { NULL }
  };
  Side fresh = { 0 }, aged = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new ("— availability of 30 PCs over 14 days");
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  gint64 today = lh_time_now () / 86400 * 86400;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  side_init (&fresh, session, lh_bench_centre_new (N_PCS, N_PCS, 18393), today);
  side_init (&aged, session, lh_bench_centre_new_full (N_PCS, N_PCS, 0, years, 18394), today);
  /* The two centres take turns, day by day. */
  for (int r = 0; r < rounds; r++)
    for (int d = 1; d <= N_DAYS; d++)
      {
        side_measure (&fresh, session, today, d);
        side_measure (&aged, session, today, d);
      }
  side_finish (&fresh);
  side_finish (&aged);

  g_print ("%d PCs, %u bookings over %d days, each day asked for %d times; the old centre also has %d years "
           "of history (6 bookings a day on each PC, written in %.1f s)\n\n",
           N_PCS, fresh.n_booked, N_DAYS, rounds, years, aged.centre->history_seconds);
  g_print ("| measure | new: p50 ms | p99 ms | %d years: p50 ms | p99 ms | p50 old/new |\n|---|---|---|---|---|---|\n",
           years);
  g_print ("| GET /api/v1/availability (HTTP, auth, rules, JSON) | %.2f | %.2f | %.2f | %.2f | %.2f |\n",
           lh_bench_percentile_ms (fresh.api, 0.5), lh_bench_percentile_ms (fresh.api, 0.99),
           lh_bench_percentile_ms (aged.api, 0.5), lh_bench_percentile_ms (aged.api, 0.99),
           lh_bench_percentile_ms (aged.api, 0.5) / lh_bench_percentile_ms (fresh.api, 0.5));
  g_print ("| bare SQLite query for the same bookings | %.3f | %.3f | %.3f | %.3f | %.2f |\n",
           lh_bench_percentile_ms (fresh.bare, 0.5), lh_bench_percentile_ms (fresh.bare, 0.99),
           lh_bench_percentile_ms (aged.bare, 0.5), lh_bench_percentile_ms (aged.bare, 0.99),
           lh_bench_percentile_ms (aged.bare, 0.5) / lh_bench_percentile_ms (fresh.bare, 0.5));
  side_clear (&fresh);
  side_clear (&aged);
  return 0;
}
