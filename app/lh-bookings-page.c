/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-bookings-page"

#include "lh-bookings-page.h"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-messages.h"
#include "lh-time-format.h"

#define LOADING_DELAY_MS 150

struct _LhBookingsPage
{
  AdwBin         parent_instance;

  LhClient      *client;              /* (owned) (nullable) */
  GCancellable  *load_cancellable;    /* (owned) (nullable) while loading */
  GCancellable  *cancel_cancellable;  /* (owned) (nullable) while cancelling */
  guint          loading_id;          /* shows the spinner if loading is slow */
  GPtrArray     *bookings;            /* (owned) (nullable) (element-type LhBooking) */
  LhBooking     *selected;            /* (owned) (nullable) the one to cancel */
  gboolean       reload_again;        /* bookings changed while the list loaded */
  gboolean       stale;               /* changed during the confirm view */

  /* template children (unowned) */
  GtkStack      *view_stack;
  GtkStack      *content_stack;
  GtkSpinner    *loading_spinner;
  GtkListBox    *list_box;
  GtkWidget     *offline_note;
  AdwStatusPage *load_error_page;
  GtkLabel      *confirm_facts_label;
  GtkWidget     *confirm_error_box;
  GtkLabel      *confirm_error_label;
  GtkWidget     *keep_button;
  GtkButton     *cancel_button;
  GtkWidget     *confirm_offline_note;
};

G_DEFINE_FINAL_TYPE (LhBookingsPage, lh_bookings_page, ADW_TYPE_BIN)

static void
show_confirm_error (LhBookingsPage *self,
                    const char     *message)
{
  gtk_label_set_label (self->confirm_error_label, message ? message : "");
  gtk_widget_set_visible (self->confirm_error_box, message != NULL);
}

static gboolean
is_online (LhBookingsPage *self)
{
  return self->client == NULL || lh_client_get_online (self->client);
}

/* Offline, the list stays in view, but nothing can be cancelled from it. */
static void
update_online (LhBookingsPage *self)
{
  gboolean online = is_online (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "lh-cancel-button");

      if (button != NULL)
        gtk_widget_set_sensitive (button, online);
    }
  gtk_widget_set_visible (self->offline_note, !online);
  gtk_widget_set_visible (self->confirm_offline_note, !online);
  if (!lh_busy_is_busy (self->cancel_button))
    gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), online);
}

static void
stop_loading_timer (LhBookingsPage *self)
{
  g_clear_handle_id (&self->loading_id, g_source_remove);
  if (self->loading_spinner != NULL)
    gtk_spinner_stop (self->loading_spinner);
}

/* ---- cancelling ------------------------------------------------------- */

static void
row_cancel_clicked_cb (GtkButton      *button,
                       LhBookingsPage *self)
{
  const LhBooking *booking = g_object_get_data (G_OBJECT (button), "lh-booking");
  g_autofree char *facts = NULL;

  if (booking == NULL || self->cancel_cancellable != NULL || !is_online (self))
    return;

  g_clear_pointer (&self->selected, lh_booking_free);
  self->selected = lh_booking_copy (booking);
  facts = lh_format_slot_long (booking->resource_name, booking->start, booking->end);
  gtk_label_set_label (self->confirm_facts_label, facts);
  show_confirm_error (self, NULL);
  gtk_stack_set_visible_child_name (self->view_stack, "confirm");
  gtk_widget_grab_focus (self->keep_button);
}

static void
back_to_list (LhBookingsPage *self,
              const char     *toast)
{
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  if (toast != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", toast);
  lh_bookings_page_load (self);
}

static void
cancel_booking_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LhBookingsPage *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!lh_client_cancel_booking_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_BOOKINGS_PAGE (user_data);
  g_clear_object (&self->cancel_cancellable);
  lh_busy_end (self->cancel_button);
  gtk_widget_set_sensitive (self->keep_button, TRUE);
  update_online (self);

  g_clear_pointer (&self->selected, lh_booking_free);
  if (error == NULL)
    {
      back_to_list (self, _("Your booking is cancelled."));
      return;
    }

  g_debug ("Cancelling failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND))
    back_to_list (self, _("This booking was already cancelled."));
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT))
    back_to_list (self, _("This booking has already ended."));
  else
    {
      message = lh_message_for_error (error);
      show_confirm_error (self, message);
    }
}

