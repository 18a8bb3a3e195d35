/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a standard site report strictly: a national report is added up
 * from files that came by e-mail from other centres, so anything not in
 * the agreed format is refused with the place named, rather than guessed
 * at (a bare number where a figure object should be could be a hidden
 * figure's value, leaked by a broken writer). */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-json.h"

#include "lh-error.h"
#include "lh-time.h"

#define MAX_FIGURE G_GINT64_CONSTANT (1000000000000)
#define MAX_SITES 1000000

static gboolean
fail (GError **error, const char *place, const char *problem)
{
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s: %s", place, problem);
  return FALSE;
}

static JsonNode *
member (JsonObject *object, const char *place, const char *name, JsonNodeType type, GError **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *where = g_strdup_printf ("%s.%s", place, name);

  if (node == NULL)
    {
      fail (error, where, "missing");
      return NULL;
    }
  if (JSON_NODE_TYPE (node) != type)
    {
      fail (error, where, type == JSON_NODE_OBJECT ? "should be an object"
                          : type == JSON_NODE_ARRAY ? "should be a list" : "should be a string, number or true/false");
      return NULL;
    }
  return node;
}

static const char *
string_member (JsonObject *object, const char *place, const char *name, GError **error)
{
  JsonNode *node = member (object, place, name, JSON_NODE_VALUE, error);
  g_autofree char *where = g_strdup_printf ("%s.%s", place, name);

  if (node == NULL)
    return NULL;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      fail (error, where, "should be a string");
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
int_member (JsonObject *object, const char *place, const char *name, gint64 min, gint64 *out, GError **error)
{
  JsonNode *node = member (object, place, name, JSON_NODE_VALUE, error);
  g_autofree char *where = g_strdup_printf ("%s.%s", place, name);

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (error, where, "should be a whole number");
  *out = json_node_get_int (node);
  if (*out < min)
    return fail (error, where, "is too small");
  return TRUE;
}

static gboolean
bool_member (JsonObject *object, const char *place, const char *name, gboolean *out, GError **error)
{
  JsonNode *node = member (object, place, name, JSON_NODE_VALUE, error);
  g_autofree char *where = g_strdup_printf ("%s.%s", place, name);

  if (node == NULL)
    return FALSE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, where, "should be true or false");
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* One of names (NULL-terminated), as its index. */
static gboolean
choice_member (JsonObject *object, const char *place, const char *name, const char * const *names, int *out,
               GError **error)
{
  const char *text = string_member (object, place, name, error);
  g_autofree char *where = g_strdup_printf ("%s.%s", place, name);

  if (text == NULL)
    return FALSE;
  for (int i = 0; names[i] != NULL; i++)
    if (g_str_equal (text, names[i]))
      {
        *out = i;
        return TRUE;
      }
  return fail (error, where, "is not one of the agreed words");
}

static gboolean
check_date (const char *text, const char *place, GError **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 unused;

  if (!lh_time_parse_date (text, utc, &unused, NULL))
    return fail (error, place, "should be a date, YYYY-MM-DD");
  return TRUE;
}

/* A figure: {"value": N} or {"value": null, "suppressed": true}.
 * *out_value is -1 for a suppressed one. */
static gboolean
read_figure (JsonNode *node, const char *place, gint64 *out_value, GError **error)
{
  JsonObject *object;
  JsonNode *value, *suppressed;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, place, "a figure should be an object with a value");
  object = json_node_get_object (node);
  value = json_object_get_member (object, "value");
  suppressed = json_object_get_member (object, "suppressed");
  if (value == NULL)
    return fail (error, place, "a figure should have a value");
  if (JSON_NODE_HOLDS_NULL (value))
    {
      if (suppressed == NULL || !JSON_NODE_HOLDS_VALUE (suppressed) ||
          json_node_get_value_type (suppressed) != G_TYPE_BOOLEAN || !json_node_get_boolean (suppressed))
        return fail (error, place, "a figure with no value should be suppressed");
      *out_value = -1;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
      json_node_get_int (value) < 0)
    return fail (error, place, "a figure's value should be a whole number, 0 or more");
  /* Far above any centre's figures (a quarter of minutes of 5,000 staff
   * is under 10⁹), and low enough that no sum of sites overflows. */
  if (json_node_get_int (value) > MAX_FIGURE)
    return fail (error, place, "a figure's value is too large");
  if (suppressed != NULL)
    return fail (error, place, "a suppressed figure should have no value");
  *out_value = json_node_get_int (value);
  return TRUE;
}

static gboolean
store_figure (LhCountTable *counts, JsonNode *node, const char *place, guint row, guint column, GError **error)
{
  gint64 value;
  gboolean is_total = row == lh_count_table_n_rows (counts) || column == lh_count_table_n_columns (counts);

  if (!read_figure (node, place, &value, error))
    return FALSE;
  if (value < 0)
    lh_count_table_hide (counts, row, column, 1);
  else if (is_total)
    lh_count_table_set_total (counts, row, column, value);
  else
    lh_count_table_set (counts, row, column, value);
  return TRUE;
}

/* [{"key", "label"}, ...], keys unique. */
static gboolean
read_headers (JsonArray *array, const char *place, GPtrArray *keys, GPtrArray *labels, GError **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", place, i);
      const char *key, *label;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, where, "should be an object with a key and a label");
      if ((key = string_member (json_node_get_object (node), where, "key", error)) == NULL ||
          (label = string_member (json_node_get_object (node), where, "label", error)) == NULL)
        return FALSE;
      for (guint k = 0; k < keys->len; k++)
        if (g_str_equal (g_ptr_array_index (keys, k), key))
          return fail (error, where, "the same key twice");
      g_ptr_array_add (keys, g_strdup (key));
      g_ptr_array_add (labels, g_strdup (label));
    }
  return TRUE;
}

