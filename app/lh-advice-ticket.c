/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice-ticket"

#include "lh-advice-ticket.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-busy.h"

struct _LhAdviceTicket
{
  GtkBox           parent_instance;

  LhAdviceRequest *request;  /* (owned) (nullable) */
  gboolean         online;

  /* template children (unowned) */
  GtkImage  *icon;
  GtkLabel  *title_label;
  GtkWidget *called_box;
  GtkLabel  *called_label;
  GtkWidget *number_box;
  GtkLabel  *number_label;
  GtkLabel  *position_label;
  GtkLabel  *wait_label;
  GtkLabel  *place_label;
  GtkLabel  *hint_label;
  GtkStack  *action_stack;
  GtkButton *withdraw_button;
  GtkLabel  *ask_label;
  GtkButton *keep_button;
  GtkButton *yes_button;
};

G_DEFINE_FINAL_TYPE (LhAdviceTicket, lh_advice_ticket, GTK_TYPE_BOX)

enum {
  SIGNAL_WITHDRAW,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_text (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
withdraw_clicked_cb (LhAdviceTicket *self,
                     GtkButton      *button)
{
  if (self->request == NULL || !self->online)
    return;
  gtk_stack_set_visible_child_name (self->action_stack, "ask");
  gtk_widget_grab_focus (GTK_WIDGET (self->keep_button));
}

static void
keep_clicked_cb (LhAdviceTicket *self,
                 GtkButton      *button)
{
  if (lh_busy_is_busy (self->yes_button))
    return;
  gtk_stack_set_visible_child_name (self->action_stack, "actions");
}

static void
yes_clicked_cb (LhAdviceTicket *self,
                GtkButton      *button)
{
  if (self->request == NULL || !self->online || lh_busy_is_busy (self->yes_button))
    return;
  g_signal_emit (self, signals[SIGNAL_WITHDRAW], 0);
}

static void
lh_advice_ticket_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LH_TYPE_ADVICE_TICKET);

  G_OBJECT_CLASS (lh_advice_ticket_parent_class)->dispose (object);
}

static void
lh_advice_ticket_finalize (GObject *object)
{
  LhAdviceTicket *self = LH_ADVICE_TICKET (object);

  g_clear_pointer (&self->request, lh_advice_request_free);

  G_OBJECT_CLASS (lh_advice_ticket_parent_class)->finalize (object);
}

static void
lh_advice_ticket_class_init (LhAdviceTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_advice_ticket_dispose;
  object_class->finalize = lh_advice_ticket_finalize;

  /* Yes, leave the queue (or give the time back): the owner sends it. */
  signals[SIGNAL_WITHDRAW] =
    g_signal_new ("withdraw", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-advice-ticket.ui");
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, icon);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, title_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, called_box);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, called_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, number_box);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, number_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, position_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, wait_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, place_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, hint_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, action_stack);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, ask_label);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, keep_button);
  gtk_widget_class_bind_template_child (widget_class, LhAdviceTicket, yes_button);
  gtk_widget_class_bind_template_callback (widget_class, withdraw_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, keep_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, yes_clicked_cb);
}

