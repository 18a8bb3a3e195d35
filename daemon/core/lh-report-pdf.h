/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's report as the PDF it tables at a meeting. */
#pragma once

#include "lh-report.h"

G_BEGIN_DECLS

/* Writes report (suppressed already) to path as A4 pages: a cover with
 * the site, the period, the day it was made and what is not shown; then
 * each section with its heading, each table's chart and a short table,
 * and its lists. A figure suppressed is never written, only "Not shown".
 * The file is replaced whole or not at all. */
gboolean lh_report_write_pdf (const LhReport  *report,
                              const char      *path,
                              GError         **error);

/* The same PDF in memory, for the API to send. */
GBytes  *lh_report_to_pdf    (const LhReport  *report,
                              GError         **error);

G_END_DECLS
