/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Equipment page's scheduled checks: each with what it is, what it
 * covers, when it is due and when it was last done, and a Done button
 * whose form asks for the result and a short note. The next due date is
 * the daemon's answer. */
#define G_LOG_DOMAIN "lh-equipment-page"

#include "lh-equipment-page-private.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-check-words.h"
#include "lh-equipment-words.h"
#include "lh-slot-widgets.h"

#define CHECK_KEY "lh-check"
#define RESULT_KEY "lh-check-result"

static GtkWidget *
check_card (LhEquipmentPage   *self,
            const LhCheckInfo *check,
            GDateTime         *now)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *facts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_autofree char *covers = lh_check_format_covers (check);
  g_autofree char *due = lh_check_format_due (check, now);
  g_autofree char *last = lh_check_format_last_done (check);
  /* Translators: read out for the button, "Record Printer service as done" */
  g_autofree char *a11y = g_strdup_printf (_("Record %s as done"), check->what);
  g_autofree char *name = g_strdup_printf ("check-%" G_GINT64_FORMAT, check->id);
  gboolean overdue = g_strcmp0 (check->state, "overdue") == 0;
  GtkWidget *due_line;
  GtkWidget *button;

  gtk_widget_set_name (card, name);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-group-card");
  gtk_widget_set_hexpand (facts, TRUE);
  gtk_box_append (GTK_BOX (facts), lh_card_label_new (check->what, "lh-group-title"));
  gtk_box_append (GTK_BOX (facts), lh_card_line_new ("view-list-symbolic", covers, NULL));
  due_line = lh_card_line_new (overdue ? "dialog-warning-symbolic" : "alarm-symbolic", due,
                               overdue || g_strcmp0 (check->state, "due-soon") == 0 ? "lh-section-title" : NULL);
  gtk_widget_set_name (due_line, "due");
  gtk_box_append (GTK_BOX (facts), due_line);
  gtk_box_append (GTK_BOX (facts), lh_card_line_new ("document-open-recent-symbolic", last, "lh-group-fullness"));
  gtk_box_append (GTK_BOX (card), facts);

  button = gtk_button_new_with_label (_("Done"));
  gtk_widget_add_css_class (button, "lh-primary");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "check-done");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (button), CHECK_KEY, lh_check_info_copy (check),
                          (GDestroyNotify) lh_check_info_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (lh_equipment_page_check_done_clicked), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (card), button);
  return card;
}

void
lh_equipment_page_show_checks (LhEquipmentPage *self,
                               GDateTime       *now)
{
  lh_remove_children (GTK_WIDGET (self->checks_box));
  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    gtk_box_append (self->checks_box, check_card (self, g_ptr_array_index (self->checks, i), now));
  if (self->checks == NULL || self->checks->len == 0)
    gtk_box_append (self->checks_box, lh_card_label_new (_("No checks are scheduled."), "lh-lead"));
}

/* ---- recording a check done -------------------------------------------- */

static void
result_toggled_cb (GtkToggleButton *button,
                   LhEquipmentPage *self)
{
  /* The chosen result stands out more than the theme's pressed look. */
  if (!gtk_toggle_button_get_active (button))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (button), "suggested-action");
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (button), "suggested-action");
  g_free (self->check_result);
  self->check_result = g_strdup (g_object_get_data (G_OBJECT (button), RESULT_KEY));
  lh_page_show_confirm_error (LH_PAGE (self), NULL);
}

static GtkWidget *
result_button (LhEquipmentPage *self,
               const char      *result,
               GtkWidget       *group)
{
  const char *words = lh_check_result_words (result);
  /* Translators: read out, "The check passed" / "The check failed" */
  g_autofree char *a11y = g_strdup_printf (_("Result: %s"), words);
  g_autofree char *name = g_strdup_printf ("result-%s", result);
  GtkWidget *button = gtk_toggle_button_new_with_label (words);

  gtk_widget_set_name (button, name);
  gtk_widget_add_css_class (button, "lh-secondary");
  gtk_widget_set_size_request (button, 160, 48);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  if (group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (group));
  g_object_set_data (G_OBJECT (button), RESULT_KEY, (gpointer) result);
  g_signal_connect (button, "toggled", G_CALLBACK (result_toggled_cb), self);
  return button;
}

/* The results the API offers, as two buttons of which one is chosen;
 * in the confirm view's row of choices. */
static void
fill_results (LhEquipmentPage *self)
{
  GtkWidget *passed;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->names_box))) != NULL;)
    gtk_flow_box_remove (self->names_box, child);
  passed = result_button (self, "passed", NULL);
  gtk_flow_box_append (self->names_box, passed);
  gtk_flow_box_append (self->names_box, result_button (self, "failed", passed));
  gtk_widget_set_visible (GTK_WIDGET (self->names_box), TRUE);
}

void
lh_equipment_page_check_done_clicked (LhEquipmentPage *self,
                                      GtkButton       *button)
{
  const LhCheckInfo *check = g_object_get_data (G_OBJECT (button), CHECK_KEY);
  g_autoptr(GDateTime) now = lh_client_now (lh_page_get_client (LH_PAGE (self)));
  g_autofree char *question = NULL;
  g_autofree char *covers = NULL;
  g_autofree char *due = NULL;
  g_autofree char *facts = NULL;

  if (self->send_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)) || check == NULL)
    return;
  g_clear_pointer (&self->check, lh_check_info_free);
  self->check = lh_check_info_copy (check);
  g_clear_pointer (&self->check_result, g_free);
  self->see_to = SEE_TO_CHECK;
  /* Translators: "How did the Printer service go?" */
  question = g_strdup_printf (_("How did the %s go?"), check->what);
  covers = lh_check_format_covers (check);
  due = lh_check_format_due (check, now);
  /* Translators: "Covers LC-0501. Overdue since Monday 30 November." */
  facts = g_strdup_printf (_("%s. %s."), covers, due);
  fill_results (self);
  lh_equipment_page_show_form (self, question, facts,
                               _("Choose Passed or Failed. A short note, if you like"), _("Record the check"));
}

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhCheckInfo) check = lh_client_check_done_finish (LH_CLIENT (source), result, &error);
  g_autofree char *toast = NULL;
  LhEquipmentPage *self;

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
      g_autofree char *message = lh_check_format_refusal (error);

      g_debug ("Recording a check failed: %s", error->message);
      lh_page_show_confirm_error (LH_PAGE (self), message);
      return;
    }
  toast = lh_check_format_done_toast (check);
  self->see_to = SEE_TO_NOTHING;
  g_clear_pointer (&self->check, lh_check_info_free);
  lh_equipment_page_load_list (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", toast);
}

void
lh_equipment_page_send_check_done (LhEquipmentPage *self,
                                   const char      *note)
{
  if (self->check_result == NULL)
    {
      lh_page_show_confirm_error (LH_PAGE (self), _("Please choose Passed or Failed."));
      return;
    }
  self->send_cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  lh_equipment_page_update_buttons (self);
  lh_client_check_done_async (lh_page_get_client (LH_PAGE (self)), self->check->id, self->check_result, note,
                              self->send_cancellable, done_cb, self);
}
