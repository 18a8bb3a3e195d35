/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-chart"

#include "lh-chart.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#define PAD 8.0
#define HATCH_STEP 8.0

struct _LhChart
{
  GtkWidget          parent_instance;

  const LhSiteTable *table;      /* (unowned) */
  int                threshold;
  char              *summary;    /* (owned) */
  gint64             scale_top;  /* the value axis' top, >= 1 */
  guint              n_hidden;   /* suppressed cells */
};

G_DEFINE_FINAL_TYPE (LhChart, lh_chart, GTK_TYPE_WIDGET)

typedef struct
{
  double red, green, blue;
} Colour;

/* Told apart by people with the common colour blindnesses too. */
static const Colour series_colours[] = {
  { 0.00, 0.45, 0.70 }, { 0.90, 0.62, 0.00 }, { 0.00, 0.62, 0.45 },
  { 0.80, 0.47, 0.65 }, { 0.34, 0.71, 0.91 }, { 0.84, 0.37, 0.00 },
};
/* High contrast: bright on black. */
static const Colour contrast_colours[] = {
  { 1.0, 1.0, 0.0 }, { 0.0, 1.0, 1.0 }, { 1.0, 1.0, 1.0 },
  { 1.0, 0.5, 1.0 }, { 0.5, 1.0, 0.5 }, { 1.0, 0.6, 0.2 },
};

/* Four gridlines of 1, 2 or 5 times a power of ten each, reaching top. */
static gint64
round_scale (gint64 top)
{
  gint64 quarter = MAX ((top + 3) / 4, 1);
  gint64 step = 1;

  for (;;)
    {
      if (step >= quarter)
        return 4 * step;
      if (2 * step >= quarter)
        return 8 * step;
      if (5 * step >= quarter)
        return 20 * step;
      step *= 10;
    }
}

/* ---- drawing ---------------------------------------------------------- */

typedef struct
{
  cairo_t      *cr;
  PangoLayout  *layout;
  GdkRGBA       ink;          /* the text colour of the theme */
  gboolean      contrast;
  double        line_height;
} Paint;

static void
set_series (Paint *paint, guint column, double alpha)
{
  const Colour *colour = paint->contrast ? &contrast_colours[column % G_N_ELEMENTS (contrast_colours)]
                                         : &series_colours[column % G_N_ELEMENTS (series_colours)];

  cairo_set_source_rgba (paint->cr, colour->red, colour->green, colour->blue, alpha);
}

static void
set_ink (Paint *paint, double alpha)
{
  cairo_set_source_rgba (paint->cr, paint->ink.red, paint->ink.green, paint->ink.blue, paint->ink.alpha * alpha);
}

static double
text_width (Paint *paint, const char *text)
{
  int width;

  pango_layout_set_text (paint->layout, text, -1);
  pango_layout_get_pixel_size (paint->layout, &width, NULL);
  return width;
}

/* x, y: the text's top left; returns its width. */
static double
draw_text (Paint *paint, const char *text, double x, double y)
{
  double width = text_width (paint, text);

  set_ink (paint, 1.0);
  cairo_move_to (paint->cr, x, y);
  pango_cairo_show_layout (paint->cr, paint->layout);
  return width;
}

