/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-connections.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <gio/gnetworking.h>
#include <sys/resource.h>
#include <unistd.h>

#include "lh-conn-stream.h"
#include "lh-problem.h"

/* Accepts per wakeup, so a flood cannot hold the main loop. */
#define ACCEPT_BATCH 64
/* After EMFILE that the spare descriptor could not relieve. */
#define ACCEPT_PAUSE_MS 100

/* One client connection, from accept until its stream is closed. */
typedef struct
{
  LhConnections     *owner;      /* (unowned) */
  LhConnStream      *stream;     /* (unowned) libsoup, then maybe a WebSocket, owns it */
  GSocket           *socket;     /* (owned) */
  GSocketAddress    *remote;     /* (owned) the key: libsoup gives each message this object */
  char              *address;    /* (owned) the peer's address, without the port */
  SoupServerMessage *msg;        /* (owned) (nullable) its latest message, while libsoup has it */
  gulong             disconnected_id;
  guint              timer_id;
  guint              timer_seconds;
  gboolean           refused;    /* over a cap: its request is answered 503 */
} Conn;

struct _LhConnections
{
  GObject          parent_instance;

  SoupServer      *soup;         /* (owned) */
  GSocket         *listener;     /* (owned) */
  GTlsCertificate *certificate;  /* (owned) (nullable) */
  GSource         *accept_source;  /* (owned) (nullable) */
  guint            resume_id;
  int              spare_fd;     /* given up to accept (and close) one more at EMFILE */
  GHashTable      *conns;        /* (owned) GSocketAddress* → Conn* (owned) */
  GHashTable      *per_address;  /* (owned) char* (owned) → connections open from it */
  guint            max_connections;
  guint            per_address_max;
  guint            refused_max;
  guint            refused_open;
  guint            idle_seconds;
  gulong           handler_ids[3];
  gboolean         warned_full;
  gboolean         warned_address;
  gboolean         warned_fds;
};

G_DEFINE_FINAL_TYPE (LhConnections, lh_connections, G_TYPE_OBJECT)

guint
lh_connections_default_max (void)
{
  struct rlimit limit;
  guint64 n = 1024;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    n = limit.rlim_cur;
  n = MIN (n, 1 << 20);
  /* A quarter for the rest, and at least 64; the refused ones are within. */
  n -= MIN (n, MAX (n / 4, 64));
  return MAX (n, 16);
}

/* ---- one connection ------------------------------------------------------ */

static void
conn_drop_msg (Conn *conn)
{
  if (conn->msg == NULL)
    return;
  g_clear_signal_handler (&conn->disconnected_id, conn->msg);
  g_clear_object (&conn->msg);
}

static void
conn_free (Conn *conn)
{
  guint from = GPOINTER_TO_UINT (g_hash_table_lookup (conn->owner->per_address, conn->address));

  if (conn->refused)
    conn->owner->refused_open--;
  if (from > 1)
    g_hash_table_insert (conn->owner->per_address, g_strdup (conn->address), GUINT_TO_POINTER (from - 1));
  else
    g_hash_table_remove (conn->owner->per_address, conn->address);
  g_clear_handle_id (&conn->timer_id, g_source_remove);
  conn_drop_msg (conn);
  if (conn->stream != NULL)
    lh_conn_stream_set_callbacks (conn->stream, NULL, NULL, NULL, NULL);
  g_clear_object (&conn->socket);
  g_clear_object (&conn->remote);
  g_free (conn->address);
  g_free (conn);
}

/* Ending the connection by ending the socket: libsoup then sees the end of
 * stream wherever it is (a handshake, a request's headers, or idle, where
 * the stream hands it to conn_gone_cb), and closes it as usual. */
