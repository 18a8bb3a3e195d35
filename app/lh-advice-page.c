/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice-page"

#include "lh-advice-page-private.h"
#include "lh-osk.h"

#include <glib/gi18n.h>

#include "lh-advice-choices.h"
#include "lh-advice-ticket.h"
#include "lh-advice-words.h"
#include "lh-client-advice.h"
#include "lh-slot-widgets.h"
#include "lh-time-format.h"

G_DEFINE_FINAL_TYPE (LhAdvicePage, lh_advice_page, LH_TYPE_PAGE)

/* ---- state ------------------------------------------------------------ */

gboolean
lh_advice_page_is_busy (LhAdvicePage *self)
{
  return self->ask_cancellable != NULL || self->withdraw_cancellable != NULL;
}

GDateTime *
lh_advice_page_now (LhAdvicePage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));

  return client ? lh_client_now (client) : g_date_time_new_now_local ();
}

GPtrArray *
lh_advice_page_joinable_dropins (LhAdvicePage *self)
{
  g_autoptr(GDateTime) now = lh_advice_page_now (self);
  GPtrArray *joinable = g_ptr_array_new ();

  /* As the daemon has it: every one open now, else the next today. */
  for (guint i = 0; self->dropins != NULL && i < self->dropins->len; i++)
    {
      LhDropin *dropin = g_ptr_array_index (self->dropins, i);

      if (dropin->open)
        g_ptr_array_add (joinable, dropin);
    }
  for (guint i = 0; joinable->len == 0 && self->dropins != NULL && i < self->dropins->len; i++)
    {
      LhDropin *dropin = g_ptr_array_index (self->dropins, i);

      if (lh_same_day (dropin->start, now) && g_date_time_compare (dropin->end, now) > 0)
        g_ptr_array_add (joinable, dropin);
    }
  return joinable;
}

LhDropin *
lh_advice_page_find_dropin (LhAdvicePage *self,
                            gint64        dropin_id)
{
  for (guint i = 0; self->dropins != NULL && i < self->dropins->len; i++)
    {
      LhDropin *dropin = g_ptr_array_index (self->dropins, i);

      if (dropin->id == dropin_id)
        return dropin;
    }
  return NULL;
}

void
lh_advice_page_show_step (LhAdvicePage *self,
           const char   *step)
{
  lh_page_set_view (LH_PAGE (self), "list");
  lh_page_set_content (LH_PAGE (self), step);
}

static void
lh_advice_page_update_online (LhPage   *page,
                              gboolean  online)
{
  LhAdvicePage *self = LH_ADVICE_PAGE (page);

  lh_advice_ticket_set_online (self->ticket, online);
}

/* ---- loading ---------------------------------------------------------- */

static void
finish_load (LhAdvicePage *self)
{
  LhPage *page = LH_PAGE (self);
  g_autoptr(LhAdviceRecord) record = g_steal_pointer (&self->record);
  g_autoptr(GError) error = g_steal_pointer (&self->load_error);
  gboolean first = lh_page_content_is (page, "loading") || lh_page_content_is (page, "error");
  const LhAdviceRequest *open = NULL;

  if (error != NULL)
    {
      lh_page_end_load (page, error);
      return;
    }
  for (guint i = 0; record != NULL && i < record->open_requests->len && open == NULL; i++)
    if (lh_advice_request_is_open (g_ptr_array_index (record->open_requests, i)))
      open = g_ptr_array_index (record->open_requests, i);

  lh_advice_page_show_how (self);
  /* Someone already asked: their ticket, not the questions again. Only
   * when the page opens, not under someone who is choosing. */
  if (first && open != NULL)
    lh_advice_page_show_ticket (self, open);
  else if (first)
    lh_page_set_content (page, "topic");
  lh_page_end_load (page, NULL);
}

/* One answer of the three a load waits for. */
static LhAdvicePage *
load_answered (gpointer  user_data,
               GError   *error)
{
  LhAdvicePage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  self = LH_ADVICE_PAGE (user_data);
  if (error != NULL && self->load_error == NULL)
    self->load_error = g_error_copy (error);
  g_assert (self->pending > 0);
  self->pending--;
  return self;
}

