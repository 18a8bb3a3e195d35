/* SPDX-License-Identifier: GPL-3.0-or-later */
/* My facility time, for union learning reps: the paid time for union
 * learning duties used against agreed, this week and this year, in plain
 * words; this week's entries; and adding other duty time (training, a
 * meeting, promoting learning, other) by tapping. */
#pragma once

#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_FACILITY_PAGE (lh_facility_page_get_type ())
G_DECLARE_FINAL_TYPE (LhFacilityPage, lh_facility_page, LH, FACILITY_PAGE, LhPage)

void     lh_facility_page_load    (LhFacilityPage *self);
void     lh_facility_page_reset   (LhFacilityPage *self);
/* Back within the page: TRUE if it went back a step itself. */
gboolean lh_facility_page_go_back (LhFacilityPage *self);

G_END_DECLS
