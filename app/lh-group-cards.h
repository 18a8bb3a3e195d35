/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The cards of Join a group: a card per group study session saying when
 * and where, how full it is and where the person stands, in words and
 * with icons, and what they can do (take a place or join the waiting
 * list; give it up, asked Yes or No first). A card's buttons carry the
 * session (unowned) as LH_GROUP_SESSION_KEY and, for giving one up, the
 * card's GtkStack ("actions" or "ask") as LH_GROUP_ASK_KEY. */
#pragma once

#include <gtk/gtk.h>

#include "lh-types.h"

G_BEGIN_DECLS

#define LH_GROUP_SESSION_KEY "lh-group-session"
#define LH_GROUP_ASK_KEY     "lh-ask-stack"

/* Each is connected to "clicked" of its buttons, with user_data. */
typedef struct
{
  GCallback take;       /* Take a place, or Join the waiting list */
  GCallback give_up;    /* Give up my place, or Leave the waiting list */
  GCallback keep;       /* No */
  GCallback yes;        /* Yes, give it up */
  gpointer  user_data;
} LhGroupCardCallbacks;

/* session must outlive the card. */
GtkWidget *lh_group_card_new        (LhGroupSession             *session,
                                     const LhGroupCardCallbacks *callbacks);
/* Whether a card inside parent asks "Give up your place?" now. */
gboolean   lh_group_cards_asking    (GtkWidget *parent);

/* "Maths together on Wednesday 25 November, 13:00 to 15:00" */
char      *lh_format_group_session  (const LhGroupSession *session);
/* "3 places left", "Full — 2 waiting" */
char      *lh_group_format_fullness (const LhGroupSession *session);

G_END_DECLS
