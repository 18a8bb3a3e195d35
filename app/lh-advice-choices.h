/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The big buttons of asking a ULR for advice: a tile per topic and per
 * way to be reached (an icon and plain words, the choice as the object
 * data LH_ADVICE_CHOICE_KEY, the value + 1), and a button per free
 * appointment slot (its LhAdviceSlot, unowned, as LH_ADVICE_SLOT_KEY). */
#pragma once

#include <gtk/gtk.h>

#include "lh-advice-types.h"

G_BEGIN_DECLS

#define LH_ADVICE_CHOICE_KEY "lh-advice-choice"
#define LH_ADVICE_SLOT_KEY   "lh-advice-slot"

GtkWidget *lh_advice_topic_tile_new   (LhTopic       topic);
GtkWidget *lh_advice_contact_tile_new (LhContact     contact);
/* "Tomorrow 10:00 to 10:30" over "With Dev Patel, Quiet room"; now is
 * for "Today". */
GtkWidget *lh_advice_slot_button_new  (LhAdviceSlot *slot,
                                       GDateTime    *now);
/* The choice a tile carries, or -1. */
int        lh_advice_choice_get       (GtkWidget    *tile);

G_END_DECLS
