/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for recording who attended a committee meeting: the
 * committee's members ("GET /api/v1/committee/members") and the people
 * who came ("PATCH /api/v1/committee/meetings/{id}" with attendee_ids
 * and attendee_names). */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *name;  /* (owned) */
} LhCommitteeMember;

void lh_committee_member_free (LhCommitteeMember *member);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhCommitteeMember, lh_committee_member_free)

/* Returns (transfer container) (element-type LhCommitteeMember), by name. */
void       lh_client_list_committee_members_async  (LhClient            *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray *lh_client_list_committee_members_finish (LhClient      *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

/* member_ids (element-type gint64) (nullable): committee members who
 * attended; names (nullable): anyone else, by name. Added to those
 * recorded already (twice is once). Returns TRUE. */
void       lh_client_record_attendees_async        (LhClient            *self,
                                                    gint64               meeting_id,
                                                    GArray              *member_ids,
                                                    const char * const  *names,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean   lh_client_record_attendees_finish       (LhClient      *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

G_END_DECLS
