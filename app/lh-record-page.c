/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-record-page"

#include "lh-record-page.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-busy.h"
#include "lh-client-advice.h"
#include "lh-record-sections.h"
#include "lh-slot-widgets.h"
#include "lh-time-format.h"

struct _LhRecordPage
{
  LhPage          parent_instance;

  GCancellable   *change_cancellable;  /* (owned) (nullable) while a change is in flight */
  GCancellable   *ulrs_cancellable;    /* (owned) (nullable) while listing the ULRs */
  LhAdviceRecord *record;              /* (owned) (nullable) shown */
  GPtrArray      *ulrs;                /* (owned) (nullable) (element-type LhUlr) to share with */
  char           *done_message;        /* (owned) (nullable) said when the change is made */

  /* template children (unowned) */
  GtkScrolledWindow *scroller;
  GtkBox            *record_box;
  GtkWidget         *share_button;
  GtkLabel          *delete_label;
  GtkWidget         *delete_button;
  GtkFlowBox        *ulrs_box;
  GtkWidget         *ulrs_none_label;
};

G_DEFINE_FINAL_TYPE (LhRecordPage, lh_record_page, LH_TYPE_PAGE)

static gboolean
is_busy (LhRecordPage *self)
{
  return self->change_cancellable != NULL;
}

static GDateTime *
now_here (LhRecordPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));

  return client ? lh_client_now (client) : g_date_time_new_now_local ();
}

static void
lh_record_page_update_online (LhPage   *page,
                              gboolean  online)
{
  LhRecordPage *self = LH_RECORD_PAGE (page);

  /* What was last known stays readable; nothing can be changed. */
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->record_box), online && !is_busy (self));
  gtk_widget_set_sensitive (self->share_button, online && !is_busy (self));
  gtk_widget_set_sensitive (self->delete_button, online && !is_busy (self));
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->ulrs_box), online && !is_busy (self));
}

/* ---- a change --------------------------------------------------------- */

/* Nothing else can be pressed until the answer comes. */
static void
begin_change (LhRecordPage *self,
              GtkButton    *button,
              const char   *done_message)
{
  self->change_cancellable = g_cancellable_new ();
  g_free (self->done_message);
  self->done_message = g_strdup (done_message);
  lh_page_show_message (LH_PAGE (self), NULL);
  if (button != NULL)
    lh_busy_begin (button);
  lh_page_update_online (LH_PAGE (self));
}

static void
end_change (LhRecordPage *self,
            GError       *error)
{
  g_autofree char *message = g_steal_pointer (&self->done_message);

  g_clear_object (&self->change_cancellable);
  if (error != NULL)
    {
      g_debug ("Changing the record failed: %s", error->message);
      if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
        return;  /* the window signs out and says so */
      g_free (message);
      message = lh_advice_format_refusal (error);
    }
  if (lh_page_view_is (LH_PAGE (self), "confirm"))
    lh_page_end_confirm (LH_PAGE (self));
  lh_page_set_view (LH_PAGE (self), "list");
  lh_record_page_load (self);
  lh_page_show_message (LH_PAGE (self), message);
}

static void
share_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lh_client_share_record_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_change (LH_RECORD_PAGE (user_data), error);
}

static void
deletion_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!lh_client_ask_record_deletion_finish (LH_CLIENT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_change (LH_RECORD_PAGE (user_data), error);
}

static void
plan_item_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LhRecordPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPlanItem) item = lh_client_set_plan_item_done_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_RECORD_PAGE (user_data);
  g_clear_object (&self->change_cancellable);
  g_clear_pointer (&self->done_message, g_free);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;
  lh_record_page_load (self);
  if (error != NULL)
    {
      g_autofree char *message = lh_advice_format_refusal (error);

      lh_page_show_message (LH_PAGE (self), message);
    }
}

