/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The daemon's refusals in the kiosk's own words, from their reason code
 * and numbers (data/api/learnhub-api.md), never from its English detail. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns: (transfer full) (nullable) the words for @error's reason, or
 * NULL when it has no reason the kiosk knows. */
char *lh_refusal_words (const GError *error);

G_END_DECLS
