/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paid time off in the words people use: hours and minutes, and about
 * how many working days that is; whether a booking is in work time or
 * the person's own, and what became of it. Whole sentences, so that
 * translators never glue words. Every function returning a char *
 * returns a new string (transfer full). */
#pragma once

#include "lh-time-off-types.h"

G_BEGIN_DECLS

/* "Paid learning time", "Assessments and exams", "ESOL classes",
 * "Apprentice study days"; NULL for a category the kiosk does not know. */
const char *lh_time_off_category_title  (const char *category);
/* Which category a kind of booking draws on: "learning" for a PC or a
 * group, "assessment" for a skills check. */
const char *lh_time_off_category_for    (const char *activity);

/* "about 6 days", "about 2 and a half days", "about half a day", "less
 * than half a day"; NULL when hours_per_day is not known. */
char *lh_time_off_format_days           (int                      minutes,
                                         double                   hours_per_day);
/* "46 hours 30 minutes left · about 6 days", or "None left this year". */
char *lh_time_off_format_left           (int                      remaining_minutes,
                                         double                   hours_per_day);
/* "Used: 10 hours", "Booked, not used yet: 2 hours", "Waiting for
 * approval: 1 hour"; "Used: none" for no time. */
char *lh_time_off_format_taken          (int                      minutes);
char *lh_time_off_format_booked         (int                      minutes);
char *lh_time_off_format_pending        (int                      minutes);
/* Matched time: "Your own time has earned 5 hours of paid time, of up to
 * 15 hours." NULL if the terms have none. */
char *lh_time_off_format_matched        (const LhTimeOffCategory *learning);
/* The agreement year: "1 April 2026 to 31 March 2027" */
char *lh_time_off_format_year           (const GDate             *start,
                                         const GDate             *end);

/* A booking's line on My bookings: "Work time (paid) · approved",
 * "Work time (paid) · waiting for approval", "Work time (paid) · not
 * approved: own time", "Own time"; NULL when there is nothing to say
 * (given back). */
char *lh_time_off_format_state          (const LhTimeOff         *time_off);
/* The icon before a request's state: the words next to it say the same. */
const char *lh_time_off_state_icon      (const LhTimeOff         *time_off);
/* Said once booked: "Work time (paid): approved.", "Work time (paid):
 * waiting for approval. You will be told here once it is decided.",
 * "In your own time." */
char *lh_time_off_format_outcome        (const LhTimeOff         *time_off);
/* What the request is for: "PC 3, Tuesday 24 November, 10:00 to 11:00" */
char *lh_time_off_format_request        (const LhTimeOff         *time_off);
/* Its state on the balance page: "Work time, waiting for approval",
 * "Work time, approved", "Not approved: in your own time", "Own time". */
char *lh_time_off_format_request_status (const LhTimeOff         *time_off);
/* A decision, told once: "Approved: work time for PC 3, Tuesday 24
 * November, 10:00 to 11:00." or "Not approved: work time for … It stays
 * booked, in your own time. The reason given: …" */
char *lh_time_off_format_decision       (const LhTimeOff         *time_off);
/* One sentence per decision, one a line; NULL if there are none. */
char *lh_time_off_format_decisions      (GPtrArray               *decisions);

G_END_DECLS
