/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's audit log: what its admins, ULRs and committee did
 * over its history, as learnhubd would have recorded it. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

/* Run last, when everything they did is in the store. */
gboolean lh_demo_add_audit (LhStore  *store,
                            GError  **error);

G_END_DECLS