/* A list of figure objects, as many as expected. */
static JsonArray *
figure_list (JsonObject *object, const char *place, const char *name, guint expected, GError **error)
{
  JsonNode *node = member (object, place, name, JSON_NODE_ARRAY, error);
  g_autofree char *where = g_strdup_printf ("%s.%s", place, name);

  if (node == NULL)
    return NULL;
  if (json_array_get_length (json_node_get_array (node)) != expected)
    {
      fail (error, where, expected == 1 ? "should hold one figure" : "should hold one figure for each row or column");
      return NULL;
    }
  return json_node_get_array (node);
}

static const char * const unit_names[] = { "people", "count", "minutes", "items", NULL };
static const char * const chart_names[] = { "none", "bars", "lines", "heat", NULL };
static const char * const merge_names[] = { "sum", "none", NULL };

static gboolean
read_cells (JsonObject *object, const char *place, LhReportTable *table, GError **error)
{
  guint n_rows = table->row_keys->len, n_columns = table->column_keys->len;
  JsonArray *rows = figure_list (object, place, "cells", n_rows, error);

  if (rows == NULL)
    return FALSE;
  for (guint r = 0; r < n_rows; r++)
    {
      JsonNode *row = json_array_get_element (rows, r);
      g_autofree char *where = g_strdup_printf ("%s.cells[%u]", place, r);

      if (!JSON_NODE_HOLDS_ARRAY (row) || json_array_get_length (json_node_get_array (row)) != n_columns)
        return fail (error, where, "should be a list of one figure for each column");
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = g_strdup_printf ("%s[%u]", where, c);

          if (!store_figure (table->counts, json_array_get_element (json_node_get_array (row), c), cell, r, c, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_totals (JsonObject *object, const char *place, LhReportTable *table, GError **error)
{
  guint n_rows = table->row_keys->len, n_columns = table->column_keys->len;
  LhTotals totals = lh_count_table_totals (table->counts);

  if (totals & LH_TOTALS_ROWS)
    {
      JsonArray *list = figure_list (object, place, "row_totals", n_rows, error);

      if (list == NULL)
        return FALSE;
      for (guint r = 0; r < n_rows; r++)
        {
          g_autofree char *where = g_strdup_printf ("%s.row_totals[%u]", place, r);

          if (!store_figure (table->counts, json_array_get_element (list, r), where, r, n_columns, error))
            return FALSE;
        }
    }
  if (totals & LH_TOTALS_COLUMNS)
    {
      JsonArray *list = figure_list (object, place, "column_totals", n_columns, error);

      if (list == NULL)
        return FALSE;
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *where = g_strdup_printf ("%s.column_totals[%u]", place, c);

          if (!store_figure (table->counts, json_array_get_element (list, c), where, n_rows, c, error))
            return FALSE;
        }
    }
  if (totals != LH_TOTALS_NONE)
    {
      JsonNode *total = member (object, place, "total", JSON_NODE_OBJECT, error);
      g_autofree char *where = g_strdup_printf ("%s.total", place);

      if (total == NULL || !store_figure (table->counts, total, where, n_rows, n_columns, error))
        return FALSE;
    }
  else if (json_object_has_member (object, "total"))
    return fail (error, place, "a total with no row or column totals");
  return TRUE;
}

static LhReportTable *
read_table (JsonNode *node, const char *place, GError **error)
{
  g_autoptr(GPtrArray) row_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) row_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) column_keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) column_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LhReportTable) table = NULL;
  JsonObject *object;
  JsonNode *rows, *columns;
  const char *id, *title;
  int unit, chart, merge;
  gboolean about_people;
  LhTotals totals = LH_TOTALS_NONE;
  g_autofree char *rows_place = g_strdup_printf ("%s.rows", place);
  g_autofree char *columns_place = g_strdup_printf ("%s.columns", place);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, place, "a table should be an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if ((id = string_member (object, place, "id", error)) == NULL ||
      (title = string_member (object, place, "title", error)) == NULL ||
      !choice_member (object, place, "unit", unit_names, &unit, error) ||
      !choice_member (object, place, "chart", chart_names, &chart, error) ||
      !choice_member (object, place, "merge", merge_names, &merge, error) ||
      !bool_member (object, place, "about_people", &about_people, error) ||
      (rows = member (object, place, "rows", JSON_NODE_ARRAY, error)) == NULL ||
      (columns = member (object, place, "columns", JSON_NODE_ARRAY, error)) == NULL ||
      !read_headers (json_node_get_array (rows), rows_place, row_keys, row_labels, error) ||
      !read_headers (json_node_get_array (columns), columns_place, column_keys, column_labels, error))
    return NULL;

  if (json_object_has_member (object, "row_totals"))
    totals |= LH_TOTALS_ROWS;
  if (json_object_has_member (object, "column_totals"))
    totals |= LH_TOTALS_COLUMNS;
  table = lh_report_table_new (id, title, unit, chart, row_keys->len, column_keys->len, totals);
  table->merge = merge;
  table->about_people = about_people;
  for (guint r = 0; r < row_keys->len; r++)
    lh_report_table_add_row (table, g_ptr_array_index (row_keys, r), g_ptr_array_index (row_labels, r));
  for (guint c = 0; c < column_keys->len; c++)
    lh_report_table_add_column (table, g_ptr_array_index (column_keys, c), g_ptr_array_index (column_labels, c));
  if (!read_cells (object, place, table, error) || !read_totals (object, place, table, error))
    return NULL;
  return g_steal_pointer (&table);
}

