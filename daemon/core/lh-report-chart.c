/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bars, lines and heat maps of a report table. Scales are taken from the
 * published figures only: a hidden figure must not show through the
 * height of an axis or a bar, so it is drawn as the same small hatched
 * box wherever it is. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-chart.h"

#include <pango/pangocairo.h>

#include "lh-report-words.h"

#define FONT_SIZE 8.0
#define LEGEND_HEIGHT 16.0
#define MARK_SIZE 7.0
#define LINE_LABEL_WIDTH 100.0   /* "Week of 28 September" */
#define HEAT_LABEL_WIDTH 26.0    /* "09:00" */

/* Okabe and Ito's colours, told apart with colour blindness. */
static const double palette[][3] = {
  { 0.000, 0.447, 0.698 },
  { 0.902, 0.624, 0.000 },
  { 0.000, 0.620, 0.451 },
  { 0.800, 0.475, 0.655 },
  { 0.337, 0.706, 0.914 },
  { 0.835, 0.369, 0.000 },
};

static void
set_series_colour (cairo_t *cr, guint series)
{
  const double *rgb = palette[series % G_N_ELEMENTS (palette)];

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

/* Text in the box from x, y of at most max_width, aligned to its left
 * (align 0), middle (0.5) or right (1); returns its height. */
static double
draw_text (cairo_t *cr, const char *text, double x, double y, double max_width, double align)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");
  int width, height;

  pango_font_description_set_absolute_size (font, FONT_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x + (max_width - width) * align, y);
  pango_cairo_show_layout (cr, layout);
  return height;
}

/* The mark of a figure not shown: a box of grey diagonal lines. */
static void
draw_not_shown (cairo_t *cr, double x, double y, double width, double height)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.6);
  for (double d = -height; d < width; d += 3.0)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, x, y, width, height);
  cairo_stroke (cr);
}

static gboolean
is_shown (const LhReportTable *table, guint row, guint column)
{
  return !lh_count_table_is_suppressed (table->counts, row, column);
}

/* The largest published cell: the scale. 1 at least. */
static gint64
largest_shown (const LhReportTable *table)
{
  gint64 largest = 1;

  for (guint r = 0; r < table->row_keys->len; r++)
    for (guint c = 0; c < table->column_keys->len; c++)
      if (is_shown (table, r, c))
        largest = MAX (largest, lh_count_table_get (table->counts, r, c));
  return largest;
}

static gboolean
any_hidden (const LhReportTable *table)
{
  for (guint r = 0; r < table->row_keys->len; r++)
    for (guint c = 0; c < table->column_keys->len; c++)
      if (!is_shown (table, r, c))
        return TRUE;
  return FALSE;
}

/* A swatch per column (not for one column alone), and the hatched mark. */
static void
draw_legend (cairo_t *cr, const LhReportTable *table, double y, double width, gboolean series)
{
  double x = 0;

  for (guint c = 0; series && table->column_keys->len > 1 && c < table->column_keys->len; c++)
    {
      set_series_colour (cr, c);
      cairo_rectangle (cr, x, y + 2, MARK_SIZE, MARK_SIZE);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, g_ptr_array_index (table->column_labels, c), x + MARK_SIZE + 3, y, 90, 0);
      x += 100;
      if (x + 100 > width)
        break;
    }
  if (any_hidden (table))
    {
      draw_not_shown (cr, x, y + 2, MARK_SIZE, MARK_SIZE);
      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, LH_REPORT_NOT_SHOWN, x + MARK_SIZE + 3, y, 160, 0);
    }
}

/* Horizontal bars, a row's label to the left, its columns' bars side by
 * side. */
static void
draw_bars (cairo_t *cr, const LhReportTable *table, double width, double height)
{
  guint n_rows = table->row_keys->len, n_columns = MAX (table->column_keys->len, 1);
  double label_width = width * 0.3, plot_width = width - label_width - 40;
  double row_height = n_rows > 0 ? height / n_rows : height;
  double bar_height = MIN (row_height * 0.8 / n_columns, 14.0);
  gint64 largest = largest_shown (table);

  for (guint r = 0; r < n_rows; r++)
    {
      double y = r * row_height;

      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, g_ptr_array_index (table->row_labels, r), 0, y + (row_height - FONT_SIZE) / 2 - 2,
                 label_width - 6, 1);
      for (guint c = 0; c < table->column_keys->len; c++)
        {
          double bar_y = y + (row_height - bar_height * n_columns) / 2 + c * bar_height;

          if (!is_shown (table, r, c))
            {
              draw_not_shown (cr, label_width, bar_y + 1, MARK_SIZE * 2, bar_height - 2);
              continue;
            }
          set_series_colour (cr, c);
          cairo_rectangle (cr, label_width, bar_y + 1,
                           plot_width * (double) lh_count_table_get (table->counts, r, c) / (double) largest,
                           bar_height - 2);
          cairo_fill (cr);
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, label_width, 0);
  cairo_line_to (cr, label_width, height);
  cairo_stroke (cr);
}

/* Rows along time, a line per column; a hidden figure breaks its line
 * and is marked on the axis. */
