/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the admin's scheduled checks: the list, soonest
 * due first, and a check recorded as done. */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;
  char      *what;         /* (owned) "Printer service" */
  char      *asset_tag;    /* (owned) (nullable) the item checked */
  char      *kind;         /* (owned) (nullable) or every item of that kind; neither: the centre */
  GDate     *next_due;     /* (owned) (nullable) */
  char      *state;        /* (owned) "overdue", "due-soon", "later", as the daemon judges */
  GDateTime *done_at;      /* (owned) (nullable) never done yet */
  char      *done_result;  /* (owned) (nullable) "passed", "failed" */
  char      *done_by;      /* (owned) (nullable) */
  char      *done_note;    /* (owned) (nullable) */
} LhCheckInfo;

void         lh_check_info_free            (LhCheckInfo       *check);
LhCheckInfo *lh_check_info_copy            (const LhCheckInfo *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhCheckInfo, lh_check_info_free)

void         lh_client_list_checks_async   (LhClient            *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* (element-type LhCheckInfo) */
GPtrArray   *lh_client_list_checks_finish  (LhClient      *self,
                                            GAsyncResult  *result,
                                            GError       **error);

/* result is "passed" or "failed"; note (nullable) one short line. */
void         lh_client_check_done_async    (LhClient            *self,
                                            gint64               check_id,
                                            const char          *result,
                                            const char          *note,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
/* The check with its new next_due and last_done. */
LhCheckInfo *lh_client_check_done_finish   (LhClient      *self,
                                            GAsyncResult  *result,
                                            GError       **error);

G_END_DECLS
