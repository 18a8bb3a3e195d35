/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desk page's steps away from the list: opening a drop-in, and
 * asking before closing one or deleting a record. */
#define G_LOG_DOMAIN "lh-desk-page"

#include "lh-desk-page-private.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-busy.h"
#include "lh-client-advice.h"
#include "lh-messages.h"
#include "lh-slot-widgets.h"
#include "lh-time-format.h"

/* ---- opening a drop-in ------------------------------------------------ */

static void
show_open_error (LhDeskPage *self,
                 const char *message)
{
  gtk_label_set_label (self->open_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->open_error_label), message != NULL);
}

static void
form_ready (LhDeskPage *self)
{
  LhClient *client = lh_desk_page_client (self);

  if (self->rooms == NULL || self->ulrs == NULL)
    return;
  g_clear_object (&self->form_cancellable);
  gtk_spinner_stop (self->open_spinner);
  lh_dropin_form_set_choices (self->dropin_form, self->rooms, self->ulrs, lh_desk_page_me (self), client);
  gtk_stack_set_visible_child_name (self->open_stack, "form");
  lh_page_update_online (LH_PAGE (self));
}

static void
form_failed (LhDeskPage   *self,
             const GError *error)
{
  g_autofree char *message = lh_message_for_error (error);

  g_cancellable_cancel (self->form_cancellable);
  g_clear_object (&self->form_cancellable);
  gtk_spinner_stop (self->open_spinner);
  show_open_error (self, message);
}

static void
rooms_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rooms = lh_client_list_rooms_finish (LH_CLIENT (source), result, &error);
  LhDeskPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  if (rooms == NULL)
    {
      form_failed (self, error);
      return;
    }
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  self->rooms = rooms;
  form_ready (self);
}

static void
ulrs_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ulrs = lh_client_list_ulrs_finish (LH_CLIENT (source), result, &error);
  LhDeskPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  if (ulrs == NULL)
    {
      form_failed (self, error);
      return;
    }
  g_clear_pointer (&self->ulrs, g_ptr_array_unref);
  self->ulrs = ulrs;
  form_ready (self);
}

void
lh_desk_page_open_form (LhDeskPage *self)
{
  LhClient *client = lh_desk_page_client (self);

  g_cancellable_cancel (self->form_cancellable);
  g_clear_object (&self->form_cancellable);
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  g_clear_pointer (&self->ulrs, g_ptr_array_unref);
  show_open_error (self, NULL);
  gtk_stack_set_visible_child_name (self->open_stack, "loading");
  gtk_spinner_start (self->open_spinner);
  lh_page_set_view (LH_PAGE (self), "open");
  lh_page_update_online (LH_PAGE (self));

  self->form_cancellable = g_cancellable_new ();
  lh_client_list_rooms_async (client, self->form_cancellable, rooms_cb, self);
  lh_client_list_ulrs_async (client, self->form_cancellable, ulrs_cb, self);
}

static void
open_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = lh_client_open_dropin_finish (LH_CLIENT (source), result, &error);
  LhDeskPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  g_clear_object (&self->action_cancellable);
  lh_busy_end (GTK_BUTTON (self->open_button));
  gtk_widget_set_sensitive (self->open_back_button, TRUE);
  lh_page_update_online (LH_PAGE (self));
  if (dropin != NULL)
    {
      g_autofree char *until = lh_format_clock (dropin->end);
      /* Translators: "The drop-in is open until 14:00." */
      g_autofree char *message = g_strdup_printf (_("The drop-in is open until %s."), until);

      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", message);
      lh_desk_page_back_to_list (self, NULL);
      return;
    }
  g_debug ("Opening a drop-in failed: %s", error->message);
  if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = lh_advice_format_refusal (error);

      show_open_error (self, message);
    }
}

