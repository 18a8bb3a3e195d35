/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-audit"

#include "lh-audit.h"

#include "lh-error.h"

void
lh_audit_entry_free (LhAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->actor_name);
  g_free (entry->program_user);
  g_free (entry->action);
  g_free (entry);
}

/* A code, never free text: what could be typed has no place here. */
static gboolean
action_is_code (const char *action)
{
  gsize len = action != NULL ? strlen (action) : 0;

  if (len == 0 || len > LH_AUDIT_ACTION_MAX_CHARS)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (action[i]) && !g_ascii_isdigit (action[i]) &&
        action[i] != '-' && action[i] != ':' && action[i] != ' ')
      return FALSE;
  return TRUE;
}

gboolean
lh_audit_record (LhStore *store, gint64 at, gint64 actor_id, guint actor_roles, const char *program_user,
                 const char *action, gint64 subject_id, GError **error)
{
  g_autoptr(LhStmt) insert = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!action_is_code (action))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Not an audit action: %s", action);
      return FALSE;
    }
  insert = lh_store_prepare (store,
                             "INSERT INTO audit_log (at, actor_id, actor_roles, program_user, action, subject_id) "
                             "VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, nullif(?6, 0))", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, at);
  sqlite3_bind_int64 (insert, 2, actor_id);
  sqlite3_bind_int64 (insert, 3, actor_roles);
  if (program_user != NULL)
    sqlite3_bind_text (insert, 4, program_user, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 6, subject_id);
  return lh_store_exec (store, insert, error);
}

static gpointer
entry_from_row (LhStmt *stmt)
{
  LhAuditEntry *entry = g_new0 (LhAuditEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = sqlite3_column_int64 (stmt, 1);
  entry->actor_id = sqlite3_column_int64 (stmt, 2);
  entry->actor_roles = (guint) sqlite3_column_int64 (stmt, 3);
  entry->program_user = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  entry->action = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  entry->subject_id = sqlite3_column_int64 (stmt, 6);
  entry->actor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  return entry;
}

/* Where a page starts: the entry after_id's place in the log's order. */
static gboolean
page_start (LhStore *store, gint64 after_id, gint64 *out_at, GError **error)
{
  g_autoptr(LhStmt) find = lh_store_prepare (store, "SELECT at FROM audit_log WHERE id = ?1", error);
  gboolean has_row = FALSE;

  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, after_id);
  if (!lh_store_step (store, find, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No audit entry %" G_GINT64_FORMAT, after_id);
      return FALSE;
    }
  *out_at = sqlite3_column_int64 (find, 0);
  return TRUE;
}

GPtrArray *
lh_audit_list (LhStore *store, gint64 from, gint64 to, gint64 after_id, guint limit, GError **error)
{
  g_autoptr(LhStmt) list = NULL;
  gint64 after_at = from;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (limit >= 1 && limit <= LH_AUDIT_PAGE_MAX, NULL);

  if (after_id > 0 && !page_start (store, after_id, &after_at, error))
    return NULL;
  /* A cursor from another period: this one's start bounds the range. */
  if (after_at < from)
    after_id = 0;
  /* (at, id) after the last entry of the page before, within the period:
   * one range of audit_log_by_time (which holds the rowid), however long
   * the log. */
  list = lh_store_prepare (store,
                           "SELECT a.id, a.at, a.actor_id, a.actor_roles, a.program_user, a.action, a.subject_id, "
                           "       p.name "
                           "FROM audit_log AS a LEFT JOIN people AS p ON p.id = a.actor_id "
                           "WHERE (a.at, a.id) > (?1, ?2) AND a.at >= ?3 AND a.at < ?4 "
                           "ORDER BY a.at, a.id LIMIT ?5", error);
  if (list == NULL)
    return NULL;
  sqlite3_bind_int64 (list, 1, after_id > 0 ? after_at : from);
  sqlite3_bind_int64 (list, 2, after_id > 0 ? after_id : -1);
  sqlite3_bind_int64 (list, 3, from);
  sqlite3_bind_int64 (list, 4, to);
  sqlite3_bind_int64 (list, 5, (gint64) limit + 1);
  return lh_store_collect (store, list, entry_from_row, (GDestroyNotify) lh_audit_entry_free, error);
}
