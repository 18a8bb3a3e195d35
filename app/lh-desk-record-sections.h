/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's record as their ULR reads it at the desk: the learning plan
 * (each goal a card with its steps, a Done button on each, read out in
 * words, and Add a step), the notes and the learning MOTs, each with who
 * and when. Done and Add a step carry the plan item's id as
 * LH_DESK_RECORD_ITEM_KEY (a gint64 *); Done whether it is done now as
 * LH_DESK_RECORD_DONE_KEY (GINT_TO_POINTER). */
#pragma once

#include <gtk/gtk.h>

#include "lh-advice-types.h"

G_BEGIN_DECLS

#define LH_DESK_RECORD_ITEM_KEY "lh-desk-record-item"
#define LH_DESK_RECORD_DONE_KEY "lh-desk-record-done"

/* Appends every part of record to box; each callback is connected to
 * "clicked" of its buttons with user_data. */
void lh_desk_record_sections_fill (GtkBox               *box,
                                   const LhAdviceRecord *record,
                                   GCallback             done_clicked,
                                   GCallback             add_step_clicked,
                                   gpointer              user_data);

G_END_DECLS
