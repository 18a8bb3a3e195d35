/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-events"

#include "lh-event-hub.h"

#include <sodium.h>
#include <string.h>

#include "lh-admin-notices.h"
#include "lh-auth.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time.h"

typedef struct
{
  SoupWebsocketConnection *connection;  /* (owned) */
  char                    *token;       /* (owned) checked again and again; wiped on free */
  gint64                   person_id;   /* 0: a kiosk device's own stream */
  gint64                   device_id;   /* the kiosk it runs on */
} Listener;

/* An event published while the hub is held, sent once it is released. */
typedef struct
{
  char     *text;        /* (owned) */
  gint64    person_id;
  gint64   *device_ids;  /* (owned) */
  guint     n_devices;
  gboolean  to_everyone;
  LhRole    to_role;     /* 0, or only to this role (listener_has_role) */
} Held;

struct _LhEventHub
{
  GObject    parent_instance;

  LhStore   *store;      /* (owned) */
  GPtrArray *listeners;  /* (owned) (element-type Listener) */
  GPtrArray *held;       /* (owned) (element-type Held) (nullable) while held */
  guint      check_id;   /* the tokens' check, while there are listeners */
};

G_DEFINE_FINAL_TYPE (LhEventHub, lh_event_hub, G_TYPE_OBJECT)

static void
listener_free (Listener *listener)
{
  g_signal_handlers_disconnect_by_data (listener->connection, listener);
  g_object_unref (listener->connection);
  sodium_memzero (listener->token, strlen (listener->token));
  g_free (listener->token);
  g_free (listener);
}

static void
held_free (Held *held)
{
  g_free (held->text);
  g_free (held->device_ids);
  g_free (held);
}

