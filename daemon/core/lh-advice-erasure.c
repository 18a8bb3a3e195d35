/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deleting a learner's advice record: asked for by the learner and
 * confirmed by their ULR, or by retention. What is left of their
 * requests (topic, outcomes, the local day) names nobody. */
#define G_LOG_DOMAIN "lh-advice-record"

#include "lh-advice-record.h"

#include "lh-advice-private.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time.h"

static gboolean
has_record (LhStore *store, gint64 learner_id, gboolean *out_has, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_ADVICE_CONTACTS_SQL "WHERE learner_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  if (!lh_store_step (store, stmt, out_has, error))
    return FALSE;
  *out_has = *out_has && sqlite3_column_type (stmt, 1) != SQLITE_NULL;
  return TRUE;
}

gboolean
lh_advice_ask_deletion (LhStore *store, gint64 learner_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has = FALSE;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!has_record (store, learner_id, &has, error))
    return FALSE;
  if (!has)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "There is no advice record of yours to delete");
      lh_error_set_reason (error, "no-advice-record");
      return FALSE;
    }
  stmt = lh_store_prepare (store,
                           "INSERT OR IGNORE INTO advice_deletion_requests (learner_id, asked_at) VALUES (?1, ?2)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return lh_store_exec (store, stmt, error);
}

/* learner_id's requests' times cut to the centre's midnight before
 * them: the committee's periods start at local midnight, so a request
 * at 00:30 in summer stays in its own day's (and month's) count. */
static gboolean
cut_times_to_day (LhStore *store, const LhCentre *centre, gint64 learner_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) rows = lh_store_prepare (store,
                                             "SELECT id, created_at, called_at, started_at, coalesce(ended_at, ?2) "
                                             "FROM advice_requests WHERE learner_id = ?1", error);
  g_autoptr(LhStmt) update = lh_store_prepare (store,
                                               "UPDATE advice_requests SET created_at = ?2, called_at = ?3, "
                                               "started_at = ?4, ended_at = ?5 WHERE id = ?1", error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (rows == NULL || update == NULL)
    return FALSE;
  sqlite3_bind_int64 (rows, 1, learner_id);
  sqlite3_bind_int64 (rows, 2, now);
  while ((ok = lh_store_step (store, rows, &has_row, error)) && has_row)
    {
      lh_stmt_release (update);
      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (rows, 0));
      for (int column = 1; column <= 4; column++)
        if (sqlite3_column_type (rows, column) == SQLITE_NULL)
          sqlite3_bind_null (update, column + 1);
        else
          sqlite3_bind_int64 (update, column + 1,
                              lh_time_local_midnight (sqlite3_column_int64 (rows, column), centre->tz));
      if (!lh_store_exec (store, update, error))
        return FALSE;
    }
  return ok;
}

/* Everything that names or describes the learner goes; what is left of
 * their requests (topic, outcome, the day) names nobody. */
