/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Join a group: the group study sessions of the next 2 weeks, each a card
 * saying how full it is and where the person stands; then a confirm view
 * and a done view. A place is given up from its card. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_GROUPS_PAGE (lh_groups_page_get_type ())
G_DECLARE_FINAL_TYPE (LhGroupsPage, lh_groups_page, LH, GROUPS_PAGE, LhPage)

/* Shows the list, loading it afresh. */
void        lh_groups_page_load       (LhGroupsPage *self);
/* Forgets all it showed and cancels its requests. */
void        lh_groups_page_reset      (LhGroupsPage *self);
/* Returns: TRUE if the page went back a view itself. */
gboolean    lh_groups_page_go_back    (LhGroupsPage *self);

G_END_DECLS
