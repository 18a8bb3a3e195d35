/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-fault-retention.h"

#define SECONDS_PER_DAY (24 * (gint64) 60 * 60)

static gboolean
exec_two (LhStore *store, const char *sql, gint64 a, gint64 b, guint *out_n_changed, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (!lh_store_exec (store, stmt, error))
    return FALSE;
  *out_n_changed += (guint) lh_store_changes (store);
  return TRUE;
}

gboolean
lh_faults_forget (LhStore *store, gint64 now, guint *out_n_changed, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  guint n_changed = 0;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  /* Through the index of the reports that still have a note: blanked
   * ones leave it, so it holds only recent faults' notes. */
  if (!exec_two (store,
                 "UPDATE fault_reports SET note = '' WHERE id IN ("
                 "  SELECT r.id FROM fault_reports r INDEXED BY fault_reports_noted "
                 "  JOIN faults f ON f.id = r.fault_id "
                 "  WHERE r.note <> '' AND f.repaired_at < ?1 LIMIT ?2)",
                 now - LH_FAULT_NOTES_KEEP_DAYS * SECONDS_PER_DAY, LH_FAULT_RETENTION_BATCH, &n_changed, error))
    return FALSE;
  /* The table holds only notices still to be told, as this deletes the
   * rest: a seen notice has been told, and one whose booking has ended
   * has nothing left to tell. */
  if (!exec_two (store,
                 "DELETE FROM fault_notices WHERE id IN ("
                 "  SELECT n.id FROM fault_notices n JOIN bookings b ON b.id = n.booking_id "
                 "  WHERE n.seen_at IS NOT NULL OR b.end_at <= ?1 LIMIT ?2)",
                 now, LH_FAULT_RETENTION_BATCH, &n_changed, error))
    return FALSE;
  if (!lh_transaction_commit (tx, error))
    return FALSE;
  if (out_n_changed != NULL)
    *out_n_changed = n_changed;
  return TRUE;
}
