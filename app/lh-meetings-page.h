/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's meetings at the desk, from a year back to a year
 * ahead, the latest first: when and where, who attended, and the site
 * report tabled at each; a member records that they were at one, and
 * plans the next. Committee members only. */
#pragma once

#include <adwaita.h>

#include "lh-client-committee.h"
#include "lh-types.h"

G_BEGIN_DECLS

#define LH_TYPE_MEETINGS_PAGE (lh_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (LhMeetingsPage, lh_meetings_page, LH, MEETINGS_PAGE, AdwBin)

GtkWidget *lh_meetings_page_new        (void);
void       lh_meetings_page_set_client (LhMeetingsPage *self,
                                        LhClient       *client);
/* Shows the meetings, read afresh. */
void       lh_meetings_page_load       (LhMeetingsPage *self);
/* From the form that plans a meeting back to the list: TRUE; already at
 * the list: FALSE (the window goes home). */
gboolean   lh_meetings_page_go_back    (LhMeetingsPage *self);
/* "Attended: Grace Mensah, Helen Price (HR manager)" or "Nobody
 * recorded yet"; "Report tabled: 1 July to 30 September 2026" or NULL
 * (transfer full). */
char      *lh_meetings_attended_words  (const LhCommitteeMeeting *meeting);
char      *lh_meetings_report_words    (const LhCommitteeMeeting *meeting);

G_END_DECLS
