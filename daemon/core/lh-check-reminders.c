/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admins are told of a check due within LH_CHECK_REMIND_DAYS, and
 * again once it is overdue: each notice once per due date, so doing the
 * check (a new due date) starts its reminders afresh. */
#define G_LOG_DOMAIN "lh-checks"

#include "lh-admin-notices.h"

#include "lh-equipment-checks.h"
#include "lh-time.h"

static gboolean
raise_for_check (LhStore *store, gint64 check_id, gint64 due_at, gboolean overdue, gint64 now, guint *out_raised,
                 GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT OR IGNORE INTO admin_notices (what, check_id, due_at, "
                                               "created_at) VALUES (?1, ?2, ?3, ?4)", error);
  g_autoptr(LhStmt) replace = NULL;

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, overdue ? "check-overdue" : "check-due", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, check_id);
  sqlite3_bind_int64 (insert, 3, due_at);
  sqlite3_bind_int64 (insert, 4, now);
  if (!lh_store_exec (store, insert, error))
    return FALSE;
  if (lh_store_changes (store) == 0)
    return TRUE;
  (*out_raised)++;
  if (!overdue)
    return TRUE;
  /* "Overdue" says all that "due soon" said. */
  replace = lh_store_prepare (store,
                              "UPDATE admin_notices SET cleared_at = ?3 WHERE check_id = ?1 AND due_at = ?2 "
                              "AND what = 'check-due' AND cleared_at IS NULL", error);
  if (replace == NULL)
    return FALSE;
  sqlite3_bind_int64 (replace, 1, check_id);
  sqlite3_bind_int64 (replace, 2, due_at);
  sqlite3_bind_int64 (replace, 3, now);
  return lh_store_exec (store, replace, error);
}

typedef struct
{
  gint64 id;
  gint64 due_at;
} CheckDue;

/* One page of the checks due by `before`, after (from_due, from_id) in
 * (next_due, id) order: an index range of equipment_checks_by_due. */
static GArray *
checks_due_page (LhStore *store, gint64 before, gint64 from_due, gint64 from_id, GError **error)
{
  g_autoptr(LhStmt) due = lh_store_prepare (store,
                                            "SELECT id, next_due FROM equipment_checks "
                                            "WHERE next_due >= ?2 AND next_due < ?1 "
                                            "AND (next_due > ?2 OR id > ?3) "
                                            "ORDER BY next_due, id LIMIT ?4", error);
  g_autoptr(GArray) page = g_array_new (FALSE, FALSE, sizeof (CheckDue));
  gboolean has_row;

  if (due == NULL)
    return NULL;
  sqlite3_bind_int64 (due, 1, before);
  sqlite3_bind_int64 (due, 2, from_due);
  sqlite3_bind_int64 (due, 3, from_id);
  sqlite3_bind_int (due, 4, LH_CHECKS_LIST_MAX);
  for (;;)
    {
      CheckDue row;

      if (!lh_store_step (store, due, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      row.id = sqlite3_column_int64 (due, 0);
      row.due_at = sqlite3_column_int64 (due, 1);
      g_array_append_val (page, row);
    }
  return g_steal_pointer (&page);
}

gboolean
lh_admin_notices_raise_checks (LhStore *store, GTimeZone *tz, gint64 now, guint *out_raised, GError **error)
{
  gint64 today = lh_time_local_midnight (now, tz);
  gint64 before = lh_time_add_days (today, LH_CHECK_REMIND_DAYS + 1, tz);
  gint64 from_due = G_MININT64, from_id = 0;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  *out_raised = 0;
  /* Every check due by the end of the reminder window, a page per
   * transaction: checks never done do not hide those after them. */
  for (;;)
    {
      g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
      g_autoptr(GArray) page = NULL;

      if (tx == NULL)
        return FALSE;
      page = checks_due_page (store, before, from_due, from_id, error);
      if (page == NULL)
        return FALSE;
      for (guint i = 0; i < page->len; i++)
        {
          const CheckDue *row = &g_array_index (page, CheckDue, i);

          if (!raise_for_check (store, row->id, row->due_at, row->due_at < today, now, out_raised, error))
            return FALSE;
          from_id = row->id;
          from_due = row->due_at;
        }
      if (!lh_transaction_commit (tx, error))
        return FALSE;
      if (page->len < LH_CHECKS_LIST_MAX)
        return TRUE;
    }
}

static gboolean
first_due_from (LhStore *store, gint64 from, gint64 *out_due, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT next_due FROM equipment_checks WHERE next_due >= ?1 "
                                             "ORDER BY next_due LIMIT 1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_due = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gboolean
lh_admin_notices_next_check (LhStore *store, GTimeZone *tz, gint64 now, gint64 *out_at, GError **error)
{
  gint64 today = lh_time_local_midnight (now, tz);
  gint64 next_soon, next_overdue;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  *out_at = 0;
  /* The first check beyond the window comes into it; the first due today
   * or later falls overdue at the end of its day. */
  if (!first_due_from (store, lh_time_add_days (today, LH_CHECK_REMIND_DAYS + 1, tz), &next_soon, error) ||
      !first_due_from (store, today, &next_overdue, error))
    return FALSE;
  if (next_soon != 0)
    *out_at = lh_time_add_days (next_soon, -LH_CHECK_REMIND_DAYS, tz);
  if (next_overdue != 0)
    {
      gint64 overdue_at = lh_time_next_midnight (next_overdue, tz);

      if (*out_at == 0 || overdue_at < *out_at)
        *out_at = overdue_at;
    }
  return TRUE;
}
