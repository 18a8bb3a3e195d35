/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of asking a ULR for advice: plain, short, the same on every
 * page. Whole sentences, so that translators never glue words. Every
 * function returning a string returns a new one (transfer full); icon
 * names are static. */
#pragma once

#include "lh-advice-types.h"

G_BEGIN_DECLS

/* "Reading, writing and maths" */
char       *lh_topic_title             (LhTopic topic);
const char *lh_topic_icon              (LhTopic topic);
/* "Here at the centre", "By phone"… */
char       *lh_contact_title           (LhContact contact);
const char *lh_contact_icon            (LhContact contact);
/* "Found a course for you" for "signposted-course". */
char       *lh_advice_format_outcome   (const char *outcome);
/* What happened to a request, for the record: "Waiting in the queue",
 * "Done", "You left the queue"… */
char       *lh_advice_format_status    (const LhAdviceRequest *request);
/* "Nobody is ahead of you: you are next" or "2 people are ahead of you" */
char       *lh_advice_format_position  (int position);
/* "About 30 minutes", "About 1 hour 15 minutes", "Any minute now" */
char       *lh_advice_format_wait      (int minutes);
/* "Tuesday 24 November, 12:00 to 14:00" */
char       *lh_advice_format_when      (GDateTime *start,
                                        GDateTime *end);
/* "Today 12:00 to 14:00, Learning centre" */
char       *lh_advice_format_dropin    (const LhDropin *dropin,
                                        GDateTime      *now);
/* A free time's day: "Today, Tue 24 Nov", "Tomorrow, Wed 25 Nov" or
 * "Thursday 26 November". */
char       *lh_advice_format_slot_day  (GDateTime  *start,
                                        GDateTime  *now);
/* "Nobody is waiting now", "1 person is waiting", "3 people are waiting" */
char       *lh_advice_format_waiting   (int waiting);
/* "With Dev Patel, Quiet room" */
char       *lh_advice_format_with      (const char *ulr,
                                        const char *place);
/* "30 June 2027" from "2027-06-30" (the text itself if it is no date). */
char       *lh_advice_format_date      (const char *ymd);
/* "Ticket 7 — please go to Desk 1" */
char       *lh_advice_format_called    (int         ticket,
                                        const char *desk);
/* The daemon's reason for a refusal as a sentence, else the kiosk's
 * words for the error. */
char       *lh_advice_format_refusal   (const GError *error);

G_END_DECLS
