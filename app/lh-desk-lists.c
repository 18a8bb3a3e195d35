/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desk page's list: the drop-in the ULR staffs today (the queue as
 * numbers, Call next, the queue-long alert, closing it) or a way to open
 * one, the requests in hand and the records asked to be deleted, and
 * what their buttons do. */
#define G_LOG_DOMAIN "lh-desk-page"

#include "lh-desk-page-private.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-busy.h"
#include "lh-card-widgets.h"
#include "lh-client-advice.h"
#include "lh-desk-words.h"
#include "lh-messages.h"
#include "lh-slot-widgets.h"
#include "lh-time-format.h"

#define ALERT_DELAY_MS 700
#define ID_KEY "lh-id"

static LhClient *
client_of (LhDeskPage *self)
{
  return lh_desk_page_client (self);
}

static gint64
me (LhDeskPage *self)
{
  return lh_desk_page_me (self);
}

static gboolean
is_busy (LhDeskPage *self)
{
  return lh_desk_page_busy (self);
}

static void
back_to_list (LhDeskPage *self,
              const char *message)
{
  lh_desk_page_back_to_list (self, message);
}

static char *
refusal (const GError *error)
{
  return lh_advice_format_refusal (error);
}

/* ---- the list: the drop-in, the work in hand -------------------------- */

static const LhQueue *
queue_of (LhDeskPage *self,
          gint64      dropin_id)
{
  for (guint i = 0; self->queues != NULL && i < self->queues->len; i++)
    {
      const LhQueue *queue = g_ptr_array_index (self->queues, i);

      if (queue->dropin_id == dropin_id)
        return queue;
    }
  return NULL;
}

/* The drop-in the ULR staffs that is open now or comes next today. */
static const LhDropin *
find_mine (LhDeskPage *self,
           GDateTime  *now)
{
  for (guint i = 0; self->dropins != NULL && i < self->dropins->len; i++)
    {
      const LhDropin *dropin = g_ptr_array_index (self->dropins, i);

      if (dropin->open && lh_same_day (dropin->start, now) && g_date_time_compare (dropin->end, now) > 0 &&
          lh_dropin_find_ulr (dropin, me (self)) != NULL)
        return dropin;
    }
  return NULL;
}

static char *
format_alert (int value)
{
  if (value <= 0)
    return g_strdup (_("Never tell me"));
  return g_strdup_printf (ngettext ("More than %d person waiting", "More than %d people waiting", value), value);
}

/* ---- the queue alert -------------------------------------------------- */

static void send_alert (LhDeskPage *self);

static void
alert_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhDeskPage *self;

  if (!lh_client_set_queue_alert_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  g_clear_object (&self->alert_cancellable);
  if (error != NULL)
    {
      g_autofree char *message = lh_message_for_error (error);

      g_debug ("Setting the alert failed: %s", error->message);
      lh_page_show_message (LH_PAGE (self), message);
    }
  else if (self->alert_again)
    send_alert (self);
}

static void
send_alert (LhDeskPage *self)
{
  self->alert_again = FALSE;
  if (self->alert_stepper == NULL || self->mine == 0)
    return;
  if (self->alert_cancellable != NULL)
    {
      self->alert_again = TRUE;
      return;
    }
  self->alert_cancellable = g_cancellable_new ();
  lh_client_set_queue_alert_async (client_of (self), self->mine, lh_stepper_get_value (self->alert_stepper),
                                   self->alert_cancellable, alert_cb, self);
}

static gboolean
alert_timeout_cb (gpointer user_data)
{
  LhDeskPage *self = user_data;

  self->alert_id = 0;
  send_alert (self);
  return G_SOURCE_REMOVE;
}

/* Only once the ULR stops tapping: one request, not one per tap. */
static void
alert_changed_cb (LhDeskPage *self)
{
  g_clear_handle_id (&self->alert_id, g_source_remove);
  self->alert_id = g_timeout_add (ALERT_DELAY_MS, alert_timeout_cb, self);
}

/* ---- Call next -------------------------------------------------------- */

