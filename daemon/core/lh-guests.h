/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Guests: family and friends a member of staff registers at the kiosk.
 * They sign in like staff, with a guest number and a PIN, may use the PCs
 * (not the rooms or group sessions, which are for staff), and are counted
 * apart from staff. */
#pragma once

#include "lh-people.h"

G_BEGIN_DECLS

#define LH_GUESTS_PER_SPONSOR 4

/* Registers a guest of sponsor_id and returns them, with their new PIN in
 * *out_pin (shown once). The sponsor must be staff (a learner, not a guest)
 * with fewer than LH_GUESTS_PER_SPONSOR guests. Hashing the PIN takes about
 * 85 ms; registering a guest is rare. */
LhPerson *lh_guests_register (LhStore     *store,
                              gint64       sponsor_id,
                              const char  *name,
                              gint64       now,
                              char       **out_pin,
                              GError     **error);

/* How many guests sponsor_id has registered, or -1 on error. */
int       lh_guests_count    (LhStore     *store,
                              gint64       sponsor_id,
                              GError     **error);

G_END_DECLS
