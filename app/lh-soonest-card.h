/* SPDX-License-Identifier: GPL-3.0-or-later */
/* On the home page: the soonest free hour on a computer, with "Book –
 * work time" and "Book – my own time" right there, so that booking it
 * takes two taps. Work time is offered only to those sign-in's `may`
 * says may ask for paid time; a refusal of it comes from the daemon when
 * booking (the book page words it and offers own time). Hidden when
 * nothing is free in the week, or the person does not book computers. */
#pragma once

#include <gtk/gtk.h>

#include "lh-client.h"
#include "lh-slots.h"

G_BEGIN_DECLS

#define LH_TYPE_SOONEST_CARD (lh_soonest_card_get_type ())
G_DECLARE_FINAL_TYPE (LhSoonestCard, lh_soonest_card, LH, SOONEST_CARD, GtkBox)

GtkWidget *lh_soonest_card_new        (void);
void       lh_soonest_card_set_client (LhSoonestCard  *self,
                                       LhClient       *client);
/* Who is signed in (nullable): the soonest free hour is looked for now,
 * and again each time the card is shown. */
void       lh_soonest_card_set_person (LhSoonestCard  *self,
                                       const LhPerson *person);
/* On a PC's own kiosk the person already sits at a computer, and the
 * home page must fit its screen with the sitting bar: no card there.
 * Takes effect at the next lh_soonest_card_set_person(). */
void       lh_soonest_card_set_on_pc  (LhSoonestCard  *self,
                                       gboolean        on_pc);

G_END_DECLS
