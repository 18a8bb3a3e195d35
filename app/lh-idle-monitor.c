/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-idle-monitor"

#include "lh-idle-monitor.h"

/* Often enough that the countdown changes on the second, cheap enough to
 * leave running while someone is signed in. */
#define TICK_MS 250

struct _LhIdleMonitor
{
  GObject  parent_instance;

  int      timeout;        /* seconds without input before "expired" */
  int      warning;        /* the last seconds that are counted down */
  gint64   last_input;     /* monotonic µs */
  guint    tick_id;        /* 0 when stopped */
  int      shown;          /* the last countdown value emitted, -1 none */
  LhIdleMonitorClock clock;  /* (nullable) a test's, instead of the monotonic one */
  gpointer clock_data;
};

G_DEFINE_FINAL_TYPE (LhIdleMonitor, lh_idle_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_WARNING,
  N_PROPS
};

enum {
  SIGNAL_COUNTDOWN,
  SIGNAL_EXPIRED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint64
now_us (LhIdleMonitor *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static gboolean
tick_cb (gpointer user_data)
{
  LhIdleMonitor *self = user_data;
  gint64 elapsed = now_us (self) - self->last_input;
  gint64 left_us = (gint64) self->timeout * G_USEC_PER_SEC - elapsed;
  int left = (int) ((left_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  if (left_us <= 0)
    {
      self->tick_id = 0;
      self->shown = -1;
      g_signal_emit (self, signals[SIGNAL_EXPIRED], 0);
      return G_SOURCE_REMOVE;
    }

  if (left <= self->warning && left != self->shown)
    {
      self->shown = left;
      g_signal_emit (self, signals[SIGNAL_COUNTDOWN], 0, left);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
input_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          gpointer                  user_data)
{
  LhIdleMonitor *self = user_data;

  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
    case GDK_MOTION_NOTIFY:
      lh_idle_monitor_poke (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
lh_idle_monitor_dispose (GObject *object)
{
  LhIdleMonitor *self = LH_IDLE_MONITOR (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  G_OBJECT_CLASS (lh_idle_monitor_parent_class)->dispose (object);
}

static void
lh_idle_monitor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LhIdleMonitor *self = LH_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_int (value, self->timeout);
      break;
    case PROP_WARNING:
      g_value_set_int (value, self->warning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_idle_monitor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LhIdleMonitor *self = LH_IDLE_MONITOR (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
    case PROP_WARNING:
      {
        int *field = prop_id == PROP_TIMEOUT ? &self->timeout : &self->warning;

        if (*field == g_value_get_int (value))
          break;
        *field = g_value_get_int (value);
        /* A warning under the old timing ends; one under the new comes at
         * its own time, from its top. */
        if (self->shown != -1)
          {
            self->shown = -1;
            g_signal_emit (self, signals[SIGNAL_COUNTDOWN], 0, -1);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_idle_monitor_class_init (LhIdleMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_idle_monitor_dispose;
  object_class->get_property = lh_idle_monitor_get_property;
  object_class->set_property = lh_idle_monitor_set_property;

  properties[PROP_TIMEOUT] =
    g_param_spec_int ("timeout", NULL, NULL, 1, 24 * 60 * 60, 90,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_int ("warning", NULL, NULL, 0, 24 * 60 * 60, 30,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Seconds left, once a second during the warning; -1 when input ended it. */
  signals[SIGNAL_COUNTDOWN] =
    g_signal_new ("countdown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_EXPIRED] =
    g_signal_new ("expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lh_idle_monitor_init (LhIdleMonitor *self)
{
  self->timeout = 90;
  self->warning = 30;
  self->shown = -1;
}

LhIdleMonitor *
lh_idle_monitor_new (void)
{
  return g_object_new (LH_TYPE_IDLE_MONITOR, NULL);
}

void
lh_idle_monitor_watch (LhIdleMonitor *self,
                       GtkWidget     *widget)
{
  GtkEventController *controller;

  g_return_if_fail (LH_IS_IDLE_MONITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (controller, "lh-idle-monitor");
  /* The widget owns the controller and outlives the monitor's use of it;
   * the handler goes with the monitor. */
  g_signal_connect_object (controller, "event", G_CALLBACK (input_cb), self, 0);
  gtk_widget_add_controller (widget, controller);
}

void
lh_idle_monitor_start (LhIdleMonitor *self)
{
  g_return_if_fail (LH_IS_IDLE_MONITOR (self));

  self->last_input = now_us (self);
  self->shown = -1;
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
}

void
lh_idle_monitor_stop (LhIdleMonitor *self)
{
  g_return_if_fail (LH_IS_IDLE_MONITOR (self));

  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->shown = -1;
}

void
lh_idle_monitor_poke (LhIdleMonitor *self)
{
  g_return_if_fail (LH_IS_IDLE_MONITOR (self));

  self->last_input = now_us (self);
  if (self->shown != -1)
    {
      self->shown = -1;
      g_signal_emit (self, signals[SIGNAL_COUNTDOWN], 0, -1);
    }
}

gboolean
lh_idle_monitor_is_running (LhIdleMonitor *self)
{
  g_return_val_if_fail (LH_IS_IDLE_MONITOR (self), FALSE);

  return self->tick_id != 0;
}

void
lh_idle_monitor_set_clock (LhIdleMonitor      *self,
                           LhIdleMonitorClock  clock,
                           gpointer            user_data)
{
  g_return_if_fail (LH_IS_IDLE_MONITOR (self));

  self->clock = clock;
  self->clock_data = user_data;
  self->last_input = now_us (self);
}
