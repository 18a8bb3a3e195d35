/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dashboard's "Save the report" row: one large button per format the
 * daemon writes the site report in (PDF to print and table, CSV for a
 * spreadsheet, JSON the standard site report sent to the national
 * committee). A tap fetches the file from the daemon and saves it in the
 * Documents folder of the kiosk's account, then says its name in a toast:
 * no file chooser to find one's way through at a touch screen. */
#pragma once

#include <gtk/gtk.h>

#include "lh-client.h"

G_BEGIN_DECLS

#define LH_TYPE_REPORT_EXPORT (lh_report_export_get_type ())
G_DECLARE_FINAL_TYPE (LhReportExport, lh_report_export, LH, REPORT_EXPORT, GtkBox)

GtkWidget *lh_report_export_new        (void);
/* The period whose report the buttons save (days "YYYY-MM-DD", both
 * included), through client; NULL days: nothing to save yet (the buttons
 * are off). */
void       lh_report_export_set_period (LhReportExport *self,
                                        LhClient       *client,
                                        const char     *first_day,
                                        const char     *last_day);
void       lh_report_export_set_online (LhReportExport *self,
                                        gboolean        online);
/* Stops a save under way (a sign-out). */
void       lh_report_export_cancel     (LhReportExport *self);

G_END_DECLS
