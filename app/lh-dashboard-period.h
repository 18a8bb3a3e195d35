/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The period the committee looks at on the dashboard: this quarter so
 * far (the default), the previous quarter, or any first and last day
 * chosen with big earlier/later buttons, never past today. Emits
 * "changed" when the period changes. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LH_TYPE_DASHBOARD_PERIOD (lh_dashboard_period_get_type ())
G_DECLARE_FINAL_TYPE (LhDashboardPeriod, lh_dashboard_period, LH, DASHBOARD_PERIOD, AdwBin)

GtkWidget *lh_dashboard_period_new       (void);
/* Today is now's day (in now's zone); back to this quarter. */
void       lh_dashboard_period_set_today (LhDashboardPeriod *self,
                                          GDateTime         *now);
/* "YYYY-MM-DD" each, the last day included. (transfer full) */
void       lh_dashboard_period_get       (LhDashboardPeriod  *self,
                                          char              **first_day,
                                          char              **last_day);

/* "1 July 2026" for "2026-07-01"; NULL if it is not a date. (transfer full) */
char      *lh_dashboard_period_format_day (const char *iso_day);

G_END_DECLS
