/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-bookings-page"

#include "lh-bookings-page.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-client-assessments.h"
#include "lh-client-time-off.h"
#include "lh-messages.h"
#include "lh-mine-item.h"
#include "lh-mine-row.h"
#include "lh-mine-words.h"
#include "lh-time-format.h"

/* How far ahead group places and assessments are looked for: the most
 * the daemon gives at once (92 days), less a day for a clock change. */
#define AHEAD_DAYS 90

struct _LhBookingsPage
{
  LhPage         parent_instance;

  GCancellable  *give_back_cancellable;  /* (owned) (nullable) while giving something back */
  LhMineItem    *selected;               /* (owned) (nullable) the one to give back */
  int            hold_minutes;           /* the rules' check-in hold, -1 until known */
  GtkSizeGroup  *button_sizes;           /* (owned) the rows' buttons, one width */

  /* template children (unowned) */
  GtkScrolledWindow *scroller;
  GtkListBox    *list_box;
  GtkWidget     *partial_box;
  GtkLabel      *partial_label;
  GtkImage      *confirm_icon;
  GtkLabel      *confirm_question_label;
  GtkLabel      *confirm_no_label;
};

G_DEFINE_FINAL_TYPE (LhBookingsPage, lh_bookings_page, LH_TYPE_PAGE)

/* One load: the three lists, the rules and the time off, asked for at
 * once. */
typedef struct
{
  LhBookingsPage *self;         /* (unowned) only while cancellable is not cancelled */
  GCancellable   *cancellable;  /* (owned) the page's load */
  guint           pending;
  GPtrArray      *bookings;     /* (owned) (nullable) */
  GPtrArray      *sessions;     /* (owned) (nullable) */
  GPtrArray      *slots;        /* (owned) (nullable) */
  gboolean        staff;        /* not a guest: whose time each is in is asked */
  LhTimeOffBalance *time_off;   /* (owned) (nullable) whose time each is in */
  GError         *bookings_error;
  GError         *sessions_error;
  GError         *slots_error;
  int             hold_minutes; /* -1 if the rules did not come */
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->cancellable);
  g_clear_pointer (&load->bookings, g_ptr_array_unref);
  g_clear_pointer (&load->sessions, g_ptr_array_unref);
  g_clear_pointer (&load->slots, g_ptr_array_unref);
  g_clear_pointer (&load->time_off, lh_time_off_balance_free);
  g_clear_error (&load->bookings_error);
  g_clear_error (&load->sessions_error);
  g_clear_error (&load->slots_error);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

/* ---- state ------------------------------------------------------------ */

/* Offline, the list stays in view, but nothing can be given back from
 * it; nor while something is on its way back. */
static void
lh_bookings_page_update_online (LhPage   *page,
                                gboolean  online)
{
  LhBookingsPage *self = LH_BOOKINGS_PAGE (page);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkButton *button = GTK_IS_LIST_BOX_ROW (row) ? lh_mine_row_get_button (row) : NULL;

      if (button != NULL)
        gtk_widget_set_sensitive (GTK_WIDGET (button), online && self->give_back_cancellable == NULL);
    }
}

static void
back_to_list (LhBookingsPage *self,
              const char     *toast,
              const char     *message)
{
  g_clear_pointer (&self->selected, lh_mine_item_free);
  lh_page_set_view (LH_PAGE (self), "list");
  if (toast != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", toast);
  lh_bookings_page_load (self);
  lh_page_show_message (LH_PAGE (self), message);
}

/* ---- giving back ------------------------------------------------------ */

static void
give_back_clicked_cb (GtkButton      *button,
                      LhBookingsPage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  const LhMineItem *item = row ? lh_mine_row_get_item (row) : NULL;
  g_autofree char *facts = NULL;
  g_autofree char *question = NULL;
  g_autofree char *yes = NULL;
  g_autofree char *no = NULL;

  if (item == NULL || self->give_back_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)))
    return;

  g_clear_pointer (&self->selected, lh_mine_item_free);
  self->selected = lh_mine_item_copy (item);
  question = lh_mine_format_question (item);
  yes = lh_mine_format_yes (item);
  no = lh_mine_format_no (item);
  facts = lh_mine_format_facts (item);
  gtk_image_set_from_icon_name (self->confirm_icon, lh_mine_row_icon_name (item));
  gtk_label_set_label (self->confirm_question_label, question);
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), yes);
  gtk_label_set_label (self->confirm_no_label, no);
  lh_page_show_confirm (LH_PAGE (self), facts, TRUE);
}

