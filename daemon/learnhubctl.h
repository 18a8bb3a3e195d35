/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What learnhubctl's commands share: its parsed options and how a command
 * says it was called wrongly. */
#pragma once

#include "lh-config.h"
#include "lh-csv.h"
#include "lh-people.h"
#include "lh-report.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  LhConfig  *config;          /* (unowned) */
  char     **args;            /* (unowned) the command's own arguments */
  gboolean   json;
  gboolean   skip_bad_rows;
  char      *kind;            /* (owned) (nullable) */
  char      *hours;           /* (owned) (nullable) */
  int        capacity;
  char      *from;            /* (owned) (nullable) rules set: YYYY-MM-DD */
  char      *pc;              /* (owned) (nullable) device add: the PC it is the kiosk of */
  int        limits[8];       /* rules set: -1 keeps the value in force */
  char      *person;          /* (owned) (nullable) group/assessment add: leader or assessor */
  char      *room;            /* (owned) (nullable) group add */
  char      *title;           /* (owned) (nullable) group add */
  char      *topic;           /* (owned) (nullable) group add */
  char      *subject;         /* (owned) (nullable) assessment add */
  char      *place;           /* (owned) (nullable) assessment add */
  char      *start;           /* (owned) (nullable) "YYYY-MM-DD HH:MM", local */
  int        minutes;
  int        weeks;
  char     **ulrs;            /* (owned) (nullable) dropin/advice-slot add: staff numbers */
  char      *at;              /* (owned) (nullable) terms/time-off show: YYYY-MM-DD */
  char      *reason;          /* (owned) (nullable) time-off approve/reject/adjust */
  char      *date;            /* (owned) (nullable) time-off adjust: YYYY-MM-DD */
  char      *years;           /* (owned) (nullable) demo: years of history, as typed */
  char      *location;        /* (owned) (nullable) equipment add */
  char      *description;     /* (owned) (nullable) equipment add */
  char      *to;              /* (owned) (nullable) equipment usage: YYYY-MM-DD */
  char      *format;          /* (owned) (nullable) equipment usage: text or csv */
  char      *note;            /* (owned) (nullable) equipment check done */
  char      *output;          /* (owned) (nullable) report, national-report: the file to write */
  char      *name;            /* (owned) (nullable) meetings attend: someone not on the committee */
} Ctl;

/* The options of "rules set", in the order of limits[] above. */
enum { MIN_MINUTES, MAX_MINUTES, HORIZON_DAYS, DAY_MINUTES, WEEK_MINUTES, DAY_BOOKINGS, WEEK_BOOKINGS, HOLD_MINUTES };

typedef gboolean (*CommandFunc) (Ctl *ctl, LhStore *store, GError **error);

/* Always FALSE, with "usage: learnhubctl USAGE". */
gboolean lh_ctl_usage_error (GError     **error,
                             const char  *usage);

/* The active resource of that kind ("pc" or "room") and name, or 0 with
 * LH_ERROR_NOT_FOUND. */
gint64   lh_ctl_find_resource (LhStore     *store,
                               const char  *name,
                               const char  *kind,
                               GError     **error);

/* "YYYY-MM-DD HH:MM", local to the centre (the --start option). */
gboolean  lh_ctl_parse_local (const char  *text,
                              GTimeZone   *tz,
                              gint64      *out,
                              GError     **error);

/* The person of the staff number, who must have one of roles to be the
 * `what` of something. */
LhPerson *lh_ctl_find_staff  (LhStore     *store,
                              const char  *staff_number,
                              guint        roles,
                              const char  *what,
                              GError     **error);

/* learnhubctl-backup.c: no store is opened for them (restore replaces a
 * damaged one). */
gboolean lh_ctl_backup      (Ctl *ctl, LhStore *store, GError **error);
gboolean lh_ctl_restore     (Ctl *ctl, LhStore *store, GError **error);

/* learnhubctl-audit.c */
gboolean lh_ctl_audit       (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-timetable.c */
gboolean lh_ctl_group       (Ctl *ctl, LhStore *store, GError **error);
gboolean lh_ctl_assessment  (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-terms.c */
gboolean lh_ctl_terms       (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-advice.c */
gboolean lh_ctl_dropin      (Ctl *ctl, LhStore *store, GError **error);
gboolean lh_ctl_advice_slot (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-equipment.c */
gboolean lh_ctl_equipment   (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-equipment-usage.c: usage is the command's usage line. */
gboolean lh_ctl_equipment_usage (Ctl *ctl, LhStore *store, const char *usage, GError **error);
/* learnhubctl-equipment-compliance.c: usage is the command's usage line. */
gboolean lh_ctl_equipment_compliance (Ctl *ctl, LhStore *store, const char *usage, GError **error);
/* learnhubctl-report.c: the period of --from and --to, both included
 * (by default the default_days to today), of 1 to max_days days and
 * begun before now; LH_ERROR_INVALID otherwise. */
gboolean lh_ctl_parse_period (Ctl *ctl, gint64 now, int default_days, int max_days, gint64 *out_from,
                              gint64 *out_to, GError **error);
/* A field as CSV: quoted when it holds a comma, quote or line break;
 * text a spreadsheet would take for a formula starts with a quote mark. */
void     lh_ctl_append_csv_field (GString *line, const char *text);
/* learnhubctl-report-site.c: the committee's site report. */
gboolean lh_ctl_report      (Ctl *ctl, LhStore *store, GError **error);
/* Writes a report in ctl->format (pdf, csv or json) to ctl->output, or
 * CSV and JSON to standard output if there is none. */
gboolean lh_ctl_write_report (Ctl *ctl, const LhReport *report, GError **error);
/* learnhubctl-checks.c: "equipment check …", args[0] being "check". */
gboolean lh_ctl_equipment_check (Ctl *ctl, LhStore *store, GError **error);
/* A CSV import's bad rows on stderr, and what it did if it did. */
void     lh_ctl_print_import (const char        *path,
                              const LhCsvReport *report,
                              gboolean           ok);
/* learnhubctl-people.c */
gboolean lh_ctl_import_staff (Ctl *ctl, LhStore *store, GError **error);
gboolean lh_ctl_pin_set     (Ctl *ctl, LhStore *store, GError **error);
gboolean lh_ctl_device      (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-faults.c */
gboolean lh_ctl_fault       (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-time-off.c */
gboolean lh_ctl_time_off    (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-national-report.c: needs no database (store NULL). */
gboolean lh_ctl_national_report (Ctl *ctl, LhStore *store, GError **error);
/* learnhubctl-meetings.c, learnhubctl-action-plan.c */
gboolean lh_ctl_meetings    (Ctl *ctl, LhStore *store, GError **error);
gboolean lh_ctl_action_plan (Ctl *ctl, LhStore *store, GError **error);

G_END_DECLS