/* "Not shown": diagonal stripes and a border, never a filled shape. */
static void
draw_hatch (Paint *paint, double x, double y, double width, double height)
{
  cairo_t *cr = paint->cr;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip_preserve (cr);
  set_ink (paint, paint->contrast ? 1.0 : 0.6);
  cairo_set_line_width (cr, paint->contrast ? 2.0 : 1.0);
  cairo_stroke (cr);
  for (double d = -height; d < width; d += HATCH_STEP)
    {
      cairo_move_to (cr, x + d, y + height);
      cairo_line_to (cr, x + d + height, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* One line across the top: each series' colour, and the hatching. */
static double
draw_legend (LhChart *self, Paint *paint, double width)
{
  const LhSiteTable *table = self->table;
  double box = paint->line_height * 0.8;
  double x = 0, y = 0;
  g_autofree char *hidden = NULL;

  if (table->chart != LH_SITE_CHART_HEAT)
    for (guint c = 0; c < lh_site_table_n_columns (table); c++)
      {
        const char *label = g_ptr_array_index (table->column_labels, c);
        double needed = box + PAD + text_width (paint, label) + 2 * PAD;

        if (x > 0 && x + needed > width)
          {
            x = 0;
            y += paint->line_height + PAD;
          }
        set_series (paint, c, 1.0);
        cairo_rectangle (paint->cr, x, y + (paint->line_height - box) / 2, box, box);
        cairo_fill (paint->cr);
        x += box + PAD;
        x += draw_text (paint, label, x, y) + 2 * PAD;
      }
  if (self->n_hidden > 0)
    {
      /* Translators: the legend of the hatching on a chart */
      hidden = g_strdup_printf (ngettext ("Not shown: fewer than %d, or would give a small figure away",
                                          "Not shown: fewer than %d, or would give a small figure away",
                                          self->threshold), self->threshold);
      if (x > 0 && x + box + PAD + text_width (paint, hidden) > width)
        {
          x = 0;
          y += paint->line_height + PAD;
        }
      draw_hatch (paint, x, y + (paint->line_height - box) / 2, box, box);
      draw_text (paint, hidden, x + box + PAD, y);
      x = 1;
    }
  return x > 0 ? y + paint->line_height + 2 * PAD : y;
}

/* Under the plot, a row keyed by a day (a week's first day) reads "29
 * Jun": the long "Week of 29 June" would not fit a dozen weeks across. */
static char *
axis_label (const LhSiteTable *table, guint row)
{
  const char *key = g_ptr_array_index (table->row_keys, row);
  unsigned year, month, day;
  char text[32];
  GDate date;

  if (sscanf (key, "%4u-%2u-%2u", &year, &month, &day) == 3 && strlen (key) == 10 &&
      g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
      /* Translators: a week on a chart's axis, see strftime(3): "29 Jun" */
      if (g_date_strftime (text, sizeof text, _("%-d %b"), &date) > 0)
        return g_strdup (text);
    }
  return g_strdup (g_ptr_array_index (table->row_labels, row));
}

/* How many slots side by side a label of this width needs, at least one
 * (whole slots, rounded up; no libm). */
static guint
slots_for (double width, double slot)
{
  guint n = (guint) (width / MAX (slot, 1.0));

  return n * MAX (slot, 1.0) < width ? n + 1 : MAX (n, 1);
}

/* The row labels under the plot: each cut short to its slot, or every
 * few of them where slots are too narrow to read even a few letters. */
static void
draw_row_labels (LhChart *self, Paint *paint, double left, double slot, double y)
{
  const LhSiteTable *table = self->table;
  guint n_rows = lh_site_table_n_rows (table);
  double widest = 1;
  double shortest = text_width (paint, "00 Mmm");
  guint every = 1;

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *label = axis_label (table, r);

      widest = MAX (widest, text_width (paint, label));
    }
  if (slot < shortest + PAD)
    every = slots_for (MIN (widest, shortest) + PAD, slot);
  pango_layout_set_width (paint->layout, (int) ((slot * every - PAD) * PANGO_SCALE));
  pango_layout_set_ellipsize (paint->layout, PANGO_ELLIPSIZE_END);
  for (guint r = 0; r < n_rows; r += every)
    {
      g_autofree char *label = axis_label (table, r);
      int width;

      pango_layout_set_text (paint->layout, label, -1);
      pango_layout_get_pixel_size (paint->layout, &width, NULL);
      set_ink (paint, 1.0);
      cairo_move_to (paint->cr, MAX (left + (r + 0.5) * slot - width / 2.0, 0), y);
      pango_cairo_show_layout (paint->cr, paint->layout);
    }
  pango_layout_set_width (paint->layout, -1);
  pango_layout_set_ellipsize (paint->layout, PANGO_ELLIPSIZE_NONE);
}

/* Times are in minutes, and drawn in hours (the title says so). */
static gboolean
is_time (LhChart *self)
{
  return g_strcmp0 (self->table->unit, "minutes") == 0;
}

static char *
value_label (LhChart *self, gint64 value)
{
  /* Whole hours without a tenth: "150", not "150.0". */
  if (is_time (self) && value % 60 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, value / 60);
  if (is_time (self))
    return lh_chart_format_hours (value);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* The value axis: gridlines at quarters of the scale, labelled. Returns
 * the left edge of the plot. */
static double
draw_value_axis (LhChart *self, Paint *paint, double top, double height, double width)
{
  g_autofree char *widest = value_label (self, self->scale_top);
  double left = text_width (paint, widest) + 2 * PAD;

  for (int i = 0; i <= 4; i++)
    {
      g_autofree char *label = value_label (self, self->scale_top * i / 4);
      double y = top + height - height * i / 4.0;

      set_ink (paint, i == 0 ? 0.9 : paint->contrast ? 0.5 : 0.25);
      cairo_set_line_width (paint->cr, 1.0);
      cairo_move_to (paint->cr, left, y + 0.5);
      cairo_line_to (paint->cr, width, y + 0.5);
      cairo_stroke (paint->cr);
      draw_text (paint, label, left - PAD - text_width (paint, label), y - paint->line_height / 2);
    }
  return left;
}

static void
draw_bars (LhChart *self, Paint *paint, double top, double width, double height)
{
  const LhSiteTable *table = self->table;
  guint n_rows = lh_site_table_n_rows (table);
  guint n_columns = lh_site_table_n_columns (table);
  double plot_height = height - top - paint->line_height - PAD;
  double left = draw_value_axis (self, paint, top, plot_height, width);
  double slot = (width - left) / MAX (n_rows, 1);
  double bar = slot * 0.8 / MAX (n_columns, 1);

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const LhSiteFigure *figure = lh_site_table_cell (table, r, c);
        double x = left + r * slot + slot * 0.1 + c * bar;
        double bar_height = plot_height * (double) figure->value / self->scale_top;

        if (figure->suppressed)
          {
            draw_hatch (paint, x, top, bar, plot_height);
            continue;
          }
        set_series (paint, c, 1.0);
        cairo_rectangle (paint->cr, x, top + plot_height - bar_height, MAX (bar - 1, 1), bar_height);
        cairo_fill (paint->cr);
      }
  draw_row_labels (self, paint, left, slot, top + plot_height + PAD);
}

static void
draw_lines (LhChart *self, Paint *paint, double top, double width, double height)
{
  const LhSiteTable *table = self->table;
  guint n_rows = lh_site_table_n_rows (table);
  guint n_columns = lh_site_table_n_columns (table);
  double plot_height = height - top - paint->line_height - PAD;
  double left = draw_value_axis (self, paint, top, plot_height, width);
  double slot = (width - left) / MAX (n_rows, 1);
  double dot = paint->contrast ? 5.0 : 4.0;

  /* A week with a figure held back: hatched across the plot, so that no
   * line runs through it and no point can be read there. */
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      if (lh_site_table_cell (table, r, c)->suppressed)
        {
          draw_hatch (paint, left + r * slot + slot * 0.2, top, slot * 0.6, plot_height);
          break;
        }
  cairo_set_line_width (paint->cr, paint->contrast ? 4.0 : 3.0);
  cairo_set_line_join (paint->cr, CAIRO_LINE_JOIN_ROUND);
  for (guint c = 0; c < n_columns; c++)
    {
      gboolean drawing = FALSE;

      set_series (paint, c, 1.0);
      for (guint r = 0; r < n_rows; r++)
        {
          const LhSiteFigure *figure = lh_site_table_cell (table, r, c);
          double x = left + (r + 0.5) * slot;
          double y = top + plot_height - plot_height * (double) figure->value / self->scale_top;

          if (figure->suppressed)
            {
              drawing = FALSE;
              continue;
            }
          if (drawing)
            cairo_line_to (paint->cr, x, y);
          else
            cairo_move_to (paint->cr, x, y);
          drawing = TRUE;
        }
      cairo_stroke (paint->cr);
      for (guint r = 0; r < n_rows; r++)
        {
          const LhSiteFigure *figure = lh_site_table_cell (table, r, c);

          if (figure->suppressed)
            continue;
          cairo_arc (paint->cr, left + (r + 0.5) * slot,
                     top + plot_height - plot_height * (double) figure->value / self->scale_top, dot, 0, 2 * G_PI);
          cairo_fill (paint->cr);
        }
    }
  draw_row_labels (self, paint, left, slot, top + plot_height + PAD);
}

/* Rows down the side (weekdays), columns along the top (hours); the
 * darker, the more. */
static void
draw_heat (LhChart *self, Paint *paint, double top, double width, double height)
{
  const LhSiteTable *table = self->table;
  guint n_rows = lh_site_table_n_rows (table);
  guint n_columns = lh_site_table_n_columns (table);
  double left = 0, cell_width, cell_height;
  guint every;

  for (guint r = 0; r < n_rows; r++)
    left = MAX (left, text_width (paint, g_ptr_array_index (table->row_labels, r)) + PAD);
  cell_width = (width - left) / MAX (n_columns, 1);
  every = slots_for (text_width (paint, "00:00") + PAD, cell_width);
  for (guint c = 0; c < n_columns; c += every)
    draw_text (paint, g_ptr_array_index (table->column_labels, c), left + c * cell_width, top);
  top += paint->line_height + PAD;
  cell_height = (height - top) / MAX (n_rows, 1);
  for (guint r = 0; r < n_rows; r++)
    {
      draw_text (paint, g_ptr_array_index (table->row_labels, r), 0,
                 top + r * cell_height + (cell_height - paint->line_height) / 2);
      for (guint c = 0; c < n_columns; c++)
        {
          const LhSiteFigure *figure = lh_site_table_cell (table, r, c);
          double x = left + c * cell_width, y = top + r * cell_height;

          if (figure->suppressed)
            {
              draw_hatch (paint, x + 1, y + 1, cell_width - 2, cell_height - 2);
              continue;
            }
          /* On black, the faintest shade must still show. */
          set_series (paint, 0, (paint->contrast ? 0.2 : 0.08) +
                                (paint->contrast ? 0.8 : 0.92) * (double) figure->value / self->scale_top);
          cairo_rectangle (paint->cr, x + 1, y + 1, cell_width - 2, cell_height - 2);
          cairo_fill (paint->cr);
        }
    }
}

static void
lh_chart_snapshot (GtkWidget   *widget,
                   GtkSnapshot *snapshot)
{
  LhChart *self = LH_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  Paint paint = { 0 };
  double top;
  int line_height;

  if (self->table == NULL || width < 1 || height < 1)
    return;
  paint.cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  paint.layout = layout;
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &paint.ink);
G_GNUC_END_IGNORE_DEPRECATIONS
  paint.contrast = root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), "high-contrast");
  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &line_height);
  paint.line_height = line_height;

  top = draw_legend (self, &paint, width);
  switch (self->table->chart)
    {
    case LH_SITE_CHART_LINES:
      draw_lines (self, &paint, top, width, height);
      break;
    case LH_SITE_CHART_HEAT:
      draw_heat (self, &paint, top, width, height);
      break;
    case LH_SITE_CHART_BARS:
    case LH_SITE_CHART_NONE:
    default:
      draw_bars (self, &paint, top, width, height);
      break;
    }
  cairo_destroy (paint.cr);
}

