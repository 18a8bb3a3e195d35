/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admins' notices on an admin's home page: a fault reported or
 * overdue, a check due or overdue, in plain words, each with a Dismiss
 * button. Read at sign-in and again whenever the daemon says they
 * changed; hidden for anyone else, and when there are none. */
#pragma once

#include <gtk/gtk.h>

#include "lh-client-admin-notices.h"
#include "lh-types.h"

G_BEGIN_DECLS

#define LH_TYPE_ADMIN_NOTICES (lh_admin_notices_get_type ())
G_DECLARE_FINAL_TYPE (LhAdminNotices, lh_admin_notices, LH, ADMIN_NOTICES, GtkBox)

GtkWidget *lh_admin_notices_new        (void);
/* Listens to client's events from now on. */
void       lh_admin_notices_set_client (LhAdminNotices *self,
                                        LhClient       *client);
/* Who is signed in (nullable): an admin's notices are read now. */
void       lh_admin_notices_set_person (LhAdminNotices *self,
                                        const LhPerson *person);

/* The notice in a sentence, e.g. "Repair overdue on PC 5 (LC-0005):
 * keyboard or mouse, reported Monday 23 November." (transfer full) */
char      *lh_admin_notice_describe    (const LhAdminNotice *notice);

G_END_DECLS