static void
give_back_done (LhBookingsPage *self,
                GError         *error)
{
  g_autoptr(LhMineItem) item = g_steal_pointer (&self->selected);
  g_autofree char *message = NULL;

  g_clear_object (&self->give_back_cancellable);
  lh_page_end_confirm (LH_PAGE (self));

  if (error == NULL)
    {
      message = lh_mine_format_done (item);
      back_to_list (self, message, NULL);
      return;
    }

  g_debug ("Giving back failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND))
    {
      message = lh_mine_format_gone (item);
      back_to_list (self, NULL, message);
    }
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT))
    {
      message = lh_mine_format_refusal (item, error);
      back_to_list (self, NULL, message);
    }
  else
    {
      /* Nothing was given back: the person may try again. */
      self->selected = g_steal_pointer (&item);
      message = lh_message_for_error (error);
      lh_page_show_confirm_error (LH_PAGE (self), message);
    }
}

static void
cancel_booking_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lh_client_cancel_booking_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  give_back_done (LH_BOOKINGS_PAGE (user_data), error);
}

static void
leave_group_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lh_client_leave_group_session_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  give_back_done (LH_BOOKINGS_PAGE (user_data), error);
}

static void
give_back_slot_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lh_client_give_back_assessment_slot_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  give_back_done (LH_BOOKINGS_PAGE (user_data), error);
}

static void
confirm_clicked_cb (LhBookingsPage *self,
                    GtkButton      *button)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  gint64 id;

  /* One request at a time, however often the button is pressed, and
   * none from a tap that lands after the answer. */
  if (self->give_back_cancellable != NULL || self->selected == NULL ||
      !lh_page_can_confirm (LH_PAGE (self)))
    return;

  self->give_back_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  id = lh_mine_item_get_id (self->selected);
  switch (self->selected->kind)
    {
    case LH_MINE_BOOKING:
      lh_client_cancel_booking_async (client, id, self->give_back_cancellable, cancel_booking_cb, self);
      break;
    case LH_MINE_GROUP_PLACE:
    case LH_MINE_WAITING:
      lh_client_leave_group_session_async (client, id, self->give_back_cancellable, leave_group_cb, self);
      break;
    case LH_MINE_ASSESSMENT:
    default:
      lh_client_give_back_assessment_slot_async (client, id, self->give_back_cancellable,
                                                 give_back_slot_cb, self);
      break;
    }
}

static void
keep_clicked_cb (LhBookingsPage *self,
                 GtkButton      *button)
{
  lh_bookings_page_go_back (self);
}

/* ---- the list --------------------------------------------------------- */

static void
clear_list (LhBookingsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
}

/* What did not come, in plain words, above what did. */
static void
show_partial (LhBookingsPage *self,
              Load           *load)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (load->bookings_error != NULL)
    g_string_append_printf (text, "%s\n", _("Your computer and room bookings could not be loaded just now."));
  if (load->sessions_error != NULL)
    g_string_append_printf (text, "%s\n", _("Your group places could not be loaded just now."));
  if (load->slots_error != NULL)
    g_string_append_printf (text, "%s\n", _("Your assessments could not be loaded just now."));
  if (text->len > 0)
    g_string_truncate (text, text->len - 1);
  gtk_label_set_label (self->partial_label, text->str);
  gtk_widget_set_visible (self->partial_box, text->len > 0);
}