static void
lh_event_hub_finalize (GObject *object)
{
  LhEventHub *self = LH_EVENT_HUB (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_ptr_array_unref (self->listeners);
  g_object_unref (self->store);
  G_OBJECT_CLASS (lh_event_hub_parent_class)->finalize (object);
}

static void
lh_event_hub_class_init (LhEventHubClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lh_event_hub_finalize;
}

static void
lh_event_hub_init (LhEventHub *self)
{
  self->listeners = g_ptr_array_new_with_free_func ((GDestroyNotify) listener_free);
}

LhEventHub *
lh_event_hub_new (LhStore *store)
{
  LhEventHub *self;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  self = g_object_new (LH_TYPE_EVENT_HUB, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* ---- whether a stream may go on --------------------------------------- */

/* The checks a request with the listener's token would pass now: a session
 * not ended, not expired, on a kiosk not revoked; or a kiosk not revoked.
 * Each is one lookup of the token's hash. */
static gboolean
token_holds (LhEventHub *self, const Listener *listener, gint64 now, GError **error)
{
  if (listener->person_id != 0)
    {
      LhSessionInfo session;

      return lh_auth_check_session (self->store, listener->token, now, &session, error);
    }
  else
    {
      gint64 device_id;

      return lh_devices_authenticate (self->store, listener->token, now, &device_id, error);
    }
}

/* Closes the listener's stream unless its token still holds; returns
 * whether it holds. The listener may be gone when this returns FALSE. */
static gboolean
keep_if_token_holds (LhEventHub *self, Listener *listener, gint64 now)
{
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *connection = listener->connection;

  if (soup_websocket_connection_get_state (connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return FALSE;
  if (token_holds (self, listener, now, &error))
    return TRUE;
  if (g_error_matches (error, LH_ERROR, LH_ERROR_UNAUTHORIZED))
    {
      g_debug ("Closing the event stream of person %" G_GINT64_FORMAT " on device %" G_GINT64_FORMAT
               ": %s", listener->person_id, listener->device_id, error->message);
      /* A close frame's reason is at most 123 bytes. */
      soup_websocket_connection_close (connection, LH_EVENT_CLOSE_UNAUTHORIZED,
                                       strlen (error->message) <= 123 ? error->message : "Please sign in");
    }
  else
    {
      /* Unchecked is not allowed: the client connects again, and is checked then. */
      g_message ("Cannot check an event stream's token, closing it: %s", error->message);
      soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR,
                                       "The token could not be checked; connect again");
    }
  return FALSE;
}

/* The listeners as they are now: closing one may remove it from the hub's
 * own array while it is walked. */
static GPtrArray *
listeners_now (LhEventHub *self)
{
  GPtrArray *listeners = g_ptr_array_copy (self->listeners, NULL, NULL);

  /* The copy took the free function: it must not free the listeners. */
  g_ptr_array_set_free_func (listeners, NULL);
  return listeners;
}

void
lh_event_hub_check_now (LhEventHub *self)
{
  g_autoptr(GPtrArray) listeners = NULL;
  gint64 now = lh_time_now ();

  g_return_if_fail (LH_IS_EVENT_HUB (self));

  listeners = listeners_now (self);
  for (guint i = 0; i < listeners->len; i++)
    keep_if_token_holds (self, g_ptr_array_index (listeners, i), now);
}

static gboolean
check_cb (gpointer user_data)
{
  lh_event_hub_check_now (user_data);
  return G_SOURCE_CONTINUE;
}

/* ---- listeners -------------------------------------------------------- */

static void
closed_cb (SoupWebsocketConnection *connection, gpointer user_data)
{
  Listener *listener = user_data;
  LhEventHub *hub = g_object_get_data (G_OBJECT (connection), "lh-event-hub");

  g_debug ("Event listener left (%u remain)", hub->listeners->len - 1);
  g_ptr_array_remove_fast (hub->listeners, listener);
  if (hub->listeners->len == 0)
    g_clear_handle_id (&hub->check_id, g_source_remove);
}

/* Listeners only listen: whatever a client sends is ignored. */
static void
message_cb (SoupWebsocketConnection *connection, gint type, GBytes *message, gpointer user_data)
{
}

void
lh_event_hub_add (LhEventHub *self, SoupWebsocketConnection *connection, const char *token,
                  gint64 person_id, gint64 device_id)
{
  Listener *listener;

  g_return_if_fail (LH_IS_EVENT_HUB (self));
  g_return_if_fail (SOUP_IS_WEBSOCKET_CONNECTION (connection));
  g_return_if_fail (token != NULL);

  listener = g_new0 (Listener, 1);
  listener->connection = g_object_ref (connection);
  listener->token = g_strdup (token);
  listener->person_id = person_id;
  listener->device_id = device_id;
  g_object_set_data (G_OBJECT (connection), "lh-event-hub", self);
  soup_websocket_connection_set_keepalive_interval (connection, LH_EVENT_KEEPALIVE_SECONDS);
  /* A kiosk sends nothing, so a small limit costs nothing and caps abuse. */
  soup_websocket_connection_set_max_incoming_payload_size (connection, 1024);
  g_signal_connect (connection, "closed", G_CALLBACK (closed_cb), listener);
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), listener);
  g_ptr_array_add (self->listeners, listener);
  if (self->check_id == 0)
    self->check_id = g_timeout_add (LH_EVENT_CHECK_MILLISECONDS, check_cb, self);
  g_debug ("Event listener joined (%u now)", self->listeners->len);
}

static char *
event_text (const char *type, JsonNode *data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "data");
  if (data != NULL)
    json_builder_add_value (builder, json_node_copy (data));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
send_to (Listener *listener, const char *text)
{
  if (soup_websocket_connection_get_state (listener->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (listener->connection, text);
}

/* Whether an event for person_id (0: everyone, unless devices are named)
 * and for the own streams of device_ids goes to listener. */
static gboolean
listener_wanted (const Listener *listener, gint64 person_id, const gint64 *device_ids, guint n_devices,
                 gboolean to_everyone)
{
  if (to_everyone || (person_id != 0 && listener->person_id == person_id))
    return TRUE;
  for (guint j = 0; j < n_devices; j++)
    if (listener->person_id == 0 && listener->device_id == device_ids[j])
      return TRUE;
  return FALSE;
}

static void
send_text (LhEventHub *self, const char *text, gint64 person_id, const gint64 *device_ids, guint n_devices,
           gboolean to_everyone)
{
  g_autoptr(GPtrArray) listeners = listeners_now (self);
  gint64 now = lh_time_now ();

  for (guint i = 0; i < listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (listeners, i);

      if (!listener_wanted (listener, person_id, device_ids, n_devices, to_everyone))
        continue;
      /* What is meant for the person must not wait on the next check to
       * find their session ended: a sign-out may have come just before. */
      if (person_id != 0 && listener->person_id == person_id && !keep_if_token_holds (self, listener, now))
        continue;
      send_to (listener, text);
    }
}

/* The listener's session has role and holds now (one lookup of the
 * token's hash), or it is the own stream of a kiosk where someone with
 * role is signed in now. A session that no longer holds is closed at the
 * next check. */
static gboolean
listener_has_role (LhEventHub *self, const Listener *listener, LhRole role, gint64 now)
{
  g_autoptr(GError) error = NULL;
  LhSessionInfo session;
  gboolean there = FALSE;

  if (soup_websocket_connection_get_state (listener->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return FALSE;
  if (listener->person_id != 0)
    return lh_auth_check_session (self->store, listener->token, now, &session, &error) &&
           (session.roles & role) != 0;
  if (!lh_admin_notices_role_at (self->store, listener->device_id, role, now, &there, &error))
    g_message ("Cannot tell who is at kiosk %" G_GINT64_FORMAT ": %s", listener->device_id, error->message);
  return there;
}

static void
send_text_to_role (LhEventHub *self, const char *text, LhRole role)
{
  g_autoptr(GPtrArray) listeners = listeners_now (self);
  gint64 now = lh_time_now ();

  for (guint i = 0; i < listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (listeners, i);

      if (listener_has_role (self, listener, role, now))
        send_to (listener, text);
    }
}

/* Sends text now, or keeps it until the hub is released: to one role
 * only, or by person, devices or to everyone (send_text). */
static void
publish (LhEventHub *self, const char *type, JsonNode *data, gint64 person_id, const gint64 *device_ids,
         guint n_devices, gboolean to_everyone, LhRole to_role)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LH_IS_EVENT_HUB (self));
  g_return_if_fail (type != NULL);

  text = event_text (type, data);
  if (self->held != NULL)
    {
      Held *held = g_new0 (Held, 1);

      held->text = g_steal_pointer (&text);
      held->person_id = person_id;
      held->device_ids = g_memdup2 (device_ids, n_devices * sizeof (gint64));
      held->n_devices = n_devices;
      held->to_everyone = to_everyone;
      held->to_role = to_role;
      g_ptr_array_add (self->held, held);
      return;
    }
  if (to_role != 0)
    send_text_to_role (self, text, to_role);
  else
    send_text (self, text, person_id, device_ids, n_devices, to_everyone);
}

void
lh_event_hub_hold (LhEventHub *self)
{
  g_return_if_fail (LH_IS_EVENT_HUB (self));
  g_return_if_fail (self->held == NULL);

  self->held = g_ptr_array_new_with_free_func ((GDestroyNotify) held_free);
}

void
lh_event_hub_release (LhEventHub *self, gboolean send)
{
  g_autoptr(GPtrArray) held = NULL;

  g_return_if_fail (LH_IS_EVENT_HUB (self));
  g_return_if_fail (self->held != NULL);

  held = g_steal_pointer (&self->held);
  for (guint i = 0; send && i < held->len; i++)
    {
      const Held *event = g_ptr_array_index (held, i);

      if (event->to_role != 0)
        send_text_to_role (self, event->text, event->to_role);
      else
        send_text (self, event->text, event->person_id, event->device_ids, event->n_devices, event->to_everyone);
    }
}

void
lh_event_hub_publish (LhEventHub *self, const char *type, JsonNode *data, gint64 person_id)
{
  publish (self, type, data, person_id, NULL, 0, person_id == 0, 0);
}

void
lh_event_hub_publish_to_devices (LhEventHub *self, const char *type, JsonNode *data,
                                 const gint64 *device_ids, guint n_devices, gint64 person_id)
{
  publish (self, type, data, person_id, device_ids, n_devices, FALSE, 0);
}

void
lh_event_hub_publish_to_admins (LhEventHub *self, const char *type, JsonNode *data)
{
  publish (self, type, data, 0, NULL, 0, FALSE, LH_ROLE_ADMIN);
}

void
lh_event_hub_publish_to_committee (LhEventHub *self, const char *type, JsonNode *data)
{
  publish (self, type, data, 0, NULL, 0, FALSE, LH_ROLE_COMMITTEE);
}

gboolean
lh_event_hub_reaches (LhEventHub *self, const gint64 *device_ids, guint n_devices, gint64 person_id)
{
  g_return_val_if_fail (LH_IS_EVENT_HUB (self), FALSE);

  for (guint i = 0; i < self->listeners->len; i++)
    {
      const Listener *listener = g_ptr_array_index (self->listeners, i);

      if (soup_websocket_connection_get_state (listener->connection) == SOUP_WEBSOCKET_STATE_OPEN &&
          listener_wanted (listener, person_id, device_ids, n_devices, FALSE))
        return TRUE;
    }
  return FALSE;
}

guint
lh_event_hub_get_n_connections (LhEventHub *self)
{
  g_return_val_if_fail (LH_IS_EVENT_HUB (self), 0);
  return self->listeners->len;
}

void
lh_event_hub_close_all (LhEventHub *self)
{
  g_return_if_fail (LH_IS_EVENT_HUB (self));

  for (guint i = 0; i < self->listeners->len; i++)
    {
      Listener *listener = g_ptr_array_index (self->listeners, i);

      if (soup_websocket_connection_get_state (listener->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (listener->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
    }
}
