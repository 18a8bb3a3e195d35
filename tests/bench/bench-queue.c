/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How fast a queue update reaches the displays and desks: a learner joins
 * the drop-in queue (POST /api/v1/advice-requests), a ULR calls the next
 * ticket (POST /api/v1/queue/next), and every WebSocket listener must
 * hear "queue-changed". Beside it, in the same run, a bare WebSocket
 * round trip on loopback (an in-process echo server, no HTTP request, no
 * database).
 *
 *   bench-queue [--listeners 20] [--rounds 200]
 *
 * Built, not run as a test; see docs/benchmarks.md. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "lh-bench-centre.h"
#include "lh-time.h"

typedef struct
{
  GArray *latencies;  /* (unowned) microseconds since the request was sent */
  gint64 *sent_at;    /* (unowned) */
  guint  *received;   /* (unowned) */
} Listener;

static void
message_cb (SoupWebsocketConnection *connection, gint type, GBytes *message, gpointer user_data)
{
  Listener *listener = user_data;
  gint64 latency = g_get_monotonic_time () - *listener->sent_at;

  /* NULL while an untimed update goes by. */
  if (listener->latencies != NULL)
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

/* Sends json (nullable) and returns the reply's "id", or fails. */
static gint64
send_for_id (SoupSession *session, const char *method, const char *url, const char *auth, const char *json,
             guint want_status)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (json != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  if (soup_message_get_status (msg) != want_status)
    g_error ("%s %s: %u", method, url, soup_message_get_status (msg));
  if (reply == NULL || g_bytes_get_size (reply) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), NULL))
    return 0;
  return json_object_get_int_member_with_default (json_node_get_object (json_parser_get_root (parser)), "id", 0);
}

/* ---- the bare round trip ------------------------------------------------- */

static void
echo_cb (SoupWebsocketConnection *connection, gint type, GBytes *message, gpointer user_data)
{
  soup_websocket_connection_send_message (connection, type, message);
}

static void
echo_connected_cb (SoupServer *server, SoupServerMessage *msg, const char *path,
                   SoupWebsocketConnection *connection, gpointer user_data)
{
  g_signal_connect (connection, "message", G_CALLBACK (echo_cb), NULL);
  g_ptr_array_add (user_data, g_object_ref (connection));
}

