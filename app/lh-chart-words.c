/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-chart"

#include "lh-chart-words.h"

#include <glib/gi18n.h>

char *
lh_chart_format_figure (const LhSiteTable  *table,
                        const LhSiteFigure *figure)
{
  int value;

  if (figure->suppressed)
    return g_strdup (_("Not shown"));
  value = (int) CLAMP (figure->value, 0, G_MAXINT);
  if (g_strcmp0 (table->unit, "minutes") == 0)
    /* Translators: a figure of a chart, "120 minutes" */
    return g_strdup_printf (ngettext ("%d minute", "%d minutes", value), value);
  if (g_strcmp0 (table->unit, "people") == 0)
    return g_strdup_printf (ngettext ("%d person", "%d people", value), value);
  if (g_strcmp0 (table->unit, "items") == 0)
    return g_strdup_printf (ngettext ("%d item", "%d items", value), value);
  return g_strdup_printf ("%d", value);
}

static const char *
kind_words (LhSiteChart chart)
{
  switch (chart)
    {
    case LH_SITE_CHART_LINES:
      return _("Line chart");
    case LH_SITE_CHART_HEAT:
      return _("Heat map");
    case LH_SITE_CHART_BARS:
    case LH_SITE_CHART_NONE:
    default:
      return _("Bar chart");
    }
}

char *
lh_chart_describe (const LhSiteTable *table,
                   guint              n_hidden)
{
  guint n_rows = lh_site_table_n_rows (table);
  guint n_columns = lh_site_table_n_columns (table);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) series = g_string_new (NULL);
  const LhSiteFigure *highest = NULL;
  guint highest_row = 0, highest_column = 0;

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const LhSiteFigure *figure = lh_site_table_cell (table, r, c);

        if (!figure->suppressed && (highest == NULL || figure->value > highest->value))
          {
            highest = figure;
            highest_row = r;
            highest_column = c;
          }
      }
  for (guint c = 0; c < n_columns; c++)
    {
      if (series->len > 0)
        g_string_append (series, ", ");
      g_string_append (series, g_ptr_array_index (table->column_labels, c));
    }
  /* Translators: "Line chart: Minutes used a week, by PC. Series: PC 1, PC 2." */
  g_string_append_printf (text, _("%s: %s. Series: %s."), kind_words (table->chart), table->title, series->str);
  if (n_rows > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: "From Week of 29 June to Week of 21 September." */
      g_string_append_printf (text, _("From %s to %s."), (char *) g_ptr_array_index (table->row_labels, 0),
                              (char *) g_ptr_array_index (table->row_labels, n_rows - 1));
    }
  if (highest != NULL)
    {
      g_autofree char *figure = lh_chart_format_figure (table, highest);

      g_string_append_c (text, ' ');
      /* Translators: "Highest: 340 minutes, PC 1, Week of 6 July." */
      g_string_append_printf (text, _("Highest: %s, %s, %s."), figure,
                              (char *) g_ptr_array_index (table->column_labels, highest_column),
                              (char *) g_ptr_array_index (table->row_labels, highest_row));
    }
  if (n_hidden > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u figure not shown, to protect privacy.",
                                              "%u figures not shown, to protect privacy.", n_hidden),
                              n_hidden);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
