/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-chart-card"

#include "lh-chart-card.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-chart.h"

#define CHART_KEY "lh-chart"

static const char *
caption_for (const LhSiteTable *table)
{
  switch (table->chart)
    {
    case LH_SITE_CHART_LINES:
      return _("Each line is one series, week by week. Hatched weeks are not shown.");
    case LH_SITE_CHART_HEAT:
      return _("The darker the square, the more. Hatched squares are not shown.");
    case LH_SITE_CHART_BARS:
      return _("The taller the bar, the more. Hatched bars are not shown.");
    case LH_SITE_CHART_NONE:
    default:
      return NULL;
    }
}

static void
attach (GtkGrid *grid, const char *text, int column, int row, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  gtk_widget_add_css_class (label, heading ? "lh-chart-heading" : "lh-chart-number");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
attach_figure (GtkGrid *grid, const LhSiteTable *table, const LhSiteFigure *figure, int column, int row)
{
  g_autofree char *text = lh_chart_format_figure (table, figure);

  attach (grid, text, column, row, FALSE);
  if (figure->suppressed)
    gtk_widget_add_css_class (gtk_grid_get_child_at (grid, column, row), "lh-chart-hidden");
}

/* Every figure as the daemon sent it, with its totals if it sent any. */
static GtkWidget *
numbers_new (const LhSiteTable *table)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *scroller = gtk_scrolled_window_new ();
  guint n_rows = lh_site_table_n_rows (table);
  guint n_columns = lh_site_table_n_columns (table);

  gtk_grid_set_column_spacing (grid, 16);
  gtk_grid_set_row_spacing (grid, 6);
  for (guint c = 0; c < n_columns; c++)
    attach (grid, g_ptr_array_index (table->column_labels, c), c + 1, 0, TRUE);
  if (table->row_totals != NULL)
    attach (grid, _("Total"), n_columns + 1, 0, TRUE);
  for (guint r = 0; r < n_rows; r++)
    {
      attach (grid, g_ptr_array_index (table->row_labels, r), 0, r + 1, TRUE);
      for (guint c = 0; c < n_columns; c++)
        attach_figure (grid, table, lh_site_table_cell (table, r, c), c + 1, r + 1);
      if (table->row_totals != NULL)
        attach_figure (grid, table, &table->row_totals[r], n_columns + 1, r + 1);
    }
  if (table->column_totals != NULL || table->has_total)
    attach (grid, _("Total"), 0, n_rows + 1, TRUE);
  if (table->column_totals != NULL)
    for (guint c = 0; c < n_columns; c++)
      attach_figure (grid, table, &table->column_totals[c], c + 1, n_rows + 1);
  /* The whole table's total, in a column of totals; with a single column
   * and no row totals it is that column's total again. */
  if (table->has_total && (table->row_totals != NULL || n_columns > 1 || table->column_totals == NULL))
    {
      if (table->row_totals == NULL)
        attach (grid, _("Total"), n_columns + 1, 0, TRUE);
      attach_figure (grid, table, &table->total, n_columns + 1, n_rows + 1);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (grid));
  return scroller;
}

#define CAPTION_KEY "lh-caption"

/* Read out as shown, then which chart: "Show the numbers: Age band". */
static void
name_toggle (GtkToggleButton *button)
{
  g_autofree char *spoken = NULL;

  /* Translators: read out on the toggle: its words, then the chart's title */
  spoken = g_strdup_printf (_("%s: %s"), gtk_button_get_label (GTK_BUTTON (button)),
                            (const char *) g_object_get_data (G_OBJECT (button), "lh-chart-title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
toggled_cb (GtkToggleButton *button,
            GtkStack        *stack)
{
  gboolean numbers = gtk_toggle_button_get_active (button);

  gtk_stack_set_visible_child_name (stack, numbers ? "numbers" : "chart");
  /* The caption tells how to read the chart, not the numbers. */
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (stack), CAPTION_KEY), !numbers);
  gtk_button_set_label (GTK_BUTTON (button), numbers ? _("Show the chart") : _("Show the numbers"));
  name_toggle (button);
}

GtkWidget *
lh_chart_card_new (const LhSiteTable *table,
                   int                threshold)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  /* A time's chart is drawn in hours: its title says so. */
  g_autofree char *words = g_strcmp0 (table->unit, "minutes") == 0
                           /* Translators: a chart's title, "Time used a week (hours)" */
                           ? g_strdup_printf (_("%s (hours)"), lh_chart_title_words (table->id, table->title))
                           : g_strdup (lh_chart_title_words (table->id, table->title));
  GtkWidget *title = lh_card_label_new (words, "lh-section-title");
  const char *caption = caption_for (table);
  GtkWidget *caption_label;
  GtkWidget *stack;
  GtkWidget *chart;
  GtkWidget *toggle;

  g_return_val_if_fail (table != NULL, NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-chart-card");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (card), header);
  if (caption == NULL)
    {
      gtk_box_append (GTK_BOX (card), numbers_new (table));
      return card;
    }
  caption_label = lh_card_label_new (caption, "lh-chart-caption");
  gtk_box_append (GTK_BOX (card), caption_label);

  stack = gtk_stack_new ();
  g_object_set_data (G_OBJECT (stack), CAPTION_KEY, caption_label);
  chart = lh_chart_new (table, threshold);
  gtk_stack_add_named (GTK_STACK (stack), chart, "chart");
  gtk_stack_add_named (GTK_STACK (stack), numbers_new (table), "numbers");
  gtk_stack_set_vhomogeneous (GTK_STACK (stack), FALSE);
  gtk_box_append (GTK_BOX (card), stack);
  g_object_set_data (G_OBJECT (card), CHART_KEY, chart);

  toggle = gtk_toggle_button_new_with_label (_("Show the numbers"));
  gtk_widget_add_css_class (toggle, "lh-chart-toggle");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (toggle), "lh-chart-title",
                          g_strdup (lh_chart_title_words (table->id, table->title)), g_free);
  name_toggle (GTK_TOGGLE_BUTTON (toggle));
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (toggled_cb), stack, 0);
  gtk_box_append (GTK_BOX (header), toggle);
  return card;
}

GtkWidget *
lh_chart_card_get_chart (GtkWidget *card)
{
  g_return_val_if_fail (GTK_IS_WIDGET (card), NULL);

  return g_object_get_data (G_OBJECT (card), CHART_KEY);
}
