/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults open longer than the terms in force allow: when the next one
 * falls overdue, for the housekeeper's timer, and each told to the
 * admins once, as a notice kept until seen or repaired. */
#define G_LOG_DOMAIN "lh-faults"

#include "lh-faults.h"

#include "lh-admin-notices.h"
#include "lh-terms.h"

#define DAY ((gint64) 24 * 3600)

static gboolean
days_allowed (LhStore *store, gint64 now, gint64 *out_seconds, GError **error)
{
  g_auto(LhTerms) terms = { 0 };

  if (!lh_terms_at (store, now, &terms, error))
    return FALSE;
  *out_seconds = terms.fault_days_at_most * DAY;
  return TRUE;
}

gboolean
lh_faults_next_overdue (LhStore *store, gint64 now, gint64 *out_at, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gint64 allowed;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  *out_at = 0;
  /* The oldest open fault not told yet: the first of the open-faults
   * index, however long the history of repaired ones. */
  stmt = lh_store_prepare (store,
                           "SELECT reported_at FROM faults WHERE repaired_at IS NULL AND overdue_told_at IS NULL "
                           "ORDER BY reported_at LIMIT 1", error);
  if (stmt == NULL || !days_allowed (store, now, &allowed, error) || !lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    *out_at = sqlite3_column_int64 (stmt, 0) + allowed;
  return TRUE;
}

GPtrArray *
lh_faults_take_newly_overdue (LhStore *store, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) newly = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_free);

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = lh_store_begin (store, error);
  overdue = tx != NULL ? lh_faults_list_overdue (store, now, error) : NULL;
  if (overdue == NULL)
    return NULL;
  for (guint i = 0; i < overdue->len; i++)
    {
      LhFault *fault = g_ptr_array_index (overdue, i);
      g_autoptr(LhStmt) told = lh_store_prepare (store,
                                                 "UPDATE faults SET overdue_told_at = ?2 "
                                                 "WHERE id = ?1 AND overdue_told_at IS NULL", error);
      gboolean raised;

      if (told == NULL)
        return NULL;
      sqlite3_bind_int64 (told, 1, fault->id);
      sqlite3_bind_int64 (told, 2, now);
      if (!lh_store_exec (store, told, error))
        return NULL;
      if (lh_store_changes (store) == 0)
        continue;
      if (!lh_admin_notices_raise_fault (store, fault->id, "fault-overdue", now, &raised, error))
        return NULL;
      g_ptr_array_add (newly, g_ptr_array_steal_index (overdue, i--));
    }
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&newly);
}
