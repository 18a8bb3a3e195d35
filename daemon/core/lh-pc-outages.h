/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When a PC was out of order over a period: the one rule for "out of
 * order" (lh-equipment-private.h) read back through its computers' status
 * history and its own faults, so that the committee's usage per PC does
 * not call a PC that could not be used "never used". */
#pragma once

#include "lh-bookings.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* The spans within [from, to) when PC resource_id was out of order
 * (element-type LhInterval), in order and apart. A fault still open
 * counts to `to`. It follows the computer that was the PC at each moment,
 * as its history records (history from before 0030 follows the link as it
 * was then: the current one). NULL with error if a read fails. */
GArray *lh_pc_outages (LhStore  *store,
                       gint64    resource_id,
                       gint64    from,
                       gint64    to,
                       GError  **error);

G_END_DECLS
