/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for a union learning rep's desk and the queue display
 * ("Advice from a union learning rep" in data/api/learnhub-api.md):
 * drop-ins, the queue, the requests a ULR takes, their facility time and
 * a learner's record. Every call is asynchronous; the _finish functions
 * that return a pointer return (transfer full), or NULL with an
 * LH_CLIENT_ERROR whose message says why in plain words. */
#pragma once

#include "lh-advice-types.h"
#include "lh-client.h"
#include "lh-desk-types.h"

G_BEGIN_DECLS

/* What a ULR records at the end of a conversation. */
typedef struct
{
  const char * const *outcomes;  /* e.g. "signposted-course"; at least one */
  const char         *note;      /* (nullable) private, up to 2,000 characters */
} LhFinishPlan;

/* One ULR of a drop-in being opened. */
typedef struct
{
  gint64      id;
  const char *desk;          /* "Desk 1" */
  int         alert_length;  /* -1: the daemon's default */
} LhDeskChoice;

/* The drop-ins with their ULRs and desks are
 * lh_client_list_dropins_async(), the ULRs lh_client_list_ulrs_async()
 * and a request lh_client_get_advice_request_async(), of
 * lh-client-advice.h. */

/* POST /api/v1/dropins: choices (element-type LhDeskChoice, n_choices of
 * them; none: the person signed in at Desk 1). */
void       lh_client_open_dropin_async       (LhClient *self, const char *place,
                                              GDateTime *start, GDateTime *end,
                                              const LhDeskChoice *choices, guint n_choices,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
LhDropin  *lh_client_open_dropin_finish       (LhClient *self, GAsyncResult *result, GError **error);

/* POST /api/v1/dropins/{id}/close */
void       lh_client_close_dropin_async      (LhClient *self, gint64 dropin_id, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_close_dropin_finish     (LhClient *self, GAsyncResult *result, GError **error);
void       lh_client_dropin_here_async       (LhClient *self, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_dropin_here_finish      (LhClient *self, GAsyncResult *result, GError **error);

/* POST /api/v1/dropins/{id}/alert: 0 for never. */
void       lh_client_set_queue_alert_async   (LhClient *self, gint64 dropin_id, int queue_length,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_set_queue_alert_finish  (LhClient *self, GAsyncResult *result, GError **error);

/* GET /api/v1/queue, with the session if signed in, else the device
 * token: numbers and desks only. Returns (element-type LhQueue). */
void       lh_client_get_queues_async        (LhClient *self, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *lh_client_get_queues_finish       (LhClient *self, GAsyncResult *result, GError **error);

/* POST /api/v1/queue/next: the next ticket of the drop-in, in full. */
void             lh_client_call_next_async    (LhClient *self, gint64 dropin_id, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
LhAdviceRequest *lh_client_call_next_finish   (LhClient *self, GAsyncResult *result, GError **error);

/* POST /api/v1/advice-requests/{id}/start and /no-show */
void       lh_client_start_request_async     (LhClient *self, gint64 request_id, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_start_request_finish    (LhClient *self, GAsyncResult *result, GError **error);
void       lh_client_no_show_async           (LhClient *self, gint64 request_id, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_no_show_finish          (LhClient *self, GAsyncResult *result, GError **error);

/* POST /api/v1/advice-requests/{id}/finish */
void       lh_client_finish_request_async    (LhClient *self, gint64 request_id, const LhFinishPlan *plan,
                                              GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_finish_request_finish   (LhClient *self, GAsyncResult *result, GError **error);

/* GET /api/v1/ulr/requests */
void       lh_client_get_ulr_work_async      (LhClient *self, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
LhUlrWork *lh_client_get_ulr_work_finish     (LhClient *self, GAsyncResult *result, GError **error);

/* POST /api/v1/learners/{id}/record/deletion */
void       lh_client_confirm_deletion_async  (LhClient *self, gint64 learner_id, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_confirm_deletion_finish (LhClient *self, GAsyncResult *result, GError **error);

/* GET /api/v1/me/facility-time (this week) */
void              lh_client_get_facility_time_async  (LhClient *self, GCancellable *cancellable,
                                                      GAsyncReadyCallback callback, gpointer user_data);
LhFacilityReport *lh_client_get_facility_time_finish (LhClient *self, GAsyncResult *result, GError **error);

/* POST /api/v1/me/facility-time: activity training, meeting, promotion
 * or other; note nullable. */
void       lh_client_add_facility_time_async  (LhClient *self, const char *activity, GDateTime *start,
                                               int minutes, const char *note, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_add_facility_time_finish (LhClient *self, GAsyncResult *result, GError **error);

/* GET /api/v1/learners/{id}/record, parsed as the learner's own. */
void            lh_client_get_learner_record_async  (LhClient *self, gint64 learner_id,
                                                     GCancellable *cancellable,
                                                     GAsyncReadyCallback callback, gpointer user_data);
LhAdviceRecord *lh_client_get_learner_record_finish (LhClient *self, GAsyncResult *result, GError **error);

/* POST /api/v1/learners/{id}/notes (request_id 0: none), /plan-items
 * (goal_id 0: a goal; due nullable "YYYY-MM-DD"), /mots (held now;
 * next_due nullable "YYYY-MM-DD": the daemon's a year on). Ticking a plan
 * item done is lh_client_set_plan_item_done_async() of lh-client-advice.h. */
void       lh_client_add_note_async          (LhClient *self, gint64 learner_id, const char *text,
                                              gint64 request_id, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_add_note_finish         (LhClient *self, GAsyncResult *result, GError **error);
void       lh_client_add_plan_item_async     (LhClient *self, gint64 learner_id, const char *text,
                                              const char *due, gint64 goal_id, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_add_plan_item_finish    (LhClient *self, GAsyncResult *result, GError **error);
void       lh_client_add_mot_async           (LhClient *self, gint64 learner_id, const char *summary,
                                              const char *next_due, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
gboolean   lh_client_add_mot_finish          (LhClient *self, GAsyncResult *result, GError **error);

G_END_DECLS
