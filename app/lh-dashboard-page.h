/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's dashboard at the desk: the site report of a period
 * (this quarter by default) drawn as charts, each with its numbers a tap
 * away, and the report saved as the daemon sent it. The kiosk draws what
 * the daemon sends and computes no figure: a suppressed one is drawn as
 * "Not shown". */
#pragma once

#include "lh-page.h"
#include "lh-types.h"

G_BEGIN_DECLS

#define LH_TYPE_DASHBOARD_PAGE (lh_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (LhDashboardPage, lh_dashboard_page, LH, DASHBOARD_PAGE, LhPage)

/* Committee members only: the daemon refuses anyone else. */
gboolean lh_dashboard_page_is_for   (const LhPerson *person);
/* Loads this quarter. */
void     lh_dashboard_page_load     (LhDashboardPage *self);
void     lh_dashboard_page_reset    (LhDashboardPage *self);
/* The period the page asked the daemon for last, "YYYY-MM-DD" each
 * (transfer none) (nullable): for tests. */
void     lh_dashboard_page_get_asked (LhDashboardPage  *self,
                                      const char      **first_day,
                                      const char      **last_day);

G_END_DECLS
