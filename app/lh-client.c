/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient itself: the session, the tokens, and sending a request and
 * reading its answer. The calls are in lh-client-calls.c. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-private.h"

#include <string.h>

#include "lh-event-stream.h"

struct _LhClient
{
  GObject      parent_instance;

  char        *base_url;         /* (owned) without a trailing slash */
  char        *device_token;     /* (owned) */
  char        *ca_file;          /* (owned) (nullable) */
  SoupSession *session;          /* (owned) */
  GError      *setup_error;      /* (owned) (nullable) the CA file failed to load */
  char        *session_token;    /* (owned) (nullable) set while signed in */
  LhPerson    *person;           /* (owned) (nullable) set while signed in */
  GPtrArray   *promotions;       /* (owned) (element-type LhGroupSession) from the sign-in */
  LhUsage     *usage;            /* (owned) (nullable) the sitting at this PC, while signed in */
  GTimeZone   *time_zone;        /* (owned) the centre's, once the daemon said */
  LhEventStream *events;         /* (owned) (nullable) once connect_events() was called */
  gboolean     online;
};

G_DEFINE_FINAL_TYPE (LhClient, lh_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_DEVICE_TOKEN,
  PROP_CA_FILE,
  PROP_ONLINE,
  PROP_SIGNED_IN,
  PROP_USAGE,
  N_PROPS
};

enum {
  SIGNAL_SESSION_ENDED,
  SIGNAL_EVENT,
  SIGNAL_AVAILABILITY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  SoupMessage    *message;        /* (owned) */
  char           *session_token;  /* (owned) (nullable) the one the request carried */
  LhParseFunc     parse;          /* (nullable) NULL: no body wanted */
  GDestroyNotify  result_free;
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->message);
  g_free (request->session_token);
  g_free (request);
}

static void
set_online (LhClient *self,
            gboolean  online)
{
  if (self->online == online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

static void
request_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LhClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) body = NULL;
  gpointer parsed;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("%s %s failed: %s", soup_message_get_method (request->message),
               g_uri_get_path (soup_message_get_uri (request->message)), error->message);
      if (self->events == NULL)
        set_online (self, FALSE);
      g_task_return_new_error (task, LH_CLIENT_ERROR,
                               error->domain == G_TLS_ERROR ? LH_CLIENT_ERROR_TLS : LH_CLIENT_ERROR_NETWORK,
                               "%s", error->message);
      return;
    }

  if (self->events == NULL)
    set_online (self, TRUE);
  status = soup_message_get_status (request->message);
  g_debug ("%s %s: %u", soup_message_get_method (request->message),
           g_uri_get_path (soup_message_get_uri (request->message)), status);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      error = lh_client_error_from_problem (request->message, bytes, self->time_zone);
      if (status == SOUP_STATUS_UNAUTHORIZED && request->session_token != NULL &&
          g_strcmp0 (request->session_token, self->session_token) == 0)
        {
          /* The daemon ended the session (expired or signed out elsewhere). */
          lh_client_forget_session (self);
          g_signal_emit (self, signals[SIGNAL_SESSION_ENDED], 0);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (request->parse == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  body = lh_client_parse_object (bytes, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  parsed = request->parse (self, body, &error);
  if (parsed == NULL)
    {
      g_task_return_new_error (task, LH_CLIENT_ERROR, LH_CLIENT_ERROR_SERVER,
                               "The server's answer was not understood: %s",
                               error ? error->message : "empty");
      return;
    }
  g_task_return_pointer (task, parsed, request->result_free);
}

void
lh_client_send_request (LhClient            *self,
                        const char          *method,
                        const char          *path,
                        JsonObject          *body,
                        LhAuth               auth,
                        LhParseFunc          parse,
                        GDestroyNotify       result_free,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *uri = g_strconcat (self->base_url, "/api/v1", path, NULL);
  Request *request;
  SoupMessageHeaders *headers;
  const char *token = NULL;

  g_task_set_source_tag (task, source_tag);

  if (self->setup_error != NULL)
    {
      g_task_return_error (task, g_error_copy (self->setup_error));
      return;
    }

  request = g_new0 (Request, 1);
  request->parse = parse;
  request->result_free = result_free;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  request->message = soup_message_new (method, uri);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NETWORK,
                               "The server address “%s” is not valid", self->base_url);
      return;
    }

  switch (auth)
    {
    case LH_AUTH_NONE:
      break;
    case LH_AUTH_DEVICE:
      token = self->device_token;
      break;
    case LH_AUTH_SESSION:
      token = self->session_token;
      break;
    case LH_AUTH_SESSION_OR_DEVICE:
      token = self->session_token ? self->session_token : self->device_token;
      break;
    }
  if (token == self->session_token)
    request->session_token = g_strdup (token);
  if (auth == LH_AUTH_SESSION && token == NULL)
    {
      g_task_return_new_error (task, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED,
                               "Not signed in");
      return;
    }

  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", "application/json, application/problem+json");
  if (token != NULL && *token != '\0')
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), body);
      g_autofree char *text = json_to_string (node, FALSE);
      gsize len = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), len);

      soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
    }

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    cancellable, request_cb, g_steal_pointer (&task));
}

