/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the advice API needs beside lh-advice*.h: the centre's ULRs. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *name;  /* (owned) */
} LhUlr;

void       lh_ulr_free           (LhUlr    *ulr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhUlr, lh_ulr_free)

/* Everyone with the ULR role, by name. */
GPtrArray *lh_advice_list_ulrs   (LhStore  *store,
                                  GError  **error);

G_END_DECLS
