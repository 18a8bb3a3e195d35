/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Equipment page's details view: the admin adds an item to the
 * inventory, or edits an item's details. The PCs to choose from are read
 * first; what the daemon refuses is said on the form, which stays as it
 * was typed. */
#define G_LOG_DOMAIN "lh-equipment-page"

#include "lh-equipment-page-private.h"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-equipment-words.h"

static void
pcs_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pcs = lh_client_list_pcs_finish (LH_CLIENT (source), result, &error);
  LhEquipmentPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUIPMENT_PAGE (user_data);
  g_clear_object (&self->item_cancellable);
  if (self->busy_button != NULL)
    lh_busy_end (self->busy_button);
  g_clear_object (&self->busy_button);
  lh_equipment_page_update_buttons (self);
  if (pcs == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
        return;  /* the window signs out and says so */
      message = lh_equipment_format_refusal (error);
      lh_page_show_message (LH_PAGE (self), message);
      return;
    }
  /* From an item's view, its details; from the list, a new item. */
  if (lh_page_view_is (LH_PAGE (self), "item") && self->detail != NULL)
    lh_equipment_form_show_edit (self->form, self->detail->item, pcs);
  else
    lh_equipment_form_show_new (self->form, (const char * const *) self->kinds, pcs);
  lh_page_set_view (LH_PAGE (self), "details");
}

static void
open_form (LhEquipmentPage *self,
           GtkButton       *button)
{
  if (self->item_cancellable != NULL || self->send_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)))
    return;
  lh_page_show_message (LH_PAGE (self), NULL);
  self->item_cancellable = g_cancellable_new ();
  g_set_object (&self->busy_button, button);
  lh_busy_begin (button);
  lh_equipment_page_update_buttons (self);
  lh_client_list_pcs_async (lh_page_get_client (LH_PAGE (self)), self->item_cancellable, pcs_cb, self);
}

void
lh_equipment_page_add_clicked (LhEquipmentPage *self,
                               GtkButton       *button)
{
  g_clear_pointer (&self->detail, lh_item_detail_free);
  open_form (self, button);
}

void
lh_equipment_page_edit_clicked (LhEquipmentPage *self,
                                GtkButton       *button)
{
  if (self->detail != NULL)
    open_form (self, button);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhItemDetail *detail = lh_client_save_equipment_finish (LH_CLIENT (source), result, &error);
  LhEquipmentPage *self;
  g_autofree char *toast = NULL;
  gboolean added;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUIPMENT_PAGE (user_data);
  g_clear_object (&self->send_cancellable);
  lh_equipment_form_set_busy (self->form, FALSE);
  lh_equipment_page_update_buttons (self);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  if (detail == NULL)
    {
      g_autofree char *message = lh_equipment_format_edit_refusal (error);

      g_debug ("Saving an item failed: %s", error->message);
      lh_equipment_form_show_error (self->form, message);
      return;
    }
  added = lh_equipment_form_get_item_id (self->form) == 0;
  toast = lh_equipment_format_saved_toast (detail, added);
  lh_equipment_page_show_item (self, detail);
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", toast);
}

static void
form_save_cb (LhEquipmentPage *self,
              LhEquipmentForm *form)
{
  LhEquipmentChanges changes;

  /* Not while the form is being filled again, nor twice. */
  if (self->send_cancellable != NULL || self->item_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)) ||
      !lh_equipment_form_get_changes (form, &changes))
    return;
  lh_equipment_form_show_error (form, NULL);
  self->send_cancellable = g_cancellable_new ();
  lh_equipment_form_set_busy (form, TRUE);
  lh_equipment_page_update_buttons (self);
  lh_client_save_equipment_async (lh_page_get_client (LH_PAGE (self)), lh_equipment_form_get_item_id (form),
                                  &changes, self->send_cancellable, saved_cb, self);
}

static void
form_back_cb (LhEquipmentPage *self,
              LhEquipmentForm *form)
{
  lh_equipment_page_go_back (self);
}

void
lh_equipment_page_add_form (LhEquipmentPage *self)
{
  GtkWidget *form = lh_equipment_form_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_widget_set_margin_top (form, 24);
  gtk_widget_set_margin_bottom (form, 24);
  gtk_widget_set_margin_start (form, 32);
  gtk_widget_set_margin_end (form, 32);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_child (ADW_CLAMP (clamp), form);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (adw_bin_get_child (ADW_BIN (self))), scroller, "details");
  self->form = LH_EQUIPMENT_FORM (form);
  g_signal_connect_object (form, "save", G_CALLBACK (form_save_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form, "back", G_CALLBACK (form_back_cb), self, G_CONNECT_SWAPPED);
}
