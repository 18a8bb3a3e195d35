/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What fault reporting keeps about people, and for how long. A report's
 * note, with its kiosk and time, can be joined with the sessions at that
 * kiosk to name who wrote it; a learner's notice that their booking moved
 * says where they were to be and when they signed in. Neither is kept
 * longer than it is of use. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

/* A fault's report notes are blanked this many days after its repair:
 * time enough for the admin to look back at a fault that comes again. */
#define LH_FAULT_NOTES_KEEP_DAYS 30
/* Rows changed at most per call, so that one call holds the store briefly;
 * the next call takes the rest. */
#define LH_FAULT_RETENTION_BATCH 500

/* Blanks the notes of the reports of faults repaired more than
 * LH_FAULT_NOTES_KEEP_DAYS before now, and deletes the learners' notices
 * that were seen or whose booking has ended. *out_n_changed counts the
 * rows blanked or deleted. */
gboolean lh_faults_forget (LhStore  *store,
                           gint64    now,
                           guint    *out_n_changed,
                           GError  **error);

G_END_DECLS
