/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-card-widgets"

#include "lh-card-widgets.h"

GtkWidget *
lh_card_label_new (const char *text,
                   const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
lh_card_line_new (const char *icon_name,
                  const char *text,
                  const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = lh_card_label_new (text, NULL);

  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_image_set_pixel_size (GTK_IMAGE (image), 24);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_valign (image, GTK_ALIGN_START);
      gtk_widget_set_margin_top (image, 2);
      gtk_box_append (GTK_BOX (box), image);
    }
  gtk_box_append (GTK_BOX (box), label);
  if (css_class != NULL)
    gtk_widget_add_css_class (box, css_class);
  return box;
}

GtkWidget *
lh_card_button_new (const char *label,
                    const char *css_class,
                    const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "lh-row-button");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible, -1);
  return button;
}

GtkWidget *
lh_card_frame_new (GtkWidget **inner)
{
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  g_return_val_if_fail (inner != NULL, NULL);

  /* The card's look outside, its room inside. */
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_margin_bottom (frame, 8);
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_set_margin_bottom (card, 12);
  gtk_widget_set_margin_start (card, 16);
  gtk_widget_set_margin_end (card, 16);
  gtk_box_append (GTK_BOX (frame), card);
  *inner = card;
  return frame;
}
