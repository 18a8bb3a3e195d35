/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The national report: the sites' standard reports added up. */
#pragma once

#include "lh-report.h"

G_BEGIN_DECLS

#define LH_NATIONAL_REPORT_SITE "National report"

/* The sites' reports (element-type LhReport, at least one) of one period
 * added up. Tables about a site only are left out; the others are
 * matched by section and table id, their rows and columns by key (a key
 * a site lacks counts 0 there). A figure is published only if every site
 * published it, at the highest of the sites' thresholds, and the tables
 * are suppressed again so that nothing a site hid can be worked back
 * from the sums. Lists are put one after another, each row with its
 * site's name first. LH_ERROR_INVALID if the periods differ or a table
 * does not match its namesake at another site. */
LhReport *lh_report_merge_sites (GPtrArray  *reports,
                                 GError    **error);

G_END_DECLS
