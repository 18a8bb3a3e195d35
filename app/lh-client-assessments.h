/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for skills assessment slots (the routes under
 * /api/v1/assessment-slots of data/api/learnhub-api.md). */
#pragma once

#include "lh-assessment-slot.h"
#include "lh-client.h"

G_BEGIN_DECLS

/* The slots of the next 14 days (the daemon's default), soonest first;
 * slots of a subject the kiosk does not know are left out. Returns
 * (transfer container) (element-type LhAssessmentSlot). */
void              lh_client_list_assessment_slots_async   (LhClient            *self,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
GPtrArray        *lh_client_list_assessment_slots_finish  (LhClient      *self,
                                                           GAsyncResult  *result,
                                                           GError       **error);

/* Gives the person's slot back, free for others. */
void              lh_client_give_back_assessment_slot_async  (LhClient            *self,
                                                              gint64               slot_id,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean          lh_client_give_back_assessment_slot_finish (LhClient      *self,
                                                              GAsyncResult  *result,
                                                              GError       **error);

G_END_DECLS
