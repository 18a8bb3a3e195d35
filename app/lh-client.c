/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient itself: the daemon's address, the session, the tokens, the
 * sitting and the event stream. Sending a request and reading its answer
 * is in lh-client-request.c, the calls in lh-client-calls.c. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-private.h"
#include "lh-json-read.h"

#include <string.h>

#include "lh-booking-notice.h"
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
  GPtrArray   *booking_notices;  /* (owned) (element-type LhBookingNotice) from the sign-in */
  GPtrArray   *time_off_decisions; /* (owned) (element-type LhTimeOff) told by the daemon, not shown yet */
  LhUsage     *usage;            /* (owned) (nullable) the sitting at this PC, while signed in */
  GTimeZone   *time_zone;        /* (owned) the centre's, once the daemon said */
  LhIdleTiming idle_timing;      /* the centre's, once the daemon said */
  GTimeSpan    clock_offset;     /* the daemon's clock less this PC's */
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

static void
set_online (LhClient *self,
            gboolean  online)
{
  if (self->online == online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);
}

/* ---- for the requests (lh-client-request.c) --------------------------- */

const GError *
lh_client_get_setup_error (LhClient *self)
{
  return self->setup_error;
}

const char *
lh_client_get_device_token (LhClient *self)
{
  return self->device_token;
}

const char *
lh_client_get_session_token (LhClient *self)
{
  return self->session_token;
}

/* Without the event stream, each answer or failure says whether the
 * daemon is there; once the stream runs, only the stream says. */
void
lh_client_note_reachable (LhClient *self,
                          gboolean  reachable)
{
  if (self->events == NULL)
    set_online (self, reachable);
}

/* A 401 to a request that carried token: if it is still the session's,
 * the daemon ended the session (expired or signed out elsewhere). */
void
lh_client_session_refused (LhClient   *self,
                           const char *token)
{
  if (token == NULL || g_strcmp0 (token, self->session_token) != 0)
    return;
  lh_client_forget_session (self);
  g_signal_emit (self, signals[SIGNAL_SESSION_ENDED], 0);
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
  g_clear_pointer (&self->booking_notices, g_ptr_array_unref);
  g_clear_pointer (&self->time_off_decisions, g_ptr_array_unref);
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
  self->booking_notices = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_booking_notice_free);
  self->time_off_decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_time_off_free);
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

/* Returns: (transfer none) */
const LhIdleTiming *
lh_client_get_idle_timing (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return &self->idle_timing;
}

static void
read_seconds (JsonObject *object,
              const char *member,
              int        *out)
{
  int value = 0;

  /* A value the kiosk cannot read leaves the last one it could. */
  if (lh_json_read_small_int (object, member, &value, NULL) && value > 0)
    *out = value;
}

void
lh_client_read_idle_timing (LhClient   *self,
                            JsonObject *object)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  if (object == NULL)
    return;
  read_seconds (object, "idle_seconds", &self->idle_timing.idle_seconds);
  read_seconds (object, "idle_long_page_seconds", &self->idle_timing.long_page_seconds);
  read_seconds (object, "idle_warning_seconds", &self->idle_timing.warning_seconds);
}

/* "Now" is the centre's: the daemon's clock, not this PC's, which may be
 * wrong (and which tests move). */
gint64
lh_client_get_real_time (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), g_get_real_time ());
  return g_get_real_time () + self->clock_offset;
}

/* Returns: (transfer full) now, in the centre's time zone. */
GDateTime *
lh_client_now (LhClient *self)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  utc = g_date_time_new_from_unix_utc (lh_client_get_real_time (self) / G_USEC_PER_SEC);
  return g_date_time_to_timezone (utc, self->time_zone);
}

void
lh_client_note_server_date (LhClient   *self,
                            const char *date)
{
  g_autoptr(GDateTime) server = date ? soup_date_time_new_from_http_string (date) : NULL;
  GTimeSpan offset;

  if (server == NULL)
    return;
  /* The header is to the second: clocks less than two seconds apart
   * agree, so a kiosk whose clock is right never jitters. */
  offset = g_date_time_to_unix (server) * G_USEC_PER_SEC - g_get_real_time ();
  if (ABS (offset - self->clock_offset) >= 2 * G_USEC_PER_SEC)
    self->clock_offset = ABS (offset) >= 2 * G_USEC_PER_SEC ? offset : 0;
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
  g_ptr_array_set_size (self->booking_notices, 0);
  g_ptr_array_set_size (self->time_off_decisions, 0);
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
  /* Never the last person's. */
  g_ptr_array_set_size (self->time_off_decisions, 0);
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

void
lh_client_set_booking_notices (LhClient  *self,
                               GPtrArray *notices)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (notices != NULL);

  g_clear_pointer (&self->booking_notices, g_ptr_array_unref);
  self->booking_notices = notices;
}

/* Returns: (transfer none) (element-type LhBookingNotice) */
GPtrArray *
lh_client_get_booking_notices (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return self->booking_notices;
}

/* Returns: (transfer none) (element-type LhTimeOff) */
GPtrArray *
lh_client_get_time_off_decisions (LhClient *self)
{
  g_return_val_if_fail (LH_IS_CLIENT (self), NULL);
  return self->time_off_decisions;
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
