/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How fast a booking reaches every listening kiosk, and what 50 idle
 * kiosks cost the daemon.
 *
 *   bench-events [--listeners 50] [--bookings 200] [--idle-seconds 10]
 *
 * Built, not run as a test; see docs/benchmarks.md. */
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lh-bench-centre.h"
#include "lh-time.h"

typedef struct
{
  GArray *latencies;  /* (unowned) microseconds since the POST was sent */
  gint64 *sent_at;    /* (unowned) */
  guint  *received;   /* (unowned) */
} Listener;

static void
message_cb (SoupWebsocketConnection *connection, gint type, GBytes *message, gpointer user_data)
{
  Listener *listener = user_data;
  gint64 latency = g_get_monotonic_time () - *listener->sent_at;

  g_array_append_val (listener->latencies, latency);
  (*listener->received)++;
}

static void
connected_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SoupWebsocketConnection **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (*out == NULL)
    g_error ("listener could not connect: %s", error->message);
}

/* User and system CPU time of a process, in seconds, from /proc. */
static double
cpu_seconds (GSubprocess *process)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (process));
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  after_name = strrchr (text, ')') + 2;
  fields = g_strsplit (after_name, " ", -1);
  /* utime and stime are fields 14 and 15; 3 is the first after the name. */
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) / sysconf (_SC_CLK_TCK);
}

int
main (int argc, char **argv)
{
  int n_listeners = 50, n_bookings = 200;
  double idle_seconds = 10;
  const GOptionEntry entries[] = {
    { "listeners", 0, 0, G_OPTION_ARG_INT, &n_listeners, "WebSocket listeners (default 50)", "N" },
    { "bookings", 0, 0, G_OPTION_ARG_INT, &n_bookings, "Bookings to time (default 200)", "N" },
    { "idle-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &idle_seconds, "Idle time to measure (default 10)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— live event latency and idle cost");
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 256, "max-conns-per-host", 256, NULL);
  g_autoptr(GArray) event_latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) post_latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree SoupWebsocketConnection **connections = NULL;
  g_autofree Listener *listeners = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *events_url = NULL;
  g_autofree char *bookings_url = NULL;
  g_autofree char *bearer = NULL;
  LhBenchCentre *centre;
  gint64 sent_at = 0, first_slot;
  guint received = 0;
  double cpu_before, cpu_after;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  n_listeners = CLAMP (n_listeners, 1, 200);

  centre = lh_bench_centre_new (1, 1, 18392);
  auth = lh_bench_sign_in (centre, session, 0);
  bearer = g_strconcat ("Bearer ", centre->device_token, NULL);
  events_url = g_strconcat (centre->base_url, "/api/v1/events", NULL);
  bookings_url = g_strconcat (centre->base_url, "/api/v1/bookings", NULL);

  connections = g_new0 (SoupWebsocketConnection *, n_listeners);
  listeners = g_new0 (Listener, n_listeners);
  for (int i = 0; i < n_listeners; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", events_url);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
      soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                            connected_cb, &connections[i]);
    }
  for (int i = 0; i < n_listeners; i++)
    {
      while (connections[i] == NULL)
        g_main_context_iteration (NULL, TRUE);
      listeners[i].latencies = event_latencies;
      listeners[i].sent_at = &sent_at;
      listeners[i].received = &received;
      g_signal_connect (connections[i], "message", G_CALLBACK (message_cb), &listeners[i]);
    }

  /* Idle: the kiosks are connected and nothing happens. */
  cpu_before = cpu_seconds (centre->daemon);
  {
    gint64 until = g_get_monotonic_time () + (gint64) (idle_seconds * G_USEC_PER_SEC);
    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);
  }
  cpu_after = cpu_seconds (centre->daemon);

  first_slot = (lh_time_now () / 86400 + 1) * 86400;
  for (int b = 0; b < n_bookings; b++)
    {
      g_autofree char *s = lh_bench_iso (first_slot + b * 900);
      g_autofree char *e = lh_bench_iso (first_slot + (b + 1) * 900);
      g_autofree char *json = g_strdup_printf ("{\"resource_id\":1,\"start\":\"%s\",\"end\":\"%s\"}", s, e);
      guint want = received + (guint) n_listeners;
      gint64 post_latency;

      sent_at = g_get_monotonic_time ();
      if (lh_bench_post (session, bookings_url, auth, json) != 201)
        g_error ("booking %d refused", b);
      post_latency = g_get_monotonic_time () - sent_at;
      g_array_append_val (post_latencies, post_latency);
      while (received < want)
        g_main_context_iteration (NULL, TRUE);
    }

  g_array_sort (event_latencies, lh_bench_compare_gint64);
  g_array_sort (post_latencies, lh_bench_compare_gint64);
  g_print ("%d listeners, %d bookings, each event received by every listener\n\n", n_listeners, n_bookings);
  g_print ("| measure | p50 ms | p99 ms |\n|---|---|---|\n");
  g_print ("| POST sent -> 201 received (the request alone) | %.2f | %.2f |\n",
           lh_bench_percentile_ms (post_latencies, 0.5), lh_bench_percentile_ms (post_latencies, 0.99));
  g_print ("| POST sent -> event received, every listener | %.2f | %.2f |\n\n",
           lh_bench_percentile_ms (event_latencies, 0.5), lh_bench_percentile_ms (event_latencies, 0.99));
  g_print ("Idle with %d listeners for %.0f s: daemon CPU %.3f s (%.2f%%)\n", n_listeners, idle_seconds,
           cpu_after - cpu_before, 100 * (cpu_after - cpu_before) / idle_seconds);

  for (int i = 0; i < n_listeners; i++)
    g_object_unref (connections[i]);
  lh_bench_centre_free (centre);
  return 0;
}
