/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of Time off to approve, for the employer's contact point:
 * who asks, on which day, how long, and what happened; never at what
 * time nor for what learning (the daemon does not say). Whole sentences,
 * so that translators never glue words. Every function returns a new string (transfer full). */
#pragma once

#include "lh-client-approvals.h"

G_BEGIN_DECLS

/* The home page's button: "Time off to approve (3)"; pending < 0: not
 * known yet. */
char *lh_approval_format_home_button   (int pending);
/* Above the list: "3 requests are waiting for you." */
char *lh_approval_format_waiting       (guint n_waiting);
/* "Amira Khan, staff number 100001" */
char *lh_approval_format_who           (const LhApproval *approval);
/* "Paid time off for learning": every request is that to an admin. */
char *lh_approval_format_what          (const LhApproval *approval);
/* The icon beside it. */
const char *lh_approval_icon_name      (const LhApproval *approval);
/* "Tuesday 24 November" */
char *lh_approval_format_when          (const LhApproval *approval);
/* "1 hour 30 minutes" */
char *lh_approval_format_length        (const LhApproval *approval);
/* What a screen reader says for a request's buttons. */
char *lh_approval_format_approve_a11y  (const LhApproval *approval);
char *lh_approval_format_reject_a11y   (const LhApproval *approval);
/* The reject view's title and facts. */
char *lh_approval_format_reject_title  (const LhApproval *approval);
char *lh_approval_format_reject_facts  (const LhApproval *approval);
/* Told once it is done. */
char *lh_approval_format_approved      (const LhApproval *approval);
char *lh_approval_format_rejected      (const LhApproval *approval);
/* Why a decision could not be made, in plain words. */
char *lh_approval_format_refusal       (const GError     *error);
/* The reasons to tap, NULL-terminated, untranslated (translate each
 * with _()). */
const char * const *lh_approval_reasons (void);

G_END_DECLS