static gboolean
timeout_cb (gpointer user_data)
{
  Conn *conn = user_data;

  conn->timer_id = 0;
  g_debug ("Closing a connection from %s: nothing whole in %u s", conn->address, conn->timer_seconds);
  g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
conn_arm (Conn *conn, guint seconds)
{
  g_clear_handle_id (&conn->timer_id, g_source_remove);
  conn->timer_seconds = seconds;
  if (seconds > 0)
    conn->timer_id = g_timeout_add_seconds (seconds, timeout_cb, conn);
}

/* Between requests: how long a kept-alive connection may wait. */
static void
conn_arm_idle (Conn *conn)
{
  conn_arm (conn, conn->refused ? LH_CONNECTIONS_REFUSED_IDLE : conn->owner->idle_seconds);
}

/* A request on its way: its head and body must be in within this, however
 * steadily they trickle (a slow client that is never idle still ends). */
static void
conn_arm_request (Conn *conn)
{
  guint idle = conn->owner->idle_seconds;

  if (conn->refused)
    conn_arm (conn, LH_CONNECTIONS_REFUSED_IDLE);
  else
    conn_arm (conn, idle > 0 ? MIN (idle, LH_CONNECTIONS_REQUEST_SECONDS) : LH_CONNECTIONS_REQUEST_SECONDS);
}

static void
msg_disconnected_cb (SoupServerMessage *msg, gpointer user_data)
{
  Conn *conn = user_data;

  /* libsoup let the connection go: closed, or handed to a WebSocket
   * (which is not an idle HTTP connection, and closes it itself). */
  g_clear_handle_id (&conn->timer_id, g_source_remove);
  if (conn->stream != NULL)
    lh_conn_stream_set_idle (conn->stream, FALSE);
  conn_drop_msg (conn);
}

/* The peer left while the connection was idle. Its latest message still
 * names it, and libsoup still waits for the next request (it never saw the
 * end): taking the connection back makes libsoup forget it, which it would
 * not do on its own in 3.2.x. */
static void
conn_gone_cb (LhConnStream *stream, gpointer user_data)
{
  Conn *conn = user_data;
  g_autoptr(SoupServerMessage) msg = NULL;
  g_autoptr(GIOStream) stolen = NULL;

  if (conn->msg == NULL)
    return;
  msg = g_object_ref (conn->msg);
  stolen = soup_server_message_steal_connection (msg);
  /* conn is freed as the stream closes. */
  if (stolen != NULL)
    g_io_stream_close (stolen, NULL, NULL);
}

static void
conn_started_cb (LhConnStream *stream, gpointer user_data)
{
  conn_arm_request (user_data);
}

static void
conn_closed_cb (LhConnStream *stream, gpointer user_data)
{
  Conn *conn = user_data;

  conn->stream = NULL;
  g_hash_table_remove (conn->owner->conns, conn->remote);
}

static Conn *
conn_for_msg (LhConnections *self, SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);

  return remote != NULL ? g_hash_table_lookup (self->conns, remote) : NULL;
}

/* ---- libsoup's view: requests -------------------------------------------- */

static gsize
uri_length (GUri *uri)
{
  const char *query = g_uri_get_query (uri);

  return strlen (g_uri_get_path (uri)) + (query != NULL ? 1 + strlen (query) : 0);
}

static void
got_headers_cb (SoupServerMessage *msg, gpointer user_data)
{
  LhConnections *self = user_data;
  Conn *conn = conn_for_msg (self, msg);
  SoupMessageHeaders *headers;

  if (conn == NULL)
    return;
  /* A refused one's body, if any, has as long again to come (libsoup reads
   * it even when the answer is already set). Any other's body comes
   * within the time its head started. */
  if (conn->refused)
    conn_arm_idle (conn);
  if (uri_length (soup_server_message_get_uri (msg)) > LH_CONNECTIONS_MAX_URI)
    {
      lh_problem_refuse_early (msg, 414, "A request's address is limited to 8 KiB");
      return;
    }
  if (!conn->refused)
    return;
  lh_problem_refuse_early (msg, SOUP_STATUS_SERVICE_UNAVAILABLE,
                           "The centre's server has too many connections open: try again in a few seconds");
  headers = soup_server_message_get_response_headers (msg);
  soup_message_headers_replace (headers, "Retry-After", "5");
}

