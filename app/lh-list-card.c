/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-list-card"

#include "lh-list-card.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-chart-words.h"

/* Lines of text (the action plan, the meetings) as a table of words. */
GtkWidget *
lh_list_card_new (const LhSiteList *list)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkGrid *grid;
  guint n_headings = g_strv_length (list->headings);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-chart-card");
  gtk_box_append (GTK_BOX (card), lh_card_label_new (lh_chart_title_words (list->id, list->title), "lh-section-title"));
  if (list->rows->len == 0)
    {
      gtk_box_append (GTK_BOX (card), lh_card_label_new (_("Nothing here for this period."), "lh-tt-none"));
      return card;
    }
  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (grid, 16);
  gtk_grid_set_row_spacing (grid, 6);
  for (guint h = 0; h < n_headings; h++)
    {
      GtkWidget *label = lh_card_label_new (lh_chart_heading_words (list->id, h, list->headings[h]),
                                            "lh-chart-heading");

      gtk_grid_attach (grid, label, h, 0, 1, 1);
    }
  for (guint r = 0; r < list->rows->len; r++)
    {
      GStrv fields = g_ptr_array_index (list->rows, r);

      for (guint h = 0; fields[h] != NULL && h < MAX (n_headings, 1); h++)
        gtk_grid_attach (grid, lh_card_label_new (lh_chart_field_words (list->id, h, fields[h]), NULL),
                         h, r + 1, 1, 1);
    }
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (grid));
  return card;
}