/* Room for the text as it is now: large text makes a taller chart. */
static void
lh_chart_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  LhChart *self = LH_CHART (widget);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "Ag");
  int line_height;
  guint legend_lines = 1;

  pango_layout_get_pixel_size (layout, NULL, &line_height);
  /* Many series wrap the legend: a line more for every four or so, so
   * that the plot keeps its height. */
  if (self->table != NULL && self->table->chart != LH_SITE_CHART_HEAT)
    legend_lines += lh_site_table_n_columns (self->table) / 4;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 200;
  else
    *minimum = *natural = MAX (260, line_height * 13 + (line_height + (int) PAD) * legend_lines);
}

static void
lh_chart_finalize (GObject *object)
{
  LhChart *self = LH_CHART (object);

  g_free (self->summary);

  G_OBJECT_CLASS (lh_chart_parent_class)->finalize (object);
}

static void
lh_chart_class_init (LhChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lh_chart_finalize;
  widget_class->snapshot = lh_chart_snapshot;
  widget_class->measure = lh_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lh_chart_init (LhChart *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lh-chart");
}

GtkWidget *
lh_chart_new (const LhSiteTable *table,
              int                threshold)
{
  LhChart *self;
  gint64 top = 0;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (LH_TYPE_CHART, NULL);
  self->table = table;
  self->threshold = threshold;
  for (guint r = 0; r < lh_site_table_n_rows (table); r++)
    for (guint c = 0; c < lh_site_table_n_columns (table); c++)
      {
        const LhSiteFigure *figure = lh_site_table_cell (table, r, c);

        if (figure->suppressed)
          self->n_hidden++;
        else
          top = MAX (top, figure->value);
      }
  /* A time's scale is rounded in hours: 25 hours, not 1,500 minutes. */
  self->scale_top = is_time (self) ? round_scale ((top + 59) / 60) * 60 : round_scale (top);
  self->summary = lh_chart_describe (table, self->n_hidden);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, lh_chart_title_words (table->id, table->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
  return GTK_WIDGET (self);
}

const char *
lh_chart_get_summary (LhChart *self)
{
  g_return_val_if_fail (LH_IS_CHART (self), NULL);

  return self->summary;
}