static void
show_items (LhBookingsPage *self,
            Load           *load)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  g_autoptr(GDateTime) now = lh_client_now (client);
  g_autoptr(GPtrArray) items = lh_mine_items_collect (load->bookings, load->sessions, load->slots);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (vadjustment);
  LhPerson *person;
  int early;

  if (load->hold_minutes >= 0)
    self->hold_minutes = load->hold_minutes;
  lh_mine_items_add_time_off (items, load->time_off);
  /* A guest's time is always their own: nothing to say. */
  for (guint i = 0; !load->staff && i < items->len; i++)
    g_clear_pointer (&((LhMineItem *) g_ptr_array_index (items, i))->time_off, lh_time_off_free);

  person = lh_client_get_person (lh_page_get_client (LH_PAGE (self)));
  early = person != NULL ? person->limits.check_in_early_minutes : 0;
  clear_list (self);
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *row = lh_mine_row_new (g_ptr_array_index (items, i), now, self->hold_minutes, early);
      GtkButton *button = lh_mine_row_get_button (row);

      if (button != NULL)
        {
          g_signal_connect (button, "clicked", G_CALLBACK (give_back_clicked_cb), self);
          gtk_size_group_add_widget (self->button_sizes, GTK_WIDGET (button));
        }
      gtk_list_box_append (self->list_box, row);
    }
  show_partial (self, load);
  gtk_widget_set_visible (GTK_WIDGET (self->list_box), items->len > 0);
  lh_page_set_content (LH_PAGE (self),
                       items->len > 0 || gtk_widget_get_visible (self->partial_box) ? "list" : "empty");
  lh_page_update_online (LH_PAGE (self));
  /* Shown again after a change: stay where the person was reading. */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

static const GError *
first_error (Load *load)
{
  const GError *errors[] = { load->bookings_error, load->sessions_error, load->slots_error };

  /* Signed out: the window says so, whichever list heard it first. */
  for (gsize i = 0; i < G_N_ELEMENTS (errors); i++)
    if (g_error_matches (errors[i], LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
      return errors[i];
  return load->bookings_error ? load->bookings_error
       : load->sessions_error ? load->sessions_error
       : load->slots_error;
}

/* Every answer is in: show what came, and say what did not. */
static void
load_done (Load *load)
{
  LhBookingsPage *self = load->self;
  const GError *error = first_error (load);

  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED) ||
      (load->bookings == NULL && load->sessions == NULL && load->slots == NULL))
    {
      lh_page_end_load (LH_PAGE (self), error);
      return;
    }
  show_items (self, load);
  lh_page_end_load (LH_PAGE (self), NULL);
}

/* Takes one answer; the last one in shows them all. */
static void
load_step (Load *load)
{
  g_assert (load->pending > 0);
  if (--load->pending > 0)
    return;
  if (!g_cancellable_is_cancelled (load->cancellable))
    load_done (load);
  load_free (load);
}

static void
bookings_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Load *load = user_data;

  load->bookings = lh_client_list_my_bookings_finish (LH_CLIENT (source), result, &load->bookings_error);
  load_step (load);
}

static void
sessions_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Load *load = user_data;

  load->sessions = lh_client_list_group_sessions_finish (LH_CLIENT (source), result, &load->sessions_error);
  load_step (load);
}

static void
slots_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Load *load = user_data;

  load->slots = lh_client_list_my_assessment_slots_finish (LH_CLIENT (source), result, &load->slots_error);
  load_step (load);
}

static void
time_off_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;

  /* Without it, the list still shows, only without whose time each is. */
  load->time_off = lh_client_get_my_time_off_finish (LH_CLIENT (source), result, &error);
  if (load->time_off == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No time off: %s", error->message);
  load_step (load);
}

