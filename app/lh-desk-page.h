/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Run a drop-in, for union learning reps: open one, the live queue as
 * ticket numbers and the wait (the topic stays hidden until a ticket is
 * called), Call next, the called request in full with Start, No-show and
 * Finish, the queue-length alert, closing the drop-in; the ULR's
 * appointments in hand, and the learners who asked for their record to
 * be deleted. */
#pragma once

#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_DESK_PAGE (lh_desk_page_get_type ())
G_DECLARE_FINAL_TYPE (LhDeskPage, lh_desk_page, LH, DESK_PAGE, LhPage)

/* Whether the person runs drop-ins (a ULR). */
gboolean lh_desk_page_is_for  (const LhPerson *person);
void     lh_desk_page_load    (LhDeskPage     *self);
void     lh_desk_page_reset   (LhDeskPage     *self);
/* Back within the page: TRUE if it went back a step itself. */
gboolean lh_desk_page_go_back (LhDeskPage     *self);

G_END_DECLS
