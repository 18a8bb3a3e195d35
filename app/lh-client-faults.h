/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for "Something is broken" at the kiosk, without
 * signing in (POST /api/v1/faults in data/api/learnhub-api.md): the PCs
 * one can be reported for, and the report. The _finish functions that
 * return a pointer return (transfer full), or NULL with an
 * LH_CLIENT_ERROR. */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

/* A PC the desk kiosk can report. */
typedef struct
{
  gint64  id;
  char   *name;  /* (owned) "PC 3" */
} LhFaultPc;

/* What the daemon said to a report. */
typedef struct
{
  gboolean   joined;              /* someone had already reported it */
  gboolean   stops_use;           /* the PC is out of order now */
  int        bookings_moved;      /* moved to another PC by this report */
  int        bookings_cancelled;  /* cancelled by it: no other PC was free */
  GDateTime *moved_until;         /* (owned) (nullable) bookings before this moved
                                   * now; later ones move nearer their day */
} LhFaultReport;

void           lh_fault_pc_free                   (LhFaultPc *pc);
void           lh_fault_report_free               (LhFaultReport *report);

/* GET /api/v1/resources, the PCs only (element-type LhFaultPc). */
void           lh_client_list_fault_pcs_async     (LhClient            *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray     *lh_client_list_fault_pcs_finish    (LhClient      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* POST /api/v1/faults: category ("screen"…), note (nullable), and
 * resource_id the PC, or 0 for this PC's own kiosk's PC. */
void           lh_client_report_fault_async       (LhClient            *self,
                                                   const char          *category,
                                                   const char          *note,
                                                   gint64               resource_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
LhFaultReport *lh_client_report_fault_finish      (LhClient      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* POST /api/v1/me/notices/seen: the signed-in person was shown these
 * booking notices (element-type LhBookingNotice), so the daemon tells them
 * no more. Sent and forgotten: if it fails they are told again at the
 * next sign-in, which is better than never. */
void           lh_client_booking_notices_shown    (LhClient  *self,
                                                   GPtrArray *notices);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhFaultPc, lh_fault_pc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhFaultReport, lh_fault_report_free)

G_END_DECLS
