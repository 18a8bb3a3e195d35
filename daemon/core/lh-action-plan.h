/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's action plan: SMART objectives as the guide lays them
 * out (number, planned activity, by whom, by when, recorded outcomes,
 * reviewed / next steps) with a status, edited by committee members at
 * the desk or with learnhubctl. Every change is kept (who, what, when),
 * so the plan can be shown as it stood at the end of any period. */
#pragma once

#include "lh-centre.h"
#include "lh-report.h"
#include "lh-store.h"

G_BEGIN_DECLS

#define LH_OBJECTIVE_NUMBER_MAX             999
#define LH_OBJECTIVE_ACTIVITY_MAX_CHARS     300
#define LH_OBJECTIVE_BY_WHOM_MAX_CHARS      100
#define LH_OBJECTIVE_OUTCOMES_MAX_CHARS     1000
#define LH_OBJECTIVE_NEXT_STEPS_MAX_CHARS   1000
/* The most objectives a plan holds, and the most changes one history
 * shows (the latest). */
#define LH_ACTION_PLAN_MAX                  50
#define LH_OBJECTIVE_HISTORY_MAX            200

/* "planned", "in-progress", "done", "dropped" */
extern const char * const lh_objective_statuses[];

typedef struct
{
  gint64  id;
  int     number;
  char   *activity;    /* (owned) */
  char   *by_whom;     /* (owned) */
  char   *due_day;     /* (owned) YYYY-MM-DD */
  char   *outcomes;    /* (owned) "" for none yet */
  char   *next_steps;  /* (owned) "" for none yet */
  char   *status;      /* (owned) one of lh_objective_statuses */
  gint64  created_at;
} LhObjective;

void lh_objective_free (LhObjective *objective);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhObjective, lh_objective_free)

/* An objective's fields as given: for an edit, NULL (number 0) keeps the
 * objective's. */
typedef struct
{
  int         number;
  const char *activity;
  const char *by_whom;
  const char *due_day;
  const char *outcomes;
  const char *next_steps;
  const char *status;
} LhObjectiveFields;

typedef struct
{
  gint64  changed_at;
  gint64  changed_by;      /* the member's person id; 0 for learnhubctl */
  char   *changed_by_name; /* (owned) their name, or "learnhubctl" */
  char   *field;           /* (owned) "created", or the field changed: "number", "activity", "by_whom",
                            * "due_day", "outcomes", "next_steps", "status" */
  char   *old_value;       /* (owned) (nullable) */
  char   *new_value;       /* (owned) (nullable) */
} LhObjectiveChange;

void lh_objective_change_free (LhObjectiveChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhObjectiveChange, lh_objective_change_free)

/* A new objective (status "planned" unless given), by the member changed_by
 * (0: learnhubctl). LH_ERROR_INVALID for a missing or too long text
 * ("activity-invalid", "by-whom-invalid", "text-too-long" with max_chars),
 * a number out of 1..LH_OBJECTIVE_NUMBER_MAX ("number-invalid"), a day
 * that is none or out of range ("date-invalid", "date-out-of-range"), an
 * unknown status ("status-unknown"); LH_ERROR_CONFLICT ("number-taken")
 * for a number another objective has, or a plan already holding
 * LH_ACTION_PLAN_MAX ("action-plan-full"). */
LhObjective *lh_action_plan_add     (LhStore                 *store,
                                     GTimeZone               *tz,
                                     const LhObjectiveFields *fields,
                                     gint64                   changed_by,
                                     gint64                   now,
                                     GError                 **error);
/* Changes what fields gives, keeping a change in the history for each
 * field that differs. LH_ERROR_NOT_FOUND ("objective-not-found"). */
gboolean     lh_action_plan_edit    (LhStore                 *store,
                                     GTimeZone               *tz,
                                     gint64                   objective_id,
                                     const LhObjectiveFields *fields,
                                     gint64                   changed_by,
                                     gint64                   now,
                                     GError                 **error);
LhObjective *lh_action_plan_get     (LhStore                 *store,
                                     gint64                   objective_id,
                                     GError                 **error);
/* The plan by number (element-type LhObjective). */
GPtrArray   *lh_action_plan_list    (LhStore                 *store,
                                     GError                 **error);
/* The plan as it stood at `at`: the objectives made before, with the
 * changes since undone. */
GPtrArray   *lh_action_plan_as_at   (LhStore                 *store,
                                     gint64                   at,
                                     GError                 **error);
/* The objective's changes, oldest first, the latest
 * LH_OBJECTIVE_HISTORY_MAX (element-type LhObjectiveChange). */
GPtrArray   *lh_action_plan_history (LhStore                 *store,
                                     gint64                   objective_id,
                                     GError                 **error);

/* lh-committee-report.c: the site report's "committee" section, with the
 * lists "meetings" (those in [from, to): date, place, how many attended,
 * the report tabled) and "action-plan" (the objectives as they stood at
 * `to`). Neither names a learner. */
LhReportSection *lh_report_section_committee (LhStore         *store,
                                              const LhCentre  *centre,
                                              gint64           from,
                                              gint64           to,
                                              gint64           now,
                                              GError         **error);

G_END_DECLS
