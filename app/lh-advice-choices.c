/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice-choices"

#include "lh-advice-choices.h"

#include <glib/gi18n.h>

#include "lh-advice-words.h"
#include "lh-time-format.h"

/* A tile: an icon over words; the words are what a screen reader says,
 * the icon says nothing. */
static GtkWidget *
tile_new (const char *icon_name,
          const char *title,
          const char *css_class,
          int         choice)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (title);

  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_add_css_class (label, "lh-advice-tile-label");
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "lh-advice-tile");
  gtk_widget_add_css_class (button, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (button), LH_ADVICE_CHOICE_KEY, GINT_TO_POINTER (choice + 1));
  return button;
}

GtkWidget *
lh_advice_topic_tile_new (LhTopic topic)
{
  g_autofree char *title = lh_topic_title (topic);

  g_return_val_if_fail (topic < LH_N_TOPICS, NULL);
  return tile_new (lh_topic_icon (topic), title, "lh-advice-topic", (int) topic);
}

GtkWidget *
lh_advice_contact_tile_new (LhContact contact)
{
  g_autofree char *title = lh_contact_title (contact);

  g_return_val_if_fail (contact < LH_N_CONTACTS, NULL);
  return tile_new (lh_contact_icon (contact), title, "lh-advice-contact", (int) contact);
}

int
lh_advice_choice_get (GtkWidget *tile)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tile), LH_ADVICE_CHOICE_KEY)) - 1;
}

GtkWidget *
lh_advice_slot_button_new (LhAdviceSlot *slot,
                           GDateTime    *now)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *from = lh_format_clock (slot->start);
  g_autofree char *to = lh_format_clock (slot->end);
  g_autofree char *top = NULL;
  g_autofree char *with = lh_advice_format_with (slot->ulr, slot->place);
  g_autofree char *when = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *top_label;
  GtkWidget *date_label;
  GtkWidget *with_label;

  /* Translators: a free time to talk: "10:00 to 10:30" */
  top = g_strdup_printf (_("%s to %s"), from, to);
  top_label = gtk_label_new (top);
  gtk_widget_add_css_class (top_label, "lh-advice-slot-time");
  when = lh_advice_format_slot_day (slot->start, now);
  date_label = gtk_label_new (when);
  gtk_widget_add_css_class (date_label, "lh-advice-slot-day");
  with_label = gtk_label_new (with);
  gtk_label_set_wrap (GTK_LABEL (with_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (with_label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), date_label);
  gtk_box_append (GTK_BOX (box), top_label);
  gtk_box_append (GTK_BOX (box), with_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "lh-advice-slot");

  /* Translators: what a screen reader says for a free time:
   * "Book Tomorrow, Tue 24 Nov, 10:00 to 10:30, With Dev Patel, Quiet room" */
  a11y = g_strdup_printf (_("Book %s, %s, %s"), when, top, with);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data (G_OBJECT (button), LH_ADVICE_SLOT_KEY, slot);
  return button;
}
