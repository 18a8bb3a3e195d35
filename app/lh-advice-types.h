/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asking a union learning rep (ULR) for advice, as the kiosk gets it from
 * learnhubd (the "Advice from a union learning rep" part of
 * data/api/learnhub-api.md): topics and ways to be reached, drop-ins,
 * appointment slots, a learner's requests and their advice record. Times
 * are in the centre's time zone; plain dates stay "YYYY-MM-DD". */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* In the order the kiosk offers them. */
typedef enum
{
  LH_TOPIC_ENGLISH_MATHS,
  LH_TOPIC_ESOL,
  LH_TOPIC_DIGITAL,
  LH_TOPIC_COURSES_FUNDING,
  LH_TOPIC_APPRENTICESHIPS,
  LH_TOPIC_HIGHER_EDUCATION,
  LH_TOPIC_CAREERS,
  LH_TOPIC_TIME_TO_TRAIN,
  LH_TOPIC_DYSLEXIA,
  LH_TOPIC_LEARNING_MOT,
  LH_TOPIC_OTHER,
  LH_N_TOPICS,
} LhTopic;

typedef enum
{
  LH_CONTACT_HERE,
  LH_CONTACT_PHONE,
  LH_CONTACT_EMAIL,
  LH_CONTACT_AT_WORK,
  LH_N_CONTACTS,
} LhContact;

/* The API's names ("english-maths", "at-work"). */
const char *lh_topic_to_string     (LhTopic     topic);
gboolean    lh_topic_from_string   (const char *text,
                                    LhTopic    *out);
const char *lh_contact_to_string   (LhContact   contact);
gboolean    lh_contact_from_string (const char *text,
                                    LhContact  *out);

/* An advice request, as the learner sees it or, with learner and note,
 * as their ULR does once they called it (POST /queue/next, GET
 * /advice-requests/{id}). The record and GET /ulr/requests list some
 * members only: the rest is then 0 or NULL. */
typedef struct
{
  gint64     id;
  gint64     learner_id;    /* 0 when not said */
  char      *learner;       /* (owned) (nullable) the learner's name, for their ULR */
  LhTopic    topic;         /* LH_TOPIC_OTHER for none or one the kiosk does not know */
  gboolean   appointment;   /* mode: a booked slot, else a drop-in queue */
  char      *status;        /* (owned) "waiting", "called", "started", "done", "no-show", "left", "unseen" */
  LhContact  contact;       /* LH_N_CONTACTS for none or one the kiosk does not know */
  char      *contact_detail; /* (owned) (nullable) the phone number or email address */
  char      *note;          /* (owned) (nullable) the learner's own words, for their ULR */
  gint64     dropin_id;     /* 0: none */
  gint64     slot_id;       /* 0: none */
  int        ticket;        /* 0: none */
  char      *place;         /* (owned) (nullable) */
  GDateTime *start;         /* (owned) (nullable) the drop-in's or the slot's */
  GDateTime *end;           /* (owned) (nullable) */
  char      *ulr;           /* (owned) (nullable) the ULR who took it */
  char      *desk;          /* (owned) (nullable) where to go once called */
  GDateTime *created_at;    /* (owned) (nullable) */
  GDateTime *called_at;     /* (owned) (nullable) */
  int        position;      /* from 1 while waiting, else 0 */
  int        wait_minutes;  /* an estimate while waiting, else 0 */
  GStrv      outcomes;      /* (owned) never NULL */
} LhAdviceRequest;

/* A drop-in advice session (GET /api/v1/dropins), with its ULRs and
 * where they sit. */
typedef struct
{
  gint64     id;
  char      *place;    /* (owned) */
  GDateTime *start;    /* (owned) */
  GDateTime *end;      /* (owned) */
  gboolean   open;     /* now, and not closed */
  int        waiting;
  GPtrArray *ulrs;     /* (owned) (element-type LhUlr) never NULL */
} LhDropin;

/* A ULR's appointment slot (GET /api/v1/advice-slots). */
typedef struct
{
  gint64     id;
  gint64     ulr_id;
  char      *ulr;      /* (owned) */
  char      *place;    /* (owned) (nullable) */
  GDateTime *start;    /* (owned) */
  GDateTime *end;      /* (owned) */
  gboolean   taken;
  gboolean   mine;
} LhAdviceSlot;

