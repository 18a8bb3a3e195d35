/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A date from today on, chosen with big −/+ week and month buttons
 * instead of typing ("Tuesday 15 June 2027"); optionally no date at
 * all. Its title says what the date is for; each button tells a screen
 * reader what it does. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LH_TYPE_DATE_STEPPER (lh_date_stepper_get_type ())
G_DECLARE_FINAL_TYPE (LhDateStepper, lh_date_stepper, LH, DATE_STEPPER, AdwBin)

/* optional: a No date button, and no date to start with. */
GtkWidget *lh_date_stepper_new       (const char    *title,
                                      gboolean       optional);
/* Today is now's day (in now's zone); the date is set to months_on
 * months later, or to no date for a negative months_on if optional. */
void       lh_date_stepper_set_today (LhDateStepper *self,
                                      GDateTime     *now,
                                      int            months_on);
/* "YYYY-MM-DD", or NULL for no date. (transfer full) */
char      *lh_date_stepper_get_date  (LhDateStepper *self);
/* Moves the date by days (from today if there is none). */
void       lh_date_stepper_add_days  (LhDateStepper *self,
                                      int            days);

G_END_DECLS
