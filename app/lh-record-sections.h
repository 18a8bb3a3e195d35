/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts of My advice record: what is going on now, the learning plan
 * (goals with their steps, each ticked done from here), the ULRs' notes,
 * learning check-ups (MOTs), past requests, and who can see the record.
 * A plan item's button carries its LhPlanItem (unowned) as
 * LH_RECORD_ITEM_KEY; a Stop sharing button its LhUlr as
 * LH_RECORD_ULR_KEY. */
#pragma once

#include <gtk/gtk.h>

#include "lh-advice-types.h"

G_BEGIN_DECLS

#define LH_RECORD_ITEM_KEY "lh-record-item"
#define LH_RECORD_ULR_KEY  "lh-record-ulr"

/* Each is connected to "clicked" of its buttons, with user_data. */
typedef struct
{
  GCallback toggle_done;    /* a plan item's Done button */
  GCallback stop_sharing;   /* a supporter's Stop sharing */
  gpointer  user_data;
} LhRecordCallbacks;

/* A plan item's words: its text (a goal's, or a step's) and when it is
 * due; the ULR's view of the record shows them the same. */
GtkWidget *lh_record_plan_info_new (const LhPlanItem *item,
                                    gboolean          step);

/* Fills box with every part of record, which must outlive the widgets;
 * now is for "Today". */
void       lh_record_sections_fill (GtkBox                  *box,
                                    LhAdviceRecord          *record,
                                    GDateTime               *now,
                                    const LhRecordCallbacks *callbacks);

G_END_DECLS
