/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A list of the site report (the committee's meetings, its action plan)
 * on the dashboard: its title and its rows under their headings, as the
 * daemon sent them. Lines of text, never figures about people. */
#pragma once

#include <gtk/gtk.h>

#include "lh-site-report.h"

G_BEGIN_DECLS

GtkWidget *lh_list_card_new (const LhSiteList *list);

G_END_DECLS
