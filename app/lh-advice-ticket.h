/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhAdviceTicket: the person's open advice request, big and plain: a
 * ticket number and their place in the queue with the wait and the
 * place, or the day, time, ULR and place of an appointment; "please go to
 * Desk 1" once they are called; and a way to leave the queue or give the
 * time back, asked Yes or No first ("withdraw" on Yes). */
#pragma once

#include <gtk/gtk.h>

#include "lh-advice-types.h"

G_BEGIN_DECLS

#define LH_TYPE_ADVICE_TICKET (lh_advice_ticket_get_type ())
G_DECLARE_FINAL_TYPE (LhAdviceTicket, lh_advice_ticket, LH, ADVICE_TICKET, GtkBox)

/* Shows request (nullable: nothing); now is for "Today". */
void       lh_advice_ticket_set_request  (LhAdviceTicket        *self,
                                          const LhAdviceRequest *request,
                                          GDateTime             *now);
/* The request that was shown, or NULL. (transfer none) */
const LhAdviceRequest *lh_advice_ticket_get_request (LhAdviceTicket *self);
/* While withdrawing is in flight: its button busy, the others off. */
void       lh_advice_ticket_set_busy     (LhAdviceTicket *self,
                                          gboolean        busy);
/* Offline: nothing can be withdrawn. */
void       lh_advice_ticket_set_online   (LhAdviceTicket *self,
                                          gboolean        online);
/* Whether it asks "Leave the queue?" now. */
gboolean   lh_advice_ticket_is_asking    (LhAdviceTicket *self);

G_END_DECLS
