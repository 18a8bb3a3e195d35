/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Equipment page's item view, and the confirm view's forms: assign a
 * fault, record its repair, change an item's status. */
#define G_LOG_DOMAIN "lh-equipment-page"

#include "lh-equipment-page-private.h"

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-card-widgets.h"
#include "lh-equipment-words.h"
#include "lh-slot-widgets.h"

static void status_clicked_cb (LhEquipmentPage *self, GtkButton *button);

void
lh_equipment_page_show_item (LhEquipmentPage *self,
                             LhItemDetail    *detail)
{
  g_autofree char *title = lh_equipment_format_item (detail->item);
  /* Translators: "Status: In repair" */
  g_autofree char *status = g_strdup_printf (_("Status: %s"), lh_equipment_status_words (detail->item->status));

  g_clear_pointer (&self->detail, lh_item_detail_free);
  self->detail = detail;
  gtk_label_set_label (self->item_title_label, title);
  gtk_label_set_label (self->item_status_label, status);
  /* The daemon says whether its details may change (not once retired). */
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), detail->editable);
  {
    /* Translators: read out, "Edit the details of LC-0201" */
    g_autofree char *edit_a11y = g_strdup_printf (_("Edit the details of %s"), detail->item->asset_tag);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_a11y,
                                    -1);
  }
  lh_remove_children (GTK_WIDGET (self->statuses_box));
  for (guint i = 0; i < detail->choices->len; i++)
    {
      const LhStatusChoice *choice = g_ptr_array_index (detail->choices, i);
      const char *words = lh_equipment_status_words (choice->status);
      /* Translators: read out, "Set LC-0201 to Faulty" */
      g_autofree char *a11y = g_strdup_printf (_("Set %s to %s"), detail->item->asset_tag, words);
      g_autofree char *name = g_strdup_printf ("status-%s", choice->status);
      GtkWidget *button = lh_card_button_new (words, "lh-secondary", a11y);

      gtk_widget_set_name (button, name);
      g_object_set_data (G_OBJECT (button), CHOICE_KEY, (gpointer) choice);
      g_signal_connect_object (button, "clicked", G_CALLBACK (status_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->statuses_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->statuses_label), detail->choices->len > 0);
  lh_remove_children (GTK_WIDGET (self->history_box));
  for (guint i = 0; i < detail->history->len; i++)
    {
      g_autofree char *row = lh_equipment_format_event (g_ptr_array_index (detail->history, i));

      gtk_box_append (self->history_box, lh_card_line_new ("document-open-recent-symbolic", row, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_more_label), detail->history_more);
  lh_page_set_view (LH_PAGE (self), "item");
  lh_equipment_page_update_buttons (self);
}

static void
item_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhItemDetail *detail = lh_client_equipment_item_finish (LH_CLIENT (source), result, &error);
  LhEquipmentPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUIPMENT_PAGE (user_data);
  g_clear_object (&self->item_cancellable);
  if (self->busy_button != NULL)
    lh_busy_end (self->busy_button);
  g_clear_object (&self->busy_button);
  lh_equipment_page_update_buttons (self);
  if (detail != NULL)
    {
      lh_equipment_page_show_item (self, detail);
      return;
    }
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;
  {
    g_autofree char *message = lh_equipment_format_refusal (error);

    lh_page_show_message (LH_PAGE (self), message);
    lh_equipment_page_load_list (self);
  }
}

void
lh_equipment_page_item_clicked (LhEquipmentPage *self,
                                GtkButton       *button)
{
  const gint64 *id = g_object_get_data (G_OBJECT (button), ITEM_ID_KEY);

  if (self->item_cancellable != NULL || self->send_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)))
    return;
  lh_page_show_message (LH_PAGE (self), NULL);
  self->item_cancellable = g_cancellable_new ();
  g_set_object (&self->busy_button, button);
  lh_busy_begin (button);
  lh_equipment_page_update_buttons (self);
  lh_client_equipment_item_async (lh_page_get_client (LH_PAGE (self)), *id, NULL, NULL, self->item_cancellable,
                                  item_cb, self);
}

/* ---- assigning, repairing, changing a status --------------------------- */

static void
name_clicked_cb (LhEquipmentPage *self,
                 GtkButton       *button)
{
  gtk_editable_set_text (GTK_EDITABLE (self->form_entry), g_object_get_data (G_OBJECT (button), NAME_KEY));
}

/* The names already seeing to a fault, to tap instead of typing. */
static void
fill_names (LhEquipmentPage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->names_box))) != NULL;)
    gtk_flow_box_remove (self->names_box, child);
  for (guint i = 0; self->faults != NULL && i < self->faults->len; i++)
    {
      const LhOpenFault *fault = g_ptr_array_index (self->faults, i);
      g_autofree char *a11y = NULL;
      GtkWidget *button;

      if (fault->assigned_to == NULL || !g_hash_table_add (seen, fault->assigned_to))
        continue;
      /* Translators: read out, "Choose Site IT, J. Smith" */
      a11y = g_strdup_printf (_("Choose %s"), fault->assigned_to);
      button = lh_card_button_new (fault->assigned_to, "lh-secondary", a11y);
      g_object_set_data_full (G_OBJECT (button), NAME_KEY, g_strdup (fault->assigned_to), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (name_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->names_box, button);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->names_box), g_hash_table_size (seen) > 0);
}