static void
lh_advice_ticket_init (LhAdviceTicket *self)
{
  self->online = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* A queue ticket: the number big, the place in the queue, the wait. */
static void
show_queue (LhAdviceTicket        *self,
            const LhAdviceRequest *request,
            GDateTime             *now)
{
  g_autofree char *number = g_strdup_printf ("%d", request->ticket);
  g_autofree char *a11y = g_strdup_printf (_("Your ticket number is %d"), request->ticket);
  gboolean waiting = g_strcmp0 (request->status, "waiting") == 0;
  gboolean called = g_strcmp0 (request->status, "called") == 0;
  gboolean started = g_strcmp0 (request->status, "started") == 0;
  g_autofree char *position = waiting ? lh_advice_format_position (request->position) : NULL;
  g_autofree char *wait = waiting ? lh_advice_format_wait (request->wait_minutes) : NULL;
  g_autofree char *called_text = called ? lh_advice_format_called (request->ticket, request->desk) : NULL;

  /* The ticket is the thing to see: no tick over it, and room for the
   * buttons below at 1280x800. */
  gtk_widget_set_visible (GTK_WIDGET (self->icon), FALSE);
  gtk_label_set_label (self->number_label, number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->number_label), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  gtk_widget_set_visible (self->number_box, request->ticket > 0);
  if (waiting)
    gtk_label_set_label (self->title_label, _("You are in the queue"));
  else if (called)
    gtk_label_set_label (self->title_label, _("It is your turn"));
  else if (started)
    gtk_label_set_label (self->title_label, _("You are talking with your ULR"));
  show_text (self->called_label, called_text);
  gtk_widget_set_visible (self->called_box, called);
  show_text (self->position_label, position);
  show_text (self->wait_label, wait);
  show_text (self->place_label, request->place);
  show_text (self->hint_label, waiting ? _("Stay near the queue screen. When it is your turn, your number shows there "
                                           "with the desk to go to. Nobody else sees your name.")
                                       : NULL);
  gtk_button_set_label (self->withdraw_button, _("Leave the queue"));
  gtk_label_set_label (self->ask_label, _("Leave the queue? You lose your place."));
  gtk_button_set_label (self->keep_button, _("No, stay"));
  gtk_button_set_label (self->yes_button, _("Yes, leave"));
  gtk_widget_set_visible (GTK_WIDGET (self->action_stack), waiting);
}

static void
show_appointment (LhAdviceTicket        *self,
                  const LhAdviceRequest *request)
{
  g_autofree char *when = request->start && request->end ? lh_advice_format_when (request->start, request->end) : NULL;
  g_autofree char *with = request->ulr ? lh_advice_format_with (request->ulr, NULL) : NULL;

  gtk_widget_set_visible (self->number_box, FALSE);
  gtk_widget_set_visible (self->called_box, FALSE);
  gtk_label_set_label (self->title_label, g_strcmp0 (request->status, "started") == 0
                                          ? _("You are talking with your ULR")
                                          : _("Your time with a ULR is booked"));
  show_text (self->position_label, when);
  show_text (self->wait_label, with);
  show_text (self->place_label, request->place);
  show_text (self->hint_label, _("Just come along at the time. If you cannot come, give the time back here."));
  gtk_button_set_label (self->withdraw_button, _("Give this time back"));
  gtk_label_set_label (self->ask_label, _("Give this time back? Someone else can then have it."));
  gtk_button_set_label (self->keep_button, _("No, keep it"));
  gtk_button_set_label (self->yes_button, _("Yes, give it back"));
  gtk_widget_set_visible (GTK_WIDGET (self->action_stack), g_strcmp0 (request->status, "waiting") == 0);
}

void
lh_advice_ticket_set_request (LhAdviceTicket        *self,
                              const LhAdviceRequest *request,
                              GDateTime             *now)
{
  gboolean still_asking;

  g_return_if_fail (LH_IS_ADVICE_TICKET (self));

  /* A change while the person is asked "Leave the queue?" leaves the
   * question open, as long as there is still a place to leave. */
  still_asking = lh_advice_ticket_is_asking (self) && self->request != NULL && request != NULL &&
                 self->request->id == request->id && g_strcmp0 (request->status, "waiting") == 0;
  g_clear_pointer (&self->request, lh_advice_request_free);
  lh_busy_end (self->yes_button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button), TRUE);
  if (!still_asking)
    gtk_stack_set_visible_child_name (self->action_stack, "actions");
  if (request == NULL)
    return;
  self->request = lh_advice_request_copy (request);

  gtk_image_set_from_icon_name (self->icon, "object-select-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->icon), TRUE);
  if (!lh_advice_request_is_open (request))
    {
      g_autofree char *status = lh_advice_format_status (request);

      gtk_image_set_from_icon_name (self->icon, "dialog-information-symbolic");
      gtk_label_set_label (self->title_label, _("This request has ended"));
      gtk_widget_set_visible (self->number_box, FALSE);
      gtk_widget_set_visible (self->called_box, FALSE);
      show_text (self->position_label, status);
      show_text (self->wait_label, NULL);
      show_text (self->place_label, NULL);
      show_text (self->hint_label, _("You can ask again at any time."));
      gtk_widget_set_visible (GTK_WIDGET (self->action_stack), FALSE);
      return;
    }
  if (request->appointment)
    show_appointment (self, request);
  else
    show_queue (self, request, now);
  lh_advice_ticket_set_online (self, self->online);
}

const LhAdviceRequest *
lh_advice_ticket_get_request (LhAdviceTicket *self)
{
  g_return_val_if_fail (LH_IS_ADVICE_TICKET (self), NULL);

  return self->request;
}

void
lh_advice_ticket_set_busy (LhAdviceTicket *self,
                           gboolean        busy)
{
  g_return_if_fail (LH_IS_ADVICE_TICKET (self));

  if (busy)
    lh_busy_begin (self->yes_button);
  else
    lh_busy_end (self->yes_button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keep_button), !busy);
}

void
lh_advice_ticket_set_online (LhAdviceTicket *self,
                             gboolean        online)
{
  g_return_if_fail (LH_IS_ADVICE_TICKET (self));

  self->online = online;
  gtk_widget_set_sensitive (GTK_WIDGET (self->withdraw_button), online);
  if (!lh_busy_is_busy (self->yes_button))
    gtk_widget_set_sensitive (GTK_WIDGET (self->yes_button), online);
}

gboolean
lh_advice_ticket_is_asking (LhAdviceTicket *self)
{
  g_return_val_if_fail (LH_IS_ADVICE_TICKET (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->action_stack), "ask") == 0;
}
