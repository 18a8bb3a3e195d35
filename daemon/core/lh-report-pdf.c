/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's pages: cover, then a section a page onwards, each table
 * as its chart and a short table, then the lists. Long tables are cut
 * down to their totals (the CSV has every figure): a committee reads the
 * PDF in a meeting, not row by row. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "lh-error.h"
#include "lh-report-chart.h"
#include "lh-report-words.h"
#include "lh-time.h"

/* A4 in points, and the margins. */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN 56.0
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define BOTTOM (PAGE_HEIGHT - MARGIN)

#define CHART_HEIGHT 190.0
#define TABLE_FONT 8.5
#define TABLE_ROW 13.0
/* A table longer or wider than this is shortened to its totals. */
#define MAX_TABLE_ROWS 14
#define MAX_TABLE_COLUMNS 5

typedef struct
{
  cairo_t *cr;
  int      page;     /* 1 for the cover */
  double   y;        /* where the next thing goes */
} Pages;

/* Lays text out at x, y in width; draws it if draw. Returns its height. */
static double
text_at (Pages *pages, const char *text, double size, gboolean bold, double x, double y, double width, double align,
         gboolean draw)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pages->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (bold ? "Sans Bold" : "Sans");
  int text_width, height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &text_width, &height);
  if (draw)
    {
      cairo_set_source_rgb (pages->cr, 0, 0, 0);
      cairo_move_to (pages->cr, x + (width - text_width) * align, y);
      pango_cairo_show_layout (pages->cr, layout);
    }
  return height;
}

/* A paragraph across the page; moves down past it. */
static void
paragraph (Pages *pages, const char *text, double size, gboolean bold, double space_after)
{
  pages->y += text_at (pages, text, size, bold, MARGIN, pages->y, TEXT_WIDTH, 0, TRUE) + space_after;
}

static void
footer (Pages *pages)
{
  g_autofree char *number = g_strdup_printf ("Page %d", pages->page);

  text_at (pages, number, 8, FALSE, MARGIN, PAGE_HEIGHT - MARGIN / 2 - 8, TEXT_WIDTH, 0.5, TRUE);
}

static void
next_page (Pages *pages)
{
  footer (pages);
  cairo_show_page (pages->cr);
  pages->page++;
  pages->y = MARGIN;
}

/* A new page unless height fits on this one. */
static void
make_room (Pages *pages, double height)
{
  if (pages->y + height > BOTTOM && pages->y > MARGIN)
    next_page (pages);
}

/* "1 July 2026" of a YYYY-MM-DD. */
static char *
long_date (const char *day)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 midnight;

  if (!lh_time_parse_date (day, utc, &midnight, NULL))
    return g_strdup (day);
  return lh_time_format_long_date (midnight, utc);
}

/* The report's own zone, for the day it was made as the site saw it. */
static GTimeZone *
report_zone (const LhReport *report)
{
  GTimeZone *tz = g_time_zone_new_identifier (report->timezone);

  return tz != NULL ? tz : g_time_zone_new_utc ();
}

static void
cover (Pages *pages, const LhReport *report)
{
  g_autoptr(GTimeZone) tz = report_zone (report);
  g_autofree char *first = long_date (report->first_day);
  g_autofree char *last = long_date (report->last_day);
  g_autofree char *made = lh_time_format_long_date (report->generated_at, tz);
  g_autofree char *period = g_strdup_printf ("%s to %s", first, last);
  g_autofree char *made_on = g_strdup_printf ("Made on %s", made);
  /* A name that starts a sentence elsewhere ("the learning centre", the
   * default) heads the cover. */
  g_autofree char *site = report->site[0] == '\0' ? g_strdup ("")
                          : g_strdup_printf ("%C%s", g_unichar_totitle (g_utf8_get_char (report->site)),
                                             g_utf8_next_char (report->site));
  g_autofree char *sites = g_strdup_printf ("The figures of %d learning centres added up", report->n_sites);
  g_autofree char *threshold = g_strdup_printf ("Figures below %d are not shown, nor any figure that would let one "
                                                "be worked out.", report->threshold);

  pages->y = PAGE_HEIGHT / 4;
  paragraph (pages, "Learning committee report", 14, FALSE, 10);
  paragraph (pages, site, 22, TRUE, 18);
  if (report->n_sites > 1)
    paragraph (pages, sites, 12, FALSE, 10);
  paragraph (pages, period, 16, FALSE, 8);
  paragraph (pages, made_on, 11, FALSE, 40);
  paragraph (pages, report->threshold > 1 ? threshold : "Every figure is shown.", 11, FALSE, 6);
  paragraph (pages, "No one can be picked out from these figures: they are counts of groups, never of a person.", 11,
             FALSE, 0);
}

