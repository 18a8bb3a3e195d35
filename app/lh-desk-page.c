/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-desk-page"

#include "lh-desk-page-private.h"
#include "lh-may.h"

#include "lh-busy.h"
#include "lh-client-advice.h"
#include "lh-desk-record.h"
#include "lh-slot-widgets.h"

G_DEFINE_FINAL_TYPE (LhDeskPage, lh_desk_page, LH_TYPE_PAGE)

static LhClient *
client_of (LhDeskPage *self)
{
  return lh_page_get_client (LH_PAGE (self));
}

static gint64
me (LhDeskPage *self)
{
  LhPerson *person = client_of (self) ? lh_client_get_person (client_of (self)) : NULL;

  return person ? person->id : 0;
}

static gboolean
is_busy (LhDeskPage *self)
{
  return self->action_cancellable != NULL || lh_desk_request_view_is_busy (self->request_view) ||
         lh_desk_record_is_busy (self->record_view);
}

static void
lh_desk_page_update_online (LhPage   *page,
                            gboolean  online)
{
  LhDeskPage *self = LH_DESK_PAGE (page);

  lh_page_set_buttons_sensitive (GTK_WIDGET (self->desk_box), online && !is_busy (self));
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->work_box), online && !is_busy (self));
  if (!lh_busy_is_busy (GTK_BUTTON (self->open_button)))
    gtk_widget_set_sensitive (self->open_button, online && gtk_stack_get_visible_child_name (self->open_stack) &&
                                                 g_str_equal (gtk_stack_get_visible_child_name (self->open_stack), "form"));
  lh_desk_request_view_update_online (self->request_view, online);
  lh_desk_record_update_online (self->record_view, online);
}

static void
back_to_list (LhDeskPage *self,
              const char *message)
{
  lh_page_set_view (LH_PAGE (self), "list");
  lh_desk_page_load (self);
  lh_page_show_message (LH_PAGE (self), message);
}

/* ---- loading ---------------------------------------------------------- */

static void
one_answer (LhDeskPage *self,
            GError     *error)
{
  if (error != NULL && self->load_error == NULL)
    self->load_error = g_error_copy (error);
  if (--self->pending > 0)
    return;
  if (self->load_error == NULL)
    lh_desk_page_show_desk (self);
  lh_page_end_load (LH_PAGE (self), self->load_error);
  g_clear_error (&self->load_error);
}

static void
dropins_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *dropins = lh_client_list_dropins_finish (LH_CLIENT (source), result, &error);
  LhDeskPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  if (dropins != NULL)
    {
      g_clear_pointer (&self->dropins, g_ptr_array_unref);
      self->dropins = dropins;
    }
  one_answer (self, error);
}

static void
queues_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *queues = lh_client_get_queues_finish (LH_CLIENT (source), result, &error);
  LhDeskPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  if (queues != NULL)
    {
      g_clear_pointer (&self->queues, g_ptr_array_unref);
      self->queues = queues;
    }
  one_answer (self, error);
}

static void
work_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhUlrWork *work = lh_client_get_ulr_work_finish (LH_CLIENT (source), result, &error);
  LhDeskPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_DESK_PAGE (user_data);
  if (work != NULL)
    {
      g_clear_pointer (&self->work, lh_ulr_work_free);
      self->work = work;
    }
  one_answer (self, error);
}

static void
here_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  /* No drop-in of theirs on now (404) is the usual answer out of hours:
   * nothing to show for it. */
  lh_client_dropin_here_finish (LH_CLIENT (source), result, &error);
}

void
lh_desk_page_load (LhDeskPage *self)
{
  GCancellable *cancellable;
  LhClient *client;

  g_return_if_fail (LH_IS_DESK_PAGE (self));

  client = client_of (self);
  if (client == NULL || is_busy (self))
    return;
  cancellable = lh_page_begin_list_load (LH_PAGE (self));
  g_clear_error (&self->load_error);
  self->pending = 3;
  /* At the desk: the daemon counts this ULR's time at the drop-in from now. */
  lh_client_dropin_here_async (client, NULL, here_cb, NULL);
  lh_client_list_dropins_async (client, cancellable, dropins_cb, self);
  lh_client_get_queues_async (client, cancellable, queues_cb, self);
  lh_client_get_ulr_work_async (client, cancellable, work_cb, self);
}

static void
request_ended_cb (LhDeskPage        *self,
                  const char        *message,
                  LhDeskRequestView *view)
{
  gtk_label_set_label (self->done_label, message);
  gtk_widget_set_visible (self->done_record_button, self->record_learner > 0);
  lh_page_set_view (LH_PAGE (self), "done");
}

static void
record_clicked_cb (LhDeskPage *self,
                   GtkButton  *button)
{
  const LhAdviceRequest *request = lh_desk_request_view_get_request (self->request_view);

  if (self->record_learner <= 0 || is_busy (self))
    return;
  self->record_from = lh_page_view_is (LH_PAGE (self), "done") ? "done" : "request";
  lh_desk_record_show (self->record_view, self->record_learner, request ? request->learner : NULL,
                       request ? request->id : 0);
  lh_page_set_view (LH_PAGE (self), "record");
}

