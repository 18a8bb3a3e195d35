/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-display-window"

#include "lh-display-window.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-client-desk.h"
#include "lh-desk-words.h"
#include "lh-style.h"
#include "lh-time-format.h"

#define LOADING_DELAY_MS 150

struct _LhDisplayWindow
{
  AdwApplicationWindow parent_instance;

  LhClient     *client;        /* (owned) */
  GCancellable *cancellable;   /* (owned) (nullable) while loading */
  gboolean      reload_again;  /* changed while it loaded */
  gboolean      shown_once;    /* something is on screen to keep when offline */
  guint         loading_id;
  guint         updates;
  gboolean      high_contrast;

  /* template children (unowned) */
  GtkRevealer  *offline_revealer;
  GtkStack     *content_stack;
  GtkSpinner   *loading_spinner;
  GtkBox       *queues_box;
};

G_DEFINE_FINAL_TYPE (LhDisplayWindow, lh_display_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_HIGH_CONTRAST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load (LhDisplayWindow *self);

/* ---- one drop-in's queue ---------------------------------------------- */

/* "7 → Desk 1", read out as a sentence. */
static GtkWidget *
serving_row (const LhServing *serving)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 32);
  g_autofree char *ticket = g_strdup_printf ("%d", serving->ticket);
  g_autofree char *spoken = NULL;
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  const char *desk = serving->desk ? serving->desk : _("the desk");

  gtk_widget_add_css_class (row, "lh-queue-serving-row");
  gtk_box_append (GTK_BOX (row), lh_card_label_new (ticket, "lh-queue-ticket"));
  gtk_image_set_pixel_size (GTK_IMAGE (arrow), 72);
  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_box_append (GTK_BOX (row), arrow);
  gtk_box_append (GTK_BOX (row), lh_card_label_new (desk, "lh-queue-desk"));
  /* "Desk 1" on one line, whatever the width. */
  gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (row)), FALSE);
  gtk_widget_set_halign (row, GTK_ALIGN_START);
  /* Translators: read out on the queue display, "Ticket 7, please go to Desk 1" */
  spoken = g_strdup_printf (_("Ticket %d, please go to %s"), serving->ticket, desk);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

static GtkWidget *
queue_card (LhDisplayWindow *self,
            const LhQueue   *queue,
            GDateTime       *now)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 48);
  GtkWidget *serving = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *waiting = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autofree char *from = lh_format_clock (queue->start);
  g_autofree char *to = lh_format_clock (queue->end);
  g_autofree char *title = NULL;
  g_autofree char *tickets = NULL;
  g_autofree char *wait = NULL;
  g_autofree char *wait_line = NULL;
  gboolean started = g_date_time_compare (now, queue->start) >= 0;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-queue-card");
  gtk_widget_set_hexpand (serving, TRUE);
  gtk_widget_set_size_request (waiting, 320, -1);

  /* Translators: the drop-in's place and hours, "Learning centre, 12:00 to 14:00" */
  title = g_strdup_printf (_("%s, %s to %s"), queue->place, from, to);
  gtk_box_append (GTK_BOX (serving), lh_card_label_new (title, "lh-queue-place"));

  if (!queue->open)
    {
      gtk_box_append (GTK_BOX (serving), lh_card_label_new (_("This drop-in has finished for today."), "lh-queue-none"));
      gtk_box_append (GTK_BOX (card), serving);
      return card;
    }
  if (!started)
    {
      g_autofree char *opens = g_strdup_printf (_("Opens at %s"), from);

      gtk_box_append (GTK_BOX (serving), lh_card_label_new (opens, "lh-queue-none"));
    }

  gtk_box_append (GTK_BOX (serving), lh_card_label_new (_("Now seeing"), "lh-queue-col-title"));
  if (queue->serving->len == 0)
    gtk_box_append (GTK_BOX (serving), lh_card_label_new (_("Nobody just now"), "lh-queue-none"));
  for (guint i = 0; i < queue->serving->len; i++)
    gtk_box_append (GTK_BOX (serving), serving_row (g_ptr_array_index (queue->serving, i)));

  gtk_box_append (GTK_BOX (waiting), lh_card_label_new (_("Waiting"), "lh-queue-col-title"));
  tickets = lh_desk_format_tickets (queue->waiting);
  gtk_box_append (GTK_BOX (waiting), lh_card_label_new (tickets, queue->waiting->len > 0 ? "lh-queue-waiting" : "lh-queue-none"));
  if (queue->waiting->len > 0)
    {
      wait = lh_desk_format_wait (queue->wait_minutes);
      /* Translators: under the waiting numbers, "Wait: About 30 minutes" */
      wait_line = g_strdup_printf (_("Wait: %s"), wait);
      gtk_box_append (GTK_BOX (waiting), lh_card_label_new (wait_line, "lh-queue-wait"));
    }

  gtk_box_append (GTK_BOX (card), serving);
  gtk_box_append (GTK_BOX (card), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (card), waiting);
  return card;
}

