/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a drop-in, by tapping: where (the learning centre or one of
 * the rooms), from now for how long, and which ULRs, each at the next
 * desk in the order they were chosen (the ULR signed in first, at Desk 1). */
#pragma once

#include <adwaita.h>

#include "lh-client-desk.h"

G_BEGIN_DECLS

#define LH_TYPE_DROPIN_FORM (lh_dropin_form_get_type ())
G_DECLARE_FINAL_TYPE (LhDropinForm, lh_dropin_form, LH, DROPIN_FORM, AdwBin)

GtkWidget  *lh_dropin_form_new         (void);
/* Shows the choices afresh: rooms (element-type LhRoom), ulrs
 * (element-type LhUlr); me is the ULR signed in, chosen already; the
 * client tells the centre's time. */
void        lh_dropin_form_set_choices (LhDropinForm *self,
                                        GPtrArray    *rooms,
                                        GPtrArray    *ulrs,
                                        gint64        me,
                                        LhClient     *client);
/* (transfer none) */
const char *lh_dropin_form_get_place   (LhDropinForm *self);
int         lh_dropin_form_get_minutes (LhDropinForm *self);
/* The ULRs chosen with their desks, in order; the array and its desks
 * belong to the form. (transfer none) (element-type LhDeskChoice) */
GArray     *lh_dropin_form_get_ulrs    (LhDropinForm *self);

G_END_DECLS
