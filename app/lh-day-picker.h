/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A day from the next fortnight, as big buttons ("Today", "Tomorrow",
 * "Monday" over "24 Nov"), never a tiny calendar. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LH_TYPE_DAY_PICKER (lh_day_picker_get_type ())
G_DECLARE_FINAL_TYPE (LhDayPicker, lh_day_picker, LH, DAY_PICKER, AdwBin)

GtkWidget *lh_day_picker_new     (void);
/* Shows n_days days from now's (in now's time zone), none chosen. */
void       lh_day_picker_set_days (LhDayPicker *self,
                                   GDateTime   *now,
                                   guint        n_days);
/* The chosen day's midnight, or NULL. (transfer none) */
GDateTime *lh_day_picker_get_day  (LhDayPicker *self);
/* The chosen day at this wall-clock time (minutes from midnight), or
 * NULL if none is chosen. (transfer full) */
GDateTime *lh_day_picker_get_time (LhDayPicker *self,
                                   int          minutes);
/* Chooses the day of the index-th button (from 0 for today). */
void       lh_day_picker_choose   (LhDayPicker *self,
                                   guint        index);

G_END_DECLS