static char *
figure_text (const LhReportTable *table, guint row, guint column)
{
  if (lh_count_table_is_suppressed (table->counts, row, column))
    return g_strdup (LH_REPORT_NOT_SHOWN);
  return lh_report_words_figure (table, lh_count_table_get (table->counts, row, column), LH_REPORT_WORDS_HOURS);
}

/* One line of the short table: a label, then the fields right-aligned. */
static void
table_line (Pages *pages, const char *label, GPtrArray *fields, gboolean bold)
{
  double label_width = TEXT_WIDTH * 0.36;
  double field_width = fields->len > 0 ? (TEXT_WIDTH - label_width) / fields->len : 0;

  make_room (pages, TABLE_ROW);
  text_at (pages, label, TABLE_FONT, bold, MARGIN, pages->y, label_width - 4, 0, TRUE);
  for (guint f = 0; f < fields->len; f++)
    text_at (pages, g_ptr_array_index (fields, f), TABLE_FONT, bold, MARGIN + label_width + f * field_width, pages->y,
             field_width - 4, 1, TRUE);
  pages->y += TABLE_ROW;
}

/* The figures of a row, or of the column totals (row = n_rows): the
 * columns shown, then the row's total if it is published. */
static GPtrArray *
row_fields (const LhReportTable *table, guint row, guint n_columns_shown, gboolean with_total)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  guint n_columns = table->column_keys->len;

  for (guint c = 0; c < n_columns_shown; c++)
    g_ptr_array_add (fields, figure_text (table, row, c));
  if (with_total && (lh_count_table_totals (table->counts) & LH_TOTALS_ROWS))
    g_ptr_array_add (fields, figure_text (table, row, n_columns));
  return fields;
}

static void
short_table (Pages *pages, const LhReportTable *table)
{
  guint n_rows = table->row_keys->len, n_columns = table->column_keys->len;
  LhTotals totals = lh_count_table_totals (table->counts);
  gboolean long_table = n_rows > MAX_TABLE_ROWS && (totals & LH_TOTALS_COLUMNS);
  gboolean wide_table = n_columns > MAX_TABLE_COLUMNS;
  /* A wide table keeps its row totals only, or its first columns. */
  guint n_columns_shown = !wide_table ? n_columns : (totals & LH_TOTALS_ROWS) ? 0 : MAX_TABLE_COLUMNS;
  guint n_rows_shown = long_table ? 0 : MIN (n_rows, MAX_TABLE_ROWS);
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < n_columns_shown; c++)
    g_ptr_array_add (headings, g_strdup (g_ptr_array_index (table->column_labels, c)));
  if (totals & LH_TOTALS_ROWS)
    g_ptr_array_add (headings, g_strdup ("Total"));
  if (n_rows_shown > 0 || n_columns_shown > 1)
    table_line (pages, "", headings, TRUE);
  for (guint r = 0; r < n_rows_shown; r++)
    {
      g_autoptr(GPtrArray) fields = row_fields (table, r, n_columns_shown, TRUE);

      table_line (pages, g_ptr_array_index (table->row_labels, r), fields, FALSE);
    }
  if (totals & LH_TOTALS_COLUMNS)
    {
      g_autoptr(GPtrArray) fields = row_fields (table, n_rows, n_columns_shown, TRUE);

      table_line (pages, "Total", fields, TRUE);
    }
  if (long_table || n_rows_shown < n_rows || n_columns_shown < n_columns)
    {
      g_autofree char *note = g_strdup_printf ("The full table has %u %s and %u %s; only %s here. The report's CSV "
                                               "has every figure.", n_rows, n_rows == 1 ? "row" : "rows", n_columns,
                                               n_columns == 1 ? "column" : "columns",
                                               long_table || n_columns_shown == 0 ? "its totals are"
                                               : "the first ones are");

      make_room (pages, TABLE_ROW);
      pages->y += text_at (pages, note, TABLE_FONT, FALSE, MARGIN, pages->y, TEXT_WIDTH, 0, TRUE);
    }
  pages->y += 14;
}