static gboolean
read_strings (JsonNode *node, const char *place, guint expected, GStrvBuilder *builder, GError **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, place, "should be a list of text");
  array = json_node_get_array (node);
  if (expected > 0 && json_array_get_length (array) != expected)
    return fail (error, place, "should hold one field for each heading");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *field = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", place, i);

      if (!JSON_NODE_HOLDS_VALUE (field) || json_node_get_value_type (field) != G_TYPE_STRING)
        return fail (error, where, "should be text");
      g_strv_builder_add (builder, json_node_get_string (field));
    }
  return TRUE;
}

static LhReportList *
read_list (JsonNode *node, const char *place, GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) headings = NULL;
  g_autoptr(LhReportList) list = NULL;
  g_autofree char *headings_place = g_strdup_printf ("%s.headings", place);
  JsonObject *object;
  JsonNode *headings_node, *rows;
  const char *id, *title;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, place, "a list should be an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if ((id = string_member (object, place, "id", error)) == NULL ||
      (title = string_member (object, place, "title", error)) == NULL ||
      (headings_node = member (object, place, "headings", JSON_NODE_ARRAY, error)) == NULL ||
      !read_strings (headings_node, headings_place, 0, builder, error) ||
      (rows = member (object, place, "rows", JSON_NODE_ARRAY, error)) == NULL)
    return NULL;
  headings = g_strv_builder_end (builder);
  if (headings[0] == NULL)
    {
      fail (error, headings_place, "should name at least one field");
      return NULL;
    }
  list = lh_report_list_new (id, title, (const char * const *) headings);
  for (guint r = 0; r < json_array_get_length (json_node_get_array (rows)); r++)
    {
      g_autoptr(GStrvBuilder) fields_builder = g_strv_builder_new ();
      g_auto(GStrv) fields = NULL;
      g_autofree char *where = g_strdup_printf ("%s.rows[%u]", place, r);

      if (!read_strings (json_array_get_element (json_node_get_array (rows), r), where, g_strv_length (headings),
                         fields_builder, error))
        return NULL;
      fields = g_strv_builder_end (fields_builder);
      lh_report_list_add_row (list, (const char * const *) fields);
    }
  return g_steal_pointer (&list);
}

