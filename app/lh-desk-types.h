/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a union learning rep's desk and the public queue display get from
 * learnhubd ("Advice from a union learning rep" in
 * data/api/learnhub-api.md) beyond what a learner gets: the queues as a
 * display shows them (numbers only), the ULR's work in hand and facility
 * time. Drop-ins with their ULRs' desks, a request as its ULR sees it and
 * a learner's record are those of lh-advice-types.h (the same JSON as the
 * learner's). Times are in the centre's zone. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A ticket being served, and the desk to go to. */
typedef struct
{
  int   ticket;
  char *desk;  /* (owned) */
} LhServing;

/* One drop-in's queue as GET /api/v1/queue shows it: never a name or a
 * topic, only numbers and desks. */
typedef struct
{
  gint64     dropin_id;
  char      *place;         /* (owned) */
  GDateTime *start;         /* (owned) */
  GDateTime *end;           /* (owned) */
  gboolean   open;
  GPtrArray *serving;       /* (owned) (element-type LhServing) */
  GArray    *waiting;       /* (owned) (element-type int) tickets, first first */
  int        wait_minutes;  /* the estimate for someone joining now */
} LhQueue;

/* A learner who asked for their record to be deleted. */
typedef struct
{
  gint64     learner_id;
  char      *learner;   /* (owned) */
  GDateTime *asked_at;  /* (owned) (nullable) */
} LhDeletionAsk;

/* GET /api/v1/ulr/requests. */
typedef struct
{
  GPtrArray *requests;   /* (owned) (element-type LhAdviceRequest) */
  GPtrArray *deletions;  /* (owned) (element-type LhDeletionAsk) */
} LhUlrWork;

typedef struct
{
  gint64     id;
  char      *activity;   /* (owned) drop-in, appointment, training, meeting, promotion, other */
  GDateTime *start;      /* (owned) */
  int        minutes;
  char      *note;       /* (owned) (nullable) */
  gboolean   automatic;  /* logged by the daemon */
} LhFacilityItem;

typedef struct
{
  char      *week_start;  /* (owned) "YYYY-MM-DD" */
  int        week_minutes;
  int        week_agreed_minutes;
  int        year_minutes;
  int        year_agreed_minutes;
  GPtrArray *entries;     /* (owned) (element-type LhFacilityItem) */
} LhFacilityReport;

void               lh_queue_free              (LhQueue *queue);
LhQueue           *lh_queue_from_json         (JsonObject  *object,
                                               GTimeZone   *tz,
                                               GError     **error);

void               lh_deletion_ask_free       (LhDeletionAsk *ask);
void               lh_ulr_work_free           (LhUlrWork *work);
LhUlrWork         *lh_ulr_work_from_json      (JsonObject  *object,
                                               GTimeZone   *tz,
                                               GError     **error);

void               lh_facility_item_free        (LhFacilityItem *entry);
void               lh_facility_report_free      (LhFacilityReport *summary);
LhFacilityReport  *lh_facility_report_from_json (JsonObject  *object,
                                                 GTimeZone   *tz,
                                                 GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhQueue, lh_queue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhUlrWork, lh_ulr_work_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhFacilityReport, lh_facility_report_free)

G_END_DECLS
