/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-sitting-bar"

#include "lh-sitting-bar.h"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-messages.h"
#include "lh-time-format.h"

/* The notification the warnings replace one another in. */
#define NOTIFICATION_KEY "time-left"

/* Warned this many seconds before the end: 5 minutes, then 1. */
static const int warning_leads[] = { 5 * 60, 60 };
#define N_WARNINGS G_N_ELEMENTS (warning_leads)

struct _LhSittingBar
{
  AdwBin        parent_instance;

  LhClient     *client;        /* (owned) (nullable) */
  LhNotifier   *notifier;      /* (owned) (nullable) */
  GCancellable *extending;     /* (owned) (nullable) while "More time" is in flight */
  GTimeSpan     clock_offset;  /* tests only: added to the centre's clock */
  guint         tick_id;       /* the next update, 0 when none */
  gint64        usage_id;      /* the sitting the warnings belong to, 0 when none */
  gint64        ends_at;       /* its end, Unix seconds */
  gboolean      warned[N_WARNINGS];
  gboolean      time_up;       /* "time-up" was emitted for this sitting */

  /* template children (unowned) */
  GtkLabel     *time_label;
  GtkLabel     *message_label;
  GtkButton    *more_time_button;
  GtkLabel     *more_time_until_label;
};

G_DEFINE_FINAL_TYPE (LhSittingBar, lh_sitting_bar, ADW_TYPE_BIN)

