/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs lh_housekeeping_run() when the next thing falls due (a sitting's
 * end, a kiosk's silence, a booking's hold, a drop-in's end), and tells
 * the kiosks what it changed; advice records past their retention go at
 * most once an hour. One timer for the earliest such moment, moved whenever a
 * request may have changed it: no fixed tick. */
#pragma once

#include "lh-centre.h"
#include "lh-event-hub.h"
#include "lh-store.h"

G_BEGIN_DECLS

#define LH_TYPE_HOUSEKEEPER (lh_housekeeper_get_type ())
G_DECLARE_FINAL_TYPE (LhHousekeeper, lh_housekeeper, LH, HOUSEKEEPER, GObject)

/* centre must outlive it. */
LhHousekeeper *lh_housekeeper_new        (LhStore        *store,
                                          const LhCentre *centre,
                                          LhEventHub     *events);

/* Does what is due now, then sets the timer for what comes next. */
void           lh_housekeeper_run        (LhHousekeeper  *self);

/* Something changed that may move the next due moment: set the timer
 * again, within a quarter of a second (several changes share one look:
 * a few indexed queries). */
void           lh_housekeeper_reschedule (LhHousekeeper  *self);

/* While held, rescheduling waits, and happens once on the last release:
 * several changes committed together set the timer once. */
void           lh_housekeeper_hold       (LhHousekeeper  *self);
void           lh_housekeeper_release    (LhHousekeeper  *self);

/* Tells the kiosk of a sitting that it has ended, and every kiosk that
 * the PC's day changed. */
void           lh_housekeeper_announce_ended (LhHousekeeper  *self,
                                              GPtrArray      *ended);

G_END_DECLS