static void
show_queues (LhDisplayWindow *self,
             GPtrArray       *queues)
{
  g_autoptr(GDateTime) now = lh_client_now (self->client);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->queues_box))) != NULL)
    gtk_box_remove (self->queues_box, child);
  for (guint i = 0; i < queues->len; i++)
    gtk_box_append (self->queues_box, queue_card (self, g_ptr_array_index (queues, i), now));
  gtk_stack_set_visible_child_name (self->content_stack, queues->len > 0 ? "queues" : "none");
  self->shown_once = TRUE;
  self->updates++;
}

/* ---- loading ---------------------------------------------------------- */

static void
stop_loading_timer (LhDisplayWindow *self)
{
  g_clear_handle_id (&self->loading_id, g_source_remove);
  gtk_spinner_stop (self->loading_spinner);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  LhDisplayWindow *self = user_data;

  self->loading_id = 0;
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  return G_SOURCE_REMOVE;
}

static void
queues_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LhDisplayWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queues = NULL;

  queues = lh_client_get_queues_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_DISPLAY_WINDOW (user_data);
  g_clear_object (&self->cancellable);
  stop_loading_timer (self);
  if (queues != NULL)
    show_queues (self, queues);
  else
    {
      g_debug ("Loading the queues failed: %s", error->message);
      /* What was last known stays, under the offline banner. */
      if (!self->shown_once)
        gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  if (self->reload_again)
    load (self);
}

static void
load (LhDisplayWindow *self)
{
  if (self->cancellable != NULL)
    {
      self->reload_again = TRUE;
      return;
    }
  self->reload_again = FALSE;
  self->cancellable = g_cancellable_new ();
  if (!self->shown_once && self->loading_id == 0)
    self->loading_id = g_timeout_add (LOADING_DELAY_MS, show_loading_cb, self);
  lh_client_get_queues_async (self->client, self->cancellable, queues_cb, self);
}

static void
queue_changed_cb (LhDisplayWindow *self,
                  const char      *type,
                  JsonNode        *data,
                  LhClient        *client)
{
  load (self);
}

static void
online_changed_cb (LhDisplayWindow *self,
                   GParamSpec      *pspec,
                   LhClient        *client)
{
  gboolean online = lh_client_get_online (client);

  gtk_revealer_set_reveal_child (self->offline_revealer, !online);
  /* Back in contact: tickets were called meanwhile. */
  if (online)
    load (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_display_window_constructed (GObject *object)
{
  LhDisplayWindow *self = LH_DISPLAY_WINDOW (object);

  G_OBJECT_CLASS (lh_display_window_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  g_signal_connect_object (self->client, "event::queue-changed",
                           G_CALLBACK (queue_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->client, "notify::online",
                           G_CALLBACK (online_changed_cb), self, G_CONNECT_SWAPPED);
  lh_client_connect_events (self->client);
  gtk_revealer_set_reveal_child (self->offline_revealer, !lh_client_get_online (self->client));
  load (self);
}

static void
lh_display_window_dispose (GObject *object)
{
  LhDisplayWindow *self = LH_DISPLAY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->loading_id, g_source_remove);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_DISPLAY_WINDOW);

  G_OBJECT_CLASS (lh_display_window_parent_class)->dispose (object);
}

static void
lh_display_window_finalize (GObject *object)
{
  LhDisplayWindow *self = LH_DISPLAY_WINDOW (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (lh_display_window_parent_class)->finalize (object);
}

static void
lh_display_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LhDisplayWindow *self = LH_DISPLAY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, self->high_contrast);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_display_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LhDisplayWindow *self = LH_DISPLAY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_HIGH_CONTRAST:
      if (self->high_contrast != g_value_get_boolean (value))
        {
          self->high_contrast = g_value_get_boolean (value);
          if (self->high_contrast)
            gtk_widget_add_css_class (GTK_WIDGET (self), "high-contrast");
          else
            gtk_widget_remove_css_class (GTK_WIDGET (self), "high-contrast");
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_display_window_class_init (LhDisplayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lh_display_window_constructed;
  object_class->dispose = lh_display_window_dispose;
  object_class->finalize = lh_display_window_finalize;
  object_class->get_property = lh_display_window_get_property;
  object_class->set_property = lh_display_window_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, LH_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH_CONTRAST] =
    g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-display-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LhDisplayWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, LhDisplayWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LhDisplayWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LhDisplayWindow, queues_box);
}

static void
lh_display_window_init (LhDisplayWindow *self)
{
  lh_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

LhDisplayWindow *
lh_display_window_new (GtkApplication *application,
                       LhClient       *client)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LH_IS_CLIENT (client), NULL);

  return g_object_new (LH_TYPE_DISPLAY_WINDOW, "application", application, "client", client, NULL);
}

LhClient *
lh_display_window_get_client (LhDisplayWindow *self)
{
  g_return_val_if_fail (LH_IS_DISPLAY_WINDOW (self), NULL);
  return self->client;
}

guint
lh_display_window_get_updates (LhDisplayWindow *self)
{
  g_return_val_if_fail (LH_IS_DISPLAY_WINDOW (self), 0);
  return self->updates;
}