static void
record_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRecord) record = lh_client_get_advice_record_finish (LH_CLIENT (source), result, &error);
  LhAdvicePage *self = load_answered (user_data, error);

  if (self == NULL)
    return;
  g_clear_pointer (&self->record, lh_advice_record_free);
  self->record = g_steal_pointer (&record);
  if (self->pending == 0)
    finish_load (self);
}

static void
dropins_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dropins = lh_client_list_dropins_finish (LH_CLIENT (source), result, &error);
  LhAdvicePage *self = load_answered (user_data, error);

  if (self == NULL)
    return;
  if (dropins != NULL)
    {
      g_clear_pointer (&self->dropins, g_ptr_array_unref);
      self->dropins = g_steal_pointer (&dropins);
    }
  if (self->pending == 0)
    finish_load (self);
}

static void
slots_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = lh_client_list_advice_slots_finish (LH_CLIENT (source), result, &error);
  LhAdvicePage *self = load_answered (user_data, error);

  if (self == NULL)
    return;
  if (slots != NULL)
    lh_advice_page_show_slots (self, slots);
  if (self->pending == 0)
    finish_load (self);
}

void
lh_advice_page_load_all (LhAdvicePage *self)
{
  LhPage *page = LH_PAGE (self);
  LhClient *client = lh_page_get_client (page);
  GCancellable *cancellable;

  if (client == NULL || lh_advice_page_is_busy (self))
    return;
  if (lh_page_view_is (page, "done"))
    {
      lh_advice_page_reload_ticket (self);
      return;
    }
  cancellable = lh_page_begin_load (page, !lh_page_content_is (page, "loading") &&
                                          !lh_page_content_is (page, "error"));
  self->pending = 3;
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->record, lh_advice_record_free);
  lh_client_get_advice_record_async (client, cancellable, record_cb, self);
  lh_client_list_dropins_async (client, cancellable, dropins_cb, self);
  lh_client_list_advice_slots_async (client, cancellable, slots_cb, self);
}

/* ---- asking ----------------------------------------------------------- */

static void
back_to (LhAdvicePage *self,
         const char   *step,
         const char   *message)
{
  lh_advice_page_show_step (self, step);
  lh_page_show_message (LH_PAGE (self), message);
  lh_advice_page_load_all (self);
}

/* Whether the daemon refused the phone number or email address. */
static gboolean
is_contact_refusal (const GError *error)
{
  const char *reason = lh_client_error_get_reason (error);

  return reason != NULL && (g_str_has_prefix (reason, "phone-") || g_str_has_prefix (reason, "email-") ||
                            g_str_has_prefix (reason, "contact-detail-"));
}

static void
ask_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  LhAdvicePage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;
  g_autofree char *message = NULL;

  request = lh_client_ask_advice_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_ADVICE_PAGE (user_data);
  g_clear_object (&self->ask_cancellable);
  lh_page_end_confirm (LH_PAGE (self));

  if (request != NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
      lh_advice_page_clear_contact_detail (self);
      lh_advice_page_show_ticket (self, request);
      return;
    }
  g_debug ("Asking for advice failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  message = lh_advice_format_refusal (error);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT) && !self->appointment)
    {
      /* In a queue already: that ticket, found afresh, with why. */
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", message);
      lh_page_reset (LH_PAGE (self), "list");
      lh_advice_page_load_all (self);
    }
  else if (is_contact_refusal (error))
    {
      /* The number or address: back to its field, with why. */
      lh_advice_page_show_step (self, "contact");
      lh_page_show_message (LH_PAGE (self), message);
      gtk_entry_grab_focus_without_selecting (self->contact_detail_entry);
      lh_osk_reveal (GTK_WIDGET (self->contact_detail_entry));
    }
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT) ||
           g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND) ||
           g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
    /* The slot was just taken, or the drop-in is over: choose again
     * from what there is now. */
    back_to (self, self->appointment ? "slots" : self->dropin_from_list ? "dropins" : "how", message);
  else
    lh_page_show_confirm_error (LH_PAGE (self), message);
}

