/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bookings as iCalendar (RFC 5545), for a phone's calendar. */
#pragma once

#include "lh-bookings.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* A VCALENDAR with one VEVENT for the booking. The summary names the
 * resource and the centre, never the person. */
char *lh_calendar_for_booking (const LhBooking *booking,
                               const char      *centre_name);

/* A VCALENDAR with a VEVENT for each of the bookings (element-type
 * LhBooking): a person's feed. */
char *lh_calendar_for_bookings (GPtrArray  *bookings,
                                const char *centre_name);

/* A new key for the person's calendar feed. Only its hash is kept, so the
 * key is shown this once; the key before it stops working. */
char *lh_calendar_new_feed_key (LhStore    *store,
                                gint64      person_id,
                                GError    **error);

G_END_DECLS
