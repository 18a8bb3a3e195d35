/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a learner can expect of a PC whose kiosk is offline, in words:
 * the facts (since when, that a booking is kept) are the daemon's. */
#pragma once

#include "lh-types.h"

G_BEGIN_DECLS

/* "Not answering since 09:40. You can still book it; …", or NULL when the
 * PC's kiosk is online (or it has none). now: the daemon's clock.
 * Returns: (transfer full) (nullable) */
char *lh_format_offline_note (const LhResourceDay *resource,
                              GDateTime           *now);

G_END_DECLS