static void
cancel_clicked_cb (LhBookingsPage *self,
                   GtkButton      *button)
{
  /* One request at a time, however often the button is pressed, and
   * none from a tap that lands after the answer. */
  if (self->cancel_cancellable != NULL || self->selected == NULL || self->client == NULL ||
      !is_online (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "confirm") != 0)
    return;

  show_confirm_error (self, NULL);
  self->cancel_cancellable = g_cancellable_new ();
  lh_busy_begin (self->cancel_button);
  gtk_widget_set_sensitive (self->keep_button, FALSE);
  lh_client_cancel_booking_async (self->client, self->selected->id,
                                  self->cancel_cancellable, cancel_booking_cb, self);
}

static void
keep_clicked_cb (LhBookingsPage *self,
                 GtkButton      *button)
{
  lh_bookings_page_go_back (self);
}

/* ---- the list --------------------------------------------------------- */

static GtkWidget *
booking_row_new (LhBookingsPage  *self,
                 const LhBooking *booking,
                 GDateTime       *now)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_label (_("Cancel"));
  g_autofree char *title = lh_format_booking_short (booking);
  g_autofree char *duration = lh_format_duration (lh_minutes_between (booking->start, booking->end));
  g_autofree char *day_name = lh_format_day_name (booking->start, now);
  g_autofree char *subtitle = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  /* "Today" and "Tomorrow" help; a weekday is in the title already. */
  if (lh_same_day (booking->start, now) || lh_same_day (booking->start, tomorrow))
    /* Translators: "Today · 1 hour" */
    subtitle = g_strdup_printf (_("%s · %s"), day_name, duration);
  else
    subtitle = g_strdup (duration);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (row, "lh-booking-row");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "lh-row-button");
  /* Translators: what a screen reader says, "Cancel PC 4 · Tue 24 Nov · 10:00–11:00" */
  accessible = g_strdup_printf (_("Cancel %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data (G_OBJECT (button), "lh-booking", (gpointer) booking);
  g_signal_connect (button, "clicked", G_CALLBACK (row_cancel_clicked_cb), self);
  gtk_widget_set_sensitive (button, is_online (self));
  g_object_set_data (G_OBJECT (row), "lh-cancel-button", button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
clear_list (LhBookingsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

static void
show_bookings (LhBookingsPage *self,
               GPtrArray      *bookings)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (lh_client_get_time_zone (self->client));

  /* The rows point into the old list: drop them first. */
  clear_list (self);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  self->bookings = g_ptr_array_ref (bookings);

  for (guint i = 0; i < bookings->len; i++)
    {
      LhBooking *booking = g_ptr_array_index (bookings, i);

      if (g_strcmp0 (booking->status, "cancelled") == 0)
        continue;
      gtk_list_box_append (self->list_box, booking_row_new (self, booking, now));
    }
  gtk_stack_set_visible_child_name (self->content_stack,
                                    gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) ? "list" : "empty");
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LhBookingsPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = NULL;
  g_autofree char *message = NULL;

  bookings = lh_client_list_my_bookings_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_BOOKINGS_PAGE (user_data);
  g_clear_object (&self->load_cancellable);
  stop_loading_timer (self);

  if (bookings != NULL)
    show_bookings (self, bookings);
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  else if (!self->reload_again)
    {
      g_debug ("Loading bookings failed: %s", error->message);
      message = lh_message_for_error (error);
      adw_status_page_set_description (self->load_error_page, message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }

  /* They changed again while the list loaded: what came is already old. */
  if (self->reload_again)
    lh_bookings_page_load (self);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  LhBookingsPage *self = user_data;

  self->loading_id = 0;
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");
  return G_SOURCE_REMOVE;
}

static void
retry_clicked_cb (LhBookingsPage *self,
                  GtkButton      *button)
{
  lh_bookings_page_load (self);
}

/* ---- changes made elsewhere ------------------------------------------- */

/* Loads the list again, without a second request while one is on its
 * way; in the confirm view, only once the person is back at the list. */
static void
refresh (LhBookingsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") != 0)
    self->stale = TRUE;
  else if (self->load_cancellable != NULL)
    self->reload_again = TRUE;
  else
    lh_bookings_page_load (self);
}

static void
availability_changed_cb (LhBookingsPage *self,
                         gint64          resource_id,
                         const char     *date,
                         LhClient       *client)
{
  /* Events never say whose booking changed: it may be this person's,
   * on another kiosk. Not on screen: the page loads when it is opened. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && lh_client_is_signed_in (client))
    refresh (self);
}

static void
online_changed_cb (LhBookingsPage *self,
                   GParamSpec     *pspec,
                   LhClient       *client)
{
  update_online (self);
  if (is_online (self) && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      lh_client_is_signed_in (client))
    refresh (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_bookings_page_dispose (GObject *object)
{
  LhBookingsPage *self = LH_BOOKINGS_PAGE (object);

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  lh_bookings_page_reset (self);
  /* view_stack is both a bound template child and the bin's child: let
   * the bin drop it first, or dispose_template unparents it behind the
   * bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_BOOKINGS_PAGE);

  G_OBJECT_CLASS (lh_bookings_page_parent_class)->dispose (object);
}

static void
lh_bookings_page_finalize (GObject *object)
{
  LhBookingsPage *self = LH_BOOKINGS_PAGE (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (lh_bookings_page_parent_class)->finalize (object);
}

static void
lh_bookings_page_class_init (LhBookingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_bookings_page_dispose;
  object_class->finalize = lh_bookings_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-bookings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, offline_note);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, load_error_page);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, confirm_facts_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, confirm_error_box);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, confirm_error_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, keep_button);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, confirm_offline_note);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

static void
lh_bookings_page_init (LhBookingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_bookings_page_set_client (LhBookingsPage *self,
                             LhClient       *client)
{
  g_return_if_fail (LH_IS_BOOKINGS_PAGE (self));
  g_return_if_fail (client == NULL || LH_IS_CLIENT (client));

  if (self->client == client)
    return;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    {
      g_signal_connect_object (client, "availability-changed",
                               G_CALLBACK (availability_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "notify::online",
                               G_CALLBACK (online_changed_cb), self, G_CONNECT_SWAPPED);
    }
  update_online (self);
}

void
lh_bookings_page_load (LhBookingsPage *self)
{
  g_return_if_fail (LH_IS_BOOKINGS_PAGE (self));

  if (self->client == NULL || self->cancel_cancellable != NULL)
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  stop_loading_timer (self);
  self->reload_again = FALSE;
  self->stale = FALSE;

  gtk_stack_set_visible_child_name (self->view_stack, "list");
  /* A reload keeps the old list in view until the new one comes. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "list") != 0)
    self->loading_id = g_timeout_add (LOADING_DELAY_MS, show_loading_cb, self);

  self->load_cancellable = g_cancellable_new ();
  lh_client_list_my_bookings_async (self->client, self->load_cancellable, list_cb, self);
}

void
lh_bookings_page_reset (LhBookingsPage *self)
{
  g_return_if_fail (LH_IS_BOOKINGS_PAGE (self));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->cancel_cancellable);
  g_clear_object (&self->cancel_cancellable);
  stop_loading_timer (self);

  if (self->list_box != NULL)
    {
      lh_busy_end (self->cancel_button);
      gtk_widget_set_sensitive (self->keep_button, TRUE);
      clear_list (self);
      show_confirm_error (self, NULL);
      gtk_label_set_label (self->confirm_facts_label, "");
      gtk_stack_set_visible_child_name (self->content_stack, "loading");
      gtk_stack_set_visible_child_name (self->view_stack, "list");
      update_online (self);
    }
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  g_clear_pointer (&self->selected, lh_booking_free);
  self->reload_again = FALSE;
  self->stale = FALSE;
}

gboolean
lh_bookings_page_go_back (LhBookingsPage *self)
{
  g_return_val_if_fail (LH_IS_BOOKINGS_PAGE (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "confirm") != 0)
    return FALSE;
  /* A cancellation in flight happens anyway: wait for its answer. */
  if (self->cancel_cancellable != NULL)
    return TRUE;
  g_clear_pointer (&self->selected, lh_booking_free);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  /* Changed elsewhere while the person was deciding. */
  if (self->stale)
    lh_bookings_page_load (self);
  return TRUE;
}

const char *
lh_bookings_page_get_view (LhBookingsPage *self)
{
  g_return_val_if_fail (LH_IS_BOOKINGS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}
