/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the pages that book with a work-time-or-own-time question (a
 * computer, a group, an assessment) do alike when the booking fails:
 * first ask the question whether it refused the paid time. */
#pragma once

#include "lh-page.h"
#include "lh-time-choice.h"

G_BEGIN_DECLS

/* The page's own handling of a failure that did not refuse paid time. */
typedef void (*LhPaidFailedFunc) (LhPage       *page,
                                  const GError *error);

/* page's paid request, run with *cancellable (owned by the page), failed
 * with error. The page stays busy while choice checks for a refusal of
 * the paid time (shown by choice if so); then *cancellable is cleared,
 * the confirm ended and, if it was no such refusal, failed called with
 * the request's error. Nothing happens once *cancellable is cancelled. */
void  lh_page_check_paid_failure  (LhPage           *page,
                                   LhTimeChoice     *choice,
                                   GCancellable    **cancellable,
                                   const GError     *error,
                                   LhPaidFailedFunc  failed);

G_END_DECLS
