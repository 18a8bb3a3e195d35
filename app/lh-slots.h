/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bookable slots as the kiosk offers them: each open period cut at the
 * hour, the current hour from the next 5-minute mark if at least 15
 * minutes are left, each slot free, taken or the person's own. The
 * current hour is as the daemon says the PC is now (state_now): out of
 * order, not answering, or in use; the kiosk decides none of it. Later
 * hours are as the bookings say: a PC that is off now may be back by then. */
#pragma once

#include "lh-types.h"

G_BEGIN_DECLS

typedef enum {
  LH_SLOT_FREE,
  LH_SLOT_TAKEN,
  LH_SLOT_MINE,
  LH_SLOT_CLASH,  /* free, but the person has another PC then */
  LH_SLOT_OUT_OF_ORDER,  /* the current hour of a PC the daemon says is out of order */
  LH_SLOT_OFFLINE,       /* the current hour of a PC the daemon says is not answering */
  LH_SLOT_IN_USE,        /* the current hour of a PC someone sits at, not the person's */
} LhSlotState;

typedef struct
{
  gint64       resource_id;
  char        *resource_name;  /* (owned) */
  GDateTime   *start;          /* (owned) */
  GDateTime   *end;            /* (owned) */
  LhSlotState  state;
  char        *clash_with;     /* (owned) (nullable) for LH_SLOT_CLASH: the other resource */
  gboolean     unsuggested;    /* its PC's kiosk is offline and the daemon suggests it to nobody */
} LhSlot;

LhSlot    *lh_slot_copy            (const LhSlot *slot);
void       lh_slot_free            (LhSlot *slot);

/* The person's own bookings on the day, on every resource.
 * Returns: (transfer full) (element-type LhSlot) */
GPtrArray *lh_slots_own            (const LhAvailability *availability);
/* Returns: (nullable) the own booking that overlaps start–end. */
const LhSlot *lh_slots_find_overlap (GPtrArray *own,
                                     GDateTime *start,
                                     GDateTime *end);

/* slot_minutes: the shortest booking, from sign-in's limits.
 * own (element-type LhSlot): from lh_slots_own(), since the daemon does
 * not let one person hold two resources at once.
 * Returns: (transfer full) (element-type LhSlot) in time order. */
GPtrArray *lh_slots_for_resource   (const LhResourceDay *resource,
                                    GDateTime           *now,
                                    int                  slot_minutes,
                                    int                  max_minutes,
                                    GPtrArray           *own);

/* The first n free slots of all the arrays (element-type GPtrArray of
 * LhSlot), soonest first, then in resource order; none the daemon
 * suggests to nobody (a PC whose kiosk is offline).
 * Returns: (transfer container) (element-type LhSlot) */
GPtrArray *lh_slots_soonest_free   (GPtrArray *per_resource,
                                    guint      n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhSlot, lh_slot_free)

G_END_DECLS
