/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A week of PC availability, Monday to Sunday as a rota runs, for the
 * Book a computer page: a row per hour, a column per day, each cell
 * saying how many PCs are free then. Big arrows and a swipe move a week;
 * one tap on a free cell picks the first free PC at that hour. Closed
 * days, days gone by and days beyond the booking horizon say so in words.
 * It asks for the days itself (GET /api/v1/availability, one per day). */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-slots.h"

G_BEGIN_DECLS

#define LH_TYPE_WEEK_VIEW (lh_week_view_get_type ())
G_DECLARE_FINAL_TYPE (LhWeekView, lh_week_view, LH, WEEK_VIEW, AdwBin)

void      lh_week_view_set_client    (LhWeekView *self,
                                      LhClient   *client);
/* Loads and shows the week `week` weeks after this one (0: this week). */
void      lh_week_view_show_week     (LhWeekView *self,
                                      int         week);
int       lh_week_view_get_week      (LhWeekView *self);
/* While a week is on its way the arrows wait: a second tap sends nothing. */
gboolean  lh_week_view_is_loading    (LhWeekView *self);
/* The shown week again, without a spinner (back online, back from confirm). */
void      lh_week_view_reload        (LhWeekView *self);
/* A change elsewhere on date ("YYYY-MM-DD"): that day again, if shown. */
void      lh_week_view_date_changed  (LhWeekView *self,
                                      const char *date);
/* Offline: what was last known stays in view, but cannot be tapped. */
void      lh_week_view_set_bookable  (LhWeekView *self,
                                      gboolean    bookable);
/* Forgets the week and cancels its requests. */
void      lh_week_view_reset         (LhWeekView *self);

G_END_DECLS
