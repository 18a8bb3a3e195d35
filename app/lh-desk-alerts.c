/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-alerts"

#include "lh-desk-alerts.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"
#include "lh-types.h"

struct _LhDeskAlerts
{
  GObject     parent_instance;

  LhClient   *client;    /* (owned) */
  LhNotifier *notifier;  /* (owned) */
  GPtrArray  *shown;     /* (owned) (element-type utf8) keys of what is on screen */
};

G_DEFINE_FINAL_TYPE (LhDeskAlerts, lh_desk_alerts, G_TYPE_OBJECT)

static JsonObject *
object_of (JsonNode *data)
{
  return data != NULL && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;
}

/* Only for the ULR it was sent to, signed in here: the event may still be
 * on its way after they signed out, or someone else signed in since. */
static gboolean
for_this_ulr (LhDeskAlerts *self,
              JsonObject   *object)
{
  LhPerson *person = lh_client_get_person (self->client);

  return lh_client_is_signed_in (self->client) && lh_may (person, LH_WAY_DESK) &&
         json_object_get_int_member_with_default (object, "ulr_id", 0) == person->id;
}

static void
show (LhDeskAlerts *self,
      const char   *key,
      const char   *summary,
      const char   *body)
{
  if (!g_ptr_array_find_with_equal_func (self->shown, key, g_str_equal, NULL))
    g_ptr_array_add (self->shown, g_strdup (key));
  lh_notifier_show (self->notifier, key, summary, body, FALSE, NULL);
}

void
lh_desk_alerts_withdraw (LhDeskAlerts *self)
{
  g_return_if_fail (LH_IS_DESK_ALERTS (self));

  for (guint i = 0; i < self->shown->len; i++)
    lh_notifier_close (self->notifier, g_ptr_array_index (self->shown, i));
  g_ptr_array_set_size (self->shown, 0);
}

static void
arrived_cb (LhDeskAlerts *self,
            const char   *type,
            JsonNode     *data,
            LhClient     *client)
{
  JsonObject *object = object_of (data);
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *key = NULL;

  if (object == NULL || !for_this_ulr (self, object))
    return;
  if (json_object_has_member (object, "start"))
    start = lh_parse_time (object, "start", lh_client_get_time_zone (client), NULL);
  if (start != NULL)
    {
      g_autoptr(GDateTime) now = lh_client_now (client);
      g_autofree char *day = lh_format_day_name (start, now);
      g_autofree char *clock = lh_format_clock (start);

      /* Translators: a notification, "A new advice appointment: Tuesday 10:00" */
      summary = g_strdup_printf (_("A new advice appointment: %s %s"), day, clock);
    }
  else
    summary = g_strdup (_("A new advice appointment"));
  key = g_strdup_printf ("advice-%" G_GINT64_FORMAT,
                         json_object_get_int_member_with_default (object, "request_id", 0));
  show (self, key, summary, _("See it under Run a drop-in."));
}

static void
queue_long_cb (LhDeskAlerts *self,
               const char   *type,
               JsonNode     *data,
               LhClient     *client)
{
  JsonObject *object = object_of (data);
  g_autofree char *summary = NULL;
  int waiting;

  if (object == NULL || !for_this_ulr (self, object))
    return;
  waiting = (int) json_object_get_int_member_with_default (object, "waiting", 0);
  if (waiting <= 0)
    return;
  /* Translators: a notification, "6 people are waiting at the drop-in" */
  summary = g_strdup_printf (ngettext ("%d person is waiting at the drop-in",
                                       "%d people are waiting at the drop-in", waiting), waiting);
  /* One at a time: a longer queue replaces the last. */
  show (self, "queue-long", summary, NULL);
}

static void
lh_desk_alerts_dispose (GObject *object)
{
  LhDeskAlerts *self = LH_DESK_ALERTS (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->notifier);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (lh_desk_alerts_parent_class)->dispose (object);
}

static void
lh_desk_alerts_class_init (LhDeskAlertsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_desk_alerts_dispose;
}

static void
lh_desk_alerts_init (LhDeskAlerts *self)
{
  self->shown = g_ptr_array_new_with_free_func (g_free);
}

LhDeskAlerts *
lh_desk_alerts_new (LhClient   *client,
                    LhNotifier *notifier)
{
  LhDeskAlerts *self;

  g_return_val_if_fail (LH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (LH_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (LH_TYPE_DESK_ALERTS, NULL);
  self->client = g_object_ref (client);
  self->notifier = g_object_ref (notifier);
  g_signal_connect_object (client, "event::advice-request-arrived", G_CALLBACK (arrived_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (client, "event::queue-long", G_CALLBACK (queue_long_cb), self, G_CONNECT_SWAPPED);
  return self;
}