static void
show_request (LhDeskPage            *self,
              const LhAdviceRequest *request)
{
  self->record_learner = request->learner_id;
  gtk_widget_set_visible (self->record_button, request->learner_id > 0);
  lh_desk_request_view_show (self->request_view, request);
  lh_page_set_view (LH_PAGE (self), "request");
}

static void
call_next_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;
  LhDeskPage *self;

  request = lh_client_call_next_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  g_clear_object (&self->action_cancellable);
  if (self->call_button != NULL)
    lh_busy_end (GTK_BUTTON (self->call_button));
  lh_page_update_online (LH_PAGE (self));
  if (request != NULL)
    {
      show_request (self, request);
      return;
    }
  g_debug ("Calling the next ticket failed: %s", error->message);
  if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = refusal (error);

      back_to_list (self, message);
    }
}

static void
call_clicked_cb (LhDeskPage *self,
                 GtkButton  *button)
{
  if (is_busy (self) || self->mine == 0 || !lh_page_is_online (LH_PAGE (self)))
    return;
  lh_page_show_message (LH_PAGE (self), NULL);
  self->action_cancellable = g_cancellable_new ();
  lh_busy_begin (button);
  lh_page_update_online (LH_PAGE (self));
  lh_client_call_next_async (client_of (self), self->mine, self->action_cancellable, call_next_cb, self);
}

/* A request in hand: its whole story first. */
static void
fetch_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;
  LhDeskPage *self;

  request = lh_client_get_advice_request_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  g_clear_object (&self->action_cancellable);
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->work_box), TRUE);
  lh_page_update_online (LH_PAGE (self));
  if (request != NULL)
    show_request (self, request);
  else if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = refusal (error);

      back_to_list (self, message);
    }
}

static void
open_request_clicked_cb (GtkButton  *button,
                         LhDeskPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), ID_KEY);

  if (id == NULL || is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;
  self->action_cancellable = g_cancellable_new ();
  lh_busy_begin (button);
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->work_box), FALSE);
  lh_client_get_advice_request_async (client_of (self), *id, self->action_cancellable, fetch_cb, self);
}

/* ---- building the list ------------------------------------------------ */

