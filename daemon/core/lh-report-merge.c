/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding the sites' reports up into the national report. A sum is only
 * as open as its most closed part: a figure any site hid is hidden in
 * the sum, with what is known of it (lh_count_table_hide), and the sums
 * are suppressed again at the highest threshold, so that neither a sum
 * below it nor one worked back from the national totals names anyone. */
#define G_LOG_DOMAIN "lh-report"

#include "lh-report-merge.h"

#include "lh-error.h"
#include "lh-report-ties.h"
#include "lh-time.h"

/* The same table at each site that has it. */
typedef struct
{
  GPtrArray *tables;   /* (element-type LhReportTable) (unowned) */
  GPtrArray *sites;    /* (element-type LhReport) (unowned) the site of each */
} Namesakes;

/* Keys in the order they first appear, and where each is. */
typedef struct
{
  GPtrArray  *keys;     /* (element-type utf8) (unowned) */
  GPtrArray  *labels;   /* (element-type utf8) (unowned) */
  GHashTable *index;    /* key → position + 1 */
} KeyUnion;

static void
key_union_init (KeyUnion *keys)
{
  keys->keys = g_ptr_array_new ();
  keys->labels = g_ptr_array_new ();
  keys->index = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
key_union_clear (KeyUnion *keys)
{
  g_ptr_array_unref (keys->keys);
  g_ptr_array_unref (keys->labels);
  g_hash_table_unref (keys->index);
}

static void
key_union_add (KeyUnion *keys, GPtrArray *more, GPtrArray *labels)
{
  for (guint i = 0; i < more->len; i++)
    if (!g_hash_table_contains (keys->index, g_ptr_array_index (more, i)))
      {
        g_ptr_array_add (keys->keys, g_ptr_array_index (more, i));
        g_ptr_array_add (keys->labels, g_ptr_array_index (labels, i));
        g_hash_table_insert (keys->index, g_ptr_array_index (more, i), GUINT_TO_POINTER (keys->keys->len));
      }
}

static guint
key_union_position (const KeyUnion *keys, const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (keys->index, key)) - 1;
}

static gboolean
check_alike (const LhReportTable *first, const LhReport *first_site, const LhReportTable *table, const LhReport *site,
             const char *section_id, GError **error)
{
  if (table->unit == first->unit && table->chart == first->chart && table->about_people == first->about_people)
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
               "%s: section %s, table %s: not the same kind of figures as at %s", site->site, section_id, table->id,
               first_site->site);
  return FALSE;
}

/* What the sites published of each figure of the merged table, in its
 * shape (totals last). */
typedef struct
{
  guint   width;    /* columns + 1 */
  gint64 *sums;     /* of the published parts */
  guint  *n_hid;    /* how many sites hid it */
  gint64 *people;   /* minutes: the fewest people behind the sum, as
                     * each site's published figure above 0 is from its
                     * threshold of people at least */
} Parts;

/* Adds one site's figures to the parts. */
static void
add_site (const LhReportTable *table, int site_threshold, const KeyUnion *rows, const KeyUnion *columns,
          LhTotals totals, Parts *parts)
{
  guint n_rows = table->row_keys->len, n_columns = table->column_keys->len;

  for (guint r = 0; r <= n_rows; r++)
    {
      guint row = r < n_rows ? key_union_position (rows, g_ptr_array_index (table->row_keys, r)) : rows->keys->len;

      for (guint c = 0; c <= n_columns; c++)
        {
          guint column = c < n_columns ? key_union_position (columns, g_ptr_array_index (table->column_keys, c))
                                       : columns->keys->len;
          guint i = row * parts->width + column;
          gboolean is_total = r == n_rows || c == n_columns;
          gboolean published_here = (r == n_rows && c == n_columns) ? totals != LH_TOTALS_NONE
                                    : r == n_rows ? (totals & LH_TOTALS_COLUMNS) != 0
                                    : c == n_columns ? (totals & LH_TOTALS_ROWS) != 0 : TRUE;
          gint64 value;

          if (!published_here || (is_total && !lh_count_table_is_published (table->counts, r, c)))
            continue;
          if (lh_count_table_is_suppressed (table->counts, r, c))
            {
              parts->n_hid[i]++;
              continue;
            }
          value = lh_count_table_get (table->counts, r, c);
          parts->sums[i] += value;
          if (value > 0)
            parts->people[i] += MAX (site_threshold, 1);
        }
    }
}

