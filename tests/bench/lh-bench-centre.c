/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-bench-centre.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
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
  return lh_bench_centre_new_with_ulrs (n_pcs, n_people, 0, port);
}

LhBenchCentre *
lh_bench_centre_new_with_ulrs (guint n_pcs, guint n_people, guint n_ulrs, guint16 port)
{
  LhBenchCentre *centre = g_new0 (LhBenchCentre, 1);
  g_autoptr(GString) csv = g_string_new ("staff_number,name,hours_per_week,roles,pin\n");
  g_autofree char *csv_path = NULL;
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", port);
  g_autoptr(GSocketClient) probe = g_socket_client_new ();
  g_autoptr(GError) error = NULL;

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

  {
    const char *args[] = { LEARNHUBD_PATH, "--db", centre->db, "--listen", listen, NULL };
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
  return centre;
}

void
lh_bench_centre_free (LhBenchCentre *centre)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", ".lock", ".key" };
  g_autofree char *csv = g_build_filename (centre->dir, "staff.csv", NULL);

  g_subprocess_send_signal (centre->daemon, SIGTERM);
  g_subprocess_wait (centre->daemon, NULL, NULL);
  g_object_unref (centre->daemon);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (centre->db, suffixes[i], NULL);
      g_remove (file);
    }
  g_remove (csv);
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
