/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A number chosen with big − and + buttons instead of typing: a time of
 * day or a length in 15-minute steps, or a count. Its title says what it
 * is; each button tells a screen reader what it does. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  LH_STEPPER_CLOCK,     /* minutes from midnight, "13:00"; −1 hour, −15 min, +15 min, +1 hour */
  LH_STEPPER_DURATION,  /* minutes, "1 hour 30 minutes"; −15 min, +15 min */
  LH_STEPPER_COUNT,     /* a number, words from the format function; − and + */
} LhStepperKind;

/* Words for a count, e.g. "10 places". (transfer full) */
typedef char *(*LhStepperFormat) (int value);

#define LH_TYPE_STEPPER (lh_stepper_get_type ())
G_DECLARE_FINAL_TYPE (LhStepper, lh_stepper, LH, STEPPER, AdwBin)

GtkWidget *lh_stepper_new         (LhStepperKind   kind,
                                   const char     *title,
                                   int             min,
                                   int             max,
                                   int             value);
void       lh_stepper_set_format  (LhStepper      *self,
                                   LhStepperFormat format);
int        lh_stepper_get_value   (LhStepper      *self);
/* Clamped to the range, then shown. */
void       lh_stepper_set_value   (LhStepper      *self,
                                   int             value);
void       lh_stepper_set_range   (LhStepper      *self,
                                   int             min,
                                   int             max);

G_END_DECLS
