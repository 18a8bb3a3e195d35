/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report as JSON and as CSV: only published figures, each marked
 * when suppressed, so that no writer can let a hidden number through. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-json.h"

#include "lh-csv.h"
#include "lh-report-words.h"

static const char * const unit_names[] = { "people", "count", "minutes", "items" };
static const char * const chart_names[] = { "none", "bars", "lines", "heat" };

/* {"value": N}, or {"value": null, "suppressed": true}. */
static void
add_figure (JsonBuilder *builder, const LhCountTable *counts, guint row, guint column)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  if (lh_count_table_is_suppressed (counts, row, column))
    {
      json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "suppressed");
      json_builder_add_boolean_value (builder, TRUE);
    }
  else
    json_builder_add_int_value (builder, lh_count_table_get (counts, row, column));
  json_builder_end_object (builder);
}

static void
add_keys (JsonBuilder *builder, const char *name, GPtrArray *keys, GPtrArray *labels)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < keys->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, g_ptr_array_index (keys, i));
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, g_ptr_array_index (labels, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_table (JsonBuilder *builder, const LhReportTable *table)
{
  const LhCountTable *counts = table->counts;
  guint n_rows = lh_count_table_n_rows (counts), n_columns = lh_count_table_n_columns (counts);
  LhTotals totals = lh_count_table_totals (counts);

  json_builder_begin_object (builder);
  add_string (builder, "id", table->id);
  add_string (builder, "title", table->title);
  add_string (builder, "unit", unit_names[table->unit]);
  add_string (builder, "chart", chart_names[table->chart]);
  add_string (builder, "merge", table->merge == LH_REPORT_MERGE_SUM ? "sum" : "none");
  json_builder_set_member_name (builder, "about_people");
  json_builder_add_boolean_value (builder, table->about_people);
  add_keys (builder, "rows", table->row_keys, table->row_labels);
  add_keys (builder, "columns", table->column_keys, table->column_labels);
  json_builder_set_member_name (builder, "cells");
  json_builder_begin_array (builder);
  for (guint r = 0; r < n_rows; r++)
    {
      json_builder_begin_array (builder);
      for (guint c = 0; c < n_columns; c++)
        add_figure (builder, counts, r, c);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  if (totals & LH_TOTALS_ROWS)
    {
      json_builder_set_member_name (builder, "row_totals");
      json_builder_begin_array (builder);
      for (guint r = 0; r < n_rows; r++)
        add_figure (builder, counts, r, n_columns);
      json_builder_end_array (builder);
    }
  if (totals & LH_TOTALS_COLUMNS)
    {
      json_builder_set_member_name (builder, "column_totals");
      json_builder_begin_array (builder);
      for (guint c = 0; c < n_columns; c++)
        add_figure (builder, counts, n_rows, c);
      json_builder_end_array (builder);
    }
  if (totals != LH_TOTALS_NONE)
    {
      json_builder_set_member_name (builder, "total");
      add_figure (builder, counts, n_rows, n_columns);
    }
  json_builder_end_object (builder);
}

static void
add_list (JsonBuilder *builder, const LhReportList *list)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", list->id);
  add_string (builder, "title", list->title);
  json_builder_set_member_name (builder, "headings");
  json_builder_begin_array (builder);
  for (guint h = 0; list->headings[h] != NULL; h++)
    json_builder_add_string_value (builder, list->headings[h]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < list->rows->len; r++)
    {
      char **fields = g_ptr_array_index (list->rows, r);

      json_builder_begin_array (builder);
      for (guint f = 0; fields[f] != NULL; f++)
        json_builder_add_string_value (builder, fields[f]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_section (JsonBuilder *builder, const LhReportSection *section)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", section->id);
  add_string (builder, "title", section->title);
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_array (builder);
  for (guint t = 0; t < section->tables->len; t++)
    add_table (builder, g_ptr_array_index (section->tables, t));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "lists");
  json_builder_begin_array (builder);
  for (guint l = 0; l < section->lists->len; l++)
    add_list (builder, g_ptr_array_index (section->lists, l));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
lh_report_to_json (const LhReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDateTime) generated = g_date_time_new_from_unix_utc (report->generated_at);
  g_autofree char *generated_at = g_date_time_format (generated, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (builder);
  add_string (builder, "format", LH_SITE_REPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, LH_SITE_REPORT_VERSION);
  add_string (builder, "site", report->site);
  json_builder_set_member_name (builder, "sites");
  json_builder_add_int_value (builder, report->n_sites);
  add_string (builder, "timezone", report->timezone);
  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  add_string (builder, "first_day", report->first_day);
  add_string (builder, "last_day", report->last_day);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "threshold");
  json_builder_add_int_value (builder, report->threshold);
  add_string (builder, "generated_at", generated_at);
  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; s < report->sections->len; s++)
    add_section (builder, g_ptr_array_index (report->sections, s));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- CSV ---------------------------------------------------------------- */

static void
append_figure (GString *csv, const LhCountTable *counts, guint row, guint column)
{
  g_string_append_c (csv, ',');
  if (lh_count_table_is_suppressed (counts, row, column))
    g_string_append (csv, "suppressed");
  else
    g_string_append_printf (csv, "%" G_GINT64_FORMAT, lh_count_table_get (counts, row, column));
}

void
lh_report_table_append_csv (GString *csv, const LhReportSection *section, const LhReportTable *table)
{
  const LhCountTable *counts = table->counts;
  guint n_rows = lh_count_table_n_rows (counts), n_columns = lh_count_table_n_columns (counts);
  LhTotals totals = lh_count_table_totals (counts);

  g_autofree char *title = lh_report_words_title (table, LH_REPORT_WORDS_MINUTES);

  lh_csv_append_field (csv, section->title);
  g_string_append_c (csv, ',');
  lh_csv_append_field (csv, title);
  g_string_append (csv, "\n");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_c (csv, ',');
      lh_csv_append_field (csv, g_ptr_array_index (table->column_labels, c));
    }
  if (totals & LH_TOTALS_ROWS)
    g_string_append (csv, ",Total");
  g_string_append (csv, "\n");
  for (guint r = 0; r < n_rows; r++)
    {
      lh_csv_append_field (csv, g_ptr_array_index (table->row_labels, r));
      for (guint c = 0; c < n_columns; c++)
        append_figure (csv, counts, r, c);
      if (totals & LH_TOTALS_ROWS)
        append_figure (csv, counts, r, n_columns);
      g_string_append (csv, "\n");
    }
  if (totals & LH_TOTALS_COLUMNS)
    {
      g_string_append (csv, "Total");
      for (guint c = 0; c <= n_columns; c++)
        if (c < n_columns || (totals & LH_TOTALS_ROWS))
          append_figure (csv, counts, n_rows, c);
      g_string_append (csv, "\n");
    }
  else if (totals & LH_TOTALS_ROWS)
    {
      /* The grand total, under the rows' totals. */
      g_string_append (csv, "Total");
      for (guint c = 0; c < n_columns; c++)
        g_string_append_c (csv, ',');
      append_figure (csv, counts, n_rows, n_columns);
      g_string_append (csv, "\n");
    }
}

static void
append_list (GString *csv, const LhReportSection *section, const LhReportList *list)
{
  lh_csv_append_field (csv, section->title);
  g_string_append_c (csv, ',');
  lh_csv_append_field (csv, list->title);
  g_string_append (csv, "\n");
  for (guint h = 0; list->headings[h] != NULL; h++)
    {
      if (h > 0)
        g_string_append_c (csv, ',');
      lh_csv_append_field (csv, list->headings[h]);
    }
  g_string_append (csv, "\n");
  for (guint r = 0; r < list->rows->len; r++)
    {
      char **fields = g_ptr_array_index (list->rows, r);

      for (guint f = 0; fields[f] != NULL; f++)
        {
          if (f > 0)
            g_string_append_c (csv, ',');
          lh_csv_append_field (csv, fields[f]);
        }
      g_string_append (csv, "\n");
    }
}

char *
lh_report_to_csv (const LhReport *report)
{
  GString *csv = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint s = 0; s < report->sections->len; s++)
    {
      const LhReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++, first = FALSE)
        {
          if (!first)
            g_string_append (csv, "\n");
          lh_report_table_append_csv (csv, section, g_ptr_array_index (section->tables, t));
        }
      for (guint l = 0; l < section->lists->len; l++, first = FALSE)
        {
          if (!first)
            g_string_append (csv, "\n");
          append_list (csv, section, g_ptr_array_index (section->lists, l));
        }
    }
  return g_string_free (csv, FALSE);
}
