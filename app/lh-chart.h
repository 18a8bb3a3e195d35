/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One table of the site report drawn as the daemon says it is best drawn
 * (lines for weeks, bars by resource or topic, a weekday × hour heat
 * map), with GtkSnapshot and cairo. A suppressed figure is drawn hatched
 * across the whole height, never as a value, a point or a bar; the
 * legend says what the hatching means. The chart tells a screen reader
 * what it shows in words (its accessible description). It computes no
 * figure: the scale is the largest figure the daemon published. */
#pragma once

#include <gtk/gtk.h>

#include "lh-chart-words.h"
#include "lh-site-report.h"

G_BEGIN_DECLS

#define LH_TYPE_CHART (lh_chart_get_type ())
G_DECLARE_FINAL_TYPE (LhChart, lh_chart, LH, CHART, GtkWidget)

/* table (transfer none) must outlive the chart: the dashboard keeps the
 * report until its charts are gone. threshold: the report's. */
GtkWidget  *lh_chart_new         (const LhSiteTable *table,
                                  int                threshold);
/* What the chart shows in words, as a screen reader is told (transfer
 * none): its kind, the series, the highest figure, how many not shown. */
const char *lh_chart_get_summary (LhChart *self);

G_END_DECLS