static gboolean
erase (LhStore *store, const LhCentre *centre, gint64 learner_id, gint64 now, GError **error)
{
  static const char * const statements[] = {
    "DELETE FROM advice_notes WHERE learner_id = ?1",
    "DELETE FROM learning_plan_items WHERE learner_id = ?1 AND goal_id IS NOT NULL",
    "DELETE FROM learning_plan_items WHERE learner_id = ?1",
    "DELETE FROM learning_mots WHERE learner_id = ?1",
    "DELETE FROM advice_shares WHERE learner_id = ?1",
    "DELETE FROM advice_deletion_requests WHERE learner_id = ?1",
    "UPDATE facility_time SET request_id = NULL "
    "WHERE request_id IN (SELECT id FROM advice_requests WHERE learner_id = ?1)",
    /* No ULR or desk either: matched against who signed in where and
     * when, they would name the learner again (as would the times, cut
     * to the day before this). */
    "UPDATE advice_requests SET learner_id = NULL, note = NULL, ulr_id = NULL, desk = NULL, "
    "status = CASE WHEN status IN ('waiting', 'called', 'started') THEN 'left' ELSE status END "
    "WHERE learner_id = ?1",
  };

  /* Before the requests lose the learner they are found by. */
  if (!lh_advice_forget_contacts (store, centre, learner_id, error) ||
      !cut_times_to_day (store, centre, learner_id, now, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(LhStmt) stmt = lh_store_prepare (store, statements[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, learner_id);
      if (sqlite3_bind_parameter_count (stmt) > 1)
        sqlite3_bind_int64 (stmt, 2, now);
      if (!lh_store_exec (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lh_advice_confirm_deletion (LhStore *store, const LhCentre *centre, gint64 learner_id, gint64 ulr_id, gint64 now,
                            GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhPerson) learner = NULL;
  g_autoptr(LhAdviceRecord) record = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  learner = lh_advice_learner_for_ulr (store, learner_id, ulr_id, error);
  if (learner == NULL)
    return FALSE;
  {
    g_autoptr(LhStmt) asked = lh_store_prepare (store, "SELECT 1 FROM advice_deletion_requests WHERE learner_id = ?1",
                                                error);
    gboolean has_row;

    if (asked == NULL)
      return FALSE;
    sqlite3_bind_int64 (asked, 1, learner_id);
    if (!lh_store_step (store, asked, &has_row, error))
      return FALSE;
    if (!has_row)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s has not asked for their record to be deleted",
                     learner->name);
        lh_error_set_reason (error, "deletion-not-asked");
        return FALSE;
      }
  }
  if (!erase (store, centre, learner_id, now, error) || !lh_transaction_commit (tx, error))
    return FALSE;
  g_message ("Deleted the advice record of person %" G_GINT64_FORMAT " at their request, confirmed by %"
             G_GINT64_FORMAT, learner_id, ulr_id);
  return TRUE;
}

static LhDeletionAsk *
deletion_from_row (LhStmt *stmt)
{
  LhDeletionAsk *ask = g_new0 (LhDeletionAsk, 1);

  ask->learner_id = sqlite3_column_int64 (stmt, 0);
  ask->learner_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  ask->asked_at = sqlite3_column_int64 (stmt, 2);
  return ask;
}

GPtrArray *
lh_advice_deletions_for_ulr (LhStore *store, gint64 ulr_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* Only the learners this ULR supports (SUPPORTERS_SQL, from the ULR's
   * side): the others' asks are not theirs to know of. */
  stmt = lh_store_prepare (store,
                           "SELECT d.learner_id, p.name, d.asked_at FROM advice_deletion_requests d "
                           "JOIN people p ON p.id = d.learner_id "
                           "WHERE d.learner_id <> ?1 AND EXISTS (SELECT 1 FROM people u WHERE u.id = ?1 "
                           "AND (u.roles & 2) <> 0) AND d.learner_id IN ("
                           "SELECT q.learner_id FROM advice_requests q WHERE q.ulr_id = ?1 AND q.status <> 'left' "
                           "AND NOT EXISTS (SELECT 1 FROM advice_removals r WHERE r.learner_id = q.learner_id "
                           "AND r.ulr_id = ?1 AND r.removed_at >= q.created_at) "
                           "UNION SELECT learner_id FROM advice_shares WHERE ulr_id = ?1) "
                           "ORDER BY d.asked_at", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ulr_id);
  return lh_store_collect (store, stmt, (LhRowFunc) deletion_from_row, (GDestroyNotify) lh_deletion_ask_free,
                           error);
}

gboolean
lh_advice_expire (LhStore *store, const LhCentre *centre, gint64 now, guint *out_n_deleted, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GArray) expired = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) here = g_date_time_to_timezone (now_utc, centre->tz);
  g_autoptr(GDateTime) cutoff = g_date_time_add_months (here, -centre->advice_retention_months);
  gboolean has_row = FALSE;
  gboolean ok;
  guint n_deleted = 0;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  stmt = lh_store_prepare (store, LH_ADVICE_CONTACTS_SQL "GROUP BY learner_id HAVING max(t) < ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (cutoff));
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (expired, id);
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&stmt, lh_stmt_release);
  /* A savepoint each: one record that cannot be erased keeps no one
   * else's past its retention. */
  for (guint i = 0; i < expired->len; i++)
    {
      gint64 learner_id = g_array_index (expired, gint64, i);
      g_autoptr(LhTransaction) one = lh_store_begin (store, error);
      g_autoptr(GError) failed = NULL;

      if (one == NULL)
        return FALSE;
      if (!erase (store, centre, learner_id, now, &failed) || !lh_transaction_commit (one, &failed))
        g_message ("The advice record of person %" G_GINT64_FORMAT " is past its retention but was not deleted: %s",
                   learner_id, failed->message);
      else
        n_deleted++;
    }
  if (!lh_transaction_commit (tx, error))
    return FALSE;
  if (n_deleted > 0)
    g_message ("Deleted %u advice records past their retention of %d months", n_deleted,
               centre->advice_retention_months);
  if (out_n_deleted != NULL)
    *out_n_deleted = n_deleted;
  return TRUE;
}
