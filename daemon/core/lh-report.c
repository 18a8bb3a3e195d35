/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's parts: tables, lists, sections. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report.h"

#include "lh-report-ties.h"

LhReportTable *
lh_report_table_new (const char *id, const char *title, LhReportUnit unit, LhReportChart chart, guint n_rows,
                     guint n_columns, LhTotals totals)
{
  LhReportTable *table = g_new0 (LhReportTable, 1);

  table->id = g_strdup (id);
  table->title = g_strdup (title);
  table->unit = unit;
  table->chart = chart;
  table->merge = LH_REPORT_MERGE_SUM;
  table->about_people = unit != LH_REPORT_UNIT_ITEMS;
  table->row_keys = g_ptr_array_new_with_free_func (g_free);
  table->row_labels = g_ptr_array_new_with_free_func (g_free);
  table->column_keys = g_ptr_array_new_with_free_func (g_free);
  table->column_labels = g_ptr_array_new_with_free_func (g_free);
  table->counts = lh_count_table_new (n_rows, n_columns, totals);
  return table;
}

void
lh_report_table_free (LhReportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->id);
  g_free (table->title);
  g_ptr_array_unref (table->row_keys);
  g_ptr_array_unref (table->row_labels);
  g_ptr_array_unref (table->column_keys);
  g_ptr_array_unref (table->column_labels);
  lh_count_table_free (table->counts);
  g_free (table);
}

void
lh_report_table_add_row (LhReportTable *table, const char *key, const char *label)
{
  g_return_if_fail (table->row_keys->len < lh_count_table_n_rows (table->counts));
  g_ptr_array_add (table->row_keys, g_strdup (key));
  g_ptr_array_add (table->row_labels, g_strdup (label));
}

void
lh_report_table_add_column (LhReportTable *table, const char *key, const char *label)
{
  g_return_if_fail (table->column_keys->len < lh_count_table_n_columns (table->counts));
  g_ptr_array_add (table->column_keys, g_strdup (key));
  g_ptr_array_add (table->column_labels, g_strdup (label));
}

LhReportList *
lh_report_list_new (const char *id, const char *title, const char * const *headings)
{
  LhReportList *list = g_new0 (LhReportList, 1);

  list->id = g_strdup (id);
  list->title = g_strdup (title);
  list->headings = g_strdupv ((char **) headings);
  list->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return list;
}

void
lh_report_list_free (LhReportList *list)
{
  if (list == NULL)
    return;
  g_free (list->id);
  g_free (list->title);
  g_strfreev (list->headings);
  g_ptr_array_unref (list->rows);
  g_free (list);
}

void
lh_report_list_add_row (LhReportList *list, const char * const *fields)
{
  g_return_if_fail (g_strv_length ((char **) fields) == g_strv_length (list->headings));
  g_ptr_array_add (list->rows, g_strdupv ((char **) fields));
}

LhReportSection *
lh_report_section_new (const char *id, const char *title)
{
  LhReportSection *section = g_new0 (LhReportSection, 1);

  section->id = g_strdup (id);
  section->title = g_strdup (title);
  section->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_table_free);
  section->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_list_free);
  return section;
}

void
lh_report_section_free (LhReportSection *section)
{
  if (section == NULL)
    return;
  g_free (section->id);
  g_free (section->title);
  g_ptr_array_unref (section->tables);
  g_ptr_array_unref (section->lists);
  g_free (section);
}

void
lh_report_section_add_table (LhReportSection *section, LhReportTable *table)
{
  g_return_if_fail (table->row_keys->len == lh_count_table_n_rows (table->counts));
  g_return_if_fail (table->column_keys->len == lh_count_table_n_columns (table->counts));
  g_ptr_array_add (section->tables, table);
}

void
lh_report_section_add_list (LhReportSection *section, LhReportList *list)
{
  g_ptr_array_add (section->lists, list);
}

LhReport *
lh_report_new (const char *site, const char *timezone, const char *first_day, const char *last_day,
               int threshold, gint64 generated_at)
{
  LhReport *report = g_new0 (LhReport, 1);

  report->site = g_strdup (site);
  report->timezone = g_strdup (timezone);
  report->first_day = g_strdup (first_day);
  report->last_day = g_strdup (last_day);
  report->threshold = threshold;
  report->generated_at = generated_at;
  report->n_sites = 1;
  report->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_section_free);
  return report;
}

void
lh_report_free (LhReport *report)
{
  if (report == NULL)
    return;
  g_free (report->site);
  g_free (report->timezone);
  g_free (report->first_day);
  g_free (report->last_day);
  g_ptr_array_unref (report->sections);
  g_free (report);
}

void
lh_report_add_section (LhReport *report, LhReportSection *section)
{
  g_ptr_array_add (report->sections, section);
}

void
lh_report_suppress (LhReport *report)
{
  for (guint s = 0; s < report->sections->len; s++)
    {
      LhReportSection *section = g_ptr_array_index (report->sections, s);

      for (guint t = 0; t < section->tables->len; t++)
        {
          LhReportTable *table = g_ptr_array_index (section->tables, t);

          if (table->about_people)
            lh_count_table_suppress (table->counts, report->threshold);
        }
    }
  lh_report_suppress_ties (report);
}
