/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Group commit: the changes asked for together share one transaction, and
 * so one fsync, each still answered only once it is on disk. */
#pragma once

#include "lh-event-hub.h"
#include "lh-housekeeper.h"
#include "lh-routes.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef struct _LhBatch LhBatch;

LhBatch *lh_batch_new  (LhStore       *store,
                        LhEventHub    *events,
                        LhHousekeeper *housekeeper);
void     lh_batch_free (LhBatch       *self);

/* Holds the request's answer and runs route's handler with the others that
 * came in the same turn of the main loop, inside one BEGIN IMMEDIATE … COMMIT
 * (each handler's own transaction is a savepoint of it, so one refusal
 * undoes nothing of another). Answers, and the events the handlers
 * published, go out after the COMMIT; if it fails, every answer of the
 * group is a 503 and its events are dropped. handler must answer before it
 * returns. A change an admin, ULR or committee member made goes in the
 * audit log in the same transaction (lh-audit-routes.h). */
void     lh_batch_add  (LhBatch        *self,
                        LhRequest      *request,
                        const LhRoute  *route);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhBatch, lh_batch_free)

G_END_DECLS
