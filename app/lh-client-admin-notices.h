/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the admins' notices (GET /api/v1/admin-notices
 * and POST /api/v1/admin-notices/{id}/dismiss in
 * data/api/learnhub-api.md): a fault reported or overdue, a check due or
 * overdue. The _finish functions that return a pointer return (transfer
 * full), or NULL with an LH_CLIENT_ERROR. */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;
  char      *type;         /* (owned) "fault-reported", "fault-overdue", "check-due", "check-overdue" */
  char      *category;     /* (owned) (nullable) the fault's: "screen"… */
  GDateTime *reported_at;  /* (owned) (nullable) the fault's first report */
  char      *check_what;   /* (owned) (nullable) "Electrical safety test (PAT)" */
  GDateTime *due;          /* (owned) (nullable) the check's due day, at midnight */
  char      *asset_tag;    /* (owned) (nullable) */
  char      *kind;         /* (owned) (nullable) the item's, or the check's kind */
  char      *pc;           /* (owned) (nullable) "PC 3" */
} LhAdminNotice;

void       lh_admin_notice_free                (LhAdminNotice *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdminNotice, lh_admin_notice_free)

/* The open notices, newest first (element-type LhAdminNotice). */
void       lh_client_list_admin_notices_async  (LhClient            *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray *lh_client_list_admin_notices_finish (LhClient      *self,
                                                GAsyncResult  *result,
                                                GError       **error);

void       lh_client_dismiss_admin_notice_async  (LhClient            *self,
                                                  gint64               notice_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean   lh_client_dismiss_admin_notice_finish (LhClient      *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);

G_END_DECLS