static void
confirm_clicked_cb (LhAdvicePage *self,
                    GtkButton    *button)
{
  g_autofree char *note = NULL;
  LhAdvicePlan plan = { 0, };

  /* One request however often the button is pressed, and none from a
   * tap that lands after the answer. */
  if (lh_advice_page_is_busy (self) || !lh_page_can_confirm (LH_PAGE (self)) ||
      (self->appointment && self->slot == NULL))
    return;

  note = lh_advice_page_get_note (self);
  plan.topic = self->topic;
  plan.appointment = self->appointment;
  plan.contact = self->contact;
  plan.contact_detail = lh_advice_page_get_contact_detail (self);
  plan.note = note;
  plan.dropin_id = self->appointment ? 0 : self->dropin_id;
  plan.slot_id = self->appointment ? self->slot->id : 0;
  self->ask_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_ask_advice_async (lh_page_get_client (LH_PAGE (self)), &plan, self->ask_cancellable, ask_cb, self);
}

static void
confirm_back_clicked_cb (LhAdvicePage *self,
                         GtkButton    *button)
{
  lh_advice_page_go_back (self);
}

/* ---- changes made elsewhere ------------------------------------------- */

/* The queue moved: the ticket at once; the drop-in's count when the
 * person is choosing how, else once they come back to it. */
static void
lh_advice_page_refresh (LhPage *page)
{
  LhAdvicePage *self = LH_ADVICE_PAGE (page);

  if (lh_page_view_is (page, "done"))
    lh_advice_page_reload_ticket (self);
  else
    lh_page_refresh (page, lh_advice_page_is_busy (self) || !lh_page_view_is (page, "list") ||
                           !(lh_page_content_is (page, "how") || lh_page_content_is (page, "slots") ||
                             lh_page_content_is (page, "dropins") || lh_page_content_is (page, "topic")));
}

