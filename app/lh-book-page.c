/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-book-page"

#include "lh-book-page-private.h"
#include "lh-may.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lh-slot-widgets.h"
#include "lh-time-format.h"

#define N_SOONEST 4

G_DEFINE_FINAL_TYPE (LhBookPage, lh_book_page, LH_TYPE_PAGE)

static void load_day (LhBookPage *self);

/* Offline, what was last known stays in view, but nothing can be booked
 * from it: the daemon could not say yes, and the slots may be stale. */
static void
lh_book_page_update_online (LhPage   *page,
                            gboolean  online)
{
  LhBookPage *self = LH_BOOK_PAGE (page);

  gtk_widget_set_sensitive (GTK_WIDGET (self->soonest_box), online);
  gtk_widget_set_sensitive (GTK_WIDGET (self->resources_box), online);
  lh_week_view_set_bookable (self->week_view, online);
}

/* ---- picking a slot -------------------------------------------------- */

static void
slot_clicked_cb (GtkButton  *button,
                 LhBookPage *self)
{
  lh_book_page_confirm_slot (self, g_object_get_data (G_OBJECT (button), "lh-slot"));
}

/* own: the person's bookings that day, for a refusal to explain itself. */
static void
week_slot_activated_cb (LhBookPage   *self,
                        const LhSlot *slot,
                        GPtrArray    *own,
                        LhWeekView   *week_view)
{
  if (self->book_cancellable != NULL || !lh_page_view_is (LH_PAGE (self), "day"))
    return;
  g_clear_pointer (&self->own, g_ptr_array_unref);
  self->own = own != NULL ? g_ptr_array_ref (own) : NULL;
  lh_book_page_confirm_slot (self, slot);
}

void
lh_book_page_back_to_day (LhBookPage *self,
                          const char *message)
{
  lh_page_show_message (LH_PAGE (self), message);
  lh_page_set_view (LH_PAGE (self), "day");
  if (self->week_mode)
    lh_week_view_reload (self->week_view);
  else
    load_day (self);
}

/* ---- the day's slots -------------------------------------------------- */

/* The shortest booking, from sign-in's limits. */
static int
slot_minutes (LhBookPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  LhPerson *person = client != NULL ? lh_client_get_person (client) : NULL;

  return person != NULL ? person->limits.slot_minutes : 0;
}

static gboolean
may_book_rooms (LhBookPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  LhPerson *person = client != NULL ? lh_client_get_person (client) : NULL;

  return lh_may (person, LH_WAY_BOOK_ROOMS);
}

static void
append_rooms (LhBookPage     *self,
              LhAvailability *availability,
              GPtrArray      *own)
{
  gboolean titled = FALSE;

  g_clear_pointer (&self->room_slots, g_ptr_array_unref);
  self->room_slots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  if (!may_book_rooms (self))
    return;
  for (guint i = 0; i < availability->resources->len; i++)
    {
      LhResourceDay *resource = g_ptr_array_index (availability->resources, i);
      GPtrArray *resource_slots;

      if (g_strcmp0 (resource->kind, "room") != 0)
        continue;
      if (!titled)
        {
          /* Only those the daemon lets book rooms see them at all. */
          GtkWidget *title = gtk_label_new (_("Rooms"));

          gtk_label_set_xalign (GTK_LABEL (title), 0);
          gtk_widget_set_margin_top (title, 16);
          gtk_widget_add_css_class (title, "lh-section-title");
          gtk_box_append (self->resources_box, title);
          titled = TRUE;
        }
      resource_slots = lh_slots_for_resource (resource, availability->now, slot_minutes (self),
                                              availability->max_minutes, own);
      /* The row points into the slots: keep them as long as the page. */
      g_ptr_array_add (self->room_slots, resource_slots);
      gtk_box_append (self->resources_box,
                      lh_resource_row_new (resource, resource_slots, availability->now,
                                           G_CALLBACK (slot_clicked_cb), self));
    }
}

