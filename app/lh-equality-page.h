/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "About you (optional)": a learner's own equality answers, private, each
 * question a short group of toggles that may all be left off, with
 * "Prefer not to say"; Save, and Remove my answers (after a question).
 * The questions and their groups come from the daemon; the page words
 * them (lh-equality-words.h). */
#pragma once

#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_EQUALITY_PAGE (lh_equality_page_get_type ())
G_DECLARE_FINAL_TYPE (LhEqualityPage, lh_equality_page, LH, EQUALITY_PAGE, LhPage)

void     lh_equality_page_load    (LhEqualityPage *self);
void     lh_equality_page_reset   (LhEqualityPage *self);
/* Back within the page: TRUE if it went back a step itself. */
gboolean lh_equality_page_go_back (LhEqualityPage *self);

G_END_DECLS