static void
open_clicked_cb (LhDeskPage *self,
                 GtkButton  *button)
{
  LhClient *client = lh_desk_page_client (self);
  GArray *ulrs = lh_dropin_form_get_ulrs (self->dropin_form);
  const char *place = lh_dropin_form_get_place (self->dropin_form);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (lh_desk_page_busy (self) || client == NULL || !lh_page_is_online (LH_PAGE (self)) || place == NULL)
    return;
  if (ulrs->len == 0)
    {
      show_open_error (self, _("Please choose who is at a desk."));
      return;
    }
  show_open_error (self, NULL);
  /* From this minute: a start a second ago is not "in the past". */
  start = lh_client_now (client);
  end = g_date_time_add_minutes (start, lh_dropin_form_get_minutes (self->dropin_form));
  self->action_cancellable = g_cancellable_new ();
  lh_busy_begin (button);
  gtk_widget_set_sensitive (self->open_back_button, FALSE);
  lh_client_open_dropin_async (client, place, start, end, (const LhDeskChoice *) ulrs->data, ulrs->len,
                               self->action_cancellable, open_cb, self);
}

/* ---- asking first ----------------------------------------------------- */

void
lh_desk_page_ask_close (LhDeskPage *self,
                        gint64      dropin_id)
{
  self->confirm = CONFIRM_CLOSE;
  self->confirm_id = dropin_id;
  gtk_label_set_label (self->confirm_question_label, _("Close the drop-in now?"));
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), _("Close it"));
  lh_page_show_confirm (LH_PAGE (self), _("Anyone still waiting is told the drop-in has closed. "
                                          "Your time at it is logged as facility time."), TRUE);
}

void
lh_desk_page_ask_delete (LhDeskPage *self,
                         gint64      learner_id,
                         const char *learner)
{
  g_autofree char *question = NULL;

  self->confirm = CONFIRM_DELETE;
  self->confirm_id = learner_id;
  /* Translators: "Delete the advice record of Sam Wood?" */
  question = g_strdup_printf (_("Delete the advice record of %s?"), learner);
  gtk_label_set_label (self->confirm_question_label, question);
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), _("Delete it"));
  lh_page_show_confirm (LH_PAGE (self), _("They asked for this. Notes, plan and learning MOTs go for good; "
                                          "only counts with no name stay."), TRUE);
}

static void
confirm_done (LhDeskPage   *self,
              const GError *error,
              const char   *done)
{
  g_clear_object (&self->action_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  if (error == NULL)
    {
      self->confirm = CONFIRM_NONE;
      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", done);
      lh_desk_page_back_to_list (self, NULL);
    }
  else if (!g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *message = lh_advice_format_refusal (error);

      g_debug ("Confirming failed: %s", error->message);
      lh_page_show_confirm_error (LH_PAGE (self), message);
    }
}

static void
close_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lh_client_close_dropin_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  confirm_done (LH_DESK_PAGE (user_data), error, _("The drop-in is closed."));
}

static void
delete_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lh_client_confirm_deletion_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  confirm_done (LH_DESK_PAGE (user_data), error, _("The record is deleted."));
}

static void
confirm_clicked_cb (LhDeskPage *self,
                    GtkButton  *button)
{
  LhClient *client = lh_desk_page_client (self);

  if (lh_desk_page_busy (self) || !lh_page_can_confirm (LH_PAGE (self)) || self->confirm == CONFIRM_NONE)
    return;
  self->action_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  if (self->confirm == CONFIRM_CLOSE)
    lh_client_close_dropin_async (client, self->confirm_id, self->action_cancellable, close_cb, self);
  else
    lh_client_confirm_deletion_async (client, self->confirm_id, self->action_cancellable, delete_cb, self);
}

static void
confirm_back_clicked_cb (LhDeskPage *self,
                         GtkButton  *button)
{
  if (lh_desk_page_busy (self))
    return;
  self->confirm = CONFIRM_NONE;
  lh_desk_page_back_to_list (self, NULL);
}

void
lh_desk_page_actions_reset (LhDeskPage *self)
{
  g_cancellable_cancel (self->form_cancellable);
  g_clear_object (&self->form_cancellable);
  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  g_clear_pointer (&self->ulrs, g_ptr_array_unref);
  self->confirm = CONFIRM_NONE;
  self->confirm_id = 0;
  if (self->open_button != NULL)
    {
      lh_busy_end (GTK_BUTTON (self->open_button));
      gtk_widget_set_sensitive (self->open_back_button, TRUE);
      show_open_error (self, NULL);
    }
}

void
lh_desk_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
}
