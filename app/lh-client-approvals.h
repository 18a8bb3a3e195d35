/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the employer's contact point (an admin): the paid
 * time-off requests waiting for a decision, and approving or rejecting
 * one ("GET /api/v1/time-off/requests" and "POST
 * /api/v1/time-off/requests/{id}/approve|reject" in
 * data/api/learnhub-api.md). Every call is asynchronous; the daemon
 * refuses anyone but an admin (LH_CLIENT_ERROR_FORBIDDEN). */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

/* A paid time-off request as an admin sees it: who, the day and the
 * length. Never its hour, its kind of learning, nor its PC, group or
 * slot: joined with the public lists, those would tell the employer what
 * the worker needs to learn. */
typedef struct
{
  gint64     id;
  gint64     person_id;
  char      *person_name;        /* (owned) (nullable) the list's only */
  char      *staff_number;       /* (owned) (nullable) the list's only */
  char      *status;             /* (owned) pending, approved, rejected */
  char      *kind;               /* (owned) "learning" */
  GDateTime *day;                /* (owned) its local midnight, in the centre's zone */
  int        minutes;
  char      *decision_reason;    /* (owned) (nullable) */
} LhApproval;

LhApproval *lh_approval_copy      (const LhApproval *approval);
void        lh_approval_free      (LhApproval       *approval);
/* tz (nullable) is the zone times are converted to. */
LhApproval *lh_approval_from_json (JsonObject  *object,
                                   GTimeZone   *tz,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhApproval, lh_approval_free)

/* GET /api/v1/time-off/requests: every request waiting, by day.
 * Returns (transfer container) (element-type LhApproval). */
void        lh_client_list_approvals_async   (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray  *lh_client_list_approvals_finish  (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* POST /api/v1/time-off/requests/{id}/approve (reason nullable) or
 * /reject (reason required, 1 to 200 characters, which the learner
 * sees). A 409 means it is not waiting any more. Returns: (transfer
 * full) the request, decided. */
void        lh_client_decide_approval_async  (LhClient            *self,
                                              gint64               request_id,
                                              gboolean             approve,
                                              const char          *reason,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
LhApproval *lh_client_decide_approval_finish (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

G_END_DECLS