static LhReportSection *
read_section (JsonNode *node, const char *place, GError **error)
{
  g_autoptr(LhReportSection) section = NULL;
  JsonObject *object;
  JsonNode *tables, *lists;
  const char *id, *title;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, place, "a section should be an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if ((id = string_member (object, place, "id", error)) == NULL ||
      (title = string_member (object, place, "title", error)) == NULL ||
      (tables = member (object, place, "tables", JSON_NODE_ARRAY, error)) == NULL ||
      (lists = member (object, place, "lists", JSON_NODE_ARRAY, error)) == NULL)
    return NULL;
  section = lh_report_section_new (id, title);
  for (guint t = 0; t < json_array_get_length (json_node_get_array (tables)); t++)
    {
      g_autofree char *where = g_strdup_printf ("%s.tables[%u]", place, t);
      LhReportTable *table = read_table (json_array_get_element (json_node_get_array (tables), t), where, error);

      if (table == NULL)
        return NULL;
      for (guint k = 0; k < section->tables->len; k++)
        if (g_str_equal (((LhReportTable *) g_ptr_array_index (section->tables, k))->id, table->id))
          {
            lh_report_table_free (table);
            fail (error, where, "the same table id twice in a section");
            return NULL;
          }
      lh_report_section_add_table (section, table);
    }
  for (guint l = 0; l < json_array_get_length (json_node_get_array (lists)); l++)
    {
      g_autofree char *where = g_strdup_printf ("%s.lists[%u]", place, l);
      LhReportList *list = read_list (json_array_get_element (json_node_get_array (lists), l), where, error);

      if (list == NULL)
        return NULL;
      lh_report_section_add_list (section, list);
    }
  return g_steal_pointer (&section);
}

LhReport *
lh_report_from_json (JsonNode *node, GError **error)
{
  g_autoptr(LhReport) report = NULL;
  JsonObject *root, *period;
  JsonNode *period_node, *sections;
  const char *format, *site, *timezone, *first_day, *last_day, *generated_text;
  gint64 version, n_sites, threshold, generated_at;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, "report", "should be an object");
      return NULL;
    }
  root = json_node_get_object (node);
  if ((format = string_member (root, "report", "format", error)) == NULL)
    return NULL;
  if (!g_str_equal (format, LH_SITE_REPORT_FORMAT))
    {
      fail (error, "report.format", "not a learnhub site report");
      return NULL;
    }
  if (!int_member (root, "report", "version", 1, &version, error))
    return NULL;
  if (version != LH_SITE_REPORT_VERSION)
    {
      fail (error, "report.version", "a version this learnhub cannot read");
      return NULL;
    }
  if ((site = string_member (root, "report", "site", error)) == NULL ||
      !int_member (root, "report", "sites", 1, &n_sites, error) ||
      (timezone = string_member (root, "report", "timezone", error)) == NULL ||
      (period_node = member (root, "report", "period", JSON_NODE_OBJECT, error)) == NULL)
    return NULL;
  period = json_node_get_object (period_node);
  if ((first_day = string_member (period, "report.period", "first_day", error)) == NULL ||
      !check_date (first_day, "report.period.first_day", error) ||
      (last_day = string_member (period, "report.period", "last_day", error)) == NULL ||
      !check_date (last_day, "report.period.last_day", error) ||
      !int_member (root, "report", "threshold", 0, &threshold, error) ||
      (generated_text = string_member (root, "report", "generated_at", error)) == NULL)
    return NULL;
  if (g_strcmp0 (first_day, last_day) > 0)
    {
      fail (error, "report.period", "its last day is before its first");
      return NULL;
    }
  /* No country has a million centres: national sums of them stay ints. */
  if (threshold > G_MAXINT || n_sites > MAX_SITES)
    {
      fail (error, threshold > G_MAXINT ? "report.threshold" : "report.sites", "is too large");
      return NULL;
    }
  if (!lh_time_parse_iso (generated_text, &generated_at, NULL))
    {
      fail (error, "report.generated_at", "should be a time, ISO 8601 in UTC");
      return NULL;
    }
  if ((sections = member (root, "report", "sections", JSON_NODE_ARRAY, error)) == NULL)
    return NULL;

  report = lh_report_new (site, timezone, first_day, last_day, (int) threshold, generated_at);
  report->n_sites = (int) n_sites;
  for (guint s = 0; s < json_array_get_length (json_node_get_array (sections)); s++)
    {
      g_autofree char *where = g_strdup_printf ("report.sections[%u]", s);
      LhReportSection *section = read_section (json_array_get_element (json_node_get_array (sections), s), where,
                                               error);

      if (section == NULL)
        return NULL;
      for (guint k = 0; k < report->sections->len; k++)
        if (g_str_equal (((LhReportSection *) g_ptr_array_index (report->sections, k))->id, section->id))
          {
            lh_report_section_free (section);
            fail (error, where, "the same section id twice");
            return NULL;
          }
      lh_report_add_section (report, section);
    }
  return g_steal_pointer (&report);
}