static void
draw_lines (cairo_t *cr, const LhReportTable *table, double width, double height)
{
  guint n_rows = table->row_keys->len;
  double left = 30, bottom = 14, plot_width = width - left, plot_height = height - bottom;
  double step = n_rows > 1 ? plot_width / (n_rows - 1) : 0;
  /* Room for "Week of 28 September" under every label drawn. */
  guint label_every = MAX (1, (guint) (n_rows * LINE_LABEL_WIDTH / MAX (plot_width, 1)) + 1);
  gint64 largest = largest_shown (table);
  g_autofree char *top = lh_report_words_figure (table, largest, LH_REPORT_WORDS_HOURS);

  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_text (cr, top, 0, 0, left - 4, 1);
  draw_text (cr, "0", 0, plot_height - FONT_SIZE - 2, left - 4, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, left, 0);
  cairo_line_to (cr, left, plot_height);
  cairo_line_to (cr, width, plot_height);
  cairo_stroke (cr);
  for (guint r = 0; r < n_rows; r += label_every)
    draw_text (cr, g_ptr_array_index (table->row_labels, r),
               CLAMP (left + r * step - LINE_LABEL_WIDTH / 2, 0, width - LINE_LABEL_WIDTH), plot_height + 2,
               LINE_LABEL_WIDTH, 0.5);

  for (guint c = 0; c < table->column_keys->len; c++)
    {
      gboolean drawing = FALSE;

      set_series_colour (cr, c);
      cairo_set_line_width (cr, 1.5);
      for (guint r = 0; r < n_rows; r++)
        {
          double x = left + r * step, y;

          if (!is_shown (table, r, c))
            {
              if (drawing)
                cairo_stroke (cr);
              drawing = FALSE;
              draw_not_shown (cr, x - MARK_SIZE / 2, plot_height - MARK_SIZE, MARK_SIZE, MARK_SIZE);
              set_series_colour (cr, c);
              cairo_set_line_width (cr, 1.5);
              continue;
            }
          y = plot_height * (1.0 - (double) lh_count_table_get (table->counts, r, c) / (double) largest);

          if (drawing)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          cairo_rectangle (cr, x - 1.5, y - 1.5, 3, 3);
          cairo_move_to (cr, x, y);
          drawing = TRUE;
        }
      if (drawing)
        cairo_stroke (cr);
    }
}

/* Rows × columns (weekday × hour) as shades of one colour. */
static void
draw_heat (cairo_t *cr, const LhReportTable *table, double width, double height)
{
  guint n_rows = table->row_keys->len, n_columns = table->column_keys->len;
  double left = 60, top = 14;
  double cell_width = n_columns > 0 ? (width - left) / n_columns : 0;
  double cell_height = n_rows > 0 ? MIN ((height - top) / n_rows, 24.0) : 0;
  gint64 largest = largest_shown (table);

  cairo_set_source_rgb (cr, 0, 0, 0);
  /* Hours are "09:00": every column's label where there is room, else
   * every second or third, each over its own column. */
  guint label_every = MAX (1, (guint) (HEAT_LABEL_WIDTH / MAX (cell_width, 1)) + 1);

  for (guint c = 0; c < n_columns; c += label_every)
    draw_text (cr, g_ptr_array_index (table->column_labels, c), left + c * cell_width - HEAT_LABEL_WIDTH / 2 +
               cell_width / 2, 0, HEAT_LABEL_WIDTH, 0.5);
  for (guint r = 0; r < n_rows; r++)
    {
      double y = top + r * cell_height;

      cairo_set_source_rgb (cr, 0, 0, 0);
      draw_text (cr, g_ptr_array_index (table->row_labels, r), 0, y + (cell_height - FONT_SIZE) / 2 - 2, left - 4, 1);
      for (guint c = 0; c < n_columns; c++)
        {
          double x = left + c * cell_width;

          if (!is_shown (table, r, c))
            {
              draw_not_shown (cr, x + 1, y + 1, cell_width - 2, cell_height - 2);
              continue;
            }
          {
            double share = (double) lh_count_table_get (table->counts, r, c) / (double) largest;

            /* From white to the first colour of the palette. */
            cairo_set_source_rgb (cr, 1.0 - share * (1.0 - palette[0][0]), 1.0 - share * (1.0 - palette[0][1]),
                                  1.0 - share * (1.0 - palette[0][2]));
            cairo_rectangle (cr, x + 1, y + 1, cell_width - 2, cell_height - 2);
            cairo_fill (cr);
          }
        }
    }
}

void
lh_report_chart_draw (cairo_t *cr, const LhReportTable *table, double width, double height)
{
  double plot_height = height - LEGEND_HEIGHT - 4;

  if (table->chart == LH_REPORT_CHART_NONE)
    return;
  cairo_save (cr);
  switch (table->chart)
    {
    case LH_REPORT_CHART_BARS:
      draw_bars (cr, table, width, plot_height);
      break;
    case LH_REPORT_CHART_LINES:
      draw_lines (cr, table, width, plot_height);
      break;
    case LH_REPORT_CHART_HEAT:
      draw_heat (cr, table, width, plot_height);
      break;
    case LH_REPORT_CHART_NONE:
      break;
    }
  draw_legend (cr, table, height - LEGEND_HEIGHT, width, table->chart != LH_REPORT_CHART_HEAT);
  cairo_restore (cr);
}
