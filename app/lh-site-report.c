/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-site-report"

#include "lh-site-report.h"

#include <gio/gio.h>

#include "lh-json-read.h"

static gboolean
invalid (GError **error, const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The site report has a bad %s", what);
  return FALSE;
}

/* {"value": N} or {"value": null, "suppressed": true}: nothing else. */
static gboolean
read_figure (JsonNode      *node,
             LhSiteFigure  *out,
             GError       **error)
{
  JsonObject *object;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "figure");
  object = json_node_get_object (node);
  if (!lh_json_read_bool (object, "suppressed", &out->suppressed, error))
    return FALSE;
  value = json_object_get_member (object, "value");
  if (out->suppressed)
    {
      out->value = 0;
      return TRUE;
    }
  if (value == NULL || json_node_get_value_type (value) != G_TYPE_INT64)
    return invalid (error, "figure");
  out->value = json_node_get_int (value);
  return TRUE;
}

/* A list of figures, exactly n of them; *out (nullable) is NULL if
 * member is absent. */
static gboolean
read_figures (JsonObject    *object,
              const char    *member,
              guint          n,
              LhSiteFigure **out,
              GError       **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree LhSiteFigure *figures = NULL;
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) != n)
    return invalid (error, member);
  figures = g_new0 (LhSiteFigure, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    if (!read_figure (json_array_get_element (array, i), &figures[i], error))
      return FALSE;
  *out = g_steal_pointer (&figures);
  return TRUE;
}

/* [{"key": …, "label": …}, …] into keys and labels. */
static gboolean
read_keys (JsonObject  *object,
           const char  *member,
           GPtrArray   *keys,
           GPtrArray   *labels,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, member);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      char *key = NULL;
      char *label = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return invalid (error, member);
      if (!lh_json_read_string (json_node_get_object (item), "key", TRUE, &key, error))
        return FALSE;
      g_ptr_array_add (keys, key);
      if (!lh_json_read_string (json_node_get_object (item), "label", TRUE, &label, error))
        return FALSE;
      g_ptr_array_add (labels, label);
    }
  return TRUE;
}

static LhSiteChart
chart_from_string (const char *chart)
{
  if (g_strcmp0 (chart, "bars") == 0)
    return LH_SITE_CHART_BARS;
  if (g_strcmp0 (chart, "lines") == 0)
    return LH_SITE_CHART_LINES;
  if (g_strcmp0 (chart, "heat") == 0)
    return LH_SITE_CHART_HEAT;
  return LH_SITE_CHART_NONE;
}

static void
site_table_free (LhSiteTable *table)
{
  g_free (table->id);
  g_free (table->title);
  g_free (table->unit);
  g_clear_pointer (&table->row_keys, g_ptr_array_unref);
  g_clear_pointer (&table->row_labels, g_ptr_array_unref);
  g_clear_pointer (&table->column_keys, g_ptr_array_unref);
  g_clear_pointer (&table->column_labels, g_ptr_array_unref);
  g_free (table->cells);
  g_free (table->row_totals);
  g_free (table->column_totals);
  g_free (table);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhSiteTable, site_table_free)

static gpointer
site_table_from_json (JsonObject  *object,
                      GTimeZone   *tz,
                      GError     **error)
{
  g_autoptr(LhSiteTable) table = g_new0 (LhSiteTable, 1);
  g_autofree char *chart = NULL;
  JsonNode *cells;
  JsonArray *rows;
  guint n_rows, n_columns;

  table->row_keys = g_ptr_array_new_with_free_func (g_free);
  table->row_labels = g_ptr_array_new_with_free_func (g_free);
  table->column_keys = g_ptr_array_new_with_free_func (g_free);
  table->column_labels = g_ptr_array_new_with_free_func (g_free);
  if (!lh_json_read_string (object, "id", TRUE, &table->id, error) ||
      !lh_json_read_string (object, "title", TRUE, &table->title, error) ||
      !lh_json_read_string (object, "unit", TRUE, &table->unit, error) ||
      !lh_json_read_string (object, "chart", FALSE, &chart, error) ||
      !lh_json_read_bool (object, "about_people", &table->about_people, error) ||
      !read_keys (object, "rows", table->row_keys, table->row_labels, error) ||
      !read_keys (object, "columns", table->column_keys, table->column_labels, error))
    return NULL;
  table->chart = chart_from_string (chart);
  n_rows = table->row_keys->len;
  n_columns = table->column_keys->len;

  cells = json_object_get_member (object, "cells");
  if (cells == NULL || !JSON_NODE_HOLDS_ARRAY (cells) ||
      json_array_get_length (rows = json_node_get_array (cells)) != n_rows)
    return invalid (error, "cells"), NULL;
  table->cells = g_new0 (LhSiteFigure, MAX (n_rows * n_columns, 1));
  for (guint r = 0; r < n_rows; r++)
    {
      JsonNode *row = json_array_get_element (rows, r);

      if (!JSON_NODE_HOLDS_ARRAY (row) || json_array_get_length (json_node_get_array (row)) != n_columns)
        return invalid (error, "cells"), NULL;
      for (guint c = 0; c < n_columns; c++)
        if (!read_figure (json_array_get_element (json_node_get_array (row), c),
                          &table->cells[r * n_columns + c], error))
          return NULL;
    }
  if (!read_figures (object, "row_totals", n_rows, &table->row_totals, error) ||
      !read_figures (object, "column_totals", n_columns, &table->column_totals, error))
    return NULL;
  table->has_total = json_object_has_member (object, "total");
  if (table->has_total && !read_figure (json_object_get_member (object, "total"), &table->total, error))
    return NULL;
  return g_steal_pointer (&table);
}

