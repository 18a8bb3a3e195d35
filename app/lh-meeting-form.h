/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The form that plans a committee meeting at the desk: the day (from
 * today on, with big week and month buttons), the time (a clock stepper)
 * and the place (typed), and Save. The page around it sends it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LH_TYPE_MEETING_FORM (lh_meeting_form_get_type ())
G_DECLARE_FINAL_TYPE (LhMeetingForm, lh_meeting_form, LH, MEETING_FORM, GtkBox)

/* Starting from now's day (in the centre's zone), two weeks on, at 14:00,
 * in the training room; "save" is emitted when Save is pressed. */
GtkWidget  *lh_meeting_form_new           (GDateTime     *now);
/* The time chosen, in now's zone (transfer full). */
GDateTime  *lh_meeting_form_get_starts_at (LhMeetingForm *self);
const char *lh_meeting_form_get_place     (LhMeetingForm *self);
void        lh_meeting_form_set_busy      (LhMeetingForm *self,
                                           gboolean       busy);
/* The daemon's refusal, in words, under the form. */
void        lh_meeting_form_show_error    (LhMeetingForm *self,
                                           const GError  *error);

G_END_DECLS
