/* SPDX-License-Identifier: GPL-3.0-or-later */
/* My time off: what is left of each kind of paid time off for learning
 * this agreement year, in hours and in days, with what was used, what is
 * booked and what waits for approval; matched time earned; the requests
 * coming up and their state; and decisions on them, told once at the
 * top. */
#pragma once

#include "lh-page.h"
#include "lh-types.h"

G_BEGIN_DECLS

#define LH_TYPE_TIME_OFF_PAGE (lh_time_off_page_get_type ())
G_DECLARE_FINAL_TYPE (LhTimeOffPage, lh_time_off_page, LH, TIME_OFF_PAGE, LhPage)

/* Paid time off is for staff who learn: not a guest. */
gboolean lh_time_off_page_is_for (const LhPerson *person);
/* Opens the page afresh: the decisions not shown yet, then the balance. */
void     lh_time_off_page_start  (LhTimeOffPage  *self);
void     lh_time_off_page_reset  (LhTimeOffPage  *self);

G_END_DECLS
