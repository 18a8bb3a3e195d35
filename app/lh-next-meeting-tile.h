/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's next meeting on a committee member's home page: when,
 * where, and how soon (or that none is planned), with the ways to the
 * action plan and the meetings. Read at sign-in; hidden for anyone
 * else. */
#pragma once

#include <gtk/gtk.h>

#include "lh-client-committee.h"
#include "lh-types.h"

G_BEGIN_DECLS

#define LH_TYPE_NEXT_MEETING_TILE (lh_next_meeting_tile_get_type ())
G_DECLARE_FINAL_TYPE (LhNextMeetingTile, lh_next_meeting_tile, LH, NEXT_MEETING_TILE, GtkBox)

GtkWidget *lh_next_meeting_tile_new        (void);
void       lh_next_meeting_tile_set_client (LhNextMeetingTile *self,
                                       LhClient          *client);
/* Who is signed in (nullable): a committee member's next meeting is read
 * now. */
void       lh_next_meeting_tile_set_person (LhNextMeetingTile *self,
                                       const LhPerson    *person);
/* "Wednesday 13 January, 14:00, Training room: in 5 days" (transfer
 * full); now in the same zone. */
char      *lh_next_meeting_describe   (const LhNextMeeting *meeting,
                                       GDateTime           *now);

G_END_DECLS
