/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-notifier"

#include "lh-notifier.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#define ACTION_ID "lh-action"

struct _LhNotifier
{
  GObject     parent_instance;

  GHashTable *shown;  /* (owned) key → (owned) NotifyNotification */
};

G_DEFINE_FINAL_TYPE (LhNotifier, lh_notifier, G_TYPE_OBJECT)

enum {
  SIGNAL_ACTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
ensure_init (void)
{
  if (notify_is_initted ())
    return TRUE;
  /* Translators: the name notifications are sent under */
  return notify_init (_("Learning centre"));
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  LhNotifier *self = LH_NOTIFIER (user_data);
  const char *key = g_object_get_data (G_OBJECT (notification), "lh-key");

  if (key != NULL)
    g_signal_emit (self, signals[SIGNAL_ACTION], 0, key);
}

static void
close_one (gpointer data)
{
  NotifyNotification *notification = data;
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_matched (notification, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, NULL);
  notify_notification_clear_actions (notification);
  /* One never shown is not asked after: no server to wake for it. */
  if (g_object_get_data (G_OBJECT (notification), "lh-shown") != NULL &&
      !notify_notification_close (notification, &error))
    g_debug ("Could not close a notification: %s", error->message);
  g_object_unref (notification);
}

void
lh_notifier_show (LhNotifier *self,
                  const char *key,
                  const char *summary,
                  const char *body,
                  gboolean    urgent,
                  const char *action_label)
{
  NotifyNotification *notification;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LH_IS_NOTIFIER (self));
  g_return_if_fail (key != NULL && summary != NULL);

  if (!ensure_init ())
    {
      g_debug ("No notifications: libnotify did not start");
      return;
    }

  notification = g_hash_table_lookup (self->shown, key);
  if (notification == NULL)
    {
      notification = notify_notification_new (summary, body, "alarm-symbolic");
      g_object_set_data_full (G_OBJECT (notification), "lh-key", g_strdup (key), g_free);
      g_hash_table_insert (self->shown, g_strdup (key), notification);
    }
  else
    notify_notification_update (notification, summary, body, "alarm-symbolic");

  notify_notification_set_urgency (notification, urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  notify_notification_set_category (notification, "presence");
  notify_notification_clear_actions (notification);
  if (action_label != NULL)
    notify_notification_add_action (notification, ACTION_ID, action_label, action_cb, self, NULL);

  if (notify_notification_show (notification, &error))
    g_object_set_data (G_OBJECT (notification), "lh-shown", GINT_TO_POINTER (TRUE));
  else
    g_debug ("Could not show a notification: %s", error->message);
}

void
lh_notifier_close (LhNotifier *self,
                   const char *key)
{
  g_return_if_fail (LH_IS_NOTIFIER (self));
  g_return_if_fail (key != NULL);

  g_hash_table_remove (self->shown, key);
}

void
lh_notifier_close_all (LhNotifier *self)
{
  g_return_if_fail (LH_IS_NOTIFIER (self));

  g_hash_table_remove_all (self->shown);
}

static void
lh_notifier_dispose (GObject *object)
{
  LhNotifier *self = LH_NOTIFIER (object);

  if (self->shown != NULL)
    g_hash_table_remove_all (self->shown);

  G_OBJECT_CLASS (lh_notifier_parent_class)->dispose (object);
}

static void
lh_notifier_finalize (GObject *object)
{
  LhNotifier *self = LH_NOTIFIER (object);

  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (lh_notifier_parent_class)->finalize (object);
}

static void
lh_notifier_class_init (LhNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_notifier_dispose;
  object_class->finalize = lh_notifier_finalize;

  /* The person chose the action of the notification called key. */
  signals[SIGNAL_ACTION] =
    g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
lh_notifier_init (LhNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, close_one);
}

LhNotifier *
lh_notifier_new (void)
{
  return g_object_new (LH_TYPE_NOTIFIER, NULL);
}
