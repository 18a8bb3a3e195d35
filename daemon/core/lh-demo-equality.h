/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's equality figures: the depot's workforce make-up, as a
 * roster import with equality columns would leave it, and the answers of
 * the learners who chose to declare. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* The make-up of a workforce of 240, and answers from about three in four
 * of learner_ids (some preferring not to say, some skipping questions).
 * Without the notes key (centre->note_key NULL) only the make-up. */
gboolean lh_demo_add_equality (LhStore        *store,
                               const LhCentre *centre,
                               GArray         *learner_ids,
                               GError        **error);

G_END_DECLS
