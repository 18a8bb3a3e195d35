/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live event stream: one WebSocket, kept open. Nothing here holds a
 * reference on the stream itself (the pending connect is cancelled and
 * the timeouts removed on stop), so its owner can finalise it at once. */
#define G_LOG_DOMAIN "lh-events"

#include "lh-event-stream.h"

struct _LhEventStream
{
  GObject                  parent_instance;

  SoupSession             *session;              /* (owned) */
  char                    *uri;                  /* (owned) */
  char                    *token;                /* (owned) (nullable) */
  GCancellable            *connect_cancellable;  /* (owned) (nullable) while connecting */
  SoupWebsocketConnection *connection;           /* (owned) (nullable) while open */
  guint                    retry_id;             /* the next attempt, while down */
  guint                    watchdog_id;          /* fires if the open connection goes silent */
  guint                    backoff;              /* seconds of the last wait, 0 after a success */
  guint                    keepalive;            /* seconds between pings */
  gboolean                 running;
  gboolean                 down;                 /* an attempt failed or the connection was lost */
};

G_DEFINE_FINAL_TYPE (LhEventStream, lh_event_stream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOWN,
  N_PROPS
};

enum {
  SIGNAL_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_connect (LhEventStream *self);

static void
set_down (LhEventStream *self,
          gboolean       down)
{
  if (self->down == down)
    return;
  self->down = down;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOWN]);
}

