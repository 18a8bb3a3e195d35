/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form for a skills assessment slot: subject, day, start, length
 * (30, 45 or 60 minutes) and, if wanted, where. "next" is emitted once
 * what is filled in makes a whole plan. */
#pragma once

#include <adwaita.h>

#include "lh-timetable-types.h"

G_BEGIN_DECLS

#define LH_TYPE_SLOT_FORM (lh_slot_form_get_type ())
G_DECLARE_FINAL_TYPE (LhSlotForm, lh_slot_form, LH, SLOT_FORM, AdwBin)

/* Empties the form, with days from now's. */
void        lh_slot_form_reset    (LhSlotForm *self,
                                   GDateTime  *now);
/* What was filled in. (transfer full) (nullable) if it is not whole. */
LhSlotPlan *lh_slot_form_get_plan (LhSlotForm *self);

G_END_DECLS
