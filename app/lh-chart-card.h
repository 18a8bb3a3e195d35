/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One table of the site report on the dashboard: its title, a short
 * caption saying how to read it, the chart, and a toggle to see the same
 * figures as a table of numbers instead, for people who prefer them. A
 * table the daemon does not chart is shown as numbers only. */
#pragma once

#include <gtk/gtk.h>

#include "lh-site-report.h"

G_BEGIN_DECLS

/* table (transfer none) must outlive the card. */
GtkWidget *lh_chart_card_new       (const LhSiteTable *table,
                                    int                threshold);
/* The card's chart (an LhChart), or NULL for a table without one. */
GtkWidget *lh_chart_card_get_chart (GtkWidget *card);

G_END_DECLS