static gboolean
is_task_of (LhClient     *self,
            GAsyncResult *result,
            gpointer      source_tag)
{
  return g_task_is_valid (result, self) && g_task_get_source_tag (G_TASK (result)) == source_tag;
}

gpointer
lh_client_check_finish (LhClient      *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_return_val_if_fail (is_task_of (self, result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* For a call sent without a parse function. */
gboolean
lh_client_check_done (LhClient      *self,
                      GAsyncResult  *result,
                      gpointer       source_tag,
                      GError       **error)
{
  g_return_val_if_fail (is_task_of (self, result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_client_constructed (GObject *object)
{
  LhClient *self = LH_CLIENT (object);
  g_autoptr(GTlsDatabase) database = NULL;

  G_OBJECT_CLASS (lh_client_parent_class)->constructed (object);

  if (self->base_url == NULL)
    self->base_url = g_strdup ("http://127.0.0.1:8080");
  while (g_str_has_suffix (self->base_url, "/"))
    self->base_url[strlen (self->base_url) - 1] = '\0';

  if (self->ca_file != NULL && *self->ca_file != '\0')
    {
      g_autoptr(GError) error = NULL;

      database = g_tls_file_database_new (self->ca_file, &error);
      if (database == NULL)
        {
          /* Never fall back on a weaker check: every request fails instead. */
          self->setup_error = g_error_new (LH_CLIENT_ERROR, LH_CLIENT_ERROR_TLS,
                                           "Cannot read the CA file %s: %s",
                                           self->ca_file, error->message);
        }
    }

  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "timeout", 20,
                                "idle-timeout", 60,
                                "user-agent", "learnhub-kiosk/" PACKAGE_VERSION,
                                database ? "tls-database" : NULL, database,
                                NULL);
}

static void
lh_client_dispose (GObject *object)
{
  LhClient *self = LH_CLIENT (object);

  if (self->events != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->events, self);
      lh_event_stream_stop (self->events);
      g_clear_object (&self->events);
    }
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lh_client_parent_class)->dispose (object);
}

static void
lh_client_finalize (GObject *object)
{
  LhClient *self = LH_CLIENT (object);

  g_free (self->base_url);
  g_free (self->device_token);
  g_free (self->ca_file);
  g_clear_error (&self->setup_error);
  g_free (self->session_token);
  g_clear_pointer (&self->person, lh_person_free);
  g_clear_pointer (&self->promotions, g_ptr_array_unref);
  g_clear_pointer (&self->usage, lh_usage_free);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);

  G_OBJECT_CLASS (lh_client_parent_class)->finalize (object);
}

static void
lh_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LhClient *self = LH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_DEVICE_TOKEN:
      g_value_set_string (value, self->device_token);
      break;
    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_SIGNED_IN:
      g_value_set_boolean (value, self->session_token != NULL);
      break;
    case PROP_USAGE:
      g_value_set_boxed (value, self->usage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_client_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LhClient *self = LH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_DEVICE_TOKEN:
      self->device_token = g_value_dup_string (value);
      break;
    case PROP_CA_FILE:
      self->ca_file = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
construct_only_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
read_only_boolean (const char *name,
                   gboolean    default_value)
{
  return g_param_spec_boolean (name, NULL, NULL, default_value,
                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
lh_client_class_init (LhClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lh_client_constructed;
  object_class->dispose = lh_client_dispose;
  object_class->finalize = lh_client_finalize;
  object_class->get_property = lh_client_get_property;
  object_class->set_property = lh_client_set_property;

  properties[PROP_BASE_URL] = construct_only_string ("base-url");
  properties[PROP_DEVICE_TOKEN] = construct_only_string ("device-token");
  properties[PROP_CA_FILE] = construct_only_string ("ca-file");
  /* With the event stream (lh_client_connect_events()): FALSE while it is
   * down, after it was open or an attempt failed. Without: FALSE after a
   * request could not reach the daemon, until one does. */
  properties[PROP_ONLINE] = read_only_boolean ("online", TRUE);
  properties[PROP_SIGNED_IN] = read_only_boolean ("signed-in", FALSE);
  /* The sitting at this PC (LhUsage, nullable): see lh_client_get_usage(). */
  properties[PROP_USAGE] =
    g_param_spec_boxed ("usage", NULL, NULL, LH_TYPE_USAGE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The daemon answered 401 to a request made with the current session. */
  signals[SIGNAL_SESSION_ENDED] =
    g_signal_new ("session-ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Every message of the event stream: its type (also the detail) and
   * its `data` (nullable). */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  JSON_TYPE_NODE | G_SIGNAL_TYPE_STATIC_SCOPE);

  /* A booking of that resource on that date ("YYYY-MM-DD", the centre's
   * zone) was made or cancelled, on any kiosk. */
  signals[SIGNAL_AVAILABILITY_CHANGED] =
    g_signal_new ("availability-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_INT64, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
lh_client_init (LhClient *self)
{
  self->online = TRUE;
  self->time_zone = g_time_zone_new_local ();
  self->promotions = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_group_session_free);
}

LhClient *
lh_client_new (const char *base_url,
               const char *device_token,
               const char *ca_file)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (LH_TYPE_CLIENT,
                       "base-url", base_url,
                       "device-token", device_token,
                       "ca-file", ca_file,
                       NULL);
}

const char *
lh_client_get_base_url (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return self->base_url;
}

char *
lh_client_resolve_url (LhClient   *self,
                       const char *url)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return g_strdup (url);
  /* base_url has no trailing slash, and may have a path of its own. */
  if (url[0] == '/')
    return g_strconcat (self->base_url, url, NULL);
  base = g_strconcat (self->base_url, "/", NULL);
  return g_uri_resolve_relative (base, url, G_URI_FLAGS_NONE, NULL);
}

gboolean
lh_client_get_online (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), FALSE);
  return self->online;
}

gboolean
lh_client_is_signed_in (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), FALSE);
  return self->session_token != NULL;
}

/* Returns: (transfer none) (nullable) */
LhPerson *
lh_client_get_person (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return self->person;
}

/* Returns: (transfer none) */
GTimeZone *
lh_client_get_time_zone (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return self->time_zone;
}

/* Returns: (transfer none), for diagnostics and tests. */
SoupSession *
lh_client_get_session (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return self->session;
}

void
lh_client_forget_session (LhClient *self)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  if (self->session_token == NULL && self->person == NULL)
    return;
  g_clear_pointer (&self->session_token, g_free);
  g_clear_pointer (&self->person, lh_person_free);
  g_ptr_array_set_size (self->promotions, 0);
  lh_client_set_usage (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

void
lh_client_set_session (LhClient       *self,
                       const char     *token,
                       const LhPerson *person)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (token != NULL && person != NULL);

  g_free (self->session_token);
  self->session_token = g_strdup (token);
  g_clear_pointer (&self->person, lh_person_free);
  self->person = lh_person_copy (person);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN]);
}

