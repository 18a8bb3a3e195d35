/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults reported from a kiosk: which ones take an item out of use, a
 * PC out of booking (its future bookings moved to another PC or
 * cancelled), and the maintenance that puts it back. A report names no
 * person: a worker need not sign in to say a PC is broken. */
#pragma once

#include "lh-centre.h"
#include "lh-equipment.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* NULL-terminated: "programs", "internet", "keyboard-mouse", "screen",
 * "sound", "printer", "other". */
extern const char * const lh_fault_categories[];

/* A kiosk may try this many reports a minute; more is LH_ERROR_LOCKED. */
#define LH_FAULT_REPORTS_PER_MINUTE 3
/* Kiosks together may open this many new faults an hour; more is
 * LH_ERROR_LOCKED, so that anyone at the desk cannot bury the admins'
 * notices. Reports joining an open fault are not counted. */
#define LH_FAULTS_OPENED_PER_HOUR 10
#define LH_FAULT_ASSIGNEE_MAX_CHARS 100

typedef struct
{
  gint64    id;
  char     *asset_tag;      /* (owned) (nullable) the item's; NULL: a PC with no computer in the inventory */
  char     *kind;           /* (owned) (nullable) the item's kind */
  gint64    resource_id;    /* the item's PC, or 0 */
  char     *resource_name;  /* (owned) (nullable) */
  char     *category;       /* (owned) one of lh_fault_categories */
  gboolean  stops_use;
  gint64    reported_at;    /* the first report */
  int       reports;        /* how many kiosks (or the admin's tools) reported it */
  char     *assigned_to;    /* (owned) "" when no one yet */
  gint64    repaired_at;    /* 0: open */
  gint64    joined_into;    /* closed, not repaired: this fault carries it on; 0: none */
  gboolean  overdue;        /* open longer than the terms in force allow */
} LhFault;

void lh_fault_free (LhFault *fault);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhFault, lh_fault_free)

/* A booking of a PC taken out of use: moved to another PC free for the
 * same time, or (to_pc_id 0) cancelled. */
typedef struct
{
  gint64  booking_id;
  gint64  person_id;
  gint64  start_at;
  gint64  end_at;
  gint64  from_pc_id;
  char   *from_pc_name;  /* (owned) */
  gint64  to_pc_id;      /* 0: cancelled */
  char   *to_pc_name;    /* (owned) (nullable) */
  gboolean paid_time_back; /* cancelled, and its request for paid time off with it */
  gint64  notice_id;     /* the learner's notice of this outcome: a new id
                          * each time the outcome is rewritten */
} LhFaultMove;

void lh_fault_move_free (LhFaultMove *move);

/* Whether a fault of the category takes its item out of use. */
gboolean   lh_fault_category_stops_use (const char *category);
gboolean   lh_fault_category_check     (const char *category,
                                        GError    **error);

/* Who sends a report. */
typedef struct
{
  gint64   device_id;  /* the kiosk it comes from; 0: none (learnhubctl) */
  gboolean admin;      /* an admin: no rate limit, may name any item, is
                        * told which items exist, and takes a PC out of
                        * booking from anywhere */
  gboolean failed_check; /* an admin's failed check of the item: the
                          * fault stops use whatever its category */
} LhFaultReporter;

/* Reports a fault of the item (by asset_tag, or when that is NULL the
 * computer that is the PC resource_id, or when that is 0 the PC whose
 * kiosk reports). A PC with no computer in the inventory gets a fault of
 * its own (asset_tag NULL). A PC's kiosk reports only its own PC, unless
 * an admin is signed in at it. A report like an open fault joins it
 * (*out_joined): its note is kept, and `reports` goes up once per kiosk.
 * A fault that stops use, reported at the PC or by an admin, takes the
 * item out of use and moves the PC's future bookings (*out_moves,
 * element-type LhFaultMove, nullable) in the same transaction. A kiosk
 * not signed in as an admin may try LH_FAULT_REPORTS_PER_MINUTE times a
 * minute, refused tries included, and open a new fault only while fewer
 * than LH_FAULTS_OPENED_PER_HOUR were opened in the last hour. Each
 * refusal has a reason (see
 * lh_error_get_reason() and data/api/learnhub-api.md). */
LhFault   *lh_faults_report            (LhStore               *store,
                                        const LhCentre        *centre,
                                        const char            *asset_tag,
                                        gint64                 resource_id,
                                        const LhFaultReporter *reporter,
                                        const char            *category,
                                        const char            *note,
                                        gint64                 now,
                                        gboolean              *out_joined,
                                        GPtrArray            **out_moves,
                                        GError               **error);

/* A reporter's note, for the admin. */
typedef struct
{
  gint64  at;
  char   *text;  /* (owned) */
} LhFaultNote;

void lh_fault_note_free (LhFaultNote *note);

/* The fault's latest notes, newest first, at most limit (element-type
 * LhFaultNote). */
GPtrArray *lh_faults_recent_notes      (LhStore        *store,
                                        gint64          fault_id,
                                        guint           limit,
                                        GError        **error);

/* Open faults, oldest first, each marked overdue by the terms in force
 * at now. */
GPtrArray *lh_faults_list_open         (LhStore        *store,
                                        gint64          now,
                                        GError        **error);
/* A page of the open faults, oldest first, after the fault after_id (0:
 * from the oldest; one repaired since will do): at most limit + 1, the
 * last telling there are more. LH_ERROR_NOT_FOUND if after_id is no
 * fault. */
GPtrArray *lh_faults_list_open_page    (LhStore        *store,
                                        gint64          now,
                                        gint64          after_id,
                                        guint           limit,
                                        GError        **error);
/* Open faults reported before now less the terms' fault_days_at_most:
 * the overdue ones, oldest first. */
