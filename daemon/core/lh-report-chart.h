/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A report table drawn as a chart on any cairo surface: the PDF's pages
 * now, the kiosk's dashboard later. Only published figures are drawn to
 * scale; a suppressed one is a hatched mark of one size whatever its
 * value, explained by a "Not shown" legend. */
#pragma once

#include <cairo.h>

#include "lh-report.h"

G_BEGIN_DECLS

/* Draws table by its chart hint (bars, lines over weeks, heat map) with
 * its legend in the box of width × height at the current origin. Nothing
 * for LH_REPORT_CHART_NONE. */
void lh_report_chart_draw (cairo_t             *cr,
                           const LhReportTable *table,
                           double               width,
                           double               height);

/* The words of the hatched mark's legend. */
#define LH_REPORT_NOT_SHOWN "Not shown"

G_END_DECLS
