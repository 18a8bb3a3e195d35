/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times, days and durations in the words people use. Every function
 * returning a string returns a new one (transfer full). */
#pragma once

#include <glib.h>

#include "lh-types.h"

G_BEGIN_DECLS

/* "10:00" */
char *lh_format_clock          (GDateTime *time);
/* "Tuesday 24 November" */
char *lh_format_day_long       (GDateTime *time);
/* "Tue 24 Nov" */
char *lh_format_day_short      (GDateTime *time);
/* "Today", "Tomorrow" or "Tuesday", relative to now (same time zone). */
char *lh_format_day_name       (GDateTime *day,
                                GDateTime *now);
/* The same for the day buttons, the weekday abbreviated where the
 * translation says so ("czw"), so that seven fit in a row. */
char     *lh_format_day_name_short (GDateTime *day,
                                    GDateTime *now);
/* "1 hour 30 minutes", "45 minutes", "2 hours" */
char *lh_format_duration       (int minutes);
/* "PC 4, Tuesday 24 November, 10:00 to 11:00" */
char *lh_format_slot_long      (const char *resource_name,
                                GDateTime  *start,
                                GDateTime  *end);
/* "PC 4 · Tue 24 Nov · 10:00–11:00" */
char *lh_format_booking_short  (const LhBooking *booking);
/* Midnight starting the day `days` after time's, in time's zone. */
GDateTime *lh_day_start        (GDateTime *time,
                                int        days);
/* Whole minutes from start to end. */
int   lh_minutes_between       (GDateTime *start,
                                GDateTime *end);
/* TRUE if both are on the same calendar day. */
gboolean lh_same_day           (GDateTime *a,
                                GDateTime *b);

G_END_DECLS
