/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bring a family member or friend: a member of staff types their guest's
 * name, reads what it means, confirms, and is shown the guest number and
 * PIN once, in large type. Nothing of them stays behind: the page forgets
 * them when it is left, on Done, and at sign-out. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_GUEST_PAGE (lh_guest_page_get_type ())
G_DECLARE_FINAL_TYPE (LhGuestPage, lh_guest_page, LH, GUEST_PAGE, LhPage)

/* Shows an empty form, ready for the name. */
void        lh_guest_page_start       (LhGuestPage *self);
/* Forgets the name, the number and the PIN, and cancels the request. */
void        lh_guest_page_reset       (LhGuestPage *self);
/* Returns: TRUE if the page went back a view itself. */
gboolean    lh_guest_page_go_back     (LhGuestPage *self);

G_END_DECLS
