/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time everywhere in learnhub is stored as Unix seconds (UTC); it is shown
 * and judged (opening hours, dates) in the centre's time zone. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times and dates outside these years are refused as input. */
#define LH_TIME_FIRST_YEAR 2000
#define LH_TIME_LAST_YEAR  2200

/* The one clock of learnhubd and learnhubctl: the real time, moved by
 * LEARNHUB_CLOCK_OFFSET seconds when that is set (for tests only). */
#define LH_TIME_OFFSET_VARIABLE "LEARNHUB_CLOCK_OFFSET"

gint64     lh_time_now              (void);

/* Seconds the clock is moved by; 0 in normal use. */
gint64     lh_time_clock_offset     (void);

/* ISO-8601 with offset, in tz. */
char      *lh_time_format_iso       (gint64      unix_seconds,
                                     GTimeZone  *tz);

/* Parses ISO-8601; refuses a time without an offset. */
gboolean   lh_time_parse_iso        (const char *text,
                                     gint64     *out_unix_seconds,
                                     GError    **error);

/* Parses YYYY-MM-DD strictly; returns the local midnight in tz. */
gboolean   lh_time_parse_date       (const char *text,
                                     GTimeZone  *tz,
                                     gint64     *out_midnight,
                                     GError    **error);

/* Local midnight (in tz) of the day that contains unix_seconds. */
gint64     lh_time_local_midnight   (gint64      unix_seconds,
                                     GTimeZone  *tz);

/* Unix time of minute_of_day minutes after the local midnight that starts
 * the given day, correct across daylight-saving changes. */
gint64     lh_time_at_local_minute  (gint64      midnight,
                                     int         minute_of_day,
                                     GTimeZone  *tz);

/* ISO weekday 1 (Monday) .. 7 of the local day containing unix_seconds. */
int        lh_time_local_weekday    (gint64      unix_seconds,
                                     GTimeZone  *tz);

/* Local "HH:MM" of unix_seconds. */
char      *lh_time_format_hhmm      (gint64      unix_seconds,
                                     GTimeZone  *tz);

/* The next local midnight after the given one (days may be 23 or 25 h). */
gint64     lh_time_next_midnight    (gint64      midnight,
                                     GTimeZone  *tz);

/* The local midnight n days after (or before, n < 0) the given one. */
gint64     lh_time_add_days         (gint64      midnight,
                                     int         n,
                                     GTimeZone  *tz);

/* "YYYY-MM-DD" of the local day containing unix_seconds. */
char      *lh_time_format_date      (gint64      unix_seconds,
                                     GTimeZone  *tz);

/* "31 March 2027", for a sentence. */
char      *lh_time_format_long_date (gint64      unix_seconds,
                                     GTimeZone  *tz);

/* Minutes as people say them: "45 minutes", "2 hours", "1 hour 30 minutes". */
char      *lh_time_format_duration  (int         minutes);

G_END_DECLS