static void
show_availability (LhBookPage     *self,
                   LhAvailability *availability)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) soonest = NULL;
  g_autoptr(GPtrArray) own = lh_slots_own (availability);
  g_autofree char *day_name = NULL;
  g_autofree char *day_long = NULL;
  g_autofree char *title = NULL;
  gboolean open = FALSE;
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->slots_scroller);
  /* The same day shown again (a change elsewhere): stay where the person
   * was reading. */
  gboolean same_day = g_strcmp0 (availability->date, self->loaded_date) == 0;
  double scrolled = gtk_adjustment_get_value (vadjustment);

  /* The buttons point into the old slots: drop them first. */
  lh_remove_children (GTK_WIDGET (self->soonest_box));
  lh_remove_children (GTK_WIDGET (self->resources_box));

  for (guint i = 0; i < availability->resources->len; i++)
    {
      LhResourceDay *resource = g_ptr_array_index (availability->resources, i);
      GPtrArray *resource_slots;

      if (g_strcmp0 (resource->kind, "pc") != 0)
        continue;
      open |= resource->open->len > 0;
      resource_slots = lh_slots_for_resource (resource, availability->now, slot_minutes (self),
                                              availability->max_minutes, own);
      g_ptr_array_add (slots, resource_slots);
      gtk_box_append (self->resources_box,
                      lh_resource_row_new (resource, resource_slots, availability->now,
                                           G_CALLBACK (slot_clicked_cb), self));
    }

  /* Then the rooms, for learning reps and admins (may.book_rooms): never among
   * the soonest free, which are computers. */
  append_rooms (self, availability, own);

  soonest = lh_slots_soonest_free (slots, N_SOONEST);
  for (guint i = 0; i < soonest->len; i++)
    {
      GtkWidget *button = lh_slot_button_new (g_ptr_array_index (soonest, i), TRUE);

      g_signal_connect (button, "clicked", G_CALLBACK (slot_clicked_cb), self);
      lh_flow_box_append (self->soonest_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->soonest_box), soonest->len > 0);
  gtk_widget_set_visible (self->nothing_free_box, soonest->len == 0);
  gtk_label_set_label (self->nothing_free_label, open ? _("Nothing is free on this day.")
                                                      : _("The centre is closed on this day."));
  gtk_widget_set_visible (self->next_day_button, self->day_index + 1 < N_DAYS);

  day_name = lh_format_day_name (self->days[self->day_index], availability->now);
  day_long = lh_format_day_long (self->days[self->day_index]);
  /* Translators: "Today: Tuesday 24 November" */
  title = self->day_index >= 2 ? g_strdup (day_long)
                                : g_strdup_printf (_("%s: %s"), day_name, day_long);
  gtk_label_set_label (self->day_title_label, title);

  g_clear_pointer (&self->slots, g_ptr_array_unref);
  self->slots = g_steal_pointer (&slots);
  g_clear_pointer (&self->own, g_ptr_array_unref);
  self->own = g_steal_pointer (&own);
  g_free (self->loaded_date);
  self->loaded_date = g_strdup (availability->date);
  lh_page_set_content (LH_PAGE (self), "slots");
  /* The new rows are not allocated yet, so the old bounds still hold. */
  if (same_day)
    gtk_adjustment_set_value (vadjustment, scrolled);
}

static void
availability_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LhBookPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAvailability) availability = NULL;

  availability = lh_client_get_availability_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_BOOK_PAGE (user_data);
  if (availability != NULL)
    show_availability (self, availability);
  if (lh_page_end_load (LH_PAGE (self), error))
    g_clear_pointer (&self->loaded_date, g_free);
}

static void
load_day (LhBookPage *self)
{
  LhPage *page = LH_PAGE (self);
  g_autofree char *date = NULL;
  GCancellable *cancellable;

  if (lh_page_get_client (page) == NULL || self->days[self->day_index] == NULL)
    return;

  date = g_date_time_format (self->days[self->day_index], "%Y-%m-%d");
  /* Reloading the same day keeps the old slots in view until the new come. */
  cancellable = lh_page_begin_load (page, g_strcmp0 (date, self->loaded_date) == 0 &&
                                          lh_page_content_is (page, "slots"));
  lh_client_get_availability_async (lh_page_get_client (page), date, cancellable,
                                    availability_cb, self);
}

/* Shows the day again, without a spinner; the confirm view stays as it
 * is, going back to the day loads it. */
static void
lh_book_page_refresh (LhPage *page)
{
  LhBookPage *self = LH_BOOK_PAGE (page);

  if (!lh_page_view_is (page, "day"))
    return;
  if (self->week_mode)
    lh_week_view_reload (self->week_view);
  else if (self->days[self->day_index] != NULL)
    lh_page_refresh (page, FALSE);
}

static void
availability_changed_cb (LhBookPage *self,
                         gint64      resource_id,
                         const char *date,
                         LhClient   *client)
{
  g_autofree char *shown = NULL;

  /* Not on screen: the page loads afresh when it is opened. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  if (self->week_mode)
    {
      /* The confirm view stays as it is; going back loads the week. */
      if (lh_page_view_is (LH_PAGE (self), "day"))
        lh_week_view_date_changed (self->week_view, date);
      return;
    }
  if (self->days[self->day_index] == NULL)
    return;
  shown = g_date_time_format (self->days[self->day_index], "%Y-%m-%d");
  if (g_strcmp0 (shown, date) != 0)
    return;
  g_debug ("%s changed elsewhere", date);
  lh_book_page_refresh (LH_PAGE (self));
}

static void
lh_book_page_connect_client (LhPage   *page,
                             LhClient *client)
{
  g_signal_connect_object (client, "availability-changed",
                           G_CALLBACK (availability_changed_cb), page, G_CONNECT_SWAPPED);
  lh_week_view_set_client (LH_BOOK_PAGE (page)->week_view, client);
}

