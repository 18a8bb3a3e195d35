/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-form-parts"

#include "lh-form-parts.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-client.h"

GtkEntry *
lh_form_add_text (GtkBox     *form,
                  const char *title,
                  const char *text,
                  const char *name)
{
  GtkEntry *entry = GTK_ENTRY (gtk_entry_new ());

  g_return_val_if_fail (GTK_IS_BOX (form), NULL);

  gtk_box_append (form, lh_card_label_new (title, "lh-field-title"));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "lh-name-entry");
  gtk_widget_set_name (GTK_WIDGET (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (form, GTK_WIDGET (entry));
  return entry;
}

void
lh_form_footer_add (LhFormFooter *footer,
                    GtkBox       *form,
                    const char   *save_label,
                    GCallback     clicked,
                    gpointer      data)
{
  g_return_if_fail (footer != NULL);
  g_return_if_fail (GTK_IS_BOX (form));

  footer->error_label = GTK_LABEL (lh_card_label_new (NULL, "lh-lead"));
  gtk_widget_set_visible (GTK_WIDGET (footer->error_label), FALSE);
  gtk_box_append (form, GTK_WIDGET (footer->error_label));

  footer->save_button = gtk_button_new_with_label (save_label);
  gtk_widget_add_css_class (footer->save_button, "suggested-action");
  gtk_widget_add_css_class (footer->save_button, "lh-primary");
  gtk_widget_set_halign (footer->save_button, GTK_ALIGN_START);
  g_signal_connect (footer->save_button, "clicked", clicked, data);
  gtk_box_append (form, footer->save_button);
}

void
lh_form_footer_set_busy (LhFormFooter *footer,
                         gboolean      busy)
{
  g_return_if_fail (footer != NULL);

  gtk_widget_set_sensitive (footer->save_button, !busy);
  if (busy)
    gtk_widget_set_visible (GTK_WIDGET (footer->error_label), FALSE);
}

void
lh_form_footer_show_error (LhFormFooter *footer,
                           const char   *words)
{
  g_return_if_fail (footer != NULL);

  gtk_label_set_label (footer->error_label, words);
  gtk_widget_set_visible (GTK_WIDGET (footer->error_label), TRUE);
}

char *
lh_form_too_long_words (const GError *error)
{
  guint max_chars = lh_client_error_get_max_chars (error, NULL);

  if (g_strcmp0 (lh_client_error_get_reason (error), "text-too-long") != 0 || max_chars == 0)
    return NULL;
  return g_strdup_printf (ngettext ("That is too long: please write at most %u letter.",
                                    "That is too long: please write at most %u letters.", max_chars),
                          max_chars);
}
