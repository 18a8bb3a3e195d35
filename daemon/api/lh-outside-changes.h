/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Changes another process made to the database (learnhubctl, run by the
 * admin while the centre is open): noticed within LH_OUTSIDE_CHANGES_POLL_MS
 * and acted on at once. Streams whose token no longer holds are closed (a
 * revoked kiosk, a PIN reset), the housekeeper's timer is set again, and
 * every kiosk is told to read again what it shows. The daemon keeps no
 * other copy of the database's contents: requests read it each time. */
#pragma once

#include "lh-centre.h"
#include "lh-event-hub.h"
#include "lh-housekeeper.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* How often the database's change counter is read: a read of shared
 * memory, no disk, so an idle daemon stays idle. */
#define LH_OUTSIDE_CHANGES_POLL_MS 250

#define LH_TYPE_OUTSIDE_CHANGES (lh_outside_changes_get_type ())
G_DECLARE_FINAL_TYPE (LhOutsideChanges, lh_outside_changes, LH, OUTSIDE_CHANGES, GObject)

/* Starts watching; centre must outlive it. */
LhOutsideChanges *lh_outside_changes_new (LhStore        *store,
                                          const LhCentre *centre,
                                          LhEventHub     *events,
                                          LhHousekeeper  *housekeeper);

G_END_DECLS
