/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the joint learning committee: its next meeting
 * and its action plan ("GET /api/v1/committee/meetings",
 * "GET /api/v1/committee/action-plan" and its objectives' history in
 * data/api/learnhub-api.md). The
 * daemon refuses anyone but the committee and the admins
 * (LH_CLIENT_ERROR_FORBIDDEN). */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean   planned;    /* FALSE: no meeting is planned (the rest unset) */
  gint64     id;
  GDateTime *starts_at;  /* (owned) in the centre's zone */
  char      *place;      /* (owned) */
} LhNextMeeting;

void lh_next_meeting_free (LhNextMeeting *meeting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhNextMeeting, lh_next_meeting_free)

/* The committee's next meeting, from now on. Returns (transfer full). */
void           lh_client_next_meeting_async  (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
LhNextMeeting *lh_client_next_meeting_finish (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* A meeting as the list has it. */
typedef struct
{
  gint64     id;
  GDateTime *starts_at;         /* (owned) in the centre's zone */
  char      *place;             /* (owned) */
  char      *notes;             /* (owned) "" for none */
  char      *report_first_day;  /* (owned) (nullable) the report tabled, YYYY-MM-DD */
  char      *report_last_day;   /* (owned) (nullable) */
  GStrv      attendees;         /* (owned) their names */
  GArray    *member_ids;        /* (owned) (element-type gint64) the committee members among them */
} LhCommitteeMeeting;

void lh_committee_meeting_free (LhCommitteeMeeting *meeting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhCommitteeMeeting, lh_committee_meeting_free)

/* The meetings from a year back to a year ahead, earliest first.
 * Returns (transfer container) (element-type LhCommitteeMeeting). */
void       lh_client_list_meetings_async     (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *lh_client_list_meetings_finish    (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* POST /api/v1/committee/meetings: a meeting planned. Refusals carry the
 * daemon's reason (place-invalid, text-too-long with max_chars,
 * date-out-of-range). Returns TRUE. */
void       lh_client_add_meeting_async       (LhClient            *self,
                                              GDateTime           *starts_at,
                                              const char          *place,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   lh_client_add_meeting_finish      (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);
/* PATCH /api/v1/committee/meetings/{id} with attendee_ids: the member
 * person_id attended (twice is once). Returns TRUE. */
void       lh_client_attend_meeting_async    (LhClient            *self,
                                              gint64               meeting_id,
                                              gint64               person_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   lh_client_attend_meeting_finish   (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* An objective of the action plan, as the daemon words it. */
typedef struct
{
  gint64  id;
  gint64  number;
  char   *activity;    /* (owned) */
  char   *by_whom;     /* (owned) */
  GDate  *due;         /* (owned) */
  char   *outcomes;    /* (owned) "" for none yet */
  char   *next_steps;  /* (owned) "" for none yet */
  char   *status;      /* (owned) planned, in-progress, done, dropped */
} LhPlanObjective;

void lh_plan_objective_free (LhPlanObjective *objective);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPlanObjective, lh_plan_objective_free)

/* A change in an objective's history. */
typedef struct
{
  GDateTime *at;         /* (owned) */
  char      *by;         /* (owned) the member's name, or "learnhubctl" */
  char      *field;      /* (owned) "created", "status", "outcomes"… */
  char      *old_value;  /* (owned) (nullable) */
  char      *new_value;  /* (owned) (nullable) */
} LhPlanChange;

void lh_plan_change_free (LhPlanChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPlanChange, lh_plan_change_free)

/* The plan, by number. Returns (transfer container) (element-type
 * LhPlanObjective). */
void       lh_client_action_plan_async       (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *lh_client_action_plan_finish      (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);
/* PATCH /api/v1/committee/action-plan/{id}: the status, outcomes and
 * next steps (each nullable: kept). Refusals carry the daemon's reason
 * (text-too-long with max_chars, status-unknown, objective-not-found).
 * Returns (transfer full) the objective as saved. */
void             lh_client_edit_objective_async  (LhClient            *self,
                                                  gint64               objective_id,
                                                  const char          *status,
                                                  const char          *outcomes,
                                                  const char          *next_steps,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
LhPlanObjective *lh_client_edit_objective_finish (LhClient      *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);
/* POST /api/v1/committee/action-plan: a new objective, planned; due_day
 * "YYYY-MM-DD". Refusals carry the daemon's reason (number-taken,
 * number-invalid, activity-invalid, by-whom-invalid, date-out-of-range,
 * text-too-long). Returns (transfer full) the objective as saved. */
void             lh_client_add_objective_async  (LhClient            *self,
                                                 gint64               number,
                                                 const char          *activity,
                                                 const char          *by_whom,
                                                 const char          *due_day,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
LhPlanObjective *lh_client_add_objective_finish (LhClient      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* An objective's changes, oldest first. Returns (transfer container)
 * (element-type LhPlanChange). */
void       lh_client_objective_history_async (LhClient            *self,
                                              gint64               objective_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray *lh_client_objective_history_finish (LhClient      *self,
                                               GAsyncResult  *result,
                                               GError       **error);

G_END_DECLS
