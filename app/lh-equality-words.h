/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The equality questions and their answers in the learner's words: the
 * daemon sends keys ("age-band", "25-34"), the kiosk words them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "How old are you?"; a factor the kiosk does not know is asked by its
 * key. */
const char *lh_equality_question_words (const char *factor);
/* "25 to 34"; a group the kiosk does not know is shown by its key. */
const char *lh_equality_group_words    (const char *factor,
                                        const char *group);

G_END_DECLS
