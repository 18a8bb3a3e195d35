/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-why-disabled"

#include "lh-why-disabled.h"

GtkWidget *
lh_why_disabled_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "lh-why-disabled");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

void
lh_why_disabled_set (GtkWidget  *button,
                     GtkWidget  *label,
                     const char *why)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_sensitive (button, why == NULL);
  gtk_label_set_label (GTK_LABEL (label), why != NULL ? why : "");
  gtk_widget_set_visible (label, why != NULL);
  /* A screen reader on the button hears why it does nothing. */
  if (why != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
