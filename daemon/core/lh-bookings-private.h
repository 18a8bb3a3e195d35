/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What booking and availability share. */
#pragma once

#include "lh-bookings.h"

G_BEGIN_DECLS

/* The opening periods of the local day starting at midnight, as times
 * (element-type LhInterval). With through_midnight, a period open until
 * midnight runs on into the next day's period that opens at midnight (a
 * centre open round the clock, or into a night shift), so that time can
 * be booked across it. */
GArray *lh_bookings_open_intervals (const LhResource *resource,
                                    const LhCentre   *centre,
                                    gint64            midnight,
                                    gboolean          through_midnight);

G_END_DECLS
