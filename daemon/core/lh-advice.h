/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asking a union learning rep (ULR) for advice: a request joins today's
 * drop-in queue (a ticket) or books one of a ULR's appointment slots. A
 * ULR at a drop-in calls the next ticket, starts, finishes with outcomes
 * and notes, or marks a no-show.
 *
 * A request's topic, contact, note and outcomes are for the learner and
 * the ULRs supporting them (lh-advice-record.h) only: a waiting ticket is
 * just a number to everyone else, the ULRs of its drop-in included, until
 * one of them calls it. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* The topics and outcomes, NULL-terminated, as the API names them. */
extern const char * const lh_advice_topics[];
extern const char * const lh_advice_outcomes[];
extern const char * const lh_advice_contacts[];

gboolean lh_advice_topic_check   (const char *topic,   GError **error);
gboolean lh_advice_outcome_check (const char *outcome, GError **error);
gboolean lh_advice_contact_check (const char *contact, GError **error);

/* A phone number (digits, spaces, a leading +) or an email address is at
 * most this many characters. */
#define LH_ADVICE_PHONE_MAX_CHARS 20
#define LH_ADVICE_EMAIL_MAX_CHARS 100

/* Checks the number or address given with contact (lh-advice-contact.c):
 * needed for "phone" and "email", refused for the others. *out_detail is
 * it trimmed, NULL when none. LH_ERROR_INVALID with reason phone-needed,
 * phone-invalid, email-needed, email-invalid or contact-detail-unwanted. */
gboolean lh_advice_contact_detail_check (const char  *contact,
                                         const char  *detail,
                                         char       **out_detail,
                                         GError     **error);

/* A learner's note and a ULR's notes are at most this many characters. */
#define LH_ADVICE_NOTE_MAX_CHARS 2000
/* Until enough sessions are finished to tell, one takes this long. */
#define LH_ADVICE_DEFAULT_SERVICE_MINUTES 10

typedef struct
{
  gint64   id;
  gint64   learner_id;    /* 0 once anonymised */
  char    *learner_name;  /* (owned) (nullable) */
  char    *topic;         /* (owned) */
  char    *mode;          /* (owned) "queue" or "appointment" */
  char    *contact;       /* (owned) (nullable) */
  char    *contact_detail; /* (owned) (nullable) the phone number or email
                            * address, for "phone" and "email" */
  char    *note;          /* (owned) (nullable) the learner's own, opened */
  char    *status;        /* (owned) waiting, called, started, done,
                           * no-show, left, unseen */
  gint64   dropin_id;     /* queue */
  int      ticket;
  char    *place;         /* (owned) the drop-in's or the slot's */
  gint64   slot_id;       /* appointment */
  gint64   start_at;      /* the appointment's, or the drop-in's start */
  gint64   end_at;
  gint64   ulr_id;        /* who took it; for an appointment, the slot's */
  char    *ulr_name;      /* (owned) (nullable) */
  char    *desk;          /* (owned) (nullable) where to go once called */
  gint64   created_at;
  gint64   called_at;
  gint64   started_at;
  gint64   ended_at;
  int      position;      /* in the queue, 1 = next; 0 when not waiting */
  int      wait_minutes;  /* estimated, while waiting */
  GStrv    outcomes;      /* (owned) */
} LhAdviceRequest;

void lh_advice_request_free (LhAdviceRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceRequest, lh_advice_request_free)

/* Asks for advice. mode "queue" joins dropin_id's queue (0: the drop-in
 * open now, else the next one today); "appointment" books slot_id. note
 * may be NULL or "". contact_detail is the number or address for a
 * contact "phone" or "email" (lh_advice_contact_detail_check()), NULL
 * otherwise. LH_ERROR_INVALID for an unknown topic, mode or
 * contact, a missing or bad number or address, a note too long, a guest, no drop-in today, a slot that has
 * begun; LH_ERROR_NOT_FOUND for no such drop-in or slot; LH_ERROR_CONFLICT
 * when the learner is in a queue already, or the slot is taken. */