static void
hold_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;

  /* Without the rules, a booking still shows, only without its deadline. */
  if (!lh_client_get_hold_minutes_finish (LH_CLIENT (source), result, &load->hold_minutes, &error))
    {
      load->hold_minutes = -1;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No rules: %s", error->message);
    }
  load_step (load);
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
  /* A place given up moves the waiting list: positions change. */
  lh_page_refresh_on_event (page, client, "event::group-session-changed");
  lh_page_refresh_on_event (page, client, "event::waiting-list-promoted");
  lh_page_refresh_on_event (page, client, "event::booking-moved");
  lh_page_refresh_on_event (page, client, "event::booking-cancelled");
  lh_page_refresh_on_event (page, client, "event::assessment-slot-changed");
  /* Only reaches a stream opened as the person: approved, or not. */
  lh_page_refresh_on_event (page, client, "event::time-off-decided");
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_bookings_page_dispose (GObject *object)
{
  LhBookingsPage *self = LH_BOOKINGS_PAGE (object);

  lh_bookings_page_reset (self);
  g_clear_object (&self->button_sizes);

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

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-bookings-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, partial_box);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, partial_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, confirm_icon);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, confirm_question_label);
  gtk_widget_class_bind_template_child (widget_class, LhBookingsPage, confirm_no_label);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_clicked_cb);
}

static void
lh_bookings_page_init (LhBookingsPage *self)
{
  self->hold_minutes = -1;
  self->button_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_bookings_page_load (LhBookingsPage *self)
{
  LhPage *page = LH_PAGE (self);
  LhClient *client;
  LhPerson *person;
  Load *load;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_if_fail (LH_IS_BOOKINGS_PAGE (self));

  client = lh_page_get_client (page);
  if (client == NULL || self->give_back_cancellable != NULL)
    return;

  lh_page_set_view (page, "list");
  load = g_new0 (Load, 1);
  load->self = self;
  load->hold_minutes = -1;
  /* A reload keeps the old list in view until the new one comes. */
  load->cancellable = g_object_ref (lh_page_begin_load (page, lh_page_content_is (page, "list")));
  person = lh_client_get_person (client);
  /* Paid time off only for those the daemon says may have it. */
  load->staff = lh_may (person, LH_WAY_PAID_TIME);
  load->pending = load->staff ? 5 : 4;

  now = lh_client_now (client);
  last = g_date_time_add_days (now, AHEAD_DAYS);
  from = g_date_time_format (now, "%Y-%m-%d");
  to = g_date_time_format (last, "%Y-%m-%d");

  /* All at once: the slowest sets the pace, not the sum of them. */
  lh_client_list_my_bookings_async (client, load->cancellable, bookings_cb, load);
  lh_client_list_group_sessions_async (client, from, to, load->cancellable, sessions_cb, load);
  lh_client_list_my_assessment_slots_async (client, from, to, load->cancellable, slots_cb, load);
  lh_client_get_hold_minutes_async (client, load->cancellable, hold_cb, load);
  if (load->staff)
    lh_client_get_my_time_off_async (client, NULL, load->cancellable, time_off_cb, load);
}

void
lh_bookings_page_reset (LhBookingsPage *self)
{
  g_return_if_fail (LH_IS_BOOKINGS_PAGE (self));

  g_cancellable_cancel (self->give_back_cancellable);
  g_clear_object (&self->give_back_cancellable);
  if (self->list_box != NULL)
    {
      clear_list (self);
      gtk_widget_set_visible (self->partial_box, FALSE);
    }
  g_clear_pointer (&self->selected, lh_mine_item_free);
  self->hold_minutes = -1;
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_bookings_page_go_back (LhBookingsPage *self)
{
  g_return_val_if_fail (LH_IS_BOOKINGS_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    return FALSE;
  /* Something given back in flight happens anyway: wait for its answer. */
  if (self->give_back_cancellable != NULL)
    return TRUE;
  g_clear_pointer (&self->selected, lh_mine_item_free);
  lh_page_set_view (LH_PAGE (self), "list");
  /* Changed elsewhere while the person was deciding. */
  if (lh_page_is_stale (LH_PAGE (self)))
    lh_bookings_page_load (self);
  return TRUE;
}
