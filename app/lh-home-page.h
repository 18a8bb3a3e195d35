/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Home once signed in: "Hello, NAME" and a big tile per thing to do. */
#pragma once

#include <adwaita.h>

#include "lh-types.h"

G_BEGIN_DECLS

#define LH_TYPE_HOME_PAGE (lh_home_page_get_type ())
G_DECLARE_FINAL_TYPE (LhHomePage, lh_home_page, LH, HOME_PAGE, AdwBin)

/* person (nullable): NULL clears the name. */
void lh_home_page_set_person (LhHomePage     *self,
                              const LhPerson *person);
/* The admins' notices on the page (an LhAdminNotices): the window gives
 * it the client. */
GtkWidget *lh_home_page_get_admin_notices (LhHomePage *self);
/* The committee's next meeting (an LhNextMeetingTile): the window gives
 * it the client. */
GtkWidget *lh_home_page_get_next_meeting (LhHomePage *self);
/* The soonest free hour (an LhSoonestCard): the window gives it the
 * client and books from its `book` signal. */
GtkWidget *lh_home_page_get_soonest (LhHomePage *self);
/* The count on Time off to approve (only admins see it); pending < 0:
 * not known. */
void lh_home_page_set_approvals (LhHomePage     *self,
                                 int             pending);
/* A calm message above the tiles until dismissed; NULL hides it. */
void lh_home_page_set_notice (LhHomePage     *self,
                              const char     *notice);
/* The same, a line under the message already shown, if any; without
 * good_news (a request turned down), in the look of a plain message. */
void lh_home_page_add_notice (LhHomePage     *self,
                              const char     *notice,
                              gboolean        good_news);
/* "Good news: a place came free in …", one line per session of
 * promotions (element-type LhGroupSession); NULL if it is empty. */
char *lh_home_page_format_promotions (GPtrArray *promotions);

G_END_DECLS
