/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for asking a union learning rep (ULR) for advice, as a
 * learner: drop-ins and appointment slots, a request and its ticket, and
 * the learner's own advice record (the "Advice from a union learning rep"
 * part of data/api/learnhub-api.md). */
#pragma once

#include "lh-advice-types.h"
#include "lh-client.h"

G_BEGIN_DECLS

/* What the learner chose, for POST /api/v1/advice-requests. */
typedef struct
{
  LhTopic     topic;
  gboolean    appointment;  /* a slot, else the drop-in queue */
  LhContact   contact;
  const char *contact_detail; /* (nullable) the number or address typed, as typed: the daemon checks it */
  const char *note;         /* (nullable) private to the learner and their ULRs */
  gint64      dropin_id;    /* 0: the daemon's choice (open now, else next today) */
  gint64      slot_id;      /* required for an appointment */
} LhAdvicePlan;

/* The drop-ins of the next 14 days, soonest first. Returns (transfer
 * container) (element-type LhDropin). */
void             lh_client_list_dropins_async          (LhClient            *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray       *lh_client_list_dropins_finish         (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* The ULRs' appointment slots of the next 14 days, soonest first.
 * Returns (transfer container) (element-type LhAdviceSlot). */
void             lh_client_list_advice_slots_async     (LhClient            *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray       *lh_client_list_advice_slots_finish    (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* Asks for advice. A 409 or 422 says why not in the error's message. */
void             lh_client_ask_advice_async            (LhClient            *self,
                                                        const LhAdvicePlan  *plan,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
/* Returns: (transfer full) the request, with its ticket in a queue. */
LhAdviceRequest *lh_client_ask_advice_finish           (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

void             lh_client_get_advice_request_async    (LhClient            *self,
                                                        gint64               request_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
/* Returns: (transfer full) */
LhAdviceRequest *lh_client_get_advice_request_finish   (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* Leaves the queue, or gives the appointment back. */
void             lh_client_withdraw_advice_async       (LhClient            *self,
                                                        gint64               request_id,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean         lh_client_withdraw_advice_finish      (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* GET /api/v1/me/record. Returns: (transfer full) */
void             lh_client_get_advice_record_async     (LhClient            *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
LhAdviceRecord  *lh_client_get_advice_record_finish    (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* The centre's ULRs. Returns (transfer container) (element-type LhUlr). */
void             lh_client_list_ulrs_async             (LhClient            *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray       *lh_client_list_ulrs_finish            (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* Shares the record with a ULR (share), or stops sharing it (!share). */
void             lh_client_share_record_async          (LhClient            *self,
                                                        gint64               ulr_id,
                                                        gboolean             share,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean         lh_client_share_record_finish         (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* Asks for the record to be deleted; one of the learner's ULRs confirms. */
void             lh_client_ask_record_deletion_async   (LhClient            *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean         lh_client_ask_record_deletion_finish  (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* Ticks a step of the learning plan done, or not. Returns: (transfer full) */
void             lh_client_set_plan_item_done_async    (LhClient            *self,
                                                        gint64               item_id,
                                                        gboolean             done,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
LhPlanItem      *lh_client_set_plan_item_done_finish   (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

G_END_DECLS
