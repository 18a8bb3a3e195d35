/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's site report as the kiosk reads it from
 * GET /api/v1/reports/site (the standard site report, see
 * data/report/README.md): plain structs, figures exactly as the daemon
 * published them. The kiosk computes nothing from them: a suppressed
 * figure stays suppressed, with no value at all. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  LH_SITE_CHART_NONE,
  LH_SITE_CHART_BARS,
  LH_SITE_CHART_LINES,
  LH_SITE_CHART_HEAT,
} LhSiteChart;

typedef struct
{
  gboolean suppressed;  /* held back by the daemon: value is meaningless */
  gint64   value;
} LhSiteFigure;

typedef struct
{
  char         *id;             /* (owned) */
  char         *title;          /* (owned) */
  char         *unit;           /* (owned) "people", "count", "minutes", "items" */
  LhSiteChart   chart;
  gboolean      about_people;
  GPtrArray    *row_keys;       /* (owned) (element-type utf8) */
  GPtrArray    *row_labels;     /* (owned) (element-type utf8) */
  GPtrArray    *column_keys;    /* (owned) (element-type utf8) */
  GPtrArray    *column_labels;  /* (owned) (element-type utf8) */
  LhSiteFigure *cells;          /* (owned) rows × columns, row by row */
  LhSiteFigure *row_totals;     /* (owned) (nullable) one per row */
  LhSiteFigure *column_totals;  /* (owned) (nullable) one per column */
  gboolean      has_total;
  LhSiteFigure  total;
} LhSiteTable;

typedef struct
{
  char      *id;        /* (owned) */
  char      *title;     /* (owned) */
  GStrv      headings;  /* (owned) */
  GPtrArray *rows;      /* (owned) (element-type GStrv) */
} LhSiteList;

typedef struct
{
  char      *id;      /* (owned) "usage", "time-off", ... */
  char      *title;   /* (owned) */
  GPtrArray *tables;  /* (owned) (element-type LhSiteTable) */
  GPtrArray *lists;   /* (owned) (element-type LhSiteList) */
} LhSiteSection;

typedef struct
{
  char      *site;       /* (owned) */
  char      *first_day;  /* (owned) YYYY-MM-DD */
  char      *last_day;   /* (owned) YYYY-MM-DD, included */
  int        threshold;
  GPtrArray *sections;   /* (owned) (element-type LhSiteSection) */
  char      *json;       /* (owned) the report as the daemon sent it, for
                          * saving it as it is */
} LhSiteReport;

/* Returns: (transfer full) the report, or NULL with
 * G_IO_ERROR_INVALID_DATA naming what is wrong. */
LhSiteReport *lh_site_report_from_json (JsonObject  *object,
                                        GError     **error);
void          lh_site_report_free      (LhSiteReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhSiteReport, lh_site_report_free)

guint               lh_site_table_n_rows    (const LhSiteTable *table);
guint               lh_site_table_n_columns (const LhSiteTable *table);
const LhSiteFigure *lh_site_table_cell      (const LhSiteTable *table,
                                             guint              row,
                                             guint              column);

G_END_DECLS
