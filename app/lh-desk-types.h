/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a union learning rep's desk and the public queue display get from
 * learnhubd ("Advice from a union learning rep" in
 * data/api/learnhub-api.md): the ULRs, drop-ins, the queues as a display
 * shows them (numbers only), a request as its ULR sees it, the ULR's
 * work in hand and facility time. A learner's record is LhAdviceRecord
 * of lh-advice-types.h (the same JSON as the learner's own). Times are in
 * the centre's zone. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A ULR of a drop-in, and where they sit. (The plain list of ULRs is
 * LhUlr of lh-advice-types.h.) */
typedef struct
{
  gint64  id;
  char   *name;          /* (owned) */
  char   *desk;          /* (owned) (nullable) "Desk 1" */
  int     alert_length;  /* a queue longer than this tells them; 0: never */
} LhDeskUlr;

/* A drop-in with its ULRs and their desks, as a ULR's desk needs it
 * (LhDropin of lh-advice-types.h, for learners, has only how many). */
typedef struct
{
  gint64     id;
  char      *place;    /* (owned) */
  GDateTime *start;    /* (owned) */
  GDateTime *end;      /* (owned) */
  gboolean   open;     /* not closed */
  int        waiting;
  GPtrArray *ulrs;     /* (owned) (element-type LhDeskUlr) */
} LhDeskDropin;

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

/* An advice request as its ULR sees it, in full once they called it
 * (POST /queue/next, GET /advice-requests/{id}); the lists of GET
 * /ulr/requests have only some members (the rest 0 or NULL). */
typedef struct
{
  gint64     id;
  gint64     learner_id;
  char      *learner;     /* (owned) (nullable) */
  char      *topic;       /* (owned) (nullable) */
  char      *mode;        /* (owned) (nullable) "queue" or "appointment" */
  char      *contact;     /* (owned) (nullable) "here", "phone", "email", "at-work" */
  char      *note;        /* (owned) (nullable) the learner's own words */
  char      *status;      /* (owned) */
  int        ticket;      /* 0 for an appointment */
  char      *place;       /* (owned) (nullable) */
  char      *desk;        /* (owned) (nullable) */
  GDateTime *start;       /* (owned) (nullable) the drop-in's or the slot's */
  GDateTime *created_at;  /* (owned) (nullable) */
  GDateTime *called_at;   /* (owned) (nullable) */
} LhDeskRequest;

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
  GPtrArray *requests;   /* (owned) (element-type LhDeskRequest) */
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

void               lh_desk_ulr_free           (LhDeskUlr *ulr);
void               lh_desk_dropin_free        (LhDeskDropin *dropin);
LhDeskDropin      *lh_desk_dropin_from_json   (JsonObject  *object,
                                               GTimeZone   *tz,
                                               GError     **error);
/* The ULR with this id among the drop-in's, or NULL. (transfer none) */
const LhDeskUlr   *lh_desk_dropin_find_ulr    (const LhDeskDropin *dropin,
                                               gint64              ulr_id);

void               lh_queue_free              (LhQueue *queue);
LhQueue           *lh_queue_from_json         (JsonObject  *object,
                                               GTimeZone   *tz,
                                               GError     **error);

void               lh_desk_request_free       (LhDeskRequest *request);
LhDeskRequest     *lh_desk_request_copy       (const LhDeskRequest *request);
LhDeskRequest     *lh_desk_request_from_json  (JsonObject  *object,
                                               GTimeZone   *tz,
                                               GError     **error);

void               lh_deletion_ask_free       (LhDeletionAsk *ask);
void               lh_ulr_work_free           (LhUlrWork *work);
LhUlrWork         *lh_ulr_work_from_json      (JsonObject  *object,
                                               GTimeZone   *tz,
                                               GError     **error);

void               lh_facility_item_free     (LhFacilityItem *entry);
void               lh_facility_report_free   (LhFacilityReport *summary);
LhFacilityReport *lh_facility_report_from_json (JsonObject  *object,
                                                  GTimeZone   *tz,
                                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDeskDropin, lh_desk_dropin_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhQueue, lh_queue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDeskRequest, lh_desk_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhUlrWork, lh_ulr_work_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhFacilityReport, lh_facility_report_free)

G_END_DECLS