LhAdviceRequest *lh_advice_request_create (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          learner_id,
                                           const char     *topic,
                                           const char     *mode,
                                           const char     *contact,
                                           const char     *contact_detail,
                                           const char     *note,
                                           gint64          dropin_id,
                                           gint64          slot_id,
                                           gint64          now,
                                           GError        **error);

/* The request as viewer_id may see it: the learner and their ULRs get
 * all of it; anyone else LH_ERROR_NOT_FOUND, as for no such request, so
 * that its existence does not leak. */
LhAdviceRequest *lh_advice_request_get    (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          request_id,
                                           gint64          viewer_id,
                                           gint64          now,
                                           GError        **error);

/* The learner leaves the queue, or gives an appointment back before it
 * starts. LH_ERROR_NOT_FOUND if it is not theirs; LH_ERROR_CONFLICT once
 * a ULR has called or started it. */
gboolean         lh_advice_request_leave  (LhStore        *store,
                                           gint64          request_id,
                                           gint64          learner_id,
                                           gint64          now,
                                           GError        **error);

/* The ULR calls the lowest waiting ticket of dropin_id (0: the drop-in
 * open now that they staff) to their desk, and becomes its ULR. Of two
 * ULRs calling at once, each gets a different ticket. LH_ERROR_NOT_FOUND
 * when they staff no drop-in open now; LH_ERROR_CONFLICT when nobody is
 * waiting, or they have a ticket called or started still. */
LhAdviceRequest *lh_advice_call_next      (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          dropin_id,
                                           gint64          ulr_id,
                                           gint64          now,
                                           GError        **error);

/* The request's ULR starts it (called, or an appointment), marks a called
 * ticket or an appointment nobody came to as a no-show, or finishes a
 * started one with outcomes (at least one) and an optional private note.
 * Finishing an appointment logs its time as the ULR's facility time.
 * LH_ERROR_NOT_FOUND unless the ULR took it; LH_ERROR_CONFLICT from the
 * wrong state. */
LhAdviceRequest *lh_advice_start          (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          request_id,
                                           gint64          ulr_id,
                                           gint64          now,
                                           GError        **error);
LhAdviceRequest *lh_advice_no_show        (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          request_id,
                                           gint64          ulr_id,
                                           gint64          now,
                                           GError        **error);
LhAdviceRequest *lh_advice_finish         (LhStore            *store,
                                           const LhCentre     *centre,
                                           gint64              request_id,
                                           gint64              ulr_id,
                                           const char * const *outcomes,
                                           const char         *note,
                                           gint64              now,
                                           GError            **error);

/* The requests a ULR has in hand: tickets they called or started, and
 * their appointments from today on that are not ended, soonest first. */
GPtrArray       *lh_advice_for_ulr        (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          ulr_id,
                                           gint64          now,
                                           GError        **error);

/* The learner's requests that are still going (waiting, called, started),
 * with their positions. */
GPtrArray       *lh_advice_open_for_learner (LhStore        *store,
                                             const LhCentre *centre,
                                             gint64          learner_id,
                                             gint64          now,
                                             GError        **error);

/* What a queue display shows: numbers, desks and places; never a name or
 * a topic. */
typedef struct
{
  int   ticket;
  char *desk;  /* (owned) */
} LhQueueCall;

typedef struct
{
  gint64  dropin_id;
  char   *place;     /* (owned) */
  gint64  start_at;
  gint64  end_at;
  gboolean open;     /* started, not ended, not closed */
  GArray *serving;   /* (element-type LhQueueCall) called or started, by ticket */
  GArray *waiting;   /* (element-type int) waiting tickets, in order */
  int     wait_minutes;  /* estimated for one joining now */
} LhQueue;

void lh_queue_free (LhQueue *queue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhQueue, lh_queue_free)

/* Today's drop-ins that have not ended or closed, soonest first. */
GPtrArray       *lh_advice_queues         (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          now,
                                           GError        **error);

/* How many are waiting in dropin_id's queue. */
gboolean         lh_advice_count_waiting  (LhStore        *store,
                                           gint64          dropin_id,
                                           int            *out_waiting,
                                           GError        **error);

G_END_DECLS