/* Out of the record, to where it was opened from. */
static void
record_back_cb (LhDeskPage   *self,
                LhDeskRecord *record)
{
  lh_desk_page_go_back (self);
}

static void
back_clicked_cb (LhDeskPage *self,
                 GtkButton  *button)
{
  lh_desk_page_go_back (self);
}

/* ---- changes made elsewhere ------------------------------------------- */

/* The queue moved, or an appointment came: load again, but only on the
 * list; elsewhere, once the ULR is back on it. */
static void
lh_desk_page_refresh (LhPage *page)
{
  LhDeskPage *self = LH_DESK_PAGE (page);

  lh_page_refresh (page, !lh_page_view_is (page, "list") || is_busy (self) || self->alert_id != 0);
}

static void
lh_desk_page_connect_client (LhPage   *page,
                             LhClient *client)
{
  LhDeskPage *self = LH_DESK_PAGE (page);

  lh_page_refresh_on_event (page, client, "event::queue-changed");
  lh_page_refresh_on_event (page, client, "event::advice-request-arrived");
  lh_desk_request_view_set_client (self->request_view, client);
  lh_desk_record_set_client (self->record_view, client);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_desk_page_dispose (GObject *object)
{
  lh_desk_page_reset (LH_DESK_PAGE (object));

  G_OBJECT_CLASS (lh_desk_page_parent_class)->dispose (object);
}

static void
lh_desk_page_load_page (LhPage *page)
{
  lh_desk_page_load (LH_DESK_PAGE (page));
}

static void
lh_desk_page_class_init (LhDeskPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_desk_page_dispose;
  page_class->connect_client = lh_desk_page_connect_client;
  page_class->update_online = lh_desk_page_update_online;
  page_class->load = lh_desk_page_load_page;
  page_class->refresh = lh_desk_page_refresh;

  g_type_ensure (LH_TYPE_DROPIN_FORM);
  g_type_ensure (LH_TYPE_DESK_REQUEST_VIEW);
  g_type_ensure (LH_TYPE_DESK_RECORD);
  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-desk-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, desk_box);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, work_box);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, open_stack);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, open_spinner);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, dropin_form);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, open_error_label);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, open_back_button);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, request_view);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, record_button);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, record_view);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, done_label);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, done_record_button);
  gtk_widget_class_bind_template_child (widget_class, LhDeskPage, confirm_question_label);
  gtk_widget_class_bind_template_callback (widget_class, request_ended_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_back_cb);
  lh_desk_page_class_add_actions (widget_class);
}

static void
lh_desk_page_init (LhDeskPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
lh_desk_page_is_for (const LhPerson *person)
{
  return lh_may (person, LH_WAY_DESK);
}

void
lh_desk_page_reset (LhDeskPage *self)
{
  g_return_if_fail (LH_IS_DESK_PAGE (self));

  g_cancellable_cancel (self->action_cancellable);
  g_clear_object (&self->action_cancellable);
  g_cancellable_cancel (self->alert_cancellable);
  g_clear_object (&self->alert_cancellable);
  g_clear_handle_id (&self->alert_id, g_source_remove);
  g_clear_error (&self->load_error);
  self->pending = 0;
  self->mine = 0;
  self->record_learner = 0;
  self->call_button = NULL;
  self->alert_stepper = NULL;
  lh_desk_page_actions_reset (self);
  if (self->desk_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->desk_box));
      lh_remove_children (GTK_WIDGET (self->work_box));
      lh_desk_request_view_reset (self->request_view);
      lh_desk_record_reset (self->record_view);
      gtk_label_set_label (self->done_label, "");
    }
  g_clear_pointer (&self->dropins, g_ptr_array_unref);
  g_clear_pointer (&self->queues, g_ptr_array_unref);
  g_clear_pointer (&self->work, lh_ulr_work_free);
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_desk_page_go_back (LhDeskPage *self)
{
  g_return_val_if_fail (LH_IS_DESK_PAGE (self), FALSE);

  if (lh_page_view_is (LH_PAGE (self), "list"))
    return FALSE;
  /* A request in flight happens anyway: wait for its answer. */
  if (is_busy (self))
    return TRUE;
  if (lh_page_view_is (LH_PAGE (self), "record") && lh_desk_record_go_back (self->record_view))
    return TRUE;
  if (lh_page_view_is (LH_PAGE (self), "record") && self->record_from != NULL)
    {
      lh_desk_record_reset (self->record_view);
      lh_page_set_view (LH_PAGE (self), self->record_from);
      return TRUE;
    }
  back_to_list (self, NULL);
  return TRUE;
}

/* ---- for lh-desk-page-actions.c --------------------------------------- */

void
lh_desk_page_back_to_list (LhDeskPage *self,
                           const char *message)
{
  back_to_list (self, message);
}

LhClient *
lh_desk_page_client (LhDeskPage *self)
{
  return client_of (self);
}

gint64
lh_desk_page_me (LhDeskPage *self)
{
  return me (self);
}

gboolean
lh_desk_page_busy (LhDeskPage *self)
{
  return is_busy (self);
}
