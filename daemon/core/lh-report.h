/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's site report (issue 14), as the daemon builds it before
 * it is written out as JSON (the standard site report, documented in
 * data/report/), CSV or PDF, or drawn by the kiosk's dashboard.
 *
 * A report is a list of sections (usage, paid time off, advice, ...),
 * each with tables of figures and lists of text (the action plan, the
 * meetings). Every figure of a table that is about people goes through
 * lh_count_table_suppress before anything is written: what leaves the
 * daemon is only ever the published figures. Rows and columns have a
 * stable key (a date, a topic, a PC's name) that a national merge
 * matches on, and a label in plain words. */
#pragma once

#include "lh-suppression.h"

G_BEGIN_DECLS

/* Bumped when the JSON changes in a way an older reader would misread. */
#define LH_SITE_REPORT_FORMAT "learnhub-site-report"
#define LH_SITE_REPORT_VERSION 1

typedef enum
{
  LH_REPORT_UNIT_PEOPLE,    /* different people */
  LH_REPORT_UNIT_COUNT,     /* requests, sittings, bookings, faults */
  LH_REPORT_UNIT_MINUTES,
  LH_REPORT_UNIT_ITEMS,     /* pieces of equipment */
} LhReportUnit;

/* How the table is best drawn; the kiosk and the PDF both follow it. */
typedef enum
{
  LH_REPORT_CHART_NONE,     /* a table only */
  LH_REPORT_CHART_BARS,     /* one bar per row, split by column */
  LH_REPORT_CHART_LINES,    /* rows along time (weeks), a line per column */
  LH_REPORT_CHART_HEAT,     /* rows × columns as shades (weekday × hour) */
} LhReportChart;

/* Whether the national report adds the table up across sites. */
typedef enum
{
  LH_REPORT_MERGE_SUM,      /* rows and columns matched by key, summed */
  LH_REPORT_MERGE_NONE,     /* about this site only (its PCs, its ULRs):
                             * left out of the national report */
} LhReportMerge;

typedef struct
{
  char          *id;              /* (owned) stable, e.g. "minutes-by-week" */
  char          *title;           /* (owned) plain words */
  LhReportUnit   unit;
  LhReportChart  chart;
  LhReportMerge  merge;
  gboolean       about_people;    /* FALSE for what names nobody (items of
                                   * equipment, agreed hours): never hidden */
  GPtrArray     *row_keys;        /* (owned) (element-type utf8) */
  GPtrArray     *row_labels;      /* (owned) (element-type utf8) */
  GPtrArray     *column_keys;     /* (owned) (element-type utf8) */
  GPtrArray     *column_labels;   /* (owned) (element-type utf8) */
  LhCountTable  *counts;          /* (owned) rows × columns */
} LhReportTable;

/* A table of rows × columns, all zero, with the totals given; add the rows'
 * and columns' keys and labels with the functions below, as many as the
 * shape. */
LhReportTable *lh_report_table_new (const char    *id,
                                    const char    *title,
                                    LhReportUnit   unit,
                                    LhReportChart  chart,
                                    guint          n_rows,
                                    guint          n_columns,
                                    LhTotals       totals);
void           lh_report_table_free (LhReportTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhReportTable, lh_report_table_free)

void lh_report_table_add_row    (LhReportTable *table, const char *key, const char *label);
void lh_report_table_add_column (LhReportTable *table, const char *key, const char *label);

/* Lines of text: never figures about people. */
typedef struct
{
  char      *id;         /* (owned) */
  char      *title;      /* (owned) */
  GStrv      headings;   /* (owned) */
  GPtrArray *rows;       /* (owned) (element-type GStrv) as many fields as
                          * headings */
} LhReportList;

LhReportList *lh_report_list_new (const char *id, const char *title, const char * const *headings);
void          lh_report_list_free (LhReportList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhReportList, lh_report_list_free)

/* Takes fields, as many as the headings (NULL-terminated). */
void lh_report_list_add_row (LhReportList *list, const char * const *fields);

typedef struct
{
  char      *id;         /* (owned) "usage", "time-off", "advice", ... */
  char      *title;      /* (owned) */
  GPtrArray *tables;     /* (owned) (element-type LhReportTable) */
  GPtrArray *lists;      /* (owned) (element-type LhReportList) */
} LhReportSection;

LhReportSection *lh_report_section_new (const char *id, const char *title);
void             lh_report_section_free (LhReportSection *section);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhReportSection, lh_report_section_free)

/* Takes ownership. */
void lh_report_section_add_table (LhReportSection *section, LhReportTable *table);
void lh_report_section_add_list  (LhReportSection *section, LhReportList *list);

typedef struct
{
  char      *site;          /* (owned) the centre's name */
  char      *timezone;      /* (owned) */
  char      *first_day;     /* (owned) YYYY-MM-DD, the period's first day */
  char      *last_day;      /* (owned) YYYY-MM-DD, its last day, included */
  int        threshold;     /* figures below it are suppressed */
  gint64     generated_at;
  gint       n_sites;       /* 1, or how many sites a national report merged */
  GPtrArray *sections;      /* (owned) (element-type LhReportSection) */
} LhReport;

LhReport *lh_report_new (const char *site,
                         const char *timezone,
                         const char *first_day,
                         const char *last_day,
                         int         threshold,
                         gint64      generated_at);
void      lh_report_free (LhReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhReport, lh_report_free)

/* Takes ownership. */
void lh_report_add_section (LhReport *report, LhReportSection *section);

/* Suppresses small figures in every table about people
 * (lh_count_table_suppress with the report's threshold). Done once, by
 * whoever builds the report, before it is written anywhere. */
void lh_report_suppress (LhReport *report);

G_END_DECLS
