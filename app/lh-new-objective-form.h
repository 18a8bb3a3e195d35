/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form that adds an objective to the committee's action plan at the
 * desk: its number (the next free one to start with), the planned
 * activity and by whom (typed), by when (a date stepped), and Add. The
 * page around it sends it; the daemon's refusal comes back in words. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LH_TYPE_NEW_OBJECTIVE_FORM (lh_new_objective_form_get_type ())
G_DECLARE_FINAL_TYPE (LhNewObjectiveForm, lh_new_objective_form, LH, NEW_OBJECTIVE_FORM, GtkBox)

/* number: the one to offer; due by default three months after now's day.
 * "save" is emitted when Add is pressed. */
GtkWidget  *lh_new_objective_form_new          (GDateTime          *now,
                                                gint64              number);
gint64      lh_new_objective_form_get_number   (LhNewObjectiveForm *self);
const char *lh_new_objective_form_get_activity (LhNewObjectiveForm *self);
const char *lh_new_objective_form_get_by_whom  (LhNewObjectiveForm *self);
/* "YYYY-MM-DD" (transfer full). */
char       *lh_new_objective_form_get_due_day  (LhNewObjectiveForm *self);
void        lh_new_objective_form_set_busy     (LhNewObjectiveForm *self,
                                                gboolean            busy);
void        lh_new_objective_form_show_error   (LhNewObjectiveForm *self,
                                                const GError       *error);

G_END_DECLS
