/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Book a computer: a strip of days, the soonest free slots, every PC's
 * slots for the day; then a confirm view (work time or own time, always
 * asked) and a done view. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-page.h"
#include "lh-slots.h"

G_BEGIN_DECLS

#define LH_TYPE_BOOK_PAGE (lh_book_page_get_type ())
G_DECLARE_FINAL_TYPE (LhBookPage, lh_book_page, LH, BOOK_PAGE, LhPage)

/* Shows today's slots, loading them afresh. */
void        lh_book_page_start      (LhBookPage *self);
/* Books slot (copied) at once, in paid work time or the person's own,
 * as if its confirm view's Book were tapped: the done view follows, or
 * the confirm view with the daemon's refusal. After lh_book_page_start(). */
void        lh_book_page_book_slot  (LhBookPage   *self,
                                     const LhSlot *slot,
                                     gboolean      paid);
/* Forgets all it showed and cancels its requests. */
void        lh_book_page_reset      (LhBookPage *self);
/* Returns: TRUE if the page went back a view itself. */
gboolean    lh_book_page_go_back    (LhBookPage *self);

G_END_DECLS