static void
got_body_cb (SoupServerMessage *msg, gpointer user_data)
{
  Conn *conn = conn_for_msg (user_data, msg);

  /* The request is in hand: no longer idle, however long its answer takes. */
  if (conn != NULL)
    g_clear_handle_id (&conn->timer_id, g_source_remove);
}

static void
request_started_cb (SoupServer *soup, SoupServerMessage *msg, gpointer user_data)
{
  LhConnections *self = user_data;
  Conn *conn = conn_for_msg (self, msg);

  /* Not ours: accepted by libsoup's own listener while ours paused. */
  if (conn == NULL)
    return;
  lh_conn_stream_set_idle (conn->stream, FALSE);
  if (conn->msg != msg)
    {
      conn_drop_msg (conn);
      conn->msg = g_object_ref (msg);
      conn->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (msg_disconnected_cb), conn);
    }
  g_signal_connect_object (msg, "got-headers", G_CALLBACK (got_headers_cb), self, 0);
  g_signal_connect_object (msg, "got-body", G_CALLBACK (got_body_cb), self, 0);
}

/* "request-finished" and "request-aborted": libsoup keeps a connection
 * alive after a 500 too, which it calls aborted. */
static void
request_finished_cb (SoupServer *soup, SoupServerMessage *msg, gpointer user_data)
{
  LhConnections *self = user_data;
  Conn *conn = conn_for_msg (self, msg);

  /* If libsoup does not keep the connection, it disconnects it next. */
  if (conn == NULL || conn->msg == NULL)
    return;
  lh_conn_stream_set_idle (conn->stream, TRUE);
  conn_arm_idle (conn);
}

/* ---- accepting ----------------------------------------------------------- */

static void
accept_one (LhConnections *self, GSocket *socket)
{
  guint open = g_hash_table_size (self->conns);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GIOStream) base = NULL;
  g_autoptr(LhConnStream) stream = NULL;
  g_autofree char *address = NULL;
  guint from;
  gboolean refused;
  Conn *conn;

  if (open >= self->max_connections + self->refused_max)
    {
      g_socket_close (socket, NULL);
      return;
    }
  if (open >= self->max_connections && !self->warned_full)
    {
      g_message ("%u connections are open, the most allowed: refusing more until some close", open);
      self->warned_full = TRUE;
    }
  else if (open < self->max_connections / 2)
    self->warned_full = FALSE;

  local = g_socket_get_local_address (socket, &error);
  if (local != NULL)
    remote = g_socket_get_remote_address (socket, &error);
  if (remote == NULL)
    {
      g_debug ("A connection ended as it was accepted: %s", error->message);
      g_socket_close (socket, NULL);
      return;
    }
  /* One address (one PC) never holds every place: the rest are kept for
   * the kiosks. Beyond its share it is refused as beyond the cap, within
   * the same few places for refusals. */
  address = G_IS_INET_SOCKET_ADDRESS (remote)
    ? g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)))
    : g_strdup ("");
  from = GPOINTER_TO_UINT (g_hash_table_lookup (self->per_address, address));
  if (from >= self->per_address_max && !self->warned_address)
    {
      g_message ("%s has %u connections open, the most one address may have: refusing more from it",
                 address, from);
      self->warned_address = TRUE;
    }
  else if (from == 0)
    self->warned_address = FALSE;
  refused = open >= self->max_connections || from >= self->per_address_max;
  if (refused && self->refused_open >= self->refused_max)
    {
      g_socket_close (socket, NULL);
      return;
    }
  /* As libsoup does: answers are small, and keep-alive waits on them. */
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, TRUE, NULL);
  base = G_IO_STREAM (g_socket_connection_factory_create_connection (socket));
  if (self->certificate != NULL)
    {
      static const char * const protocols[] = { "http/1.1", "http/1.0", NULL };
      g_autoptr(GIOStream) tls = g_tls_server_connection_new (base, self->certificate, &error);

      if (tls == NULL)
        {
          g_warning ("Cannot start TLS on a connection: %s", error->message);
          g_io_stream_close (base, NULL, NULL);
          return;
        }
      g_tls_connection_set_require_close_notify (G_TLS_CONNECTION (tls), FALSE);
      g_tls_connection_set_advertised_protocols (G_TLS_CONNECTION (tls), protocols);
      g_set_object (&base, tls);
    }
  stream = lh_conn_stream_new (base);

  conn = g_new0 (Conn, 1);
  conn->owner = self;
  conn->stream = stream;
  conn->socket = g_object_ref (socket);
  conn->remote = g_object_ref (remote);
  conn->address = g_steal_pointer (&address);
  conn->refused = refused;
  if (conn->refused)
    self->refused_open++;
  lh_conn_stream_set_callbacks (stream, conn_gone_cb, conn_closed_cb, conn_started_cb, conn);
  g_hash_table_insert (self->conns, conn->remote, conn);
  g_hash_table_insert (self->per_address, g_strdup (conn->address), GUINT_TO_POINTER (from + 1));
  /* The first request (and the TLS handshake before it) is on its way
   * from the start: a connection is not opened to wait. */
  conn_arm_request (conn);
  soup_server_accept_iostream (self->soup, G_IO_STREAM (stream), local, remote, NULL);
}