GPtrArray *lh_faults_list_overdue      (LhStore        *store,
                                        gint64          now,
                                        GError        **error);
/* lh-fault-overdue.c: when the oldest open fault not told yet falls
 * overdue by the terms in force at now (0: none). */
gboolean   lh_faults_next_overdue      (LhStore        *store,
                                        gint64          now,
                                        gint64         *out_at,
                                        GError        **error);
/* The overdue faults the admins have not been told of, marked told. */
GPtrArray *lh_faults_take_newly_overdue (LhStore       *store,
                                         gint64         now,
                                         GError       **error);
LhFault   *lh_faults_get               (LhStore        *store,
                                        gint64          fault_id,
                                        gint64          now,
                                        GError        **error);

/* Who is seeing to the open fault; written in the item's history. */
gboolean   lh_faults_assign            (LhStore                *store,
                                        gint64                  fault_id,
                                        const char             *to,
                                        const LhEquipmentActor *actor,
                                        gint64                  now,
                                        GError                **error);
/* Closes the open fault. The item works again if a fault made it faulty
 * (not if an admin chose its status) and no other open fault still stops
 * its use. *out_resource_id is its PC, or 0. */
gboolean   lh_faults_repaired          (LhStore                *store,
                                        gint64                  fault_id,
                                        const char             *note,
                                        const LhEquipmentActor *actor,
                                        gint64                  now,
                                        gint64                 *out_resource_id,
                                        GError                **error);

/* Whether the item has an open fault that stops its use: until it is
 * repaired, the item cannot be set working. */
gboolean   lh_faults_item_stopped      (LhStore                *store,
                                        gint64                  item_id,
                                        gboolean               *out_stopped,
                                        GError                **error);

/* Closes the item's open faults as it is retired, and ends its checks
 * (lh_checks_end_for_retired_locked()); inside the caller's transaction. */
gboolean   lh_faults_close_for_retired_locked (LhStore                *store,
                                               gint64                  item_id,
                                               const LhEquipmentActor *actor,
                                               gint64                  now,
                                               GError                **error);

/* lh-fault-adopt.c: the item, a computer just linked to its PC, takes
 * over the PC's own open faults: each moves onto it, or joins (and
 * closes into) its open fault of the same problem; one that stops use
 * makes a working item faulty. Inside the caller's transaction. */
gboolean   lh_faults_adopt_pc_faults_locked (LhStore                *store,
                                             const LhEquipment      *item,
                                             const LhEquipmentActor *actor,
                                             gint64                  now,
                                             GError                **error);

/* lh-pc-out-of-order.c: whether the PC is out of order: its computer
 * (not retired) is not working or has an open fault that stops its use,
 * or its last computer was retired and none replaces it. */
gboolean   lh_faults_pc_out_of_order   (LhStore        *store,
                                        gint64          resource_id,
                                        gboolean       *out_of_order,
                                        GError        **error);
/* LH_ERROR_INVALID, in words for the person booking or sitting down at
 * the PC called name, when it is out of order. */
gboolean   lh_faults_check_in_order    (LhStore        *store,
                                        gint64          resource_id,
                                        const char     *name,
                                        GError        **error);
/* The PCs out of order now (element-type gint64 resource ids). */
GArray    *lh_faults_pcs_out_of_order  (LhStore        *store,
                                        GError        **error);

/* When the PC is out of order, moves its bookings as below; inside the
 * caller's transaction. resource_id 0 is no PC: nothing to do. */
gboolean   lh_faults_move_if_out_of_order_locked (LhStore        *store,
                                                  const LhCentre *centre,
                                                  gint64          resource_id,
                                                  gint64          now,
                                                  GPtrArray      *moves,
                                                  GError        **error);

/* lh-fault-bookings.c: the end of tomorrow (the centre's time), before
 * which a PC's bookings move as soon as it is out of order. */
gint64     lh_faults_moving_horizon       (const LhCentre *centre,
                                           gint64          now);
/* Moves the PC's bookings that start after now and
 * before the end of tomorrow (the centre's time), or have started and
 * wait for their learner's check-in, to
 * another PC free for the same time, or cancels them (their time off
 * too), noting each for its learner; inside the caller's transaction.
 * Appends to moves (element-type LhFaultMove). */
gboolean   lh_faults_move_bookings_locked (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          resource_id,
                                           gint64          now,
                                           GPtrArray      *moves,
                                           GError        **error);
/* For the housekeeper: moves the bookings of every PC out of order now
 * that have come within the horizon above, in one transaction. Appends to
 * moves (element-type LhFaultMove). */
gboolean   lh_faults_move_coming_bookings (LhStore        *store,
                                           const LhCentre *centre,
                                           gint64          now,
                                           GPtrArray      *moves,
                                           GError        **error);
/* At most this many notices at one sign-in; the rest at the next. */
#define LH_FAULT_NOTICES_AT_MOST 50
/* The person's moved or cancelled bookings not told yet and not over
 * yet, soonest first, at most LH_FAULT_NOTICES_AT_MOST; not marked told
 * (element-type LhFaultMove). */
GPtrArray *lh_faults_list_notices      (LhStore        *store,
                                        gint64          person_id,
                                        gint64          now,
                                        GError        **error);
/* The person's own kiosk session showed them these notices (by
 * notice_id): not told again. Any notice not the person's is refused
 * (LH_ERROR_NOT_FOUND) and nothing is marked. A notice already marked,
 * or rewritten since it was shown, is no error: the rewritten outcome
 * has a new id and stays to be told. */
gboolean   lh_faults_notices_seen      (LhStore        *store,
                                        gint64          person_id,
                                        const gint64   *notice_ids,
                                        guint           n_notice_ids,
                                        gint64          now,
                                        GError        **error);

G_END_DECLS
