/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Slow clients that never finish a request (slowloris: a request head, or
 * a body, a byte at a time, so never idle) hold a bounded number of
 * connections, and only for a bounded time; a kiosk on another PC is
 * served promptly meanwhile. Over plain HTTP and over TLS. */
#include <glib/gstdio.h>
#include <string.h>

#include "lh-api-client.h"
#include "lh-test-daemon.h"

/* Below the 64 the descriptors test's daemon gets; one address may hold a
 * quarter (lh-connections.h). */
#define MAX_CONNECTIONS 100
#define PER_ADDRESS 25
/* Beyond it, CLAMP (100 / 8, 4, 32) more are refused (503) and held for
 * LH_CONNECTIONS_REFUSED_IDLE seconds at most; the rest closed at once. */
#define REFUSED 12
#define REFUSED_SECONDS 5
#define SLOW_CLIENTS 200
/* LH_CONNECTIONS_REQUEST_SECONDS: a request must be whole within it. */
#define REQUEST_SECONDS 15
/* Every slow client sends a byte this often. */
#define TRICKLE_MS 500
/* The longest a kiosk's request may take meanwhile. */
#define PROMPT_US G_USEC_PER_SEC
/* Descriptors the daemon may hold beyond the slow clients' and the
 * kiosk's (TLS worker threads' wakeups, say). */
#define FD_SLACK 8

#define SLOW_ADDRESS "127.0.0.1"
#define KIOSK_ADDRESS "127.0.0.2"
#define BODY_ADDRESS "127.0.0.3"

static const char slow_head[] = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
static const char slow_body_head[] = "POST /api/v1/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                     "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n";

typedef struct
{
  LhTestDaemon *daemon;
  char         *config_dir;   /* (owned) */
  char         *config_path;  /* (owned) */
  char         *cert;         /* (owned) (nullable) TLS */
  char         *key;          /* (owned) (nullable) */
  GTlsDatabase *ca;           /* (owned) (nullable) */
} Daemon;

static Daemon *
daemon_start (gboolean tls)
{
  Daemon *d = g_new0 (Daemon, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) args = NULL;

  d->config_dir = g_dir_make_tmp ("learnhub-slow-XXXXXX", &error);
  g_assert_no_error (error);
  d->config_path = g_build_filename (d->config_dir, "learnhubd.conf", NULL);
  g_file_set_contents (d->config_path, "[daemon]\nmax-connections=" G_STRINGIFY (MAX_CONNECTIONS) "\n", -1,
                       &error);
  g_assert_no_error (error);
  g_strv_builder_add_many (builder, "--config", d->config_path, NULL);
  if (tls)
    {
      d->cert = lh_test_make_certificate (d->config_dir, &d->key);
      d->ca = g_tls_file_database_new (d->cert, &error);
      g_assert_no_error (error);
      g_strv_builder_add_many (builder, "--tls-cert", d->cert, "--tls-key", d->key, NULL);
    }
  args = g_strv_builder_end (builder);
  d->daemon = lh_test_daemon_start ((const char * const *) args);
  return d;
}

static void
daemon_stop (Daemon *d)
{
  lh_test_daemon_stop (d->daemon);
  if (d->cert != NULL)
    {
      g_remove (d->cert);
      g_remove (d->key);
    }
  g_remove (d->config_path);
  g_rmdir (d->config_dir);
  g_clear_object (&d->ca);
  g_free (d->cert);
  g_free (d->key);
  g_free (d->config_path);
  g_free (d->config_dir);
  g_free (d);
}

static guint
daemon_fds (Daemon *d)
{
  return lh_test_daemon_open_fds (d->daemon);
}

/* ---- slow clients --------------------------------------------------------- */

/* A connection from the address `from` (all of 127/8 is loopback), over
 * TLS if the daemon serves it; NULL if the daemon closed it before it
 * could start (over the cap: the TLS handshake fails). */