static void start_accepting (LhConnections *self);

static void
stop_accepting (LhConnections *self)
{
  if (self->accept_source != NULL)
    g_source_destroy (self->accept_source);
  g_clear_pointer (&self->accept_source, g_source_unref);
}

static gboolean
resume_cb (gpointer user_data)
{
  LhConnections *self = user_data;

  self->resume_id = 0;
  start_accepting (self);
  return G_SOURCE_REMOVE;
}

/* Out of descriptors: the spare one makes room to take the next
 * connection off the queue and close it, rather than leave the queue full
 * and the listening socket readable (which would spin). */
static gboolean
shed_one (LhConnections *self)
{
  g_autoptr(GSocket) socket = NULL;

  if (self->spare_fd < 0)
    return FALSE;
  close (self->spare_fd);
  self->spare_fd = -1;
  socket = g_socket_accept (self->listener, NULL, NULL);
  if (socket != NULL)
    g_socket_close (socket, NULL);
  self->spare_fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  return socket != NULL;
}

static gboolean
accept_cb (GSocket *listener, GIOCondition condition, gpointer user_data)
{
  LhConnections *self = user_data;

  for (guint i = 0; i < ACCEPT_BATCH; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) socket = g_socket_accept (listener, NULL, &error);

      if (socket != NULL)
        {
          self->warned_fds = FALSE;
          accept_one (self, socket);
          continue;
        }
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        return G_SOURCE_CONTINUE;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_OPEN_FILES))
        {
          if (shed_one (self))
            continue;
          /* Wait for descriptors to be freed. libsoup's own listener may
           * run meanwhile: it serves or gives up, either is harmless. */
          if (!self->warned_fds)
            g_message ("Out of file descriptors: accepting no connections until some close");
          self->warned_fds = TRUE;
          stop_accepting (self);
          self->resume_id = g_timeout_add (ACCEPT_PAUSE_MS, resume_cb, self);
          return G_SOURCE_REMOVE;
        }
      /* The client gave up before we took it, say. */
      g_debug ("Accepting a connection: %s", error->message);
    }
  return G_SOURCE_CONTINUE;
}

/* Above libsoup's priority on the same socket: libsoup's listener, which
 * stops for good at the first failed accept, never sees a connection
 * while ours runs. (libsoup still has to listen: it keeps connections
 * alive only on a server that has a listener.) */
static void
start_accepting (LhConnections *self)
{
  g_autoptr(GSource) source = g_socket_create_source (self->listener, G_IO_IN, NULL);

  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, G_SOURCE_FUNC (accept_cb), self, NULL);
  g_source_set_static_name (source, "[learnhub] accept");
  g_source_attach (source, g_main_context_get_thread_default ());
  self->accept_source = g_steal_pointer (&source);
}

