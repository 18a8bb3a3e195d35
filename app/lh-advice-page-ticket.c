/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Talk to a ULR once asked: the ticket or appointment kept up to date,
 * leaving the queue or giving the time back, and being called. */
#define G_LOG_DOMAIN "lh-advice-page"

#include "lh-advice-page-private.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-client-advice.h"

void
lh_advice_page_show_ticket (LhAdvicePage          *self,
             const LhAdviceRequest *request)
{
  g_autoptr(GDateTime) now = lh_advice_page_now (self);

  lh_advice_ticket_set_request (self->ticket, request, now);
  lh_page_set_view (LH_PAGE (self), "done");
}

static void
ticket_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LhAdvicePage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;

  request = lh_client_get_advice_request_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_ADVICE_PAGE (user_data);
  g_clear_object (&self->ticket_cancellable);
  if (request != NULL && lh_page_view_is (LH_PAGE (self), "done"))
    lh_advice_page_show_ticket (self, request);
  else if (error != NULL)
    /* What was last known stays in view; the next change tries again. */
    g_debug ("Could not read the request again: %s", error->message);
}

void
lh_advice_page_reload_ticket (LhAdvicePage *self)
{
  const LhAdviceRequest *request = lh_advice_ticket_get_request (self->ticket);

  if (request == NULL || !lh_advice_request_is_open (request) || lh_advice_page_is_busy (self))
    return;
  g_cancellable_cancel (self->ticket_cancellable);
  g_clear_object (&self->ticket_cancellable);
  self->ticket_cancellable = g_cancellable_new ();
  lh_client_get_advice_request_async (lh_page_get_client (LH_PAGE (self)), request->id,
                                      self->ticket_cancellable, ticket_cb, self);
}

/* ---- leaving the queue, giving the time back -------------------------- */

static void
withdraw_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  LhAdvicePage *self;
  g_autoptr(GError) error = NULL;
  const LhAdviceRequest *request;
  g_autofree char *message = NULL;

  if (!lh_client_withdraw_advice_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_ADVICE_PAGE (user_data);
  g_clear_object (&self->withdraw_cancellable);
  lh_advice_ticket_set_busy (self->ticket, FALSE);
  request = lh_advice_ticket_get_request (self->ticket);

  if (error == NULL)
    {
      message = g_strdup (request && request->appointment ? _("You gave the time back.")
                                                          : _("You have left the queue."));
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", message);
      lh_advice_page_start (self);
      return;
    }
  g_debug ("Withdrawing failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  /* Called meanwhile, or gone: show how it is now, with why. */
  message = lh_advice_format_refusal (error);
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", message);
  if (request != NULL)
    {
      g_autoptr(LhAdviceRequest) copy = lh_advice_request_copy (request);

      lh_advice_page_show_ticket (self, copy);
    }
  lh_advice_page_reload_ticket (self);
}

void
lh_advice_page_withdraw_cb (LhAdvicePage   *self,
             LhAdviceTicket *ticket)
{
  const LhAdviceRequest *request = lh_advice_ticket_get_request (ticket);

  if (request == NULL || lh_advice_page_is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;
  g_cancellable_cancel (self->ticket_cancellable);
  g_clear_object (&self->ticket_cancellable);
  self->withdraw_cancellable = g_cancellable_new ();
  lh_advice_ticket_set_busy (ticket, TRUE);
  lh_client_withdraw_advice_async (lh_page_get_client (LH_PAGE (self)), request->id,
                                   self->withdraw_cancellable, withdraw_done_cb, self);
}

/* "Ticket 7 — please go to Desk 1": loudest where the person looks. */
static void
announce_called (LhAdvicePage *self,
                 const char   *text,
                 gboolean      on_ticket)
{
  /* They may be in another program, or looking away from the kiosk. */
  if (self->notifier != NULL)
    lh_notifier_show (self->notifier, TICKET_NOTIFICATION, _("It is your turn"), text, TRUE, NULL);
  if (on_ticket && gtk_widget_get_mapped (GTK_WIDGET (self)) && lh_page_view_is (LH_PAGE (self), "done"))
    return;  /* the ticket on screen says it already */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && lh_page_view_is (LH_PAGE (self), "list"))
    lh_page_show_message (LH_PAGE (self), text);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", text);
}

static void
called_request_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LhAdvicePage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;
  LhClient *client = LH_CLIENT (source);
  LhPerson *person;
  g_autofree char *text = NULL;

  request = lh_client_get_advice_request_finish (client, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_ADVICE_PAGE (user_data);
  person = lh_client_get_person (client);
  /* Said only to whom it is for: the event may have been for whoever was
   * signed in a moment before, and a ULR may read others' requests. */
  if (request == NULL || person == NULL || request->learner_id != person->id ||
      g_strcmp0 (request->status, "called") != 0)
    return;
  text = lh_advice_format_called (request->ticket, request->desk);
  announce_called (self, text, FALSE);
}

void
lh_advice_page_ticket_called_cb (LhAdvicePage *self,
                  const char   *type,
                  JsonNode     *data,
                  LhClient     *client)
{
  JsonObject *object = data && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;
  const LhAdviceRequest *shown = lh_advice_ticket_get_request (self->ticket);
  g_autoptr(LhAdviceRequest) called = NULL;
  g_autofree char *text = NULL;
  gint64 request_id;
  const char *desk;

  /* The kiosk's own stream has it only while that person is signed in. */
  if (object == NULL || !lh_client_is_signed_in (client))
    return;
  request_id = json_object_get_int_member_with_default (object, "request_id", 0);
  if (shown == NULL || shown->id != request_id)
    {
      /* Not the ticket on screen: whose it is, the daemon says. */
      lh_client_get_advice_request_async (client, request_id, self->called_cancellable,
                                          called_request_cb, self);
      return;
    }
  desk = json_object_get_string_member_with_default (object, "desk", NULL);
  called = lh_advice_request_copy (shown);
  g_free (called->status);
  called->status = g_strdup ("called");
  g_free (called->desk);
  called->desk = g_strdup (desk);
  called->position = 0;
  called->wait_minutes = 0;
  text = lh_advice_format_called (called->ticket, desk);
  lh_advice_ticket_set_request (self->ticket, called, NULL);
  /* And the rest of it as the daemon has it now. */
  lh_advice_page_reload_ticket (self);
  announce_called (self, text, TRUE);
}
