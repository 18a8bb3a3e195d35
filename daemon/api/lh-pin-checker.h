/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checks PINs off the main loop, within bounds: Argon2id takes ~85 ms and
 * 64 MiB per check by design, so a burst of sign-ins must neither stall
 * the other kiosks nor exhaust memory; one staff number is checked one PIN
 * at a time (so guesses cannot be fired in parallel past the lockout), and
 * one kiosk has one PIN checked at a time (so a flood from one kiosk cannot
 * take the workers from the others). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Checks at once, and waiting beyond those, before new ones are refused. */
#define LH_PIN_CHECKER_THREADS 2
#define LH_PIN_CHECKER_QUEUE   16

#define LH_TYPE_PIN_CHECKER (lh_pin_checker_get_type ())
G_DECLARE_FINAL_TYPE (LhPinChecker, lh_pin_checker, LH, PIN_CHECKER, GObject)

LhPinChecker *lh_pin_checker_new          (void);

/* Verifies pin against hash on a worker thread and calls back on the
 * calling thread's main context. Refuses at once with LH_ERROR_SLOWED when
 * device_id already has a check under way, LH_ERROR_LOCKED when
 * staff_number (as typed, whether anyone has it or not) has, or
 * LH_ERROR_BUSY when the queue is full. */
gboolean      lh_pin_checker_check_async  (LhPinChecker        *self,
                                           gint64               device_id,
                                           const char          *staff_number,
                                           const char          *hash,
                                           const char          *pin,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data,
                                           GError             **error);
gboolean      lh_pin_checker_check_finish (LhPinChecker        *self,
                                           GAsyncResult        *result);

G_END_DECLS