static void
toggle_done_clicked_cb (GtkButton    *button,
                        LhRecordPage *self)
{
  LhPlanItem *item = g_object_get_data (G_OBJECT (button), LH_RECORD_ITEM_KEY);

  if (item == NULL || is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;
  begin_change (self, button, NULL);
  lh_client_set_plan_item_done_async (lh_page_get_client (LH_PAGE (self)), item->id, !item->done,
                                      self->change_cancellable, plan_item_cb, self);
}

static void
stop_sharing_clicked_cb (GtkButton    *button,
                         LhRecordPage *self)
{
  LhUlr *ulr = g_object_get_data (G_OBJECT (button), LH_RECORD_ULR_KEY);
  g_autofree char *message = NULL;

  if (ulr == NULL || is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;
  message = g_strdup_printf (_("%s can no longer see your record."), ulr->name);
  begin_change (self, button, message);
  lh_client_share_record_async (lh_page_get_client (LH_PAGE (self)), ulr->id, FALSE,
                                self->change_cancellable, share_cb, self);
}

/* ---- sharing with another ULR ----------------------------------------- */

static void
share_with_clicked_cb (GtkButton    *button,
                       LhRecordPage *self)
{
  LhUlr *ulr = g_object_get_data (G_OBJECT (button), LH_RECORD_ULR_KEY);
  g_autofree char *message = NULL;

  if (ulr == NULL || is_busy (self) || !lh_page_is_online (LH_PAGE (self)))
    return;
  message = g_strdup_printf (_("%s can now see your record."), ulr->name);
  begin_change (self, button, message);
  lh_client_share_record_async (lh_page_get_client (LH_PAGE (self)), ulr->id, TRUE,
                                self->change_cancellable, share_cb, self);
}

static gboolean
is_supporter (LhRecordPage *self,
              gint64        ulr_id)
{
  for (guint i = 0; self->record != NULL && i < self->record->supporters->len; i++)
    if (((LhUlr *) g_ptr_array_index (self->record->supporters, i))->id == ulr_id)
      return TRUE;
  return FALSE;
}

static void
ulrs_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LhRecordPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ulrs = lh_client_list_ulrs_finish (LH_CLIENT (source), result, &error);
  LhPerson *person;
  guint shown = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_RECORD_PAGE (user_data);
  g_clear_object (&self->ulrs_cancellable);
  lh_busy_end (GTK_BUTTON (self->share_button));
  if (ulrs == NULL)
    {
      g_autofree char *message = lh_advice_format_refusal (error);

      lh_page_show_message (LH_PAGE (self), message);
      return;
    }
  person = lh_client_get_person (lh_page_get_client (LH_PAGE (self)));
  lh_remove_children (GTK_WIDGET (self->ulrs_box));
  g_clear_pointer (&self->ulrs, g_ptr_array_unref);
  self->ulrs = g_steal_pointer (&ulrs);
  for (guint i = 0; i < self->ulrs->len; i++)
    {
      LhUlr *ulr = g_ptr_array_index (self->ulrs, i);
      g_autofree char *a11y = NULL;
      GtkWidget *button;

      /* Those who can see it already, and a ULR who is the learner. */
      if (is_supporter (self, ulr->id) || (person != NULL && person->id == ulr->id))
        continue;
      a11y = g_strdup_printf (_("Share your record with %s"), ulr->name);
      button = gtk_button_new_with_label (ulr->name);
      gtk_widget_add_css_class (button, "lh-choice");
      gtk_widget_add_css_class (button, "lh-choice-big");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_object_set_data (G_OBJECT (button), LH_RECORD_ULR_KEY, ulr);
      g_signal_connect (button, "clicked", G_CALLBACK (share_with_clicked_cb), self);
      lh_flow_box_append (self->ulrs_box, button);
      shown++;
    }
  gtk_widget_set_visible (self->ulrs_none_label, shown == 0);
  lh_page_set_view (LH_PAGE (self), "share");
  lh_page_update_online (LH_PAGE (self));
}

static void
share_clicked_cb (LhRecordPage *self,
                  GtkButton    *button)
{
  if (is_busy (self) || self->ulrs_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)))
    return;
  self->ulrs_cancellable = g_cancellable_new ();
  lh_busy_begin (button);
  lh_client_list_ulrs_async (lh_page_get_client (LH_PAGE (self)), self->ulrs_cancellable, ulrs_cb, self);
}

static void
share_back_clicked_cb (LhRecordPage *self,
                       GtkButton    *button)
{
  lh_record_page_go_back (self);
}

/* ---- deleting --------------------------------------------------------- */

static void
delete_clicked_cb (LhRecordPage *self,
                   GtkButton    *button)
{
  if (is_busy (self) || self->record == NULL)
    return;
  lh_page_show_confirm (LH_PAGE (self),
                        _("Your notes, learning plan and check-ups will go. "
                          "A ULR confirms it first, so you can still change your mind with them."),
                        TRUE);
}

static void
confirm_clicked_cb (LhRecordPage *self,
                    GtkButton    *button)
{
  if (is_busy (self) || !lh_page_can_confirm (LH_PAGE (self)))
    return;
  begin_change (self, NULL, _("You asked for your record to be deleted. A ULR will confirm it."));
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_ask_record_deletion_async (lh_page_get_client (LH_PAGE (self)), self->change_cancellable,
                                       deletion_cb, self);
}

static void
confirm_back_clicked_cb (LhRecordPage *self,
                         GtkButton    *button)
{
  lh_record_page_go_back (self);
}

/* ---- the record ------------------------------------------------------- */

