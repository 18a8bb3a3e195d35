/* SPDX-License-Identifier: GPL-3.0-or-later */
/* My bookings: the person's upcoming bookings, each with a Cancel button
 * that asks first. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_BOOKINGS_PAGE (lh_bookings_page_get_type ())
G_DECLARE_FINAL_TYPE (LhBookingsPage, lh_bookings_page, LH, BOOKINGS_PAGE, LhPage)

/* Shows the list, loading it afresh. */
void        lh_bookings_page_load       (LhBookingsPage *self);
/* Forgets all it showed and cancels its requests. */
void        lh_bookings_page_reset      (LhBookingsPage *self);
/* Returns: TRUE if the page went back a view itself. */
gboolean    lh_bookings_page_go_back    (LhBookingsPage *self);

G_END_DECLS