void
lh_equipment_page_show_form (LhEquipmentPage *self,
                             const char      *question,
                             const char      *facts,
                             const char      *form,
                             const char      *confirm)
{
  gtk_label_set_label (self->confirm_question_label, question);
  gtk_label_set_label (self->form_label, form);
  gtk_editable_set_text (GTK_EDITABLE (self->form_entry), "");
  /* The on-screen keyboard's layout: a name, or a note. */
  gtk_entry_set_input_purpose (self->form_entry, self->see_to == SEE_TO_ASSIGN ? GTK_INPUT_PURPOSE_NAME
                                                                                : GTK_INPUT_PURPOSE_FREE_FORM);
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), confirm);
  lh_page_show_confirm (LH_PAGE (self), facts, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->form_entry));
}

void
lh_equipment_page_see_to_clicked (LhEquipmentPage *self,
                                  GtkButton       *button)
{
  const LhOpenFault *fault = g_object_get_data (G_OBJECT (button), FAULT_KEY);
  g_autofree char *item = NULL;
  g_autofree char *question = NULL;
  g_autofree char *facts = NULL;

  if (self->send_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)) || fault == NULL)
    return;
  g_clear_pointer (&self->fault, lh_open_fault_free);
  self->fault = lh_open_fault_copy (fault);
  self->see_to = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "lh-see-to"));
  item = lh_equipment_format_fault_item (fault);
  /* Translators: "Keyboard or mouse. Nobody is seeing to it yet." */
  facts = g_strdup_printf (_("%s. %s."), lh_equipment_category_words (fault->category),
                           fault->assigned_to != NULL ? fault->assigned_to : _("Nobody is seeing to it yet"));
  if (self->see_to == SEE_TO_ASSIGN)
    {
      question = g_strdup_printf (_("Who is seeing to %s?"), item);
      fill_names (self);
      lh_equipment_page_show_form (self, question, facts, _("Type a name, or tap one"), _("Assign the fault"));
    }
  else
    {
      question = g_strdup_printf (_("Is %s repaired?"), item);
      gtk_widget_set_visible (GTK_WIDGET (self->names_box), FALSE);
      lh_equipment_page_show_form (self, question, facts, _("What was done? A short note, if you like"),
                                   _("Record the repair"));
    }
}

static void
status_clicked_cb (LhEquipmentPage *self,
                   GtkButton       *button)
{
  const LhStatusChoice *choice = g_object_get_data (G_OBJECT (button), CHOICE_KEY);
  g_autofree char *question = NULL;
  g_autofree char *facts = NULL;

  if (self->send_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)) || choice == NULL ||
      self->detail == NULL)
    return;
  self->see_to = SEE_TO_STATUS;
  g_free (self->new_status);
  self->new_status = g_strdup (choice->status);
  self->note_required = choice->note_required;
  /* Translators: "Set LC-0201 to Faulty?" */
  question = g_strdup_printf (_("Set %s to %s?"), self->detail->item->asset_tag,
                              lh_equipment_status_words (choice->status));
  facts = lh_equipment_format_item (self->detail->item);
  gtk_widget_set_visible (GTK_WIDGET (self->names_box), FALSE);
  lh_equipment_page_show_form (self, question, facts,
                               choice->note_required ? _("Why? In a few words, for the repairer and the committee")
                                                     : _("A short note, if you like"),
                               _("Change the status"));
}

void
lh_equipment_page_form_changed (LhEquipmentPage *self,
                                GtkEditable     *editable)
{
  lh_page_show_confirm_error (LH_PAGE (self), NULL);
}

static void
sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhOpenFault) fault = NULL;
  LhItemDetail *detail = NULL;
  LhEquipmentPage *self;
  g_autofree char *toast = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == lh_client_equipment_item_async)
    detail = lh_client_equipment_item_finish (LH_CLIENT (source), result, &error);
  else
    fault = lh_client_see_to_fault_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_EQUIPMENT_PAGE (user_data);
  g_clear_object (&self->send_cancellable);
  lh_page_end_confirm (LH_PAGE (self));
  lh_equipment_page_update_buttons (self);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  if (error != NULL)
    {
      g_autofree char *message = lh_equipment_format_refusal (error);

      g_debug ("Seeing to equipment failed: %s", error->message);
      lh_page_show_confirm_error (LH_PAGE (self), message);
      return;
    }
  if (detail != NULL)
    {
      toast = lh_equipment_format_status_toast (detail->item);
      lh_equipment_page_show_item (self, detail);
    }
  else
    {
      toast = self->see_to == SEE_TO_ASSIGN ? lh_equipment_format_assigned_toast (fault)
                                            : lh_equipment_format_repaired_toast (fault);
      lh_equipment_page_load_list (self);
    }
  self->see_to = SEE_TO_NOTHING;
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", toast);
}

void
lh_equipment_page_confirm_clicked (LhEquipmentPage *self,
                                   GtkWidget       *widget)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  g_autofree char *text = NULL;

  if (self->send_cancellable != NULL || self->see_to == SEE_TO_NOTHING || !lh_page_can_confirm (LH_PAGE (self)))
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->form_entry))));
  if (*text == '\0' && (self->see_to == SEE_TO_ASSIGN || (self->see_to == SEE_TO_STATUS && self->note_required)))
    {
      lh_page_show_confirm_error (LH_PAGE (self), self->see_to == SEE_TO_ASSIGN
                                                    ? _("Please type a name, or tap one.")
                                                    : _("Please say why, in a few words."));
      return;
    }
  if (self->see_to == SEE_TO_CHECK)
    {
      lh_equipment_page_send_check_done (self, text);
      return;
    }
  self->send_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  lh_equipment_page_update_buttons (self);
  if (self->see_to == SEE_TO_STATUS)
    lh_client_equipment_item_async (client, self->detail->item->id, self->new_status, text,
                                    self->send_cancellable, sent_cb, self);
  else
    lh_client_see_to_fault_async (client, self->fault->id, self->see_to == SEE_TO_ASSIGN, text,
                                  self->send_cancellable, sent_cb, self);
}

