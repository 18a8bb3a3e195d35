/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A share drawn as one bar: the part (the minutes the PCs were used)
 * filled inside the whole (the minutes they were open and in order). The
 * daemon sends both figures and no share; the kiosk draws the share only
 * when both are published, and never writes it as a number. */
#pragma once

#include <gtk/gtk.h>

#include "lh-site-report.h"

G_BEGIN_DECLS

#define LH_TYPE_CHART_SHARE (lh_chart_share_get_type ())
G_DECLARE_FINAL_TYPE (LhChartShare, lh_chart_share, LH, CHART_SHARE, GtkWidget)

/* The share of capacity used, from the usage section's tables
 * "used-minutes" and "capacity-minutes" (transfer none, must outlive the
 * card): a card with the bar, or saying why there is none. NULL if the
 * section has not both tables. */
GtkWidget  *lh_chart_share_card_new    (const LhSiteSection *section);
/* What the bar shows in words, as a screen reader is told (transfer none). */
const char *lh_chart_share_get_summary (LhChartShare *self);

G_END_DECLS
