/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The thank-you after a report at a PC that takes it out of order, in
 * plain words from what the daemon says it did (never more). */
#pragma once

#include "lh-client-faults.h"

G_BEGIN_DECLS

/* Returns: (transfer full) what became of the PC's bookings, for a report
 * with stops_use. */
char *lh_fault_format_out_of_order (const LhFaultReport *report);

G_END_DECLS
