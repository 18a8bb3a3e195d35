/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Talk to a ULR: a learner asks a union learning rep for advice, one
 * question per screen (what about, how: today's drop-in queue or a
 * booked time, how to be reached, an optional note for the ULR), confirms,
 * and gets a ticket with their place in the queue, kept up to date, or
 * their appointment. Someone with a request still open sees it at once. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-notifier.h"
#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_ADVICE_PAGE (lh_advice_page_get_type ())
G_DECLARE_FINAL_TYPE (LhAdvicePage, lh_advice_page, LH, ADVICE_PAGE, LhPage)

/* From the first question, loading afresh (or the open request). */
void      lh_advice_page_start        (LhAdvicePage *self);
/* Forgets all it showed and cancels its requests. */
void      lh_advice_page_reset        (LhAdvicePage *self);
/* Returns: TRUE if the page went back a step itself. */
gboolean  lh_advice_page_go_back      (LhAdvicePage *self);
/* Where "your ticket was called" goes when the person may be looking
 * elsewhere (nullable). */
void      lh_advice_page_set_notifier (LhAdvicePage *self,
                                       LhNotifier   *notifier);

G_END_DECLS