enum {
  SIGNAL_TIME_UP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update (LhSittingBar *self);

/* Microseconds from now (the bar's clock) to time. */
static GTimeSpan
until (LhSittingBar *self,
       GDateTime    *time)
{
  gint64 now = (self->client ? lh_client_get_real_time (self->client) : g_get_real_time ()) + self->clock_offset;

  return g_date_time_to_unix (time) * G_USEC_PER_SEC - now;
}

static void
show_message (LhSittingBar *self,
              const char   *message)
{
  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* "42 minutes left", "1 hour 5 minutes left", "45 seconds left". */
static char *
format_left (GTimeSpan left)
{
  g_autofree char *duration = NULL;

  if (left <= 60 * G_USEC_PER_SEC)
    {
      int seconds = (int) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

      return g_strdup_printf (ngettext ("%d second left", "%d seconds left", seconds), seconds);
    }
  duration = lh_format_duration ((int) ((left + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC)));
  /* Translators: %s is a length of time, e.g. "42 minutes" or "1 hour 5 minutes" */
  return g_strdup_printf (_("%s left"), duration);
}

static void
warn (LhSittingBar  *self,
      const LhUsage *usage,
      int            lead)
{
  int minutes = lead / 60;
  g_autofree char *summary = NULL;
  g_autofree char *end = lh_format_clock (usage->ends_at);
  g_autoptr(GString) body = g_string_new (NULL);

  if (self->notifier == NULL)
    return;
  /* Translators: a notification; %d is 5 or 1, %s a PC, e.g. "5 minutes left on PC 3" */
  summary = g_strdup_printf (ngettext ("%d minute left on %s", "%d minutes left on %s", minutes),
                             minutes, usage->resource_name);
  /* Translators: %s is a time of day, e.g. 15:00 */
  g_string_append_printf (body, _("Your time ends at %s. Please save your work."), end);
  if (usage->can_extend_until != NULL)
    {
      g_autofree char *more = lh_format_clock (usage->can_extend_until);

      g_string_append_c (body, '\n');
      /* Translators: %s is a time of day, e.g. 15:30 */
      g_string_append_printf (body, _("Choose More time to stay until %s."), more);
    }
  g_debug ("Warning: %s", summary);
  lh_notifier_show (self->notifier, NOTIFICATION_KEY, summary, body->str, lead <= 60,
                    usage->can_extend_until ? _("More time") : NULL);
}

static gboolean
tick_cb (gpointer user_data)
{
  LhSittingBar *self = LH_SITTING_BAR (user_data);

  self->tick_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* Next at the next whole minute left, or second in the last minute; a
 * little after it, so that the count has moved on by then. */
static void
schedule (LhSittingBar *self,
          GTimeSpan     left)
{
  GTimeSpan step = left > 60 * G_USEC_PER_SEC ? 60 * G_USEC_PER_SEC : G_USEC_PER_SEC;
  GTimeSpan wait = left % step;

  if (wait <= 0)
    wait = step;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->tick_id = g_timeout_add ((guint) (wait / 1000) + 20, tick_cb, self);
  g_source_set_name_by_id (self->tick_id, "[learnhub] time left");
}

/* A new sitting, or a new end (more time): the warnings still ahead are
 * given again; one already inside its lead is not sprung on the person. */
static void
arm (LhSittingBar  *self,
     const LhUsage *usage)
{
  gint64 ends_at = g_date_time_to_unix (usage->ends_at);
  GTimeSpan left = until (self, usage->ends_at);

  if (self->usage_id == usage->id && self->ends_at == ends_at)
    return;
  if (self->usage_id == usage->id && self->notifier != NULL)
    lh_notifier_close (self->notifier, NOTIFICATION_KEY);
  self->usage_id = usage->id;
  self->ends_at = ends_at;
  self->time_up = FALSE;
  /* Inside the last 5 minutes, the 1-minute warning is still to come. */
  for (guint i = 0; i < N_WARNINGS; i++)
    self->warned[i] = left <= warning_leads[i] * G_USEC_PER_SEC;
}

static void
update (LhSittingBar *self)
{
  LhUsage *usage = self->client ? lh_client_get_usage (self->client) : NULL;
  g_autofree char *left_text = NULL;
  g_autofree char *end = NULL;
  g_autofree char *text = NULL;
  GTimeSpan left;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (usage == NULL || !lh_client_is_signed_in (self->client))
    {
      if (self->usage_id != 0 && self->notifier != NULL)
        lh_notifier_close (self->notifier, NOTIFICATION_KEY);
      self->usage_id = 0;
      show_message (self, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  arm (self, usage);
  left = until (self, usage->ends_at);
  if (left <= 0)
    {
      gtk_label_set_label (self->time_label, "");
      if (!self->time_up)
        {
          self->time_up = TRUE;
          g_signal_emit (self, signals[SIGNAL_TIME_UP], 0, usage);
        }
      return;
    }

  for (guint i = 0; i < N_WARNINGS; i++)
    if (!self->warned[i] && left <= warning_leads[i] * G_USEC_PER_SEC)
      {
        /* Both at once (a long sleep): only the nearer one. */
        for (guint j = 0; j <= i; j++)
          self->warned[j] = TRUE;
        if (i + 1 == N_WARNINGS || left > warning_leads[i + 1] * G_USEC_PER_SEC)
          warn (self, usage, warning_leads[i]);
      }

  left_text = format_left (left);
  end = lh_format_clock (usage->ends_at);
  /* Translators: the bar at the top while someone sits at a PC:
   * "PC 3 · 42 minutes left · until 15:00" */
  text = g_strdup_printf (_("%s · %s · until %s"), usage->resource_name, left_text, end);
  gtk_label_set_label (self->time_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  if (usage->can_extend_until != NULL)
    {
      g_autofree char *more = lh_format_clock (usage->can_extend_until);
      /* Translators: under "More time"; %s is a time of day, e.g. 15:30 */
      g_autofree char *more_text = g_strdup_printf (_("until %s"), more);
      /* Translators: the More time button as a screen reader says it */
      g_autofree char *accessible = g_strdup_printf (_("More time, until %s"), more);

      gtk_label_set_label (self->more_time_until_label, more_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_time_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
  /* Not taken away under a request in flight. */
  if (self->extending == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->more_time_button), usage->can_extend_until != NULL);

  schedule (self, left);
}

static void
usage_changed_cb (LhSittingBar *self,
                  GParamSpec   *pspec,
                  LhClient     *client)
{
  update (self);
}

/* ---- more time -------------------------------------------------------- */

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The client keeps the sitting and tells the bar; nothing to do. */
  if (!lh_client_get_usage_finish (LH_CLIENT (source), result, &error))
    g_debug ("Could not read the sitting again: %s", error->message);
}

static void
extend_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LhSittingBar *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  ok = lh_client_extend_usage_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_SITTING_BAR (user_data);
  g_clear_object (&self->extending);
  lh_busy_end (self->more_time_button);

  if (ok)
    {
      show_message (self, NULL);
      update (self);
      return;
    }

  /* The daemon says why by its reason (the PC is booked next, the
   * centre closes…), and what is left to give may have changed. */
  message = lh_message_for_error (error);
  g_debug ("More time refused: %s", error->message);
  show_message (self, message);
  update (self);
  if (lh_client_is_signed_in (LH_CLIENT (source)))
    lh_client_get_usage_async (LH_CLIENT (source), NULL, refreshed_cb, NULL);
}

void
lh_sitting_bar_more_time (LhSittingBar *self)
{
  LhUsage *usage;

  g_return_if_fail (LH_IS_SITTING_BAR (self));

  /* One tap, one request. */
  if (self->extending != NULL || self->client == NULL)
    return;
  usage = lh_client_get_usage (self->client);
  if (usage == NULL || usage->can_extend_until == NULL)
    return;
  show_message (self, NULL);
  self->extending = g_cancellable_new ();
  lh_busy_begin (self->more_time_button);
  lh_client_extend_usage_async (self->client, self->extending, extend_cb, self);
}

static void
more_time_clicked_cb (LhSittingBar *self,
                      GtkButton    *button)
{
  lh_sitting_bar_more_time (self);
}

static void
notification_action_cb (LhSittingBar *self,
                        const char   *key,
                        LhNotifier   *notifier)
{
  if (g_strcmp0 (key, NOTIFICATION_KEY) == 0)
    lh_sitting_bar_more_time (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_sitting_bar_dispose (GObject *object)
{
  LhSittingBar *self = LH_SITTING_BAR (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_cancellable_cancel (self->extending);
  g_clear_object (&self->extending);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  if (self->notifier != NULL)
    g_signal_handlers_disconnect_by_data (self->notifier, self);
  g_clear_object (&self->notifier);
  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_SITTING_BAR);

  G_OBJECT_CLASS (lh_sitting_bar_parent_class)->dispose (object);
}

static void
lh_sitting_bar_class_init (LhSittingBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_sitting_bar_dispose;

  /* The sitting's end was reached (by the bar's clock). */
  signals[SIGNAL_TIME_UP] =
    g_signal_new ("time-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  LH_TYPE_USAGE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-sitting-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LhSittingBar, time_label);
  gtk_widget_class_bind_template_child (widget_class, LhSittingBar, message_label);
  gtk_widget_class_bind_template_child (widget_class, LhSittingBar, more_time_button);
  gtk_widget_class_bind_template_child (widget_class, LhSittingBar, more_time_until_label);
  gtk_widget_class_bind_template_callback (widget_class, more_time_clicked_cb);
}

static void
lh_sitting_bar_init (LhSittingBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_sitting_bar_set_client (LhSittingBar *self,
                           LhClient     *client)
{
  g_return_if_fail (LH_IS_SITTING_BAR (self));
  g_return_if_fail (client == NULL || LH_IS_CLIENT (client));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    {
      g_signal_connect_object (client, "notify::usage", G_CALLBACK (usage_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "notify::signed-in", G_CALLBACK (usage_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  update (self);
}

void
lh_sitting_bar_set_notifier (LhSittingBar *self,
                             LhNotifier   *notifier)
{
  g_return_if_fail (LH_IS_SITTING_BAR (self));
  g_return_if_fail (notifier == NULL || LH_IS_NOTIFIER (notifier));

  if (self->notifier != NULL)
    g_signal_handlers_disconnect_by_data (self->notifier, self);
  g_set_object (&self->notifier, notifier);
  if (notifier != NULL)
    g_signal_connect_object (notifier, "action", G_CALLBACK (notification_action_cb),
                             self, G_CONNECT_SWAPPED);
}

const char *
lh_sitting_bar_get_text (LhSittingBar *self)
{
  g_return_val_if_fail (LH_IS_SITTING_BAR (self), NULL);
  return gtk_label_get_label (self->time_label);
}

void
lh_sitting_bar_set_clock_offset (LhSittingBar *self,
                                 GTimeSpan     offset)
{
  g_return_if_fail (LH_IS_SITTING_BAR (self));

  self->clock_offset = offset;
  /* The warnings are judged afresh against the moved clock. */
  self->usage_id = 0;
  update (self);
}