static void
report_table (Pages *pages, const LhReportTable *table)
{
  g_autofree char *title = lh_report_words_title (table, LH_REPORT_WORDS_HOURS);

  /* A chart and its short table fit on one page: kept together. */
  guint n_lines = MIN (table->row_keys->len, MAX_TABLE_ROWS) + 3;

  make_room (pages, 20 + (table->chart != LH_REPORT_CHART_NONE ? CHART_HEIGHT + 8 : 0) + n_lines * TABLE_ROW);
  paragraph (pages, title, 12, TRUE, 6);
  if (table->chart != LH_REPORT_CHART_NONE)
    {
      cairo_save (pages->cr);
      cairo_translate (pages->cr, MARGIN, pages->y);
      lh_report_chart_draw (pages->cr, table, TEXT_WIDTH, CHART_HEIGHT);
      cairo_restore (pages->cr);
      pages->y += CHART_HEIGHT + 8;
    }
  short_table (pages, table);
}

/* Widths for the list's columns: each as wide as its longest field, but
 * no wider than a cap shared by the widest, so that together they fill
 * the page; short fields (a number) are not wrapped. */
static void
list_widths (Pages *pages, const LhReportList *list, double *widths)
{
  guint n_fields = g_strv_length (list->headings);
  g_autofree double *natural = g_new0 (double, n_fields);
  double low = 0, high = TEXT_WIDTH;

  for (guint r = 0; r <= list->rows->len; r++)
    {
      char **fields = r == 0 ? list->headings : g_ptr_array_index (list->rows, r - 1);

      for (guint f = 0; f < n_fields; f++)
        {
          g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pages->cr);
          g_autoptr(PangoFontDescription) font = pango_font_description_from_string (r == 0 ? "Sans Bold" : "Sans");
          int width, height;

          pango_font_description_set_absolute_size (font, TABLE_FONT * PANGO_SCALE);
          pango_layout_set_font_description (layout, font);
          pango_layout_set_text (layout, fields[f], -1);
          pango_layout_get_pixel_size (layout, &width, &height);
          natural[f] = MAX (natural[f], width + 8.0);
        }
    }
  /* The cap, by halving: the widths at it add up to the page's. */
  for (int step = 0; step < 30; step++)
    {
      double cap = (low + high) / 2, sum = 0;

      for (guint f = 0; f < n_fields; f++)
        sum += MIN (natural[f], cap);
      if (sum > TEXT_WIDTH)
        high = cap;
      else
        low = cap;
    }
  for (guint f = 0; f < n_fields; f++)
    widths[f] = MIN (natural[f], low);
}

/* A list as a table of text: each field wraps in its column. */
static void
report_list (Pages *pages, const LhReportList *list)
{
  guint n_fields = g_strv_length (list->headings);
  g_autofree double *widths = g_new (double, n_fields);

  list_widths (pages, list, widths);

  make_room (pages, 60);
  paragraph (pages, list->title, 12, TRUE, 6);
  for (guint r = 0; r <= list->rows->len; r++)
    {
      char **fields = r == 0 ? list->headings : g_ptr_array_index (list->rows, r - 1);
      double height = 0;

      double x = MARGIN;

      for (guint f = 0; f < n_fields; f++)
        height = MAX (height, text_at (pages, fields[f], TABLE_FONT, r == 0, 0, 0, widths[f] - 6, 0, FALSE));
      make_room (pages, height + 4);
      for (guint f = 0; f < n_fields; f++)
        {
          text_at (pages, fields[f], TABLE_FONT, r == 0, x, pages->y, widths[f] - 6, 0, TRUE);
          x += widths[f];
        }
      pages->y += height + 4;
    }
  if (list->rows->len == 0)
    paragraph (pages, "Nothing yet.", TABLE_FONT, FALSE, 0);
  pages->y += 14;
}

static void
report_section (Pages *pages, const LhReportSection *section)
{
  next_page (pages);
  paragraph (pages, section->title, 18, TRUE, 12);
  for (guint t = 0; t < section->tables->len; t++)
    report_table (pages, g_ptr_array_index (section->tables, t));
  for (guint l = 0; l < section->lists->len; l++)
    report_list (pages, g_ptr_array_index (section->lists, l));
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
lh_report_to_pdf (const LhReport *report, GError **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  Pages pages = { cairo_create (surface), 1, MARGIN };
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->site);
  cover (&pages, report);
  for (guint s = 0; s < report->sections->len; s++)
    report_section (&pages, g_ptr_array_index (report->sections, s));
  footer (&pages);
  cairo_show_page (pages.cr);
  cairo_destroy (pages.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "Cannot draw the report: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
lh_report_write_pdf (const LhReport *report, const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = lh_report_to_pdf (report, error);

  return bytes != NULL &&
         g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