void
lh_client_set_promotions (LhClient  *self,
                          GPtrArray *promotions)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (promotions != NULL);

  g_clear_pointer (&self->promotions, g_ptr_array_unref);
  self->promotions = promotions;
}

/* Returns: (transfer none) (element-type LhGroupSession) */
GPtrArray *
lh_client_get_promotions (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return self->promotions;
}

/* Returns: (transfer none) (nullable) */
LhUsage *
lh_client_get_usage (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return self->usage;
}

void
lh_client_set_usage (LhClient      *self,
                     const LhUsage *usage)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  if (usage == NULL && self->usage == NULL)
    return;
  g_clear_pointer (&self->usage, lh_usage_free);
  self->usage = usage ? lh_usage_copy (usage) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USAGE]);
}

void
lh_client_set_time_zone (LhClient  *self,
                         GTimeZone *tz)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (tz != NULL);

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = g_time_zone_ref (tz);
}

/* ---- the event stream ------------------------------------------------- */

static void
stream_down_cb (LhClient      *self,
                GParamSpec    *pspec,
                LhEventStream *events)
{
  set_online (self, !lh_event_stream_get_down (events));
}

static void
stream_event_cb (LhClient      *self,
                 const char    *type,
                 JsonNode      *data,
                 LhEventStream *events)
{
  g_signal_emit (self, signals[SIGNAL_EVENT], g_quark_from_string (type), type, data);

  if (g_str_equal (type, "availability-changed"))
    {
      JsonObject *object = data && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;
      const char *date = object ? json_object_get_string_member_with_default (object, "date", NULL) : NULL;
      gint64 resource_id = object ? json_object_get_int_member_with_default (object, "resource_id", 0) : 0;

      if (date == NULL)
        {
          g_debug ("Ignoring availability-changed without a date");
          return;
        }
      g_signal_emit (self, signals[SIGNAL_AVAILABILITY_CHANGED], 0, resource_id, date);
    }
}

void
lh_client_connect_events (LhClient *self)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  if (self->events != NULL)
    return;
  /* Without the CA it was given, the client trusts nothing, not even
   * through the system store: requests say why, the stream stays shut. */
  if (self->setup_error != NULL)
    return;

  /* From now on only the stream says; until its first try ends, assume
   * the daemon is there, as at start. */
  set_online (self, TRUE);
  uri = g_strconcat (self->base_url, "/api/v1/events", NULL);
  self->events = lh_event_stream_new (self->session, uri, self->device_token);
  g_signal_connect_object (self->events, "notify::down",
                           G_CALLBACK (stream_down_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "event",
                           G_CALLBACK (stream_event_cb), self, G_CONNECT_SWAPPED);
  lh_event_stream_start (self->events);
}

void
lh_client_reconnect_events (LhClient *self)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  if (self->events != NULL)
    lh_event_stream_retry_now (self->events);
}

gboolean
lh_client_get_events_connected (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), FALSE);

  return self->events != NULL && lh_event_stream_get_connected (self->events);
}
