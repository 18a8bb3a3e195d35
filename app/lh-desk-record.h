/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's record as one of their ULRs sees it at the desk (GET
 * /api/v1/learners/{id}/record): the learning plan, goals with their
 * steps, each ticked done by a tap; the notes; the learning MOTs. From it
 * the ULR adds a note (the learner reads it too), a goal or a step, or a
 * learning MOT (each on an LhDeskRecordForm of its own), and the record
 * loads again after each. "back" asks to leave the record. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"

G_BEGIN_DECLS

#define LH_TYPE_DESK_RECORD (lh_desk_record_get_type ())
G_DECLARE_FINAL_TYPE (LhDeskRecord, lh_desk_record, LH, DESK_RECORD, AdwBin)

GtkWidget *lh_desk_record_new           (void);
void       lh_desk_record_set_client    (LhDeskRecord *self,
                                         LhClient     *client);
/* Loads and shows this learner's record; request_id (0: none) is the
 * request a note is about. */
void       lh_desk_record_show          (LhDeskRecord *self,
                                         gint64        learner_id,
                                         const char   *learner,
                                         gint64        request_id);
/* A change is in flight. */
gboolean   lh_desk_record_is_busy       (LhDeskRecord *self);
void       lh_desk_record_update_online (LhDeskRecord *self,
                                         gboolean      online);
/* From a form back to the record: TRUE if it went back itself. */
gboolean   lh_desk_record_go_back       (LhDeskRecord *self);
/* Forgets the record and cancels its requests. */
void       lh_desk_record_reset         (LhDeskRecord *self);

G_END_DECLS
