/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the scheduled checks on the admin's Equipment page: what a
 * check covers, when it is due, when it was last done, and refusals.
 * Whether a check is overdue or due soon is the daemon's word (its
 * "state"); the kiosk only counts the days to say it plainly. Functions
 * returning char * return a new string (transfer full). */
#pragma once

#include "lh-client-checks.h"

G_BEGIN_DECLS

/* "Covers LC-0501", "Covers every item of this kind: Computer",
 * "Covers the whole centre" */
char       *lh_check_format_covers     (const LhCheckInfo *check);
/* "Overdue since Monday 30 November", "Due in 9 days, Thursday 21
 * January", "Due today", "Due tomorrow, Friday 4 December". */
char       *lh_check_format_due        (const LhCheckInfo *check,
                                        GDateTime         *now);
/* "Last done 31 May 2026 by Grace Admin: passed. Rollers cleaned", or
 * "Not done yet". */
char       *lh_check_format_last_done  (const LhCheckInfo *check);
/* "Passed", "Failed" */
const char *lh_check_result_words      (const char        *result);
/* Told once it is recorded: "Printer service recorded. Next due …" */
char       *lh_check_format_done_toast (const LhCheckInfo *check);
/* Why it could not be recorded, from the problem's reason code. */
char       *lh_check_format_refusal    (const GError      *error);

G_END_DECLS