static LhReportTable *
merge_table (const Namesakes *namesakes, const char *section_id, int threshold, GError **error)
{
  const LhReportTable *first = g_ptr_array_index (namesakes->tables, 0);
  LhTotals totals = LH_TOTALS_ROWS | LH_TOTALS_COLUMNS;
  KeyUnion rows, columns;
  Parts parts;
  LhReportTable *merged = NULL;
  guint width, size;

  for (guint t = 0; t < namesakes->tables->len; t++)
    {
      const LhReportTable *table = g_ptr_array_index (namesakes->tables, t);

      if (!check_alike (first, g_ptr_array_index (namesakes->sites, 0), table, g_ptr_array_index (namesakes->sites, t),
                        section_id, error))
        return NULL;
      /* A total is published only if every site published it. */
      totals &= lh_count_table_totals (table->counts);
    }
  key_union_init (&rows);
  key_union_init (&columns);
  for (guint t = 0; t < namesakes->tables->len; t++)
    {
      const LhReportTable *table = g_ptr_array_index (namesakes->tables, t);

      key_union_add (&rows, table->row_keys, table->row_labels);
      key_union_add (&columns, table->column_keys, table->column_labels);
    }
  width = columns.keys->len + 1;
  size = (rows.keys->len + 1) * width;
  parts.width = width;
  parts.sums = g_new0 (gint64, size);
  parts.n_hid = g_new0 (guint, size);
  parts.people = g_new0 (gint64, size);
  for (guint t = 0; t < namesakes->tables->len; t++)
    add_site (g_ptr_array_index (namesakes->tables, t),
              ((const LhReport *) g_ptr_array_index (namesakes->sites, t))->threshold, &rows, &columns, totals, &parts);

  merged = lh_report_table_new (first->id, first->title, first->unit, first->chart, rows.keys->len, columns.keys->len,
                                totals);
  merged->about_people = first->about_people;
  for (guint r = 0; r < rows.keys->len; r++)
    lh_report_table_add_row (merged, g_ptr_array_index (rows.keys, r), g_ptr_array_index (rows.labels, r));
  for (guint c = 0; c < columns.keys->len; c++)
    lh_report_table_add_column (merged, g_ptr_array_index (columns.keys, c), g_ptr_array_index (columns.labels, c));
  /* The cells first: setting one moves the totals, which are set after. */
  for (guint r = 0; r < rows.keys->len; r++)
    for (guint c = 0; c < columns.keys->len; c++)
      if (parts.n_hid[r * width + c] == 0)
        lh_count_table_set (merged->counts, r, c, parts.sums[r * width + c]);
  for (guint r = 0; r <= rows.keys->len; r++)
    for (guint c = 0; c <= columns.keys->len; c++)
      {
        gboolean is_total = r == rows.keys->len || c == columns.keys->len;

        if (is_total && !lh_count_table_is_published (merged->counts, r, c))
          continue;
        if (parts.n_hid[r * width + c] > 0)
          lh_count_table_hide (merged->counts, r, c, parts.sums[r * width + c] + parts.n_hid[r * width + c]);
        else if (is_total)
          lh_count_table_set_total (merged->counts, r, c, parts.sums[r * width + c]);
        /* Minutes from a site with a lower threshold may be from fewer
         * people than the national one: hidden unless enough sites
         * stand behind them. */
        if (first->unit == LH_REPORT_UNIT_MINUTES)
          lh_count_table_set_people (merged->counts, r, c, parts.people[r * width + c]);
      }
  if (merged->about_people)
    lh_count_table_suppress (merged->counts, threshold);
  key_union_clear (&rows);
  key_union_clear (&columns);
  g_free (parts.sums);
  g_free (parts.n_hid);
  g_free (parts.people);
  return merged;
}

