/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A chart's figures and what it shows, in words: for its numbers view
 * and for a screen reader; the titles of the report's tables. */
#pragma once

#include <glib.h>

#include "lh-site-report.h"

G_BEGIN_DECLS

/* A table's or list's title in the kiosk's language, by its stable id;
 * fallback (the daemon's English title) for an id it does not know yet.
 * (transfer none) */
const char *lh_chart_title_words (const char *id,
                                  const char *fallback);
/* "120 minutes", "12 people", or "Not shown" for a suppressed figure,
 * whatever came beside it. (transfer full) */
/* A list's heading, and a field in it, in words (the daemon's are in
 * English, or codes); fallback or field when the kiosk has none. */
const char *lh_chart_heading_words (const char *list_id,
                                    guint       index,
                                    const char *fallback);
const char *lh_chart_field_words   (const char *list_id,
                                    guint       index,
                                    const char *field);
/* Minutes as hours to a tenth, "396.9", for a chart's axis. */
char *lh_chart_format_hours (gint64 minutes);

char *lh_chart_format_figure (const LhSiteTable  *table,
                              const LhSiteFigure *figure);
/* "Line chart: TITLE. Series: …. From … to …. Highest: …. N figures not
 * shown, to protect privacy." The highest is the largest published
 * figure. (transfer full) */
char *lh_chart_describe      (const LhSiteTable *table,
                              guint              n_hidden);

G_END_DECLS