static void
pong_cb (SoupWebsocketConnection *connection, gint type, GBytes *message, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* n round trips of a small text message through an echo server. */
static void
measure_bare (SoupSession *session, int n, GArray *latencies)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GPtrArray) server_side = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  SoupWebsocketConnection *client = NULL;
  guint echoed = 0;

  soup_server_add_websocket_handler (server, "/echo", NULL, NULL, echo_connected_cb, server_side, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("echo server: %s", error->message);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("ws://127.0.0.1:%d/echo", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  msg = soup_message_new ("GET", url);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, connected_cb, &client);
  while (client == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (client, "message", G_CALLBACK (pong_cb), &echoed);
  for (int i = 0; i < n; i++)
    {
      gint64 sent_at = g_get_monotonic_time (), latency;
      guint want = echoed + 1;

      soup_websocket_connection_send_text (client, "{\"type\":\"queue-changed\",\"data\":{\"dropin_id\":1}}");
      while (echoed < want)
        g_main_context_iteration (NULL, TRUE);
      latency = g_get_monotonic_time () - sent_at;
      g_array_append_val (latencies, latency);
    }
  soup_websocket_connection_close (client, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_object_unref (client);
  soup_server_disconnect (server);
}

int
main (int argc, char **argv)
{
  int n_listeners = 20, n_rounds = 200;
  const GOptionEntry entries[] = {
    { "listeners", 0, 0, G_OPTION_ARG_INT, &n_listeners, "WebSocket listeners (default 20)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &n_rounds, "Join and call rounds to time (default 200)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— queue updates to displays and desks");
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns", 256, "max-conns-per-host", 256, NULL);
  g_autoptr(GArray) join_latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) next_latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) all_latencies = NULL;
  g_autoptr(GArray) bare_latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree SoupWebsocketConnection **connections = NULL;
  g_autofree Listener *listeners = NULL;
  g_autofree char *device = NULL, *ulr = NULL, *learner = NULL;
  g_autofree char *events_url = NULL, *dropins_url = NULL, *requests_url = NULL, *next_url = NULL;
  g_autofree char *start = NULL, *end = NULL, *dropin = NULL;
  LhBenchCentre *centre;
  gint64 sent_at = 0, now;
  guint received = 0;
  double bare_p50, bare_p99, p50, p99;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  n_listeners = CLAMP (n_listeners, 1, 200);
  n_rounds = CLAMP (n_rounds, 1, 10000);

  /* B000 is a ULR, B001 a learner. */
  centre = lh_bench_centre_new_with_ulrs (1, 2, 1, 18394);
  ulr = lh_bench_sign_in (centre, session, 0);
  learner = lh_bench_sign_in (centre, session, 1);
  device = g_strconcat ("Bearer ", centre->device_token, NULL);
  events_url = g_strconcat (centre->base_url, "/api/v1/events", NULL);
  dropins_url = g_strconcat (centre->base_url, "/api/v1/dropins", NULL);
  requests_url = g_strconcat (centre->base_url, "/api/v1/advice-requests", NULL);
  next_url = g_strconcat (centre->base_url, "/api/v1/queue/next", NULL);

  now = lh_time_now ();
  start = lh_bench_iso (now - 60);
  end = lh_bench_iso (now + 9 * 3600);
  dropin = g_strdup_printf ("{\"place\":\"Bench\",\"start\":\"%s\",\"end\":\"%s\"}", start, end);
  send_for_id (session, "POST", dropins_url, ulr, dropin, 201);

  /* Displays and desks: device streams, as the queue display uses. */
  connections = g_new0 (SoupWebsocketConnection *, n_listeners);
  listeners = g_new0 (Listener, n_listeners);
  for (int i = 0; i < n_listeners; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", events_url);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", device);
      soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                            connected_cb, &connections[i]);
    }
  for (int i = 0; i < n_listeners; i++)
    {
      while (connections[i] == NULL)
        g_main_context_iteration (NULL, TRUE);
      listeners[i].sent_at = &sent_at;
      listeners[i].received = &received;
      g_signal_connect (connections[i], "message", G_CALLBACK (message_cb), &listeners[i]);
    }

  /* Each round: the learner joins, the ULR calls them, then marks them a
   * no-show (untimed) so that both are free for the next round. */
  for (int r = 0; r < n_rounds; r++)
    {
      const char *join = "{\"topic\":\"esol\",\"mode\":\"queue\",\"contact\":\"here\"}";
      g_autofree char *no_show = NULL;
      gint64 id;
      guint want;

      for (int i = 0; i < n_listeners; i++)
        listeners[i].latencies = join_latencies;
      want = received + (guint) n_listeners;
      sent_at = g_get_monotonic_time ();
      send_for_id (session, "POST", requests_url, learner, join, 201);
      while (received < want)
        g_main_context_iteration (NULL, TRUE);

      for (int i = 0; i < n_listeners; i++)
        listeners[i].latencies = next_latencies;
      want = received + (guint) n_listeners;
      sent_at = g_get_monotonic_time ();
      id = send_for_id (session, "POST", next_url, ulr, NULL, 200);
      while (received < want)
        g_main_context_iteration (NULL, TRUE);

      for (int i = 0; i < n_listeners; i++)
        listeners[i].latencies = NULL;
      no_show = g_strdup_printf ("%s/%" G_GINT64_FORMAT "/no-show", requests_url, id);
      want = received + (guint) n_listeners;
      send_for_id (session, "POST", no_show, ulr, NULL, 200);
      while (received < want)
        g_main_context_iteration (NULL, TRUE);
    }

  measure_bare (session, 2 * n_rounds, bare_latencies);

  all_latencies = g_array_sized_new (FALSE, FALSE, sizeof (gint64), join_latencies->len + next_latencies->len);
  g_array_append_vals (all_latencies, join_latencies->data, join_latencies->len);
  g_array_append_vals (all_latencies, next_latencies->data, next_latencies->len);
  g_array_sort (join_latencies, lh_bench_compare_gint64);
  g_array_sort (next_latencies, lh_bench_compare_gint64);
  g_array_sort (all_latencies, lh_bench_compare_gint64);
  g_array_sort (bare_latencies, lh_bench_compare_gint64);
  bare_p50 = lh_bench_percentile_ms (bare_latencies, 0.5);
  bare_p99 = lh_bench_percentile_ms (bare_latencies, 0.99);
  p50 = lh_bench_percentile_ms (all_latencies, 0.5);
  p99 = lh_bench_percentile_ms (all_latencies, 0.99);

  g_print ("%d listeners, %d rounds (join, then queue/next), each update heard by every listener\n\n",
           n_listeners, n_rounds);
  g_print ("| measure | p50 ms | p99 ms |\n|---|---|---|\n");
  g_print ("| bare WebSocket round trip (in-process echo) | %.2f | %.2f |\n", bare_p50, bare_p99);
  g_print ("| POST /api/v1/advice-requests -> queue-changed, every listener | %.2f | %.2f |\n",
           lh_bench_percentile_ms (join_latencies, 0.5), lh_bench_percentile_ms (join_latencies, 0.99));
  g_print ("| POST /api/v1/queue/next -> queue-changed, every listener | %.2f | %.2f |\n",
           lh_bench_percentile_ms (next_latencies, 0.5), lh_bench_percentile_ms (next_latencies, 0.99));
  g_print ("| both | %.2f | %.2f |\n\n", p50, p99);
  g_print ("Queue update / bare round trip: p50 %.1fx, p99 %.1fx. Target p99 under 50 ms: %s\n",
           p50 / MAX (bare_p50, 0.001), p99 / MAX (bare_p99, 0.001), p99 < 50 ? "met" : "NOT met");

  for (int i = 0; i < n_listeners; i++)
    g_object_unref (connections[i]);
  lh_bench_centre_free (centre);
  return 0;
}