static GIOStream *
connect_from (Daemon *d, const char *from)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GInetAddress) local = g_inet_address_new_from_string (from);
  g_autoptr(GSocketAddress) local_address = g_inet_socket_address_new (local, 0);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, d->daemon->port);
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_client_set_local_address (client, local_address);
  g_socket_client_set_timeout (client, 10);
  connection = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (address), NULL, &error);
  g_assert_no_error (error);
  if (d->ca == NULL)
    return G_IO_STREAM (g_steal_pointer (&connection));
  tls = g_tls_client_connection_new (G_IO_STREAM (connection), G_SOCKET_CONNECTABLE (address), &error);
  g_assert_no_error (error);
  g_tls_connection_set_database (G_TLS_CONNECTION (tls), d->ca);
  g_tls_connection_set_require_close_notify (G_TLS_CONNECTION (tls), FALSE);
  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), NULL, NULL))
    return NULL;
  return g_steal_pointer (&tls);
}

static gboolean
send_text (GIOStream *stream, const char *text, gsize len)
{
  return g_output_stream_write_all (g_io_stream_get_output_stream (stream), text, len, NULL, NULL, NULL);
}

/* TRUE if the daemon has ended the connection: its end of stream, or a
 * reset, is there to read. Never waits. */
static gboolean
ended_by_daemon (GIOStream *stream)
{
  GPollableInputStream *input = G_POLLABLE_INPUT_STREAM (g_io_stream_get_input_stream (stream));
  g_autoptr(GError) error = NULL;
  char buffer[512];
  gssize n = g_pollable_input_stream_read_nonblocking (input, buffer, sizeof buffer, NULL, &error);

  /* An answer would mean the request was taken whole: it never is. */
  g_assert_cmpint (n, <=, 0);
  return n == 0 || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK);
}

/* Sends each open slow client its next byte, and forgets those the daemon
 * ended. Returns how many are still open. */
static guint
trickle (GPtrArray *slow)
{
  guint open = 0;

  for (guint i = 0; i < slow->len; i++)
    {
      GIOStream *stream = slow->pdata[i];

      if (stream == NULL)
        continue;
      if (ended_by_daemon (stream) || !send_text (stream, "a", 1))
        {
          g_clear_object (&slow->pdata[i]);
          continue;
        }
      open++;
    }
  return open;
}

/* Those the daemon ended are NULL already. */
static void
unref_open (gpointer stream)
{
  if (stream != NULL)
    g_object_unref (stream);
}

/* ---- the kiosk ------------------------------------------------------------ */

/* A kiosk's request: answered as it should be, and promptly. */
static void
kiosk_call (SoupSession *session, Daemon *d, const char *path, const char *token)
{
  gint64 started = g_get_monotonic_time ();
  g_autoptr(LhApiReply) reply = lh_api_call (session, d->daemon->base_url, "GET", path, token, NULL);
  gint64 took = g_get_monotonic_time () - started;

  g_test_message ("%s: %u in %.3f s", path, reply->status, took / 1e6);
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpint (took, <, PROMPT_US);
}

/* ---- the test ------------------------------------------------------------- */

