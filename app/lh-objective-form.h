/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form that updates an objective of the committee's action plan at
 * the desk: its status (four big choices), its recorded outcomes and its
 * reviewed / next steps (typed), and Save. The page around it sends it. */
#pragma once

#include <gtk/gtk.h>

#include "lh-client-committee.h"

G_BEGIN_DECLS

#define LH_TYPE_OBJECTIVE_FORM (lh_objective_form_get_type ())
G_DECLARE_FINAL_TYPE (LhObjectiveForm, lh_objective_form, LH, OBJECTIVE_FORM, GtkBox)

/* Filled with the objective's present values; "save" is emitted when
 * Save is pressed. */
GtkWidget  *lh_objective_form_new            (const LhPlanObjective *objective);
gint64      lh_objective_form_get_id         (LhObjectiveForm *self);
const char *lh_objective_form_get_status     (LhObjectiveForm *self);
const char *lh_objective_form_get_outcomes   (LhObjectiveForm *self);
const char *lh_objective_form_get_next_steps (LhObjectiveForm *self);
/* While saving: Save waits. */
void        lh_objective_form_set_busy       (LhObjectiveForm *self,
                                              gboolean         busy);
/* The daemon's refusal, in words, under the form. */
void        lh_objective_form_show_error     (LhObjectiveForm *self,
                                              const GError    *error);

G_END_DECLS
