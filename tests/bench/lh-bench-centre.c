/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-bench-centre.h"

#include "lh-time.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
#include <sqlite3.h>
#include <string.h>

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) p = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_autofree char *out = NULL;

  if (p == NULL || !g_subprocess_communicate_utf8 (p, NULL, NULL, &out, NULL, &error) ||
      !g_subprocess_get_successful (p))
    g_error ("%s %s failed", argv[0], argv[3]);
  return g_steal_pointer (&out);
}

LhBenchCentre *
lh_bench_centre_new (guint n_pcs, guint n_people, guint16 port)
{
  return lh_bench_centre_new_full (n_pcs, n_people, 0, 0, port);
}

LhBenchCentre *
lh_bench_centre_new_with_ulrs (guint n_pcs, guint n_people, guint n_ulrs, guint16 port)
{
  return lh_bench_centre_new_full (n_pcs, n_people, n_ulrs, 0, port);
}

static void
exec_or_die (sqlite3 *db, sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("writing the history: %s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

/* Years of past bookings on every PC, as a centre that has run that long
 * has them: six a day on each, an hour or an hour and a half, from 08:00;
 * most used (checked in), one in ten cancelled, one in twenty never came
 * (left booked: the PC's kiosk was off). Written straight into the tables,
 * triggers on, in one transaction; learnhubctl's own `demo --years` is
 * not used, so that this stays the same whatever the demo becomes. */
static void
add_history (const char *db_path, int years, gint64 today)
{
  g_autoptr(GArray) pcs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint n = 0;

  if (sqlite3_open (db_path, &db) != SQLITE_OK)
    g_error ("cannot open %s", db_path);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = OFF", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "SELECT id FROM resources WHERE kind = 'pc' ORDER BY id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_array_append_val (pcs, (gint64) { sqlite3_column_int64 (stmt, 0) });
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "SELECT id FROM people ORDER BY id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_array_append_val (people, (gint64) { sqlite3_column_int64 (stmt, 0) });
  sqlite3_finalize (stmt);

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at, status, "
                          "cancelled_at, checked_in_at) VALUES (?1, ?2, ?3, ?4, ?3 - 86400, ?5, "
                          "CASE WHEN ?5 = 'cancelled' THEN ?3 - 3600 END, ?6)", -1, &stmt, NULL);
  for (gint64 day = today - (gint64) years * 365 * 86400; day < today; day += 86400)
    for (guint p = 0; p < pcs->len; p++)
      for (guint slot = 0; slot < 6; slot++, n++)
        {
          gint64 start = day + (8 + 2 * slot) * 3600;
          guint kind = ((n * 2654435761u) >> 16) % 20;

          sqlite3_bind_int64 (stmt, 1, g_array_index (pcs, gint64, p));
          sqlite3_bind_int64 (stmt, 2, g_array_index (people, gint64, (p + slot + n / 97) % people->len));
          sqlite3_bind_int64 (stmt, 3, start);
          sqlite3_bind_int64 (stmt, 4, start + (n % 2 ? 5400 : 3600));
          sqlite3_bind_text (stmt, 5, kind < 2 ? "cancelled" : "booked", -1, SQLITE_STATIC);
          if (kind < 3)
            sqlite3_bind_null (stmt, 6);
          else
            sqlite3_bind_int64 (stmt, 6, start + 120);
          exec_or_die (db, stmt);
        }
  sqlite3_finalize (stmt);
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("writing the history: %s", sqlite3_errmsg (db));
  sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* learnhubd on centre->db, on 127.0.0.1:port, with no backups. */
static void
start_daemon (LhBenchCentre *centre, guint16 port)
{
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", port);
  g_autoptr(GSocketClient) probe = g_socket_client_new ();
  g_autoptr(GError) error = NULL;

  {
    /* No backup of a large centre while the benchmark measures. */
    g_autofree char *config = g_build_filename (centre->dir, "learnhubd.conf", NULL);
    const char *args[] = { LEARNHUBD_PATH, "--db", centre->db, "--listen", listen, "--config", config, NULL };

    g_file_set_contents (config, "[backup]\nevery-hours=0\n", -1, NULL);
    centre->daemon = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
    g_assert_no_error (error);
  }
  for (int i = 0; i < 500; i++)
    {
      g_autoptr(GSocketConnection) c = g_socket_client_connect_to_host (probe, "127.0.0.1", port, NULL, NULL);
      if (c != NULL)
        break;
      g_usleep (20000);
    }
  centre->base_url = g_strdup_printf ("http://%s", listen);
  centre->port = port;
}

LhBenchCentre *
lh_bench_centre_new_for_db (const char *dir, const char *db, guint16 port)
{
  LhBenchCentre *centre = g_new0 (LhBenchCentre, 1);

  centre->dir = g_strdup (dir);
  centre->db = g_strdup (db);
  centre->device_token = g_strdup ("");
  start_daemon (centre, port);
  return centre;
}

LhBenchCentre *
lh_bench_centre_new_full (guint n_pcs, guint n_people, guint n_ulrs, int years, guint16 port)
{
  LhBenchCentre *centre = g_new0 (LhBenchCentre, 1);
  g_autoptr(GString) csv = g_string_new ("staff_number,name,hours_per_week,roles,pin\n");
  g_autofree char *csv_path = NULL;

  centre->dir = g_dir_make_tmp ("learnhub-bench-XXXXXX", NULL);
  centre->db = g_build_filename (centre->dir, "centre.db", NULL);
  csv_path = g_build_filename (centre->dir, "staff.csv", NULL);
  for (guint i = 0; i < n_pcs; i++)
    {
      g_autofree char *name = g_strdup_printf ("PC %u", i + 1);
      const char *add[] = { LEARNHUBCTL_PATH, "--db", centre->db, "resource", "add", name,
                            "--hours", "Mon-Sun 00:00-24:00", NULL };
      g_free (run (add));
    }
  for (guint i = 0; i < n_people; i++)
    g_string_append_printf (csv, "B%03u,Bench %u,37.5,%s,%04u\n", i, i, i < n_ulrs ? "learner;ulr" : "learner",
                            1000 + i);
  g_file_set_contents (csv_path, csv->str, -1, NULL);
  {
    const char *import[] = { LEARNHUBCTL_PATH, "--db", centre->db, "import-staff", csv_path, NULL };
    const char *device[] = { LEARNHUBCTL_PATH, "--db", centre->db, "device", "add", "bench", NULL };

    g_free (run (import));
    centre->device_token = g_strstrip (run (device));
  }

  if (years > 0)
    {
      gint64 t0 = g_get_monotonic_time ();

      add_history (centre->db, years, lh_time_now () / 86400 * 86400);
      centre->history_seconds = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
    }
  start_daemon (centre, port);
  return centre;
}

void
lh_bench_centre_free (LhBenchCentre *centre)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", ".lock", ".key" };
  g_autofree char *csv = g_build_filename (centre->dir, "staff.csv", NULL);
  g_autofree char *config = g_build_filename (centre->dir, "learnhubd.conf", NULL);

  g_subprocess_send_signal (centre->daemon, SIGTERM);
  g_subprocess_wait (centre->daemon, NULL, NULL);
  g_object_unref (centre->daemon);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (centre->db, suffixes[i], NULL);
      g_remove (file);
    }
  g_remove (csv);
  g_remove (config);
  g_rmdir (centre->dir);
  g_free (centre->dir);
  g_free (centre->db);
  g_free (centre->base_url);
  g_free (centre->device_token);
  g_free (centre);
}

