/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A request a ULR has called or has in hand, in full: the ticket, who,
 * the topic in plain words, how to reach them and their note; Start and
 * No-show, then, once started, the Finish form: the outcomes as toggle
 * buttons and an optional note for the learner's record (they read it
 * too). It sends those requests itself and says when the request is over
 * with "ended". */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-advice-types.h"

G_BEGIN_DECLS

#define LH_TYPE_DESK_REQUEST_VIEW (lh_desk_request_view_get_type ())
G_DECLARE_FINAL_TYPE (LhDeskRequestView, lh_desk_request_view, LH, DESK_REQUEST_VIEW, AdwBin)

GtkWidget           *lh_desk_request_view_new         (void);
void                 lh_desk_request_view_set_client  (LhDeskRequestView   *self,
                                                       LhClient            *client);
/* Shows request (copied): Start and No-show if called or booked, the
 * Finish form if started. */
void                 lh_desk_request_view_show        (LhDeskRequestView     *self,
                                                       const LhAdviceRequest *request);
/* (transfer none) (nullable) */
const LhAdviceRequest *lh_desk_request_view_get_request (LhDeskRequestView   *self);
/* Whether a request of its own is in flight. */
gboolean             lh_desk_request_view_is_busy     (LhDeskRequestView   *self);
void                 lh_desk_request_view_update_online (LhDeskRequestView *self,
                                                         gboolean           online);
/* Cancels what is in flight and forgets the request. */
void                 lh_desk_request_view_reset       (LhDeskRequestView   *self);

G_END_DECLS