static GtkWidget *
row_button (const char *label,
            const char *accessible,
            gint64      id,
            GCallback   callback,
            LhDeskPage *self)
{
  GtkWidget *button = lh_card_button_new (label, NULL, accessible);

  g_object_set_data_full (G_OBJECT (button), ID_KEY, g_memdup2 (&id, sizeof id), g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void close_clicked_cb (GtkButton *button, LhDeskPage *self);
static void delete_clicked_cb (GtkButton *button, LhDeskPage *self);
static void open_form_clicked_cb (LhDeskPage *self, GtkButton *button);

static void
add_dropin_panel (LhDeskPage         *self,
                  const LhDropin *dropin,
                  GDateTime          *now)
{
  const LhQueue *queue = queue_of (self, dropin->id);
  const LhUlr *ulr = lh_dropin_find_ulr (dropin, me (self));
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  g_autofree char *from = lh_format_clock (dropin->start);
  g_autofree char *to = lh_format_clock (dropin->end);
  g_autofree char *title = NULL;
  g_autofree char *waiting = NULL;
  gboolean started = g_date_time_compare (dropin->start, now) <= 0;
  int n_waiting = queue ? (int) queue->waiting->len : dropin->waiting;
  GtkWidget *close_button;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-desk-card");
  /* Translators: "Your drop-in: Learning centre, 12:00 to 14:00, Desk 1" */
  title = g_strdup_printf (_("Your drop-in: %s, %s to %s, %s"), dropin->place, from, to,
                           ulr && ulr->desk ? ulr->desk : "");
  gtk_box_append (GTK_BOX (card), lh_card_label_new (title, "lh-section-title"));
  if (!started)
    {
      g_autofree char *opens = g_strdup_printf (_("It opens at %s."), from);

      gtk_box_append (GTK_BOX (card), lh_card_label_new (opens, "lh-lead"));
    }

  waiting = lh_advice_format_waiting (n_waiting);
  gtk_box_append (GTK_BOX (card), lh_card_label_new (waiting, "lh-desk-waiting"));
  if (queue != NULL && queue->waiting->len > 0)
    {
      g_autofree char *tickets = lh_desk_format_tickets (queue->waiting);
      g_autofree char *wait = lh_desk_format_wait (queue->wait_minutes);
      /* Translators: the tickets waiting, first first, and the wait: "Tickets 7   8   9 · About 30 minutes" */
      g_autofree char *text = g_strdup_printf (_("Tickets %s · %s"), tickets, wait);

      gtk_box_append (GTK_BOX (card), lh_card_label_new (text, "lh-desk-tickets"));
    }
  for (guint i = 0; queue != NULL && i < queue->serving->len; i++)
    {
      const LhServing *serving = g_ptr_array_index (queue->serving, i);
      g_autofree char *text = g_strdup_printf (_("Ticket %d is at %s"), serving->ticket,
                                               serving->desk ? serving->desk : "");

      gtk_box_append (GTK_BOX (card), lh_card_label_new (text, NULL));
    }

  self->call_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->call_button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", "go-next-symbolic",
                                      "label", _("Call next"), "halign", GTK_ALIGN_CENTER, NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->call_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Call the next ticket to your desk"), -1);
  gtk_widget_add_css_class (self->call_button, "suggested-action");
  gtk_widget_add_css_class (self->call_button, "lh-call-next");
  g_signal_connect_object (self->call_button, "clicked", G_CALLBACK (call_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_halign (self->call_button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->call_button, 8);
  gtk_box_append (GTK_BOX (card), self->call_button);
  gtk_widget_set_visible (self->call_button, started && n_waiting > 0);

  self->alert_stepper = LH_STEPPER (lh_stepper_new (LH_STEPPER_COUNT, _("Tell me when the queue is long"),
                                                    0, 30, ulr ? ulr->alert_length : 0));
  lh_stepper_set_format (self->alert_stepper, format_alert);
  gtk_widget_set_halign (GTK_WIDGET (self->alert_stepper), GTK_ALIGN_START);
  g_signal_connect_object (self->alert_stepper, "notify::value", G_CALLBACK (alert_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->alert_stepper));

  close_button = row_button (_("Close the drop-in"), _("Close the drop-in now"), dropin->id,
                             G_CALLBACK (close_clicked_cb), self);
  gtk_widget_add_css_class (close_button, "destructive-action");
  gtk_widget_set_margin_top (actions, 8);
  gtk_box_append (GTK_BOX (actions), close_button);
  gtk_box_append (GTK_BOX (card), actions);
  gtk_box_append (self->desk_box, card);
}

static void
add_no_dropin (LhDeskPage *self)
{
  GtkWidget *button = gtk_button_new ();

  gtk_box_append (self->desk_box, lh_card_label_new (_("You have no drop-in open today."), "lh-lead"));
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "icon-name", "list-add-symbolic",
                                      "label", _("Open a drop-in"), "halign", GTK_ALIGN_CENTER, NULL));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "lh-primary");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_object (button, "clicked", G_CALLBACK (open_form_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->desk_box, button);
}

static void
add_work (LhDeskPage *self,
          GDateTime  *now)
{
  GPtrArray *requests = self->work ? self->work->requests : NULL;
  GPtrArray *deletions = self->work ? self->work->deletions : NULL;

  if (requests != NULL && requests->len > 0)
    gtk_box_append (self->work_box, lh_card_label_new (_("Requests you are dealing with"), "lh-section-title"));
  for (guint i = 0; requests != NULL && i < requests->len; i++)
    {
      const LhAdviceRequest *request = g_ptr_array_index (requests, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
      g_autofree char *topic = lh_topic_title (request->topic);
      g_autofree char *what = NULL;
      g_autofree char *when = NULL;
      g_autofree char *spoken = NULL;
      gboolean going = g_strcmp0 (request->status, "called") == 0 || g_strcmp0 (request->status, "started") == 0;

      if (request->start != NULL && !going)
        {
          g_autofree char *day = lh_format_day_name (request->start, now);
          g_autofree char *clock = lh_format_clock (request->start);

          /* Translators: an appointment in hand: "Tuesday 10:00" */
          when = g_strdup_printf (_("%s %s"), day, clock);
        }
      else if (request->ticket > 0)
        when = g_strdup_printf (_("Ticket %d"), request->ticket);
      else
        when = g_strdup (_("Appointment"));
      /* Translators: "Tuesday 10:00 · Amira Khan · English or maths" */
      what = g_strdup_printf (_("%s · %s · %s"), when, request->learner ? request->learner : "", topic);
      gtk_widget_add_css_class (row, "lh-tt-slot");
      gtk_widget_add_css_class (row, "card");
      gtk_box_append (GTK_BOX (row), lh_card_label_new (what, "lh-tt-slot-when"));
      gtk_widget_set_hexpand (gtk_widget_get_first_child (row), TRUE);
      /* Said as the action first, then whose: "Open: Tuesday 10:00 · …". */
      /* Translators: a button's words, then what it is about */
      spoken = g_strdup_printf (_("%s: %s"), going ? _("Carry on") : _("Open"), what);
      gtk_box_append (GTK_BOX (row), row_button (going ? _("Carry on") : _("Open"), spoken, request->id,
                                                 G_CALLBACK (open_request_clicked_cb), self));
      gtk_box_append (self->work_box, row);
    }

  if (deletions != NULL && deletions->len > 0)
    gtk_box_append (self->work_box, lh_card_label_new (_("Asked for their record to be deleted"), "lh-section-title"));
  for (guint i = 0; deletions != NULL && i < deletions->len; i++)
    {
      const LhDeletionAsk *ask = g_ptr_array_index (deletions, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
      g_autofree char *accessible = g_strdup_printf (_("Delete the record of %s"), ask->learner);

      gtk_widget_add_css_class (row, "lh-tt-slot");
      gtk_widget_add_css_class (row, "card");
      gtk_box_append (GTK_BOX (row), lh_card_label_new (ask->learner, "lh-tt-slot-when"));
      gtk_widget_set_hexpand (gtk_widget_get_first_child (row), TRUE);
      gtk_box_append (GTK_BOX (row), row_button (_("Delete the record"), accessible, ask->learner_id,
                                                 G_CALLBACK (delete_clicked_cb), self));
      gtk_box_append (self->work_box, row);
    }
}

void
lh_desk_page_show_desk (LhDeskPage *self)
{
  g_autoptr(GDateTime) now = lh_client_now (client_of (self));
  const LhDropin *mine = find_mine (self, now);

  g_clear_handle_id (&self->alert_id, g_source_remove);
  self->call_button = NULL;
  self->alert_stepper = NULL;
  lh_remove_children (GTK_WIDGET (self->desk_box));
  lh_remove_children (GTK_WIDGET (self->work_box));
  self->mine = mine ? mine->id : 0;
  if (mine != NULL)
    add_dropin_panel (self, mine, now);
  else
    add_no_dropin (self);
  add_work (self, now);
  lh_page_set_content (LH_PAGE (self), "list");
  lh_page_update_online (LH_PAGE (self));
}

/* ---- what the list's buttons do --------------------------------------- */

static void
close_clicked_cb (GtkButton  *button,
                  LhDeskPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), ID_KEY);

  if (id != NULL && !is_busy (self) && lh_page_is_online (LH_PAGE (self)))
    lh_desk_page_ask_close (self, *id);
}

static void
delete_clicked_cb (GtkButton  *button,
                   LhDeskPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), ID_KEY);

  for (guint i = 0; id != NULL && self->work != NULL && i < self->work->deletions->len; i++)
    {
      const LhDeletionAsk *ask = g_ptr_array_index (self->work->deletions, i);

      if (ask->learner_id == *id && !is_busy (self) && lh_page_is_online (LH_PAGE (self)))
        lh_desk_page_ask_delete (self, ask->learner_id, ask->learner);
    }
}

static void
open_form_clicked_cb (LhDeskPage *self,
                      GtkButton  *button)
{
  if (!is_busy (self) && lh_page_is_online (LH_PAGE (self)))
    lh_desk_page_open_form (self);
}
