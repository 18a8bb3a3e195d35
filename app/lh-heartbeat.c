/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-heartbeat"

#include "lh-heartbeat.h"

struct _LhHeartbeat
{
  GObject       parent_instance;

  LhClient     *client;       /* (owned) */
  GCancellable *cancellable;  /* (owned) (nullable) while one is in flight */
  guint         timeout_id;   /* 0 when stopped */
  guint         seconds;
  guint         count;
};

G_DEFINE_FINAL_TYPE (LhHeartbeat, lh_heartbeat, G_TYPE_OBJECT)

static void
heartbeat_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LhHeartbeat) self = user_data;
  g_autoptr(GError) error = NULL;

  if (lh_client_send_heartbeat_finish (LH_CLIENT (source), result, &error))
    self->count++;
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The next one tries again; the event stream shows the banner. */
    g_debug ("Heartbeat not delivered: %s", error->message);
  g_clear_object (&self->cancellable);
}

static void
send_one (LhHeartbeat *self)
{
  /* One at a time: a slow answer is not doubled up. */
  if (self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  lh_client_send_heartbeat_async (self->client, self->cancellable, heartbeat_cb, g_object_ref (self));
}

static gboolean
tick_cb (gpointer user_data)
{
  send_one (LH_HEARTBEAT (user_data));
  return G_SOURCE_CONTINUE;
}

static void
lh_heartbeat_dispose (GObject *object)
{
  LhHeartbeat *self = LH_HEARTBEAT (object);

  lh_heartbeat_stop (self);

  G_OBJECT_CLASS (lh_heartbeat_parent_class)->dispose (object);
}

static void
lh_heartbeat_finalize (GObject *object)
{
  LhHeartbeat *self = LH_HEARTBEAT (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (lh_heartbeat_parent_class)->finalize (object);
}

static void
lh_heartbeat_class_init (LhHeartbeatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_heartbeat_dispose;
  object_class->finalize = lh_heartbeat_finalize;
}

static void
lh_heartbeat_init (LhHeartbeat *self)
{
}

LhHeartbeat *
lh_heartbeat_new (LhClient *client)
{
  LhHeartbeat *self;

  g_return_val_if_fail (LH_IS_CLIENT (client), NULL);

  self = g_object_new (LH_TYPE_HEARTBEAT, NULL);
  self->client = g_object_ref (client);
  return self;
}

void
lh_heartbeat_start (LhHeartbeat *self,
                    guint        seconds)
{
  g_return_if_fail (LH_IS_HEARTBEAT (self));

  seconds = MAX (seconds, 1);
  if (self->timeout_id != 0 && self->seconds == seconds)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->seconds = seconds;
  send_one (self);
  self->timeout_id = g_timeout_add_seconds (seconds, tick_cb, self);
  g_source_set_name_by_id (self->timeout_id, "[learnhub] heartbeat");
}

void
lh_heartbeat_stop (LhHeartbeat *self)
{
  g_return_if_fail (LH_IS_HEARTBEAT (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
}

gboolean
lh_heartbeat_is_running (LhHeartbeat *self)
{
  g_return_val_if_fail (LH_IS_HEARTBEAT (self), FALSE);
  return self->timeout_id != 0;
}

guint
lh_heartbeat_get_count (LhHeartbeat *self)
{
  g_return_val_if_fail (LH_IS_HEARTBEAT (self), 0);
  return self->count;
}