static LhReportList *
merge_list (GPtrArray *lists, GPtrArray *sites, const char *section_id, GError **error)
{
  const LhReportList *first = g_ptr_array_index (lists, 0);
  guint n_headings = g_strv_length (first->headings);
  g_autoptr(GStrvBuilder) headings = g_strv_builder_new ();
  g_auto(GStrv) merged_headings = NULL;
  LhReportList *merged;

  g_strv_builder_add (headings, "Site");
  g_strv_builder_addv (headings, (const char **) first->headings);
  merged_headings = g_strv_builder_end (headings);
  merged = lh_report_list_new (first->id, first->title, (const char * const *) merged_headings);
  for (guint l = 0; l < lists->len; l++)
    {
      const LhReportList *list = g_ptr_array_index (lists, l);
      const LhReport *site = g_ptr_array_index (sites, l);

      if (g_strv_length (list->headings) != n_headings)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s: section %s, list %s: not the same fields as at %s",
                       site->site, section_id, list->id, ((LhReport *) g_ptr_array_index (sites, 0))->site);
          lh_report_list_free (merged);
          return NULL;
        }
      for (guint r = 0; r < list->rows->len; r++)
        {
          g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
          g_auto(GStrv) row = NULL;

          g_strv_builder_add (fields, site->site);
          g_strv_builder_addv (fields, (const char **) g_ptr_array_index (list->rows, r));
          row = g_strv_builder_end (fields);
          lh_report_list_add_row (merged, (const char * const *) row);
        }
    }
  return merged;
}

static const LhReportSection *
find_section (const LhReport *report, const char *id)
{
  for (guint s = 0; s < report->sections->len; s++)
    {
      const LhReportSection *section = g_ptr_array_index (report->sections, s);

      if (g_str_equal (section->id, id))
        return section;
    }
  return NULL;
}

typedef enum
{
  SECTION_IDS,
  TABLE_IDS,     /* of the tables to add up, in one section */
  LIST_IDS,      /* of the lists, in one section */
} IdKind;

static void
add_new_id (GPtrArray *ids, const char *id)
{
  if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
    g_ptr_array_add (ids, (char *) id);
}

/* Ids in the order they first appear across the sites: of the sections,
 * or of the tables or lists of section_id. */
static GPtrArray *
ids_in_order (GPtrArray *reports, const char *section_id, IdKind kind)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < reports->len; i++)
    {
      const LhReport *report = g_ptr_array_index (reports, i);
      const LhReportSection *section = kind == SECTION_IDS ? NULL : find_section (report, section_id);

      if (kind == SECTION_IDS)
        for (guint s = 0; s < report->sections->len; s++)
          add_new_id (ids, ((LhReportSection *) g_ptr_array_index (report->sections, s))->id);
      else if (section != NULL && kind == TABLE_IDS)
        for (guint t = 0; t < section->tables->len; t++)
          {
            const LhReportTable *table = g_ptr_array_index (section->tables, t);

            if (table->merge == LH_REPORT_MERGE_SUM)
              add_new_id (ids, table->id);
          }
      else if (section != NULL)
        for (guint l = 0; l < section->lists->len; l++)
          add_new_id (ids, ((LhReportList *) g_ptr_array_index (section->lists, l))->id);
    }
  return ids;
}

