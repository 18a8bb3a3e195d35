/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for paid time off for learning: the person's balance
 * (GET /api/v1/me/time-off), and booking a PC, a group place or a skills
 * check as work time (paid) or in the person's own time. */
#pragma once

#include "lh-assessment-slot.h"
#include "lh-client.h"
#include "lh-time-off-types.h"

G_BEGIN_DECLS

/* The balance in the agreement year that holds date ("YYYY-MM-DD" in
 * the centre's zone; nullable: today). The daemon tells each decision on
 * a request once, to whichever call asks first: they are kept on the
 * client as well, until lh_client_take_time_off_decisions(). */
void              lh_client_get_my_time_off_async     (LhClient            *self,
                                                       const char          *date,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
LhTimeOffBalance *lh_client_get_my_time_off_finish    (LhClient      *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);
/* The decisions heard since the last take, for the person signed in,
 * oldest first, each once. Returns: (transfer full) (element-type
 * LhTimeOff) */
GPtrArray        *lh_client_take_time_off_decisions   (LhClient *self);

/* POST /api/v1/bookings with "paid". A refusal of paid time is a
 * LH_CLIENT_ERROR_CONFLICT whose message is the daemon's plain words. */
void              lh_client_book_paid_async           (LhClient            *self,
                                                       gint64               resource_id,
                                                       GDateTime           *start,
                                                       GDateTime           *end,
                                                       gboolean             paid,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* Returns: (transfer full) the new booking, with its time_off. */
LhBooking        *lh_client_book_paid_finish          (LhClient      *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

/* A place, or the waiting list when it is full, with {"paid": …}. */
void              lh_client_join_group_paid_async     (LhClient            *self,
                                                       gint64               session_id,
                                                       gboolean             paid,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
/* Returns: (transfer full) lh_group_place_free() it. */
LhGroupPlace     *lh_client_join_group_paid_finish    (LhClient      *self,
                                                       GAsyncResult  *result,
                                                       GError       **error);

/* Books the skills check with {"paid": …}. */
void              lh_client_book_assessment_paid_async  (LhClient            *self,
                                                         gint64               slot_id,
                                                         gboolean             paid,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
/* Returns: (transfer full) the slot, now `mine`, with its time_off. */
LhAssessmentSlot *lh_client_book_assessment_paid_finish (LhClient      *self,
                                                         GAsyncResult  *result,
                                                         GError       **error);

G_END_DECLS