/* A ULR (GET /api/v1/ulrs), one supporting the learner (`shared`: the
 * learner chose to share their record with them), or one of a drop-in
 * (desk and alert_length). */
typedef struct
{
  gint64    id;
  char     *name;          /* (owned) */
  gboolean  shared;
  char     *desk;          /* (owned) (nullable) "Desk 1", in a drop-in */
  int       alert_length;  /* in a drop-in: a queue longer than this tells them; 0: never */
} LhUlr;

typedef struct
{
  gint64     id;
  gint64     request_id;  /* 0: none */
  char      *author;      /* (owned) */
  char      *text;        /* (owned) */
  GDateTime *created_at;  /* (owned) */
} LhAdviceNote;

/* A goal of the learning plan (goal_id 0), or a step towards one. */
typedef struct
{
  gint64    id;
  gint64    goal_id;
  char     *text;  /* (owned) */
  char     *due;   /* (owned) (nullable) "YYYY-MM-DD" */
  gboolean  done;
} LhPlanItem;

/* A learning MOT (a learning needs review). */
typedef struct
{
  gint64     id;
  char      *ulr;       /* (owned) */
  GDateTime *held_at;   /* (owned) */
  char      *summary;   /* (owned) */
  char      *next_due;  /* (owned) (nullable) "YYYY-MM-DD" */
} LhMot;

/* GET /api/v1/me/record. Every list is (owned), never NULL. */
typedef struct
{
  GPtrArray *requests;        /* (element-type LhAdviceRequest) past ones */
  GPtrArray *open_requests;   /* (element-type LhAdviceRequest) still going */
  GPtrArray *notes;           /* (element-type LhAdviceNote) */
  GPtrArray *plan;            /* (element-type LhPlanItem) */
  GPtrArray *mots;            /* (element-type LhMot) */
  GPtrArray *supporters;      /* (element-type LhUlr) */
  GDateTime *deletion_asked;  /* (owned) (nullable) */
  char      *delete_after;    /* (owned) (nullable) "YYYY-MM-DD" */
} LhAdviceRecord;

LhAdviceRequest *lh_advice_request_copy      (const LhAdviceRequest *request);
void             lh_advice_request_free      (LhAdviceRequest *request);
/* A request that is not over yet. */
gboolean         lh_advice_request_is_open   (const LhAdviceRequest *request);
void             lh_dropin_free              (LhDropin *dropin);
/* The ULR with this id among the drop-in's, or NULL. (transfer none) */
const LhUlr     *lh_dropin_find_ulr          (const LhDropin *dropin,
                                              gint64          ulr_id);
LhAdviceSlot    *lh_advice_slot_copy         (const LhAdviceSlot *slot);
void             lh_advice_slot_free         (LhAdviceSlot *slot);
void             lh_ulr_free                 (LhUlr *ulr);
void             lh_advice_note_free         (LhAdviceNote *note);
void             lh_plan_item_free           (LhPlanItem *item);
void             lh_mot_free                 (LhMot *mot);
void             lh_advice_record_free       (LhAdviceRecord *record);

/* Parsers: tz (nullable) is the zone times are converted to. They fail
 * with G_IO_ERROR_INVALID_DATA on a missing or mistyped field. */
LhAdviceRequest *lh_advice_request_from_json (JsonObject  *object,
                                              GTimeZone   *tz,
                                              GError     **error);
LhDropin        *lh_dropin_from_json         (JsonObject  *object,
                                              GTimeZone   *tz,
                                              GError     **error);
LhAdviceSlot    *lh_advice_slot_from_json    (JsonObject  *object,
                                              GTimeZone   *tz,
                                              GError     **error);
LhUlr           *lh_ulr_from_json            (JsonObject  *object,
                                              GError     **error);
LhPlanItem      *lh_plan_item_from_json      (JsonObject  *object,
                                              GError     **error);
LhAdviceRecord  *lh_advice_record_from_json  (JsonObject  *object,
                                              GTimeZone   *tz,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceRequest, lh_advice_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDropin, lh_dropin_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceSlot, lh_advice_slot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhUlr, lh_ulr_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceNote, lh_advice_note_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPlanItem, lh_plan_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhMot, lh_mot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceRecord, lh_advice_record_free)

G_END_DECLS
