/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's action plan at the desk: its objectives by number, each
 * with who does it, by when, its status, outcomes and next steps, the
 * history of each (who changed what, when), and a form to update one.
 * Committee members only. */
#pragma once

#include <adwaita.h>

#include "lh-client-committee.h"
#include "lh-types.h"

G_BEGIN_DECLS

#define LH_TYPE_ACTION_PLAN_PAGE (lh_action_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (LhActionPlanPage, lh_action_plan_page, LH, ACTION_PLAN_PAGE, AdwBin)

GtkWidget *lh_action_plan_page_new        (void);
void       lh_action_plan_page_set_client (LhActionPlanPage *self,
                                           LhClient         *client);
/* Whether the page is for person (nullable): a committee member's. */
gboolean   lh_action_plan_page_is_for     (const LhPerson   *person);
/* Shows the plan, read afresh. */
void       lh_action_plan_page_load       (LhActionPlanPage *self);
/* From an objective's history or form back to the plan: TRUE; already at the
 * plan: FALSE (the window goes home). */
gboolean   lh_action_plan_page_go_back    (LhActionPlanPage *self);
/* "In progress", … for a status key (transfer none). */
const char *lh_action_plan_status_words   (const char       *status);
/* One change in words: "Status: Planned → In progress" (transfer full). */
char       *lh_action_plan_change_words   (const LhPlanChange *change);

G_END_DECLS
