/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's equipment: an inventory imported when the centre
 * opened, with three months of its history (a chair broken and replaced,
 * a printer repaired, a monitor away for repair now). */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* The inventory, as of opened_at (when it was installed), with a computer for each PC of
 * pc_ids (in order: PC 1 first), and its changes up to now, made by the
 * centre's admin. */
gboolean lh_demo_add_equipment (LhStore        *store,
                                const LhCentre *centre,
                                GArray         *pc_ids,
                                gint64          opened_at,
                                gint64          now,
                                GError        **error);

/* Faults reported through the core's own calls, after the bookings so
 * that the PC out of order has had its bookings moved: one stopping a
 * PC's use now, one overdue on a headset, one on the printer repaired. */
gboolean lh_demo_add_faults    (LhStore        *store,
                                const LhCentre *centre,
                                gint64          now,
                                GError        **error);

/* lh-demo-checks.c: scheduled checks, one due soon, one overdue, two
 * done, and the admins' notices of them. */
gboolean lh_demo_add_checks    (LhStore        *store,
                                const LhCentre *centre,
                                gint64          now,
                                GError        **error);

G_END_DECLS
