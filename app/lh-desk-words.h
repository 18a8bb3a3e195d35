/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A ULR's desk and the queue display in plain words: what a learner asks
 * about, how they would like to be reached, the outcomes a ULR records,
 * kinds of facility time, and the facility time used against agreed.
 * Strings returned as const are translated and static; the others are
 * new (transfer full). */
#pragma once

#include <glib.h>

#include "lh-advice-types.h"
#include "lh-desk-types.h"

G_BEGIN_DECLS

/* The outcomes of a conversation, in the order the Finish form shows them. */
typedef struct
{
  const char *id;     /* the API's name, "signposted-course" */
  const char *label;  /* untranslated: pass through _() */
} LhDeskOutcome;

const LhDeskOutcome *lh_desk_outcomes         (guint *n_outcomes);

/* The way to be reached in the learner's words (lh_contact_title() of
 * lh-advice-words.h, which also names the topic), or "Not said".
 * (transfer full) */
char       *lh_desk_contact_words             (LhContact contact);
/* "Training", "Drop-in"… */
const char *lh_desk_activity_words            (const char *activity);
/* The activities a ULR logs by hand, NULL-terminated. */
const char * const *lh_desk_logged_activities (void);

/* "2 hours 30 minutes of 5 hours this week" */
char *lh_desk_format_week_use                 (int used, int agreed);
/* "40 hours of 260 hours this year" */
char *lh_desk_format_year_use                 (int used, int agreed);
/* "7, 8 and 9", or "Nobody is waiting" */
char *lh_desk_format_tickets                  (GArray *tickets);
/* "About 30 minutes"; "No wait" for 0 */
char *lh_desk_format_wait                     (int minutes);

G_END_DECLS
