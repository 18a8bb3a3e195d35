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

/* The booking's clash with another of the resource, or of the person's
 * own, in plain words; TRUE if there is none (lh-booking-ranges.c). */
gboolean lh_bookings_check_free   (LhStore          *store,
                                   const LhCentre   *centre,
                                   const LhResource *resource,
                                   gint64            person_id,
                                   gint64            start,
                                   gint64            end,
                                   GError          **error);

/* The earliest start, in [from, until), of a booking of the resource or of
 * the person's own (other than except_id); until if none. */
gboolean lh_bookings_next_start   (LhStore          *store,
                                   gint64            resource_id,
                                   gint64            person_id,
                                   gint64            except_id,
                                   gint64            from,
                                   gint64            until,
                                   gint64           *out_start,
                                   GError          **error);

/* The person's booked minutes and bookings starting within [from, to). */
gboolean lh_bookings_count_booked (LhStore          *store,
                                   gint64            person_id,
                                   gint64            from,
                                   gint64            to,
                                   int              *minutes,
                                   int              *count,
                                   GError          **error);

G_END_DECLS
