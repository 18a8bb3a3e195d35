/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-bookings-page"

#include "lh-bookings-page.h"

#include <glib/gi18n.h>

#include "lh-messages.h"
#include "lh-time-format.h"

struct _LhBookingsPage
{
  LhPage         parent_instance;

  GCancellable  *cancel_cancellable;  /* (owned) (nullable) while cancelling */
  GPtrArray     *bookings;            /* (owned) (nullable) (element-type LhBooking) */
  LhBooking     *selected;            /* (owned) (nullable) the one to cancel */

  /* template children (unowned) */
  GtkListBox    *list_box;
};

G_DEFINE_FINAL_TYPE (LhBookingsPage, lh_bookings_page, LH_TYPE_PAGE)

/* Offline, the list stays in view, but nothing can be cancelled from it. */
static void
lh_bookings_page_update_online (LhPage   *page,
                                gboolean  online)
{
  LhBookingsPage *self = LH_BOOKINGS_PAGE (page);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "lh-cancel-button");

      if (button != NULL)
        gtk_widget_set_sensitive (button, online);
    }
}

/* ---- cancelling ------------------------------------------------------- */

static void
row_cancel_clicked_cb (GtkButton      *button,
                       LhBookingsPage *self)
{
  const LhBooking *booking = g_object_get_data (G_OBJECT (button), "lh-booking");
  g_autofree char *facts = NULL;

  if (booking == NULL || self->cancel_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)))
    return;

  g_clear_pointer (&self->selected, lh_booking_free);
  self->selected = lh_booking_copy (booking);
  facts = lh_format_slot_long (booking->resource_name, booking->start, booking->end);
  lh_page_show_confirm (LH_PAGE (self), facts, TRUE);
}

static void
back_to_list (LhBookingsPage *self,
              const char     *toast)
{
  lh_page_set_view (LH_PAGE (self), "list");
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
  lh_page_end_confirm (LH_PAGE (self));

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
      lh_page_show_confirm_error (LH_PAGE (self), message);
    }
}

static void
cancel_clicked_cb (LhBookingsPage *self,
                   GtkButton      *button)
{
  /* One request at a time, however often the button is pressed, and
   * none from a tap that lands after the answer. */
  if (self->cancel_cancellable != NULL || self->selected == NULL ||
      !lh_page_can_confirm (LH_PAGE (self)))
    return;

  self->cancel_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_cancel_booking_async (lh_page_get_client (LH_PAGE (self)), self->selected->id,
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
  gtk_widget_set_sensitive (button, lh_page_is_online (LH_PAGE (self)));
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
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  g_autoptr(GDateTime) now = g_date_time_new_now (lh_client_get_time_zone (client));

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
  lh_page_set_content (LH_PAGE (self),
                       gtk_widget_get_first_child (GTK_WIDGET (self->list_box)) ? "list" : "empty");
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bookings = NULL;

  bookings = lh_client_list_my_bookings_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bookings != NULL)
    show_bookings (LH_BOOKINGS_PAGE (user_data), bookings);
  lh_page_end_load (LH_PAGE (user_data), error);
}

/* ---- changes made elsewhere ------------------------------------------- */

/* Loads the list again; in the confirm view, only once the person is
 * back at the list. */
static void
lh_bookings_page_refresh (LhPage *page)
{
  lh_page_refresh (page, !lh_page_view_is (page, "list"));
}

static void
availability_changed_cb (LhPage     *page,
                         gint64      resource_id,
                         const char *date,
                         LhClient   *client)
{
  /* Events never say whose booking changed: it may be this person's,
   * on another kiosk. */
  lh_page_refresh_if_shown (page);
}

static void
lh_bookings_page_connect_client (LhPage   *page,
                                 LhClient *client)
{
  g_signal_connect_object (client, "availability-changed",
                           G_CALLBACK (availability_changed_cb), page, G_CONNECT_SWAPPED);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_bookings_page_dispose (GObject *object)
{
  lh_bookings_page_reset (LH_BOOKINGS_PAGE (object));

  G_OBJECT_CLASS (lh_bookings_page_parent_class)->dispose (object);
}

static void
lh_bookings_page_load_page (LhPage *page)
{
  lh_bookings_page_load (LH_BOOKINGS_PAGE (page));
}

static void
lh_bookings_page_class_init (LhBookingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_bookings_page_dispose;
  page_class->connect_client = lh_bookings_page_connect_client;
  page_class->update_online = lh_bookings_page_update_online;
  page_class->load = lh_bookings_page_load_page;
  page_class->refresh = lh_bookings_page_refresh;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-bookings-page.ui", FALSE);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_clicked_cb);
}

static void
lh_bookings_page_init (LhBookingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_bookings_page_load (LhBookingsPage *self)
{
  LhPage *page = LH_PAGE (self);
  GCancellable *cancellable;

  g_return_if_fail (LH_IS_BOOKINGS_PAGE (self));

  if (lh_page_get_client (page) == NULL || self->cancel_cancellable != NULL)
    return;

  lh_page_set_view (page, "list");
  /* A reload keeps the old list in view until the new one comes. */
  cancellable = lh_page_begin_load (page, lh_page_content_is (page, "list"));
  lh_client_list_my_bookings_async (lh_page_get_client (page), cancellable, list_cb, self);
}

void
lh_bookings_page_reset (LhBookingsPage *self)
{
  g_return_if_fail (LH_IS_BOOKINGS_PAGE (self));

  g_cancellable_cancel (self->cancel_cancellable);
  g_clear_object (&self->cancel_cancellable);
  if (self->list_box != NULL)
    clear_list (self);
  g_clear_pointer (&self->bookings, g_ptr_array_unref);
  g_clear_pointer (&self->selected, lh_booking_free);
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_bookings_page_go_back (LhBookingsPage *self)
{
  g_return_val_if_fail (LH_IS_BOOKINGS_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    return FALSE;
  /* A cancellation in flight happens anyway: wait for its answer. */
  if (self->cancel_cancellable != NULL)
    return TRUE;
  g_clear_pointer (&self->selected, lh_booking_free);
  lh_page_set_view (LH_PAGE (self), "list");
  /* Changed elsewhere while the person was deciding. */
  if (lh_page_is_stale (LH_PAGE (self)))
    lh_bookings_page_load (self);
  return TRUE;
}
