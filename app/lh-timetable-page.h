/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Set up sessions, for ULRs and admins: a group study session (or a
 * weekly series of them) in a room, or a skills assessment slot with the
 * person signed in as the assessor; and, for a ULR, the assessment slots
 * they hold this fortnight with who booked each. */
#pragma once

#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_TIMETABLE_PAGE (lh_timetable_page_get_type ())
G_DECLARE_FINAL_TYPE (LhTimetablePage, lh_timetable_page, LH, TIMETABLE_PAGE, LhPage)

/* Whether the person may set up sessions (a ULR or an admin). */
gboolean lh_timetable_page_is_for  (const LhPerson  *person);
/* Opens on the two choices and loads the rooms (and the ULR's slots). */
void     lh_timetable_page_load    (LhTimetablePage *self);
/* Forgets everything, for the next person. */
void     lh_timetable_page_reset   (LhTimetablePage *self);
/* Back within the page: TRUE if it went back a step itself. */
gboolean lh_timetable_page_go_back (LhTimetablePage *self);

G_END_DECLS
