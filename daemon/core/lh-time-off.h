/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paid time off for learning: requests made with bookings, the ledger of
 * every movement, approval by the employer's contact point, and balances
 * by category, each agreement year judged by the terms in force in it.
 *
 * Categories: "learning" (the paid learning time, plus matched time
 * earned by own time), "assessment" (assessment and exam time), "esol"
 * (ESOL taught hours, for ESOL learners), "apprentice" (study days, for
 * apprentices), and "facility" (a ULR's facility time, by the week). */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"
#include "lh-terms.h"

G_BEGIN_DECLS

/* The categories a learner's balance is shown in, NULL-terminated. */
extern const char * const lh_time_off_categories[];

/* Who makes a change, for the audit trail. actor_id is 0 for learnhubd
 * itself or learnhubctl; name is who they were then. */
typedef struct
{
  gint64      actor_id;
  const char *name;
} LhActor;

/* What a booking asks of the learner's time. */
typedef enum
{
  LH_TIME_OFF_FOR_BOOKING,      /* a PC booking: "centre-learning" */
  LH_TIME_OFF_FOR_GROUP_PLACE,  /* a place in a group session: "group-study" */
  LH_TIME_OFF_FOR_ASSESSMENT,   /* a skills assessment: "skills-for-life" */
} LhTimeOffSource;

typedef struct
{
  gint64    id;
  gint64    person_id;
  char     *person_name;      /* (owned) */
  char     *staff_number;     /* (owned) */
  char     *category;         /* (owned) */
  char     *activity;         /* (owned) */
  gboolean  paid;             /* asked for as work time */
  char     *status;           /* (owned) pending, approved, rejected, own,
                               * cancelled, taken */
  gint64    booking_id;       /* whichever of the three it came with, */
  gint64    group_place_id;   /* the others 0 */
  gint64    assessment_slot_id;
  gint64    start_at;
  gint64    end_at;
  int       minutes;          /* end - start */
  int       taken_minutes;    /* once settled: paid minutes used */
  char     *what;             /* (owned) "PC 3", the group's title, the
                               * assessment's subject */
  gint64    decided_at;       /* 0: not decided by an admin */
  char     *decision;         /* (owned) (nullable) "approved" or
                               * "rejected", whatever became of it since */
  char     *decision_reason;  /* (owned) (nullable) */
  gint64    created_at;
} LhTimeOffRequest;

void lh_time_off_request_free (LhTimeOffRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhTimeOffRequest, lh_time_off_request_free)

/* Records what a new booking asks of person's time, inside the caller's
 * write transaction (the booking's), judged by the terms in force at
 * start. Own time (paid FALSE) is always accepted (centre may then be
 * NULL). Paid time is refused
 * with LH_ERROR_INVALID when the terms do not pay for the activity, and
 * with LH_ERROR_CONFLICT, giving the balance in plain words, when it is
 * more than is left of the category in the agreement year holding start
 * (booked and pending time count as spent). Within it, it is approved at
 * once if the terms approve automatically, else pending. */
LhTimeOffRequest *lh_time_off_request_locked (LhStore         *store,
                                              const LhCentre  *centre,
                                              gint64           person_id,
                                              LhTimeOffSource  source,
                                              gint64           source_id,
                                              gint64           start,
                                              gint64           end,
                                              gboolean         paid,
                                              gint64           now,
                                              GError         **error);

/* The booking, place or assessment was cancelled (by the person
 * by_person_id, or by learnhubd when 0: released as a no-show): its
 * request's pending or booked time goes back, inside the caller's write
 * transaction. Nothing to do is no error. */
gboolean lh_time_off_cancel_locked    (LhStore         *store,
                                       LhTimeOffSource  source,
                                       gint64           source_id,
                                       const char      *reason,
                                       gint64           by_person_id,
                                       gint64           now,
                                       GError         **error);

/* Settles every request whose time is over (and whose PC is no longer
 * sat at), inside the caller's write transaction: a PC booking's taken
 * time is what its sittings actually used within it, to the minute; a
 * group place or an assessment is taken whole. Paid time beyond the
 * approved minutes, and all of own or rejected time, counts as own time.
 * A request nobody decided before its time was over is rejected by
 * learnhubd, saying so, and settled as own time: its minutes must not
 * stay spent for ever. *out_settled (nullable) counts them. */
gboolean lh_time_off_settle_locked    (LhStore         *store,
                                       gint64           now,
                                       guint           *out_settled,
                                       GError         **error);

/* When the next request falls due for settling, or 0; perhaps a little
 * before (settling then finds nothing to do), never after. */
gboolean lh_time_off_next_due         (LhStore         *store,
                                       gint64           now,
                                       gint64          *out_due,
                                       GError         **error);

/* An admin approves or rejects a pending request (LH_ERROR_CONFLICT if it
 * is not pending, LH_ERROR_NOT_FOUND for no such request,
 * LH_ERROR_FORBIDDEN for the admin's own). A rejected request's booking
 * stands, in the learner's own time. reason (nullable, at most 200
 * characters) is required to reject. The learner is told when they next
 * look (lh_time_off_take_decisions). The request returned has its need
 * hidden (lh_time_off_request_hide_need()). A request still pending when
 * its time is over is settled as not approved (see
 * lh_time_off_settle_locked()). */
LhTimeOffRequest *lh_time_off_decide  (LhStore         *store,
                                       gint64           request_id,
                                       gboolean         approve,
                                       const char      *reason,
                                       const LhActor   *actor,
                                       gint64           now,
                                       GError         **error);

/* An admin adds (minutes > 0) or takes back (minutes < 0) paid time the
 * learner used outside the centre, or corrects an entry: an exam day, a
 * course elsewhere, a correction. reason is required (1..200
 * characters); at is when the time fell (it decides the year; at most a
 * year back, not in the future). category is one of
 * lh_time_off_categories. Refused (LH_ERROR_INVALID) for a guest, and
 * for ESOL or apprentice time for someone the roster does not mark so;
 * refused (LH_ERROR_CONFLICT) if it would take more than is left in the
 * agreement year holding at, or give back more than was taken or booked:
 * a balance never goes below zero. Nothing is written when it is refused. */
gboolean lh_time_off_adjust           (LhStore         *store,
                                       const LhCentre  *centre,
                                       gint64           person_id,
                                       const char      *category,
                                       int              minutes,
                                       gint64           at,
                                       const char      *reason,
                                       const LhActor   *actor,
                                       gint64           now,
                                       GError         **error);

/* Writes a ULR's logged facility time into the ledger (category
 * "facility", kind "taken"), inside the caller's write transaction. */
gboolean lh_time_off_log_facility_locked (LhStore      *store,
                                          gint64        ulr_id,
                                          gint64        facility_id,
                                          const char   *activity,
                                          gint64        start,
                                          int           minutes,
                                          gint64        now,
                                          GError      **error);

typedef struct
{
  const char *category;          /* one of lh_time_off_categories */
  int         entitled_minutes;  /* for the year (learning: with matched) */
  int         taken_minutes;
  int         booked_minutes;    /* approved, not yet taken */
  int         pending_minutes;   /* waiting for a decision */
  int         remaining_minutes; /* entitled - taken - booked - pending;
                                  * below 0 only if the entitlement shrank
                                  * after the time was given (new terms,
                                  * fewer hours) */
  /* learning only, else 0: */
  int         base_minutes;      /* the agreement's, pro-rated */
  int         own_minutes;       /* own time used this year */
  int         matched_minutes;   /* paid time earned by it, up to the cap */
  int         matched_cap_minutes;
} LhTimeOffCategory;

typedef struct
{
  gint64             year_start;       /* local midnight */
  gint64             year_end;         /* the next year's start */
  int                minutes_per_day;  /* contracted hours / days a week */
  double             hours_per_week;
  guint              n_categories;
  LhTimeOffCategory  categories[4];    /* learning, assessment, and esol,
                                        * apprentice for those they are for */
} LhTimeOffBalance;

/* The person's balance in the agreement year holding at. Entitlement is
 * judged by the terms in force over the year: a version in force for part
 * of it counts for that part of the year, to the day. Learning time is
 * pro-rated to contracted hours where the terms say so (never above full
 * time); matched time adds own time used, minute for minute, up to the
 * cap; apprentice study days are days of the person's own hours. */
gboolean lh_time_off_balance          (LhStore          *store,
                                       const LhCentre   *centre,
                                       gint64            person_id,
                                       gint64            at,
                                       LhTimeOffBalance *out_balance,
                                       GError          **error);

/* The balance, for speed when the terms are already at hand: terms is
 * every version, oldest first, as lh_terms_list() gives. */
gboolean lh_time_off_balance_with_terms (LhStore          *store,
                                         const LhCentre   *centre,
                                         GArray           *terms,
                                         gint64            person_id,
                                         gint64            at,
                                         LhTimeOffBalance *out_balance,
                                         GError          **error);

/* Minutes of facility time used between [from, to) by the ULR. */
gboolean lh_time_off_facility_minutes (LhStore        *store,
                                       gint64          ulr_id,
                                       gint64          from,
                                       gint64          to,
                                       int            *out_minutes,
                                       GError        **error);

/* The request made with a booking, place or slot, or NULL without an
 * error if none. */
LhTimeOffRequest *lh_time_off_get_for (LhStore         *store,
                                       LhTimeOffSource  source,
                                       gint64           source_id,
                                       GError         **error);

/* The request of the person's place (or waiting-list place) in a group
 * session, or NULL without an error if they have none. */
LhTimeOffRequest *lh_time_off_get_for_group (LhStore  *store,
                                             gint64    group_session_id,
                                             gint64    person_id,
                                             GError  **error);

/* The person's requests that are not over yet, or were decided and not
 * yet seen, soonest first (element-type LhTimeOffRequest). */
GPtrArray *lh_time_off_list_mine      (LhStore        *store,
                                       gint64          person_id,
                                       gint64          now,
                                       GError        **error);

/* Decisions the person has not been told of (element-type
 * LhTimeOffRequest), marked as told; each one's status is the decision
 * ("approved" or "rejected"), whatever became of the request since. */
GPtrArray *lh_time_off_take_decisions (LhStore        *store,
                                       gint64          person_id,
                                       gint64          now,
                                       GError        **error);

/* Blanks `what`: the admin never learns which PC, group or assessment a
 * request is for, as joined with the public lists of what is taken when
 * it would tell the employer what the worker needs to learn. */
void       lh_time_off_request_hide_need (LhTimeOffRequest *request);

/* Puts the admin's list in the order of its local day, then of the
 * request's id: never in order of the hour, which the admin is not told
 * (element-type LhTimeOffRequest). */
void       lh_time_off_sort_for_approver (GPtrArray   *requests,
                                          GTimeZone   *tz);

/* Every pending request, soonest first, for the admin (the need hidden,
 * see lh_time_off_request_hide_need()). */
GPtrArray *lh_time_off_list_pending   (LhStore        *store,
                                       GError        **error);

typedef struct
{
  gint64  id;
  char   *category;     /* (owned) */
  char   *kind;         /* (owned) */
  gint64  at;
  int     minutes;
  gint64  request_id;   /* 0: none */
  char   *reason;       /* (owned) */
  char   *actor_name;   /* (owned) */
  gint64  recorded_at;
} LhLedgerEntry;

void lh_ledger_entry_free (LhLedgerEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhLedgerEntry, lh_ledger_entry_free)

/* The person's ledger in [from, to) by `at`, oldest first, each time's
 * entries in the order they were made: the audit trail of who did what
 * and when (element-type LhLedgerEntry). */
GPtrArray *lh_time_off_history        (LhStore        *store,
                                       gint64          person_id,
                                       gint64          from,
                                       gint64          to,
                                       GError        **error);

G_END_DECLS