guint
lh_bench_post (SoupSession *session, const char *url, const char *auth, const char *json)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) reply = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  return soup_message_get_status (msg);
}

char *
lh_bench_sign_in (LhBenchCentre *centre, SoupSession *session, guint person)
{
  g_autofree char *url = g_strconcat (centre->base_url, "/api/v1/sessions", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", centre->device_token, NULL);
  g_autofree char *json = g_strdup_printf ("{\"staff_number\":\"B%03u\",\"pin\":\"%04u\"}", person, 1000 + person);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  if (soup_message_get_status (msg) != 201 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL))
    g_error ("sign-in %u failed: %u", person, soup_message_get_status (msg));
  return g_strconcat ("Bearer ",
                      json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "token"),
                      NULL);
}

char *
lh_bench_iso (gint64 t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  return g_date_time_format_iso8601 (dt);
}

int
lh_bench_compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

double
lh_bench_percentile_ms (GArray *sorted, double p)
{
  if (sorted->len == 0)
    return 0;
  return g_array_index (sorted, gint64, (guint) (p * (sorted->len - 1))) / 1000.0;
}

static double
stat_cpu (const char *path)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  /* The name (field 2) may hold spaces: count from after its ')'. */
  after_name = strrchr (text, ')');
  if (after_name == NULL)
    return 0;
  fields = g_strsplit (after_name + 2, " ", -1);
  if (g_strv_length (fields) < 13)
    return 0;
  /* utime and stime are fields 14 and 15 of the whole line. */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

double
lh_bench_daemon_cpu (LhBenchCentre *centre,
                     gboolean       main_thread_only)
{
  const char *pid = g_subprocess_get_identifier (centre->daemon);
  g_autofree char *path = main_thread_only ? g_strdup_printf ("/proc/%s/task/%s/stat", pid, pid)
                                           : g_strdup_printf ("/proc/%s/stat", pid);

  return stat_cpu (path);
}

double
lh_bench_own_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}