static LhReportSection *
merge_section (GPtrArray *reports, const char *id, int threshold, GError **error)
{
  g_autoptr(LhReportSection) merged = NULL;
  g_autoptr(GPtrArray) table_ids = ids_in_order (reports, id, TABLE_IDS);
  g_autoptr(GPtrArray) list_ids = ids_in_order (reports, id, LIST_IDS);

  for (guint i = 0; i < reports->len && merged == NULL; i++)
    {
      const LhReportSection *section = find_section (g_ptr_array_index (reports, i), id);

      if (section != NULL)
        merged = lh_report_section_new (section->id, section->title);
    }
  for (guint t = 0; t < table_ids->len; t++)
    {
      Namesakes namesakes = { g_ptr_array_new (), g_ptr_array_new () };
      LhReportTable *table;

      for (guint i = 0; i < reports->len; i++)
        {
          const LhReportSection *section = find_section (g_ptr_array_index (reports, i), id);

          for (guint k = 0; section != NULL && k < section->tables->len; k++)
            if (g_str_equal (((LhReportTable *) g_ptr_array_index (section->tables, k))->id,
                             g_ptr_array_index (table_ids, t)))
              {
                g_ptr_array_add (namesakes.tables, g_ptr_array_index (section->tables, k));
                g_ptr_array_add (namesakes.sites, g_ptr_array_index (reports, i));
              }
        }
      table = merge_table (&namesakes, id, threshold, error);
      g_ptr_array_unref (namesakes.tables);
      g_ptr_array_unref (namesakes.sites);
      if (table == NULL)
        return NULL;
      lh_report_section_add_table (merged, table);
    }
  for (guint l = 0; l < list_ids->len; l++)
    {
      g_autoptr(GPtrArray) lists = g_ptr_array_new ();
      g_autoptr(GPtrArray) sites = g_ptr_array_new ();
      LhReportList *list;

      for (guint i = 0; i < reports->len; i++)
        {
          const LhReportSection *section = find_section (g_ptr_array_index (reports, i), id);

          for (guint k = 0; section != NULL && k < section->lists->len; k++)
            if (g_str_equal (((LhReportList *) g_ptr_array_index (section->lists, k))->id,
                             g_ptr_array_index (list_ids, l)))
              {
                g_ptr_array_add (lists, g_ptr_array_index (section->lists, k));
                g_ptr_array_add (sites, g_ptr_array_index (reports, i));
              }
        }
      if ((list = merge_list (lists, sites, id, error)) == NULL)
        return NULL;
      lh_report_section_add_list (merged, list);
    }
  return g_steal_pointer (&merged);
}

LhReport *
lh_report_merge_sites (GPtrArray *reports, GError **error)
{
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GPtrArray) section_ids = NULL;
  const LhReport *first;
  int threshold = 0, n_sites = 0;

  if (reports == NULL || reports->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "No site reports to add up");
      return NULL;
    }
  first = g_ptr_array_index (reports, 0);
  for (guint i = 0; i < reports->len; i++)
    {
      const LhReport *report = g_ptr_array_index (reports, i);

      if (!g_str_equal (report->first_day, first->first_day) || !g_str_equal (report->last_day, first->last_day))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s: its period, %s to %s, is not %s's, %s to %s",
                       report->site, report->first_day, report->last_day, first->site, first->first_day,
                       first->last_day);
          return NULL;
        }
      threshold = MAX (threshold, report->threshold);
      n_sites += report->n_sites;
    }

  national = lh_report_new (LH_NATIONAL_REPORT_SITE, first->timezone, first->first_day, first->last_day, threshold,
                            lh_time_now ());
  national->n_sites = n_sites;
  section_ids = ids_in_order (reports, NULL, SECTION_IDS);
  for (guint s = 0; s < section_ids->len; s++)
    {
      LhReportSection *section = merge_section (reports, g_ptr_array_index (section_ids, s), threshold, error);

      if (section == NULL)
        return NULL;
      /* A section of tables about each site only says nothing here. */
      if (section->tables->len == 0 && section->lists->len == 0)
        lh_report_section_free (section);
      else
        lh_report_add_section (national, section);
    }
  /* A figure a site hid in one table and showed in another (a report
   * from before ties were kept) is hidden in both here. */
  lh_report_suppress_ties (national);
  return g_steal_pointer (&national);
}