static void
show_record (LhRecordPage   *self,
             LhAdviceRecord *record)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (vadjustment);
  g_autoptr(GDateTime) now = now_here (self);
  const LhRecordCallbacks callbacks = {
    .toggle_done = G_CALLBACK (toggle_done_clicked_cb),
    .stop_sharing = G_CALLBACK (stop_sharing_clicked_cb),
    .user_data = self,
  };
  g_autofree char *delete_text = NULL;

  /* The widgets point into the old record: drop them first. */
  lh_remove_children (GTK_WIDGET (self->record_box));
  g_clear_pointer (&self->record, lh_advice_record_free);
  self->record = record;
  lh_record_sections_fill (self->record_box, record, now, &callbacks);

  if (record->deletion_asked != NULL)
    {
      g_autofree char *day = lh_format_day_long (record->deletion_asked);

      delete_text = g_strdup_printf (_("You asked on %s for your record to be deleted. A ULR will confirm it."), day);
    }
  else if (record->delete_after != NULL)
    {
      g_autofree char *date = lh_advice_format_date (record->delete_after);

      delete_text = g_strdup_printf (_("Your record is kept until %s, or until you ask for it to be deleted."), date);
    }
  else
    delete_text = g_strdup (_("You can ask for your record to be deleted at any time."));
  gtk_label_set_label (self->delete_label, delete_text);
  gtk_widget_set_visible (self->delete_button, record->deletion_asked == NULL);
  lh_page_set_content (LH_PAGE (self), "list");
  lh_page_update_online (LH_PAGE (self));
  /* Shown again after a change: stay where the person was reading. */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

static void
record_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  LhAdviceRecord *record = lh_client_get_advice_record_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (record != NULL)
    show_record (LH_RECORD_PAGE (user_data), record);
  lh_page_end_load (LH_PAGE (user_data), error);
}

static void
lh_record_page_refresh (LhPage *page)
{
  LhRecordPage *self = LH_RECORD_PAGE (page);

  lh_page_refresh (page, !lh_page_view_is (page, "list") || is_busy (self));
}

static void
lh_record_page_connect_client (LhPage   *page,
                               LhClient *client)
{
  /* The open request's place in the queue moves. */
  lh_page_refresh_on_event (page, client, "event::queue-changed");
  lh_page_refresh_on_event (page, client, "event::ticket-called");
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_record_page_dispose (GObject *object)
{
  lh_record_page_reset (LH_RECORD_PAGE (object));

  G_OBJECT_CLASS (lh_record_page_parent_class)->dispose (object);
}

static void
lh_record_page_load_page (LhPage *page)
{
  lh_record_page_load (LH_RECORD_PAGE (page));
}

static void
lh_record_page_class_init (LhRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_record_page_dispose;
  page_class->connect_client = lh_record_page_connect_client;
  page_class->update_online = lh_record_page_update_online;
  page_class->load = lh_record_page_load_page;
  page_class->refresh = lh_record_page_refresh;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-record-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhRecordPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LhRecordPage, record_box);
  gtk_widget_class_bind_template_child (widget_class, LhRecordPage, share_button);
  gtk_widget_class_bind_template_child (widget_class, LhRecordPage, delete_label);
  gtk_widget_class_bind_template_child (widget_class, LhRecordPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, LhRecordPage, ulrs_box);
  gtk_widget_class_bind_template_child (widget_class, LhRecordPage, ulrs_none_label);
  gtk_widget_class_bind_template_callback (widget_class, share_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, share_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
}

static void
lh_record_page_init (LhRecordPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_record_page_load (LhRecordPage *self)
{
  LhPage *page = LH_PAGE (self);
  GCancellable *cancellable;

  g_return_if_fail (LH_IS_RECORD_PAGE (self));

  if (lh_page_get_client (page) == NULL || is_busy (self))
    return;
  cancellable = lh_page_begin_list_load (page);
  lh_client_get_advice_record_async (lh_page_get_client (page), cancellable, record_cb, self);
}

void
lh_record_page_reset (LhRecordPage *self)
{
  g_return_if_fail (LH_IS_RECORD_PAGE (self));

  g_cancellable_cancel (self->change_cancellable);
  g_clear_object (&self->change_cancellable);
  g_cancellable_cancel (self->ulrs_cancellable);
  g_clear_object (&self->ulrs_cancellable);
  if (self->record_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->record_box));
      lh_remove_children (GTK_WIDGET (self->ulrs_box));
      lh_busy_end (GTK_BUTTON (self->share_button));
      gtk_label_set_label (self->delete_label, "");
    }
  g_clear_pointer (&self->record, lh_advice_record_free);
  g_clear_pointer (&self->ulrs, g_ptr_array_unref);
  g_clear_pointer (&self->done_message, g_free);
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_record_page_go_back (LhRecordPage *self)
{
  g_return_val_if_fail (LH_IS_RECORD_PAGE (self), FALSE);

  if (lh_page_view_is (LH_PAGE (self), "list"))
    return FALSE;
  /* A request in flight happens anyway: wait for its answer. */
  if (is_busy (self))
    return TRUE;
  lh_page_set_view (LH_PAGE (self), "list");
  if (lh_page_is_stale (LH_PAGE (self)))
    lh_record_page_load (self);
  return TRUE;
}
