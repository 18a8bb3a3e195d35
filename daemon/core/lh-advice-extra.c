/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice"

#include "lh-advice-extra.h"

#include "lh-people.h"

void
lh_ulr_free (LhUlr *ulr)
{
  g_free (ulr->name);
  g_free (ulr);
}

static gpointer
ulr_from_row (LhStmt *stmt)
{
  LhUlr *ulr = g_new0 (LhUlr, 1);

  ulr->id = sqlite3_column_int64 (stmt, 0);
  ulr->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return ulr;
}

GPtrArray *
lh_advice_list_ulrs (LhStore *store, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, "SELECT id, name FROM people WHERE roles & ?1 != 0 ORDER BY name, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, LH_ROLE_ULR);
  return lh_store_collect (store, stmt, ulr_from_row, (GDestroyNotify) lh_ulr_free, error);
}
