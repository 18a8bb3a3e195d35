/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who attended a committee meeting, ticked at the desk: a toggle for each
 * member of the committee (those recorded already shown ticked), and a
 * name typed for anyone else who came (the HR manager, a college tutor).
 * The form reads the members and saves through the client itself, and
 * emits "saved" once the daemon has recorded them. */
#pragma once

#include <gtk/gtk.h>

#include "lh-client-committee.h"

G_BEGIN_DECLS

#define LH_TYPE_ATTENDANCE_FORM (lh_attendance_form_get_type ())
G_DECLARE_FINAL_TYPE (LhAttendanceForm, lh_attendance_form, LH, ATTENDANCE_FORM, GtkBox)

GtkWidget *lh_attendance_form_new (LhClient                 *client,
                                   const LhCommitteeMeeting *meeting);

G_END_DECLS