static void
day_toggled_cb (GtkToggleButton *button,
                LhBookPage      *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  lh_page_show_message (LH_PAGE (self), NULL);
  self->week_mode = GTK_WIDGET (button) == self->week_button;
  gtk_stack_set_visible_child_name (self->mode_stack, self->week_mode ? "week" : "one-day");
  if (self->week_mode)
    {
      lh_week_view_show_week (self->week_view, 0);
      return;
    }
  self->day_index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lh-day"));
  load_day (self);
}

static void
next_day_clicked_cb (LhBookPage *self,
                     GtkButton  *button)
{
  if (self->day_index + 1 < N_DAYS && self->day_buttons[self->day_index + 1] != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[self->day_index + 1]), TRUE);
}

static void
build_day_strip (LhBookPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  g_autoptr(GDateTime) now = lh_client_now (client);

  lh_remove_children (GTK_WIDGET (self->day_strip));
  for (guint i = 0; i < N_DAYS; i++)
    {
      GtkWidget *button;

      g_clear_pointer (&self->days[i], g_date_time_unref);
      self->days[i] = lh_day_start (now, (int) i);

      button = lh_day_button_new (self->days[i], now);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->day_buttons[0]));
      g_object_set_data (G_OBJECT (button), "lh-day", GUINT_TO_POINTER (i));
      g_signal_connect (button, "toggled", G_CALLBACK (day_toggled_cb), self);
      lh_flow_box_append (self->day_strip, button);
      self->day_buttons[i] = button;
    }

  self->week_button = lh_week_button_new ();
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->week_button),
                               GTK_TOGGLE_BUTTON (self->day_buttons[0]));
  g_signal_connect (self->week_button, "toggled", G_CALLBACK (day_toggled_cb), self);
  lh_flow_box_append (self->day_strip, self->week_button);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_book_page_dispose (GObject *object)
{
  lh_book_page_reset (LH_BOOK_PAGE (object));

  G_OBJECT_CLASS (lh_book_page_parent_class)->dispose (object);
}

static void
lh_book_page_finalize (GObject *object)
{
  LhBookPage *self = LH_BOOK_PAGE (object);

  for (guint i = 0; i < N_DAYS; i++)
    g_clear_pointer (&self->days[i], g_date_time_unref);

  G_OBJECT_CLASS (lh_book_page_parent_class)->finalize (object);
}

static void
lh_book_page_load (LhPage *page)
{
  load_day (LH_BOOK_PAGE (page));
}

static void
lh_book_page_class_init (LhBookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  g_type_ensure (LH_TYPE_WEEK_VIEW);
  object_class->dispose = lh_book_page_dispose;
  object_class->finalize = lh_book_page_finalize;
  page_class->connect_client = lh_book_page_connect_client;
  page_class->update_online = lh_book_page_update_online;
  page_class->load = lh_book_page_load;
  page_class->refresh = lh_book_page_refresh;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-book-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, day_strip);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, slots_scroller);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, week_view);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, day_title_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, soonest_box);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, nothing_free_box);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, nothing_free_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, next_day_button);
  gtk_widget_class_bind_template_child (widget_class, LhBookPage, resources_box);
  lh_book_page_class_init_confirm (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, next_day_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, week_slot_activated_cb);
}

static void
lh_book_page_init (LhBookPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_book_page_start (LhBookPage *self)
{
  g_return_if_fail (LH_IS_BOOK_PAGE (self));

  if (lh_page_get_client (LH_PAGE (self)) == NULL || self->book_cancellable != NULL)
    return;

  lh_book_page_reset (self);
  build_day_strip (self);
  /* Toggling the first day loads it. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->day_buttons[0]), TRUE);
}

void
lh_book_page_reset (LhBookPage *self)
{
  g_return_if_fail (LH_IS_BOOK_PAGE (self));

  g_cancellable_cancel (self->book_cancellable);
  g_clear_object (&self->book_cancellable);
  if (self->day_strip != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->soonest_box));
      lh_remove_children (GTK_WIDGET (self->resources_box));
      lh_remove_children (GTK_WIDGET (self->day_strip));
      lh_book_page_reset_confirm (self);
      lh_week_view_reset (self->week_view);
      gtk_stack_set_visible_child_name (self->mode_stack, "one-day");
    }
  memset (self->day_buttons, 0, sizeof self->day_buttons);
  self->week_button = NULL;
  self->week_mode = FALSE;
  self->day_index = 0;
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->room_slots, g_ptr_array_unref);
  g_clear_pointer (&self->own, g_ptr_array_unref);
  g_clear_pointer (&self->selected, lh_slot_free);
  g_clear_pointer (&self->loaded_date, g_free);
  lh_page_reset (LH_PAGE (self), "day");
}

gboolean
lh_book_page_go_back (LhBookPage *self)
{
  g_return_val_if_fail (LH_IS_BOOK_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    return FALSE;
  /* A booking in flight will happen anyway: wait for its answer. */
  if (self->book_cancellable != NULL)
    return TRUE;
  lh_book_page_back_to_day (self, NULL);
  return TRUE;
}
