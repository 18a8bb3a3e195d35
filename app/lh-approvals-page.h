/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time off to approve, for the employer's contact point (an admin): the
 * paid time-off requests waiting for a decision, each with who asks, for
 * what, when, how long and what they have left, and big Approve and
 * Reject buttons; rejecting asks for a reason, by tapping or typing,
 * which the learner sees. The list follows `time-off-requests-changed`
 * by itself, and so does the count on the home page (`pending`). */
#pragma once

#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_APPROVALS_PAGE (lh_approvals_page_get_type ())
G_DECLARE_FINAL_TYPE (LhApprovalsPage, lh_approvals_page, LH, APPROVALS_PAGE, LhPage)

/* Whether the person may approve time off (an admin who is not a guest);
 * the page is never opened for anyone else. */
gboolean lh_approvals_page_is_for      (const LhPerson  *person);
/* Opens the page afresh: the list, loaded. */
void     lh_approvals_page_load        (LhApprovalsPage *self);
/* Asks how many requests wait, if the person signed in is for the page
 * (at sign-in; the event stream keeps it up to date from then on). */
void     lh_approvals_page_count       (LhApprovalsPage *self);
/* How many requests wait, or -1 when not known (signed out, not an
 * admin, not asked yet). Notified as `pending`. */
int      lh_approvals_page_get_pending (LhApprovalsPage *self);
void     lh_approvals_page_reset       (LhApprovalsPage *self);
/* Back within the page: TRUE if it went back a step itself. */
gboolean lh_approvals_page_go_back     (LhApprovalsPage *self);

G_END_DECLS