static void
site_list_free (LhSiteList *list)
{
  g_free (list->id);
  g_free (list->title);
  g_strfreev (list->headings);
  g_clear_pointer (&list->rows, g_ptr_array_unref);
  g_free (list);
}

static gpointer
site_list_from_json (JsonObject  *object,
                     GTimeZone   *tz,
                     GError     **error)
{
  LhSiteList *list = g_new0 (LhSiteList, 1);
  JsonNode *rows = json_object_get_member (object, "rows");

  list->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  list->headings = lh_json_read_strings (object, "headings");
  if (!lh_json_read_string (object, "id", TRUE, &list->id, error) ||
      !lh_json_read_string (object, "title", TRUE, &list->title, error))
    {
      site_list_free (list);
      return NULL;
    }
  if (rows != NULL && JSON_NODE_HOLDS_ARRAY (rows))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (rows)); i++)
      {
        JsonNode *row = json_array_get_element (json_node_get_array (rows), i);
        g_autoptr(JsonObject) holder = json_object_new ();

        /* lh_json_read_strings reads a member: lend it the row. */
        json_object_set_member (holder, "row", json_node_copy (row));
        g_ptr_array_add (list->rows, lh_json_read_strings (holder, "row"));
      }
  return list;
}

static void
site_section_free (LhSiteSection *section)
{
  g_free (section->id);
  g_free (section->title);
  g_clear_pointer (&section->tables, g_ptr_array_unref);
  g_clear_pointer (&section->lists, g_ptr_array_unref);
  g_free (section);
}

static gpointer
site_section_from_json (JsonObject  *object,
                        GTimeZone   *tz,
                        GError     **error)
{
  LhSiteSection *section = g_new0 (LhSiteSection, 1);

  if (!lh_json_read_string (object, "id", TRUE, &section->id, error) ||
      !lh_json_read_string (object, "title", TRUE, &section->title, error) ||
      !(section->tables = lh_json_read_list (object, "tables", FALSE, site_table_from_json,
                                             (GDestroyNotify) site_table_free, NULL, error)) ||
      !(section->lists = lh_json_read_list (object, "lists", FALSE, site_list_from_json,
                                            (GDestroyNotify) site_list_free, NULL, error)))
    {
      site_section_free (section);
      return NULL;
    }
  return section;
}

LhSiteReport *
lh_site_report_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(LhSiteReport) report = g_new0 (LhSiteReport, 1);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *format = NULL;
  gint64 threshold = 0;

  if (!lh_json_read_string (object, "format", TRUE, &format, error))
    return NULL;
  if (!g_str_equal (format, "learnhub-site-report"))
    return invalid (error, "format"), NULL;
  if (!lh_json_read_string (object, "site", TRUE, &report->site, error) ||
      !lh_json_read_int (object, "threshold", FALSE, &threshold, error))
    return NULL;
  report->threshold = (int) CLAMP (threshold, 0, G_MAXINT);
  if (json_object_get_member (object, "period") == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "period")))
    return invalid (error, "period"), NULL;
  if (!lh_json_read_string (json_object_get_object_member (object, "period"), "first_day", TRUE,
                            &report->first_day, error) ||
      !lh_json_read_string (json_object_get_object_member (object, "period"), "last_day", TRUE,
                            &report->last_day, error))
    return NULL;
  report->sections = lh_json_read_list (object, "sections", TRUE, site_section_from_json,
                                        (GDestroyNotify) site_section_free, NULL, error);
  if (report->sections == NULL)
    return NULL;
  report->json = json_to_string (node, TRUE);
  return g_steal_pointer (&report);
}

void
lh_site_report_free (LhSiteReport *report)
{
  if (report == NULL)
    return;
  g_free (report->site);
  g_free (report->first_day);
  g_free (report->last_day);
  g_clear_pointer (&report->sections, g_ptr_array_unref);
  g_free (report->json);
  g_free (report);
}

guint
lh_site_table_n_rows (const LhSiteTable *table)
{
  return table->row_keys->len;
}

guint
lh_site_table_n_columns (const LhSiteTable *table)
{
  return table->column_keys->len;
}

const LhSiteFigure *
lh_site_table_cell (const LhSiteTable *table,
                    guint              row,
                    guint              column)
{
  g_return_val_if_fail (row < table->row_keys->len && column < table->column_keys->len, NULL);

  return &table->cells[row * table->column_keys->len + column];
}
