/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form for a group study session: title, topic, room, day, start,
 * length, places and how many weeks. "next" is emitted once what is
 * filled in makes a whole plan. */
#pragma once

#include <adwaita.h>

#include "lh-timetable-types.h"

G_BEGIN_DECLS

#define LH_TYPE_GROUP_FORM (lh_group_form_get_type ())
G_DECLARE_FINAL_TYPE (LhGroupForm, lh_group_form, LH, GROUP_FORM, AdwBin)

/* Empties the form: days from now's, the rooms (element-type LhRoom)
 * to choose from. */
void         lh_group_form_reset    (LhGroupForm *self,
                                     GDateTime   *now,
                                     GPtrArray   *rooms);
/* What was filled in. (transfer full) (nullable) if it is not whole. */
LhGroupPlan *lh_group_form_get_plan (LhGroupForm *self);
void         lh_group_form_focus    (LhGroupForm *self);

G_END_DECLS