/* ---- the object ---------------------------------------------------------- */

void
lh_connections_stop (LhConnections *self)
{
  GHashTableIter iter;
  Conn *conn;

  g_return_if_fail (LH_IS_CONNECTIONS (self));

  stop_accepting (self);
  g_clear_handle_id (&self->resume_id, g_source_remove);
  for (guint i = 0; i < G_N_ELEMENTS (self->handler_ids); i++)
    g_clear_signal_handler (&self->handler_ids[i], self->soup);
  g_hash_table_iter_init (&iter, self->conns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conn))
    {
      /* libsoup closes what it still has with a blocking close, which on
       * TLS waits for a handshake in progress, or for room to send the
       * close_notify: ended sockets have neither to wait for. */
      if (conn->msg != NULL)
        g_socket_shutdown (conn->socket, TRUE, TRUE, NULL);
      g_hash_table_iter_steal (&iter);
      conn_free (conn);
    }
}

static void
lh_connections_dispose (GObject *object)
{
  LhConnections *self = LH_CONNECTIONS (object);

  if (self->soup != NULL)
    lh_connections_stop (self);
  g_clear_object (&self->soup);
  g_clear_object (&self->listener);
  g_clear_object (&self->certificate);
  if (self->spare_fd >= 0)
    close (self->spare_fd);
  self->spare_fd = -1;
  G_OBJECT_CLASS (lh_connections_parent_class)->dispose (object);
}

static void
lh_connections_finalize (GObject *object)
{
  LhConnections *self = LH_CONNECTIONS (object);

  g_hash_table_unref (self->conns);
  g_hash_table_unref (self->per_address);
  G_OBJECT_CLASS (lh_connections_parent_class)->finalize (object);
}

static void
lh_connections_class_init (LhConnectionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_connections_dispose;
  object_class->finalize = lh_connections_finalize;
}

static void
lh_connections_init (LhConnections *self)
{
  self->conns = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) conn_free);
  self->per_address = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->spare_fd = -1;
}

LhConnections *
lh_connections_new (SoupServer *soup, GSocket *listener, GTlsCertificate *certificate,
                    guint max_connections, guint idle_seconds)
{
  LhConnections *self;

  g_return_val_if_fail (SOUP_IS_SERVER (soup), NULL);
  g_return_val_if_fail (G_IS_SOCKET (listener), NULL);

  self = g_object_new (LH_TYPE_CONNECTIONS, NULL);
  self->soup = g_object_ref (soup);
  self->listener = g_object_ref (listener);
  self->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  self->max_connections = max_connections > 0 ? max_connections : lh_connections_default_max ();
  self->refused_max = CLAMP (self->max_connections / 8, 4, LH_CONNECTIONS_REFUSED_MAX);
  self->per_address_max = lh_connections_per_address_max (self->max_connections);
  self->idle_seconds = idle_seconds;
  self->spare_fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  self->handler_ids[0] = g_signal_connect (soup, "request-started", G_CALLBACK (request_started_cb), self);
  self->handler_ids[1] = g_signal_connect (soup, "request-finished", G_CALLBACK (request_finished_cb), self);
  self->handler_ids[2] = g_signal_connect (soup, "request-aborted", G_CALLBACK (request_finished_cb), self);
  g_socket_set_blocking (listener, FALSE);
  start_accepting (self);
  return self;
}

guint
lh_connections_get_count (LhConnections *self)
{
  g_return_val_if_fail (LH_IS_CONNECTIONS (self), 0);
  return g_hash_table_size (self->conns);
}

guint
lh_connections_per_address_max (guint max_connections)
{
  return MIN (max_connections, MAX (max_connections / 4, LH_CONNECTIONS_PER_ADDRESS_LEAST));
}

guint
lh_connections_get_max (LhConnections *self)
{
  g_return_val_if_fail (LH_IS_CONNECTIONS (self), 0);
  return self->max_connections;
}
