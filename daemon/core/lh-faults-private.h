/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the fault files of core, not part of its interface. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

/* lh-fault-report.c: sets the item's status, with no history row (the
 * caller writes the row that says why). */
gboolean lh_faults_set_item_status (LhStore     *store,
                                    gint64       item_id,
                                    const char  *status,
                                    GError     **error);

G_END_DECLS
