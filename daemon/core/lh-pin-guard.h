/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Slowing PIN guessing per kiosk and for the whole centre. Each kiosk may
 * get a few PINs wrong; beyond that it must wait, twice as long after each
 * further wrong PIN, while every other kiosk goes on as before. Wrong PINs
 * are forgiven slowly (a leaky bucket), so a busy kiosk's honest mistakes
 * do not add up, and a success does not wipe them (a guesser with an
 * account of their own could otherwise sign in between guesses). When the
 * whole centre sees more wrong PINs than people mistype, a kiosk waits
 * after its first wrong PIN: guessing from many kiosks is slowed, yet
 * nobody who types their own PIN right is turned away. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

/* Wrong PINs a kiosk may have before it waits, and how fast they are
 * forgiven: a queue of people mistyping at the morning rush fits within
 * ten, and one every half hour after that is what a person does, not a
 * guesser (48 a day, against 10,000 four-digit PINs). */
#define LH_PIN_GUARD_DEVICE_FREE           10
#define LH_PIN_GUARD_DEVICE_FORGIVE_SECONDS (30 * 60)
/* The first wait, doubled for each further wrong PIN, up to the longest. */
#define LH_PIN_GUARD_FIRST_WAIT_SECONDS    30
#define LH_PIN_GUARD_LONGEST_WAIT_SECONDS  (60 * 60)
/* The whole centre: more wrong PINs than this (one forgiven every two
 * minutes) is guessing, not mistyping. */
#define LH_PIN_GUARD_CENTRE_CEILING        30
#define LH_PIN_GUARD_CENTRE_FORGIVE_SECONDS (2 * 60)

/* Fails with LH_ERROR_SLOWED, setting *out_slowed_until, while the device
 * must wait before its next sign-in. */
gboolean lh_pin_guard_check_device    (LhStore  *store,
                                       gint64    device_id,
                                       gint64    now,
                                       gint64   *out_slowed_until,
                                       GError  **error);

/* Counts a wrong PIN at the device and in the centre; sets
 * *out_slowed_until to when the device may try again (0: at once). Logs
 * (for the journal) when a device is made to wait, and when the centre
 * goes over its ceiling. */
gboolean lh_pin_guard_record_failure  (LhStore  *store,
                                       gint64    device_id,
                                       gint64    now,
                                       gint64   *out_slowed_until,
                                       GError  **error);

G_END_DECLS