static void
lh_advice_page_connect_client (LhPage   *page,
                               LhClient *client)
{
  lh_page_refresh_on_event (page, client, "event::queue-changed");
  g_signal_connect_object (client, "event::ticket-called", G_CALLBACK (lh_advice_page_ticket_called_cb),
                           page, G_CONNECT_SWAPPED);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_advice_page_dispose (GObject *object)
{
  LhAdvicePage *self = LH_ADVICE_PAGE (object);

  lh_advice_page_reset (self);
  g_cancellable_cancel (self->called_cancellable);
  g_clear_object (&self->called_cancellable);
  g_clear_object (&self->notifier);

  G_OBJECT_CLASS (lh_advice_page_parent_class)->dispose (object);
}

static void
lh_advice_page_load_page (LhPage *page)
{
  lh_advice_page_load_all (LH_ADVICE_PAGE (page));
}

static void
lh_advice_page_class_init (LhAdvicePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_advice_page_dispose;
  page_class->connect_client = lh_advice_page_connect_client;
  page_class->update_online = lh_advice_page_update_online;
  page_class->load = lh_advice_page_load_page;
  page_class->refresh = lh_advice_page_refresh;

  g_type_ensure (LH_TYPE_ADVICE_TICKET);
  g_type_ensure (LH_TYPE_DROPIN_CHOOSER);
  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-advice-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, topics_box);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, queue_button);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, queue_facts_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, book_button);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, book_facts_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, dropin_chooser);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, slots_box);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, slots_empty_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, contacts_box);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, contact_detail_box);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, contact_detail_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, contact_detail_entry);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, note_view);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, note_count_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, note_next_button);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, confirm_question_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdvicePage, ticket);
  gtk_widget_class_bind_template_callback_full (widget_class, "queue_clicked_cb",
                                                G_CALLBACK (lh_advice_page_queue_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "dropin_chosen_cb",
                                                G_CALLBACK (lh_advice_page_dropin_chosen_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "book_clicked_cb",
                                                G_CALLBACK (lh_advice_page_book_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "skip_clicked_cb",
                                                G_CALLBACK (lh_advice_page_skip_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "contact_detail_next_clicked_cb",
                                                G_CALLBACK (lh_advice_page_contact_detail_next_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "note_next_clicked_cb",
                                                G_CALLBACK (lh_advice_page_note_next_clicked_cb));
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "withdraw_cb",
                                                G_CALLBACK (lh_advice_page_withdraw_cb));
}

static void
lh_advice_page_init (LhAdvicePage *self)
{
  self->called_cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (int topic = 0; topic < LH_N_TOPICS; topic++)
    {
      GtkWidget *tile = lh_advice_topic_tile_new ((LhTopic) topic);

      g_signal_connect (tile, "clicked", G_CALLBACK (lh_advice_page_topic_clicked_cb), self);
      lh_flow_box_append (self->topics_box, tile);
    }
  for (int contact = 0; contact < LH_N_CONTACTS; contact++)
    {
      GtkWidget *tile = lh_advice_contact_tile_new ((LhContact) contact);

      g_signal_connect (tile, "clicked", G_CALLBACK (lh_advice_page_contact_clicked_cb), self);
      lh_flow_box_append (self->contacts_box, tile);
    }
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (lh_advice_page_note_changed_cb), self, G_CONNECT_SWAPPED);
  lh_advice_page_note_changed_cb (self, gtk_text_view_get_buffer (self->note_view));
}

void
lh_advice_page_start (LhAdvicePage *self)
{
  g_return_if_fail (LH_IS_ADVICE_PAGE (self));

  lh_advice_page_reset (self);
  lh_advice_page_load_all (self);
}

void
lh_advice_page_reset (LhAdvicePage *self)
{
  g_return_if_fail (LH_IS_ADVICE_PAGE (self));

  g_cancellable_cancel (self->ask_cancellable);
  g_clear_object (&self->ask_cancellable);
  g_cancellable_cancel (self->withdraw_cancellable);
  g_clear_object (&self->withdraw_cancellable);
  g_cancellable_cancel (self->ticket_cancellable);
  g_clear_object (&self->ticket_cancellable);
  /* The next person is not told of the last one's ticket. */
  g_cancellable_cancel (self->called_cancellable);
  g_clear_object (&self->called_cancellable);
  self->called_cancellable = g_cancellable_new ();
  g_clear_pointer (&self->dropins, g_ptr_array_unref);
  g_clear_pointer (&self->record, lh_advice_record_free);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->slot, lh_advice_slot_free);
  self->pending = 0;
  self->dropin_id = 0;
  self->dropin_from_list = FALSE;
  self->appointment = FALSE;
  if (self->ticket != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->slots_box));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
      lh_advice_page_clear_contact_detail (self);
      lh_advice_ticket_set_request (self->ticket, NULL, NULL);
      lh_advice_ticket_set_busy (self->ticket, FALSE);
      /* Nothing of the last person's may show: a notification of theirs neither. */
      if (self->notifier != NULL)
        lh_notifier_close (self->notifier, TICKET_NOTIFICATION);
    }
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_advice_page_go_back (LhAdvicePage *self)
{
  LhPage *page = LH_PAGE (self);

  g_return_val_if_fail (LH_IS_ADVICE_PAGE (self), FALSE);

  /* A request in flight happens anyway: wait for its answer. */
  if (lh_advice_page_is_busy (self))
    return TRUE;
  if (lh_page_view_is (page, "confirm"))
    {
      lh_advice_page_show_step (self, "note");
      return TRUE;
    }
  if (!lh_page_view_is (page, "list"))
    return FALSE;
  lh_page_show_message (page, NULL);
  if (lh_page_content_is (page, "note"))
    lh_advice_page_show_step (self, "contact");
  else if (lh_page_content_is (page, "contact"))
    lh_advice_page_show_step (self, self->appointment ? "slots" : self->dropin_from_list ? "dropins" : "how");
  else if (lh_page_content_is (page, "slots") || lh_page_content_is (page, "dropins"))
    lh_advice_page_show_step (self, "how");
  else if (lh_page_content_is (page, "how"))
    lh_advice_page_show_step (self, "topic");
  else
    return FALSE;
  /* Changed elsewhere while the person was choosing. */
  if (lh_page_is_stale (page))
    lh_advice_page_load_all (self);
  return TRUE;
}

void
lh_advice_page_set_notifier (LhAdvicePage *self,
                             LhNotifier   *notifier)
{
  g_return_if_fail (LH_IS_ADVICE_PAGE (self));
  g_return_if_fail (notifier == NULL || LH_IS_NOTIFIER (notifier));

  g_set_object (&self->notifier, notifier);
}
