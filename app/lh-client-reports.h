/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's call for the committee's reports: the standard site report
 * of a period (GET /api/v1/reports/site?from=&to=), as the daemon
 * computed and suppressed it; and the same report as a file to save. */
#pragma once

#include "lh-client.h"
#include "lh-site-report.h"

G_BEGIN_DECLS

/* first_day and last_day (included): "YYYY-MM-DD" in the centre's zone. */
void          lh_client_get_site_report_async  (LhClient            *self,
                                                const char          *first_day,
                                                const char          *last_day,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* Returns: (transfer full) lh_site_report_free() it. */
LhSiteReport *lh_client_get_site_report_finish (LhClient      *self,
                                                GAsyncResult  *result,
                                                GError       **error);

/* The report as the daemon writes it in format: "pdf", "csv" or "json". */
void          lh_client_get_site_report_file_async  (LhClient            *self,
                                                     const char          *first_day,
                                                     const char          *last_day,
                                                     const char          *format,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Returns: (transfer full) the file's bytes. */
GBytes       *lh_client_get_site_report_file_finish (LhClient      *self,
                                                     GAsyncResult  *result,
                                                     GError       **error);

G_END_DECLS
