/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the Set up sessions page: what is about to be set up, what
 * was, and the assessor's own slots. Every function returns a new string
 * (transfer full). */
#pragma once

#include "lh-timetable-types.h"

G_BEGIN_DECLS

/* "English", "Maths", "ESOL" */
char *lh_timetable_subject          (const char        *subject);
/* "Set up “Maths together”?" */
char *lh_timetable_group_question   (const LhGroupPlan *plan);
/* The room, the day and times, the topic, places and weeks, a line each. */
char *lh_timetable_group_facts      (const LhGroupPlan *plan);
/* "The group is set up." or "6 sessions are set up, one each week." */
char *lh_timetable_group_done       (const LhGroupPlan *plan);
/* "Offer a maths assessment slot?" */
char *lh_timetable_slot_question    (const LhSlotPlan  *plan);
/* The day and times, the place, and who assesses. */
char *lh_timetable_slot_facts       (const LhSlotPlan  *plan);
/* "Maths · Thursday 26 November, 14:00 to 14:45" */
char *lh_timetable_offered_when     (const LhOfferedSlot *slot);
/* "Booked by Amira Khan", "Free: nobody has booked it yet" */
char *lh_timetable_offered_who      (const LhOfferedSlot *slot);

G_END_DECLS
