/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the joint learning committee: its next meeting
 * ("GET /api/v1/committee/meetings" in data/api/learnhub-api.md). The
 * daemon refuses anyone but the committee and the admins
 * (LH_CLIENT_ERROR_FORBIDDEN). */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean   planned;    /* FALSE: no meeting is planned (the rest unset) */
  gint64     id;
  GDateTime *starts_at;  /* (owned) in the centre's zone */
  char      *place;      /* (owned) */
} LhNextMeeting;

void lh_next_meeting_free (LhNextMeeting *meeting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhNextMeeting, lh_next_meeting_free)

/* The committee's next meeting, from now on. Returns (transfer full). */
void           lh_client_next_meeting_async  (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
LhNextMeeting *lh_client_next_meeting_finish (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

G_END_DECLS