static void
test_slow_clients (gconstpointer data)
{
  gboolean tls = GPOINTER_TO_INT (data);
  Daemon *d = daemon_start (tls);
  g_autoptr(GPtrArray) slow = g_ptr_array_new_with_free_func (unref_open);
  g_autoptr(GIOStream) body = NULL;
  g_autoptr(GInetAddress) kiosk_inet = g_inet_address_new_from_string (KIOSK_ADDRESS);
  g_autoptr(GInetSocketAddress) kiosk_local = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new (kiosk_inet, 0));
  g_autoptr(SoupSession) kiosk = soup_session_new_with_options ("local-address", kiosk_local,
                                                                "tls-database", d->ca, NULL);
  g_autofree char *token = NULL;
  g_autofree char *day = lh_api_day_at (1, 0);
  g_autofree char *availability = NULL;
  guint before, most = 0, open = 0;
  gint64 started, connected, sign_in_started, next_kiosk;

  day[10] = '\0';
  availability = g_strdup_printf ("/api/v1/availability?date=%s", day);
  before = daemon_fds (d);

  /* A body announced and then trickled, from a PC of its own. */
  started = g_get_monotonic_time ();
  body = connect_from (d, BODY_ADDRESS);
  g_assert_nonnull (body);
  g_assert_true (send_text (body, slow_body_head, strlen (slow_body_head)));
  /* Heads trickled from one PC: it keeps only so many open. */
  for (guint i = 0; i < SLOW_CLIENTS; i++)
    {
      GIOStream *stream = connect_from (d, SLOW_ADDRESS);

      if (stream != NULL && !send_text (stream, slow_head, strlen (slow_head)))
        g_clear_object (&stream);
      g_ptr_array_add (slow, stream);
    }
  connected = g_get_monotonic_time () - started;
  g_test_message ("%u slow clients connected in %.1f s", SLOW_CLIENTS, connected / 1e6);

  /* Meanwhile a kiosk on another PC signs in and reads, each answer
   * prompt, while the slow clients trickle until well past the deadline
   * of the last of them to connect (TLS under a sanitizer takes seconds
   * to connect them all, and each one's deadline runs from its own). */
  sign_in_started = g_get_monotonic_time ();
  token = lh_api_sign_in_as (kiosk, d->daemon, "learner");
  g_assert_cmpint (g_get_monotonic_time () - sign_in_started, <, PROMPT_US);
  next_kiosk = g_get_monotonic_time ();
  while (g_get_monotonic_time () < started + connected + (REQUEST_SECONDS + 5) * G_USEC_PER_SEC)
    {
      gint64 elapsed = g_get_monotonic_time () - started;
      guint fds;

      open = trickle (slow);
      if (body != NULL && (ended_by_daemon (body) || !send_text (body, "a", 1)))
        {
          /* Not before the deadline (the body is far from whole). */
          g_test_message ("The slow body was ended after %.1f s", elapsed / 1e6);
          g_assert_cmpint (elapsed, >=, (REQUEST_SECONDS - 1) * G_USEC_PER_SEC);
          g_clear_object (&body);
        }
      /* Beyond its share, one address's connections are refused: a few
       * for a while, the rest at once. */
      if (elapsed > 2 * G_USEC_PER_SEC)
        g_assert_cmpuint (open, <=, PER_ADDRESS + REFUSED);
      /* Once the refused are gone, its share is held until the deadline
       * (TLS handshakes make connecting slow: the share was taken first). */
      if (elapsed > connected + (REFUSED_SECONDS + 1) * G_USEC_PER_SEC &&
          elapsed < (REQUEST_SECONDS - 2) * G_USEC_PER_SEC)
        g_assert_cmpuint (open, ==, PER_ADDRESS);
      fds = daemon_fds (d);
      most = MAX (most, fds);
      g_assert_cmpuint (fds, <=, before + PER_ADDRESS + REFUSED + 1 + FD_SLACK);
      if (g_get_monotonic_time () >= next_kiosk)
        {
          kiosk_call (kiosk, d, availability, token);
          kiosk_call (kiosk, d, "/api/v1/me/bookings", token);
          next_kiosk = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
        }
      g_usleep (TRICKLE_MS * 1000);
    }
  g_test_message ("The daemon held at most %u descriptors (%u before)", most, before);

  /* Past the deadline, every slow client has been ended. */
  g_assert_null (body);
  g_assert_cmpuint (open, ==, 0);
  g_assert_cmpuint (trickle (slow), ==, 0);
  kiosk_call (kiosk, d, availability, token);
  daemon_stop (d);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/slow-clients/http", GINT_TO_POINTER (FALSE), test_slow_clients);
  g_test_add_data_func ("/slow-clients/tls", GINT_TO_POINTER (TRUE), test_slow_clients);
  return g_test_run ();
}
