/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site report's rows and columns in the kiosk's words: the daemon
 * labels them in English, by stable keys (data/report/README.md), so the
 * kiosk words the fixed ones itself; names the centre chose (PCs,
 * departments, ULRs) stay as given. */
#pragma once

#include <glib.h>

#include "lh-site-report.h"

G_BEGIN_DECLS

/* The words for a row's (row TRUE) or column's key of the table table_id:
 * a week's Monday as "Week of 6 July", an hour as the kiosk's clock, a
 * fixed key by its words; fallback (the daemon's label) for a key the
 * kiosk does not know. (transfer full) */
char     *lh_chart_key_words   (const char *table_id,
                                gboolean    row,
                                const char *key,
                                const char *fallback);
/* Whether the kiosk has its own words for that key (for the tests). */
gboolean  lh_chart_key_known   (const char *table_id,
                                gboolean    row,
                                const char *key);
/* Whether the table's rows (or columns) are names the centre chose. */
gboolean  lh_chart_axis_named  (const char *table_id,
                                gboolean    row);
/* Every table's row and column labels in the kiosk's words, in place. */
void      lh_chart_keys_relabel (LhSiteReport *report);

G_END_DECLS
