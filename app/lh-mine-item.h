/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One thing a person has coming up, as My bookings lists it: a booking
 * of a PC or a room, a place in a group session or on its waiting list,
 * or a skills assessment. */
#pragma once

#include "lh-assessment-slot.h"
#include "lh-types.h"

G_BEGIN_DECLS

typedef enum
{
  LH_MINE_BOOKING,
  LH_MINE_GROUP_PLACE,
  LH_MINE_WAITING,
  LH_MINE_ASSESSMENT,
} LhMineKind;

typedef struct
{
  LhMineKind        kind;
  LhBooking        *booking;  /* (owned) (nullable) for LH_MINE_BOOKING */
  LhGroupSession   *session;  /* (owned) (nullable) for a place or the waiting list */
  LhAssessmentSlot *slot;     /* (owned) (nullable) for LH_MINE_ASSESSMENT */
  LhTimeOff        *time_off; /* (owned) (nullable) work time or own, if known */
} LhMineItem;

LhMineItem *lh_mine_item_new_booking    (const LhBooking        *booking);
/* NULL if the person has no place in the session nor waits for one. */
LhMineItem *lh_mine_item_new_group      (const LhGroupSession   *session);
LhMineItem *lh_mine_item_new_assessment (const LhAssessmentSlot *slot);
LhMineItem *lh_mine_item_copy           (const LhMineItem       *item);
void        lh_mine_item_free           (LhMineItem             *item);

/* (transfer none) */
GDateTime  *lh_mine_item_get_start      (const LhMineItem *item);
GDateTime  *lh_mine_item_get_end        (const LhMineItem *item);
/* The id the daemon knows it by: a booking's, a session's or a slot's. */
gint64      lh_mine_item_get_id         (const LhMineItem *item);
/* TRUE for a PC booking that is a walk-up: it ends when its person
 * signs out at the PC, and has nothing to give back here. */
gboolean    lh_mine_item_is_walk_up     (const LhMineItem *item);
/* TRUE if both stand for the same thing (same kind and id). */
gboolean    lh_mine_item_same           (const LhMineItem *a,
                                         const LhMineItem *b);

/* One list, soonest first, of what is the person's in any of the lists
 * (each nullable): bookings not cancelled, group sessions with a place
 * or a waiting-list place, and assessment slots. Returns (transfer
 * full) (element-type LhMineItem). */
GPtrArray  *lh_mine_items_collect       (GPtrArray *bookings,
                                         GPtrArray *sessions,
                                         GPtrArray *slots);
/* Gives each item that does not know it yet its time-off request, from
 * the requests of balance (nullable): a group place's and an
 * assessment's are only told there. */
void        lh_mine_items_add_time_off  (GPtrArray              *items,
                                         const LhTimeOffBalance *balance);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhMineItem, lh_mine_item_free)

G_END_DECLS
