/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-admin-notices"

#include "lh-admin-notices.h"

#include "lh-error.h"
#include "lh-people.h"

void
lh_admin_notice_free (LhAdminNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->what);
  g_free (notice->category);
  g_free (notice->check_what);
  g_free (notice->asset_tag);
  g_free (notice->kind);
  g_free (notice->pc_name);
  g_free (notice);
}

static gboolean
exec_two (LhStore *store, const char *sql, gint64 first, gint64 second, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  return lh_store_exec (store, stmt, error);
}

gboolean
lh_admin_notices_raise_fault (LhStore *store, gint64 fault_id, const char *what, gint64 now, gboolean *out_raised,
                              GError **error)
{
  g_autoptr(LhStmt) insert = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_str_equal (what, "fault-reported") || g_str_equal (what, "fault-overdue"), FALSE);

  *out_raised = FALSE;
  /* Once per fault and kind of notice, even after it was dismissed. */
  insert = lh_store_prepare (store,
                             "INSERT OR IGNORE INTO admin_notices (what, fault_id, created_at) VALUES (?1, ?2, ?3)",
                             error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, what, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, fault_id);
  sqlite3_bind_int64 (insert, 3, now);
  if (!lh_store_exec (store, insert, error))
    return FALSE;
  *out_raised = lh_store_changes (store) > 0;
  if (*out_raised && g_str_equal (what, "fault-overdue"))
    return exec_two (store,
                     "UPDATE admin_notices SET cleared_at = ?2 "
                     "WHERE fault_id = ?1 AND what = 'fault-reported' AND cleared_at IS NULL", fault_id, now, error);
  return TRUE;
}

gboolean
lh_admin_notices_clear_fault (LhStore *store, gint64 fault_id, gint64 now, GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  return exec_two (store, "UPDATE admin_notices SET cleared_at = ?2 WHERE fault_id = ?1 AND cleared_at IS NULL",
                   fault_id, now, error);
}

gboolean
lh_admin_notices_clear_check (LhStore *store, gint64 check_id, gint64 now, GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  return exec_two (store, "UPDATE admin_notices SET cleared_at = ?2 WHERE check_id = ?1 AND cleared_at IS NULL",
                   check_id, now, error);
}

static char *
dup_column (LhStmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
         ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gpointer
notice_from_row (LhStmt *stmt)
{
  LhAdminNotice *notice = g_new0 (LhAdminNotice, 1);

  notice->id = sqlite3_column_int64 (stmt, 0);
  notice->what = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  notice->created_at = sqlite3_column_int64 (stmt, 2);
  notice->fault_id = sqlite3_column_int64 (stmt, 3);
  notice->category = dup_column (stmt, 4);
  notice->reported_at = sqlite3_column_int64 (stmt, 5);
  notice->check_id = sqlite3_column_int64 (stmt, 6);
  notice->check_what = dup_column (stmt, 7);
  notice->due_at = sqlite3_column_int64 (stmt, 8);
  notice->asset_tag = dup_column (stmt, 9);
  notice->kind = dup_column (stmt, 10);
  notice->pc_name = dup_column (stmt, 11);
  return notice;
}

GPtrArray *
lh_admin_notices_list (LhStore *store, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* The open notices' partial index; each joins by key. Overdue ones
   * first, so that a flood of new reports cannot push them out of the
   * list. */
  stmt = lh_store_prepare (store,
                           "SELECT n.id, n.what, n.created_at, coalesce(n.fault_id, 0), f.category, "
                           "  coalesce(f.reported_at, 0), coalesce(n.check_id, 0), c.what, coalesce(n.due_at, 0), "
                           "  e.asset_tag, coalesce(e.kind, c.kind), r.name "
                           "FROM admin_notices n INDEXED BY admin_notices_open "
                           "LEFT JOIN faults f ON f.id = n.fault_id "
                           "LEFT JOIN equipment_checks c ON c.id = n.check_id "
                           "LEFT JOIN equipment e ON e.id = coalesce(f.equipment_id, c.equipment_id) "
                           /* A PC with no computer in the inventory is the fault's own. */
                           "LEFT JOIN resources r ON r.id = coalesce(e.resource_id, f.resource_id) "
                           "WHERE n.cleared_at IS NULL "
                           "ORDER BY n.what IN ('fault-overdue', 'check-overdue') DESC, n.created_at DESC, n.id DESC "
                           "LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, LH_ADMIN_NOTICES_MAX);
  return lh_store_collect (store, stmt, notice_from_row, (GDestroyNotify) lh_admin_notice_free, error);
}

gboolean
lh_admin_notices_count_open (LhStore *store, gint64 *out_count, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  stmt = lh_store_prepare (store,
                           "SELECT count(*) FROM admin_notices INDEXED BY admin_notices_open "
                           "WHERE cleared_at IS NULL", error);
  if (stmt == NULL || !lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
lh_admin_notices_dismiss (LhStore *store, gint64 notice_id, gint64 now, GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!exec_two (store, "UPDATE admin_notices SET cleared_at = ?2 WHERE id = ?1 AND cleared_at IS NULL",
                 notice_id, now, error))
    return FALSE;
  if (lh_store_changes (store) == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No open notice %" G_GINT64_FORMAT, notice_id);
      lh_error_set_reason (error, "notice-not-found");
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_admin_notices_admin_at (LhStore *store, gint64 device_id, gint64 now, gboolean *out_admin, GError **error)
{
  return lh_admin_notices_role_at (store, device_id, LH_ROLE_ADMIN, now, out_admin, error);
}

gboolean
lh_admin_notices_role_at (LhStore *store, gint64 device_id, LhRole role, gint64 now, gboolean *out_there,
                          GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  /* The kiosk's live sessions: a few rows of the partial index. */
  stmt = lh_store_prepare (store,
                           "SELECT 1 FROM sessions s INDEXED BY sessions_live_by_device "
                           "JOIN people p ON p.id = s.person_id "
                           "WHERE s.device_id = ?1 AND s.expires_at > ?2 AND s.ended_at IS NULL "
                           "AND (p.roles & ?3) <> 0 LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, device_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, role);
  return lh_store_step (store, stmt, out_there, error);
}