static gboolean
retry_cb (gpointer user_data)
{
  LhEventStream *self = user_data;

  self->retry_id = 0;
  start_connect (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (LhEventStream *self)
{
  if (!self->running || self->retry_id != 0)
    return;
  self->backoff = self->backoff == 0 ? 1 : MIN (self->backoff * 2, LH_EVENT_STREAM_MAX_BACKOFF_SECONDS);
  g_debug ("Trying the event stream again in %u s", self->backoff);
  /* Not g_timeout_add_seconds(): its first second may be cut short. */
  self->retry_id = g_timeout_add (self->backoff * 1000, retry_cb, self);
}

/* Forgets the connection without waiting for its close handshake. */
static void
drop_connection (LhEventStream *self)
{
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  if (self->connection == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->connection, self);
  if (soup_websocket_connection_get_state (self->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_object (&self->connection);
}

static void
connection_lost (LhEventStream *self)
{
  drop_connection (self);
  set_down (self, TRUE);
  schedule_retry (self);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  LhEventStream *self = user_data;

  self->watchdog_id = 0;
  g_debug ("The event stream was silent for %u s: taking it as lost", self->keepalive * 2 + 5);
  connection_lost (self);
  return G_SOURCE_REMOVE;
}

/* Anything from the daemon shows it is still there. */
static void
rearm_watchdog (LhEventStream *self)
{
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  self->watchdog_id = g_timeout_add_seconds (self->keepalive * 2 + 5, watchdog_cb, self);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           LhEventStream           *self)
{
  g_debug ("The event stream closed (code %u)", soup_websocket_connection_get_close_code (connection));
  connection_lost (self);
}

static void
pong_cb (SoupWebsocketConnection *connection,
         GBytes                  *message,
         LhEventStream           *self)
{
  rearm_watchdog (self);
}

static void
message_cb (SoupWebsocketConnection *connection,
            gint                     type,
            GBytes                  *message,
            LhEventStream           *self)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *text = g_bytes_get_data (message, &size);
  JsonNode *root;
  JsonObject *object;
  const char *event_type;
  JsonNode *data;

  rearm_watchdog (self);
  if (type != SOUP_WEBSOCKET_DATA_TEXT || text == NULL ||
      !json_parser_load_from_data (parser, text, (gssize) size, &error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_debug ("Ignoring an event that is not a JSON object: %s", error ? error->message : "");
      return;
    }
  object = json_node_get_object (root);
  event_type = json_object_get_string_member_with_default (object, "type", NULL);
  if (event_type == NULL)
    {
      g_debug ("Ignoring an event without a type");
      return;
    }
  data = json_object_get_member (object, "data");
  g_debug ("Event %s", event_type);
  g_signal_emit (self, signals[SIGNAL_EVENT], g_quark_from_string (event_type), event_type, data);
}

static void
connect_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LhEventStream *self;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  /* Cancelled only by stop(): the stream may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = user_data;
  g_clear_object (&self->connect_cancellable);
  if (connection == NULL)
    {
      g_debug ("Cannot open the event stream: %s", error->message);
      set_down (self, TRUE);
      schedule_retry (self);
      return;
    }

  self->connection = connection;
  self->backoff = 0;
  soup_websocket_connection_set_keepalive_interval (connection, self->keepalive);
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (connection, "pong", G_CALLBACK (pong_cb), self);
  g_signal_connect (connection, "closed", G_CALLBACK (closed_cb), self);
  rearm_watchdog (self);
  g_debug ("The event stream is open");
  set_down (self, FALSE);
}

static void
start_connect (LhEventStream *self)
{
  g_autoptr(SoupMessage) message = NULL;

  if (!self->running || self->connection != NULL || self->connect_cancellable != NULL)
    return;

  message = soup_message_new ("GET", self->uri);
  if (message == NULL)
    {
      /* No retry would make it better. */
      g_message ("The event stream address “%s” is not valid", self->uri);
      return;
    }
  if (self->token != NULL && *self->token != '\0')
    {
      g_autofree char *value = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", value);
    }

  self->connect_cancellable = g_cancellable_new ();
  soup_session_websocket_connect_async (self->session, message, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->connect_cancellable, connect_cb, self);
}

/* Everything but the notification, which a disposing owner cannot take. */
static void
stop_quietly (LhEventStream *self)
{
  self->running = FALSE;
  g_cancellable_cancel (self->connect_cancellable);
  g_clear_object (&self->connect_cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  drop_connection (self);
  self->backoff = 0;
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_event_stream_dispose (GObject *object)
{
  LhEventStream *self = LH_EVENT_STREAM (object);

  stop_quietly (self);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lh_event_stream_parent_class)->dispose (object);
}

static void
lh_event_stream_finalize (GObject *object)
{
  LhEventStream *self = LH_EVENT_STREAM (object);

  g_free (self->uri);
  g_free (self->token);

  G_OBJECT_CLASS (lh_event_stream_parent_class)->finalize (object);
}

static void
lh_event_stream_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LhEventStream *self = LH_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_DOWN:
      g_value_set_boolean (value, self->down);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_event_stream_class_init (LhEventStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_event_stream_dispose;
  object_class->finalize = lh_event_stream_finalize;
  object_class->get_property = lh_event_stream_get_property;

  /* TRUE from a failed attempt or a lost connection until one opens;
   * FALSE before the first attempt ends, and after stop(). */
  properties[PROP_DOWN] =
    g_param_spec_boolean ("down", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* One message from the daemon; the detail is its type, data its
   * `data` member (nullable). */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  JSON_TYPE_NODE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
lh_event_stream_init (LhEventStream *self)
{
  self->keepalive = LH_EVENT_STREAM_KEEPALIVE_SECONDS;
}

LhEventStream *
lh_event_stream_new (SoupSession *session,
                     const char  *uri,
                     const char  *token)
{
  LhEventStream *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  self = g_object_new (LH_TYPE_EVENT_STREAM, NULL);
  self->session = g_object_ref (session);
  self->uri = g_strdup (uri);
  self->token = g_strdup (token);
  return self;
}

void
lh_event_stream_set_keepalive (LhEventStream *self,
                               guint          seconds)
{
  g_return_if_fail (LH_IS_EVENT_STREAM (self));
  g_return_if_fail (seconds > 0);

  self->keepalive = seconds;
}

void
lh_event_stream_start (LhEventStream *self)
{
  g_return_if_fail (LH_IS_EVENT_STREAM (self));

  if (self->running)
    return;
  self->running = TRUE;
  start_connect (self);
}

void
lh_event_stream_stop (LhEventStream *self)
{
  g_return_if_fail (LH_IS_EVENT_STREAM (self));

  stop_quietly (self);
  set_down (self, FALSE);
}

void
lh_event_stream_retry_now (LhEventStream *self)
{
  g_return_if_fail (LH_IS_EVENT_STREAM (self));

  if (!self->running || self->connection != NULL || self->connect_cancellable != NULL)
    return;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->backoff = 0;
  start_connect (self);
}

gboolean
lh_event_stream_get_connected (LhEventStream *self)
{
  g_return_val_if_fail (LH_IS_EVENT_STREAM (self), FALSE);
  return self->connection != NULL;
}

guint
lh_event_stream_get_backoff (LhEventStream *self)
{
  g_return_val_if_fail (LH_IS_EVENT_STREAM (self), 0);
  return self->retry_id != 0 ? self->backoff : 0;
}

gboolean
lh_event_stream_get_down (LhEventStream *self)
{
  g_return_val_if_fail (LH_IS_EVENT_STREAM (self), FALSE);
  return self->down;
}
