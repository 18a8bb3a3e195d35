/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The days of LhWeekView and the grid shown of them: a row per hour, a
 * column per day, each cell how many PCs are free then, in words; a day
 * without cells says why (gone by, closed and why, not open for booking
 * yet). A free cell carries its first free slot (LhSlot, unowned) as the
 * object data "lh-slot" and its day's index as "lh-day". */
#pragma once

#include <gtk/gtk.h>

#include "lh-slots.h"

G_BEGIN_DECLS

typedef enum {
  LH_WEEK_DAY_PAST,     /* before today: nothing to book, not asked */
  LH_WEEK_DAY_LOADING,  /* asked, no answer yet */
  LH_WEEK_DAY_SHOWN,    /* its availability is known */
  LH_WEEK_DAY_NOT_YET,  /* beyond the booking horizon (the daemon says 422) */
  LH_WEEK_DAY_FAILED,   /* could not be loaded, and nothing was known */
} LhWeekDayState;

typedef struct
{
  GDateTime      *day;           /* (owned) (nullable) midnight, centre's zone */
  char           *date;          /* (owned) (nullable) "YYYY-MM-DD" */
  LhWeekDayState  state;
  LhAvailability *availability;  /* (owned) (nullable) */
  GPtrArray      *own;           /* (owned) (nullable) (element-type LhSlot) */
  GPtrArray      *slots;         /* (owned) (nullable) (element-type GPtrArray<LhSlot>) a PC each */
  GCancellable   *cancellable;   /* (owned) (nullable) while asked */
} LhWeekDay;

void lh_week_day_forget_answer (LhWeekDay      *day);
/* Cancels its request and forgets everything: a day gone by. */
void lh_week_day_clear         (LhWeekDay      *day);
/* availability: (transfer full) */
void lh_week_day_take_answer   (LhWeekDay      *day,
                                LhAvailability *availability,
                                int             slot_minutes);

/* Empties grid and fills it with days (n_days of them); clicked is
 * connected to each free cell's "clicked", with user_data. */
void lh_week_grid_fill         (GtkGrid         *grid,
                                const LhWeekDay *days,
                                guint            n_days,
                                GDateTime       *now,
                                GCallback        clicked,
                                gpointer         user_data);
void lh_week_grid_clear        (GtkGrid         *grid);

G_END_DECLS
