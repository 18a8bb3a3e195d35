/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who may read a learner's advice record, the record itself, sharing, and
 * deletion (asked for, or by retention). Adding to it: lh-advice-notes.c. */
#define G_LOG_DOMAIN "lh-advice-record"

#include "lh-advice-record.h"

#include "lh-advice-private.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time.h"

void
lh_deletion_ask_free (LhDeletionAsk *ask)
{
  g_free (ask->learner_name);
  g_free (ask);
}

void
lh_advice_note_free (LhAdviceNote *note)
{
  g_free (note->author_name);
  g_free (note->text);
  g_free (note);
}

void
lh_plan_item_free (LhPlanItem *item)
{
  g_free (item->text);
  g_free (item);
}

void
lh_learning_mot_free (LhLearningMot *mot)
{
  g_free (mot->ulr_name);
  g_free (mot->summary);
  g_free (mot);
}

void
lh_supporter_free (LhSupporter *supporter)
{
  g_free (supporter->name);
  g_free (supporter);
}

void
lh_advice_record_free (LhAdviceRecord *record)
{
  g_free (record->learner_name);
  g_clear_pointer (&record->requests, g_ptr_array_unref);
  g_clear_pointer (&record->notes, g_ptr_array_unref);
  g_clear_pointer (&record->plan, g_ptr_array_unref);
  g_clear_pointer (&record->mots, g_ptr_array_unref);
  g_clear_pointer (&record->supporters, g_ptr_array_unref);
  g_free (record);
}

/* The ULRs supporting ?1: those who took one of their requests (not one
 * the learner gave back first, nor one from before the learner took them
 * off) and those they chose; each still a ULR. */
#define SUPPORTERS_SQL \
  "SELECT p.id, p.name, max(x.shared) FROM (" \
  "SELECT q.ulr_id, 0 AS shared FROM advice_requests q WHERE q.learner_id = ?1 AND q.ulr_id IS NOT NULL " \
  "AND q.status <> 'left' AND NOT EXISTS (SELECT 1 FROM advice_removals r WHERE r.learner_id = ?1 " \
  "AND r.ulr_id = q.ulr_id AND r.removed_at >= q.created_at) " \
  "UNION ALL SELECT ulr_id, 1 FROM advice_shares WHERE learner_id = ?1) x " \
  "JOIN people p ON p.id = x.ulr_id WHERE (p.roles & 2) <> 0 "

gboolean
lh_advice_is_supporter (LhStore *store, gint64 learner_id, gint64 ulr_id, gboolean *out_supports, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_supports != NULL, FALSE);

  *out_supports = FALSE;
  if (learner_id == 0 || ulr_id == 0 || learner_id == ulr_id)
    return TRUE;
  stmt = lh_store_prepare (store, SUPPORTERS_SQL "AND p.id = ?2 GROUP BY p.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_int64 (stmt, 2, ulr_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_supports = has_row;
  return TRUE;
}

/* The learner, if viewer_id is them or supports them; anyone else is told
 * there is no such learner, as for an unknown id. */
static LhPerson *
learner_for (LhStore *store, gint64 learner_id, gint64 viewer_id, GError **error)
{
  g_autoptr(LhPerson) learner = NULL;
  gboolean supports = viewer_id == learner_id;

  if (!supports && !lh_advice_is_supporter (store, learner_id, viewer_id, &supports, error))
    return NULL;
  if (supports)
    learner = lh_people_get (store, learner_id, error);
  else
    g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no learner %" G_GINT64_FORMAT " of yours",
                 learner_id);
  return g_steal_pointer (&learner);
}

LhPerson *
lh_advice_learner_for_ulr (LhStore *store, gint64 learner_id, gint64 ulr_id, GError **error)
{
  if (learner_id == ulr_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no learner %" G_GINT64_FORMAT " of yours",
                   learner_id);
      return NULL;
    }
  return learner_for (store, learner_id, ulr_id, error);
}

static gboolean
read_notes (LhStore *store, const LhCentre *centre, LhAdviceRecord *record, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT n.id, coalesce(n.request_id, 0), n.author_id, p.name, n.body, "
                                             "n.created_at FROM advice_notes n JOIN people p ON p.id = n.author_id "
                                             "WHERE n.learner_id = ?1 ORDER BY n.created_at DESC, n.id DESC", error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->learner_id);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhAdviceNote *note = g_new0 (LhAdviceNote, 1);

      g_ptr_array_add (record->notes, note);
      note->id = sqlite3_column_int64 (stmt, 0);
      note->request_id = sqlite3_column_int64 (stmt, 1);
      note->author_id = sqlite3_column_int64 (stmt, 2);
      note->author_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      note->created_at = sqlite3_column_int64 (stmt, 5);
      if (!lh_advice_column_open (stmt, 4, centre, &note->text, error))
        return FALSE;
    }
  return ok;
}

gboolean
lh_advice_plan_item_from_row (LhStmt *stmt, const LhCentre *centre, LhPlanItem **out_item, GError **error)
{
  g_autoptr(LhPlanItem) item = g_new0 (LhPlanItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->goal_id = sqlite3_column_int64 (stmt, 1);
  item->due_at = sqlite3_column_int64 (stmt, 3);
  item->done_at = sqlite3_column_int64 (stmt, 4);
  item->created_by = sqlite3_column_int64 (stmt, 5);
  item->created_at = sqlite3_column_int64 (stmt, 6);
  if (!lh_advice_column_open (stmt, 2, centre, &item->text, error))
    return FALSE;
  *out_item = g_steal_pointer (&item);
  return TRUE;
}

static gboolean
read_plan (LhStore *store, const LhCentre *centre, LhAdviceRecord *record, GError **error)
{
  /* Each goal, then its steps by date: the order people plan in. */
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             LH_PLAN_ITEM_SELECT "WHERE learner_id = ?1 ORDER BY "
                                             "coalesce(goal_id, id), goal_id IS NOT NULL, "
                                             "coalesce(due_at, 9e18), id", error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->learner_id);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhPlanItem *item = NULL;

      if (!lh_advice_plan_item_from_row (stmt, centre, &item, error))
        return FALSE;
      g_ptr_array_add (record->plan, item);
    }
  return ok;
}

static gboolean
read_mots (LhStore *store, const LhCentre *centre, LhAdviceRecord *record, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT m.id, m.ulr_id, p.name, m.held_at, m.summary, m.next_due_at "
                                             "FROM learning_mots m JOIN people p ON p.id = m.ulr_id "
                                             "WHERE m.learner_id = ?1 ORDER BY m.held_at DESC, m.id DESC", error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, record->learner_id);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhLearningMot *mot = g_new0 (LhLearningMot, 1);

      g_ptr_array_add (record->mots, mot);
      mot->id = sqlite3_column_int64 (stmt, 0);
      mot->ulr_id = sqlite3_column_int64 (stmt, 1);
      mot->ulr_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      mot->held_at = sqlite3_column_int64 (stmt, 3);
      mot->next_due_at = sqlite3_column_int64 (stmt, 5);
      if (!lh_advice_column_open (stmt, 4, centre, &mot->summary, error))
        return FALSE;
    }
  return ok;
}

static LhSupporter *
supporter_from_row (LhStmt *stmt)
{
  LhSupporter *supporter = g_new0 (LhSupporter, 1);

  supporter->id = sqlite3_column_int64 (stmt, 0);
  supporter->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  supporter->shared = sqlite3_column_int (stmt, 2) != 0;
  return supporter;
}

/* The last time anything happened on the record: retention counts from it. */
#define CONTACTS_SQL \
  "SELECT learner_id, max(t) FROM (" \
  "SELECT learner_id, coalesce(ended_at, created_at) AS t FROM advice_requests WHERE learner_id IS NOT NULL " \
  "UNION ALL SELECT learner_id, created_at FROM advice_notes " \
  "UNION ALL SELECT learner_id, max(created_at, coalesce(done_at, 0)) FROM learning_plan_items " \
  "UNION ALL SELECT learner_id, held_at FROM learning_mots " \
  "UNION ALL SELECT learner_id, created_at FROM advice_shares) "

static gboolean
read_dates (LhStore *store, const LhCentre *centre, LhAdviceRecord *record, GError **error)
{
  g_autoptr(LhStmt) contact = lh_store_prepare (store, CONTACTS_SQL "WHERE learner_id = ?1", error);
  g_autoptr(LhStmt) asked = NULL;
  gboolean has_row;

  if (contact == NULL)
    return FALSE;
  sqlite3_bind_int64 (contact, 1, record->learner_id);
  if (!lh_store_step (store, contact, &has_row, error))
    return FALSE;
  record->last_contact_at = has_row ? sqlite3_column_int64 (contact, 1) : 0;
  if (record->last_contact_at != 0)
    {
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (record->last_contact_at);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (last, centre->tz);
      g_autoptr(GDateTime) after = g_date_time_add_months (local, centre->advice_retention_months);

      record->delete_after = g_date_time_to_unix (after);
    }
  asked = lh_store_prepare (store, "SELECT asked_at FROM advice_deletion_requests WHERE learner_id = ?1", error);
  if (asked == NULL)
    return FALSE;
  sqlite3_bind_int64 (asked, 1, record->learner_id);
  if (!lh_store_step (store, asked, &has_row, error))
    return FALSE;
  record->deletion_asked_at = has_row ? sqlite3_column_int64 (asked, 0) : 0;
  return TRUE;
}

LhAdviceRecord *
lh_advice_record_get (LhStore *store, const LhCentre *centre, gint64 learner_id, gint64 viewer_id, gint64 now,
                      GError **error)
{
  g_autoptr(LhAdviceRecord) record = NULL;
  g_autoptr(LhPerson) learner = NULL;
  g_autoptr(LhStmt) requests = NULL;
  g_autoptr(LhStmt) supporters = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  learner = learner_for (store, learner_id, viewer_id, error);
  if (learner == NULL)
    return NULL;
  record = g_new0 (LhAdviceRecord, 1);
  record->learner_id = learner_id;
  record->learner_name = g_strdup (learner->name);
  record->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_advice_note_free);
  record->plan = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_plan_item_free);
  record->mots = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_learning_mot_free);
  requests = lh_store_prepare (store,
                               LH_ADVICE_REQUEST_SELECT "WHERE r.learner_id = ?1 ORDER BY r.created_at DESC, r.id DESC",
                               error);
  if (requests == NULL)
    return NULL;
  sqlite3_bind_int64 (requests, 1, learner_id);
  record->requests = lh_advice_collect_requests (store, centre, requests, now, error);
  if (record->requests == NULL)
    return NULL;
  supporters = lh_store_prepare (store, SUPPORTERS_SQL "GROUP BY p.id ORDER BY p.name", error);
  if (supporters == NULL)
    return NULL;
  sqlite3_bind_int64 (supporters, 1, learner_id);
  record->supporters = lh_store_collect (store, supporters, (LhRowFunc) supporter_from_row,
                                         (GDestroyNotify) lh_supporter_free, error);
  if (record->supporters == NULL || !read_notes (store, centre, record, error) ||
      !read_plan (store, centre, record, error) || !read_mots (store, centre, record, error) ||
      !read_dates (store, centre, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

/* The learner takes a ULR off their record: a share, and what the
 * requests that ULR took gave them. */
static gboolean
take_off (LhStore *store, gint64 learner_id, gint64 ulr_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) unshare = NULL;
  g_autoptr(LhStmt) remove = NULL;
  gboolean supports;

  tx = lh_store_begin (store, error);
  if (tx == NULL || !lh_advice_is_supporter (store, learner_id, ulr_id, &supports, error))
    return FALSE;
  if (!supports)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "They cannot see your record");
      return FALSE;
    }
  unshare = lh_store_prepare (store, "DELETE FROM advice_shares WHERE learner_id = ?1 AND ulr_id = ?2", error);
  remove = lh_store_prepare (store,
                             "INSERT OR REPLACE INTO advice_removals (learner_id, ulr_id, removed_at) "
                             "VALUES (?1, ?2, ?3)", error);
  if (unshare == NULL || remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (unshare, 1, learner_id);
  sqlite3_bind_int64 (unshare, 2, ulr_id);
  sqlite3_bind_int64 (remove, 1, learner_id);
  sqlite3_bind_int64 (remove, 2, ulr_id);
  sqlite3_bind_int64 (remove, 3, now);
  return lh_store_exec (store, unshare, error) && lh_store_exec (store, remove, error) &&
         lh_transaction_commit (tx, error);
}

gboolean
lh_advice_share (LhStore *store, gint64 learner_id, gint64 ulr_id, gboolean share, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(LhPerson) ulr = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!share)
    return take_off (store, learner_id, ulr_id, now, error);
  ulr = lh_people_get (store, ulr_id, NULL);
  if (ulr == NULL || !(ulr->roles & LH_ROLE_ULR) || ulr_id == learner_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Choose one of the centre's union learning reps");
      return FALSE;
    }
  stmt = lh_store_prepare (store,
                           "INSERT OR IGNORE INTO advice_shares (learner_id, ulr_id, created_at) VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_int64 (stmt, 2, ulr_id);
  sqlite3_bind_int64 (stmt, 3, now);
  return lh_store_exec (store, stmt, error);
}

static gboolean
has_record (LhStore *store, gint64 learner_id, gboolean *out_has, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, CONTACTS_SQL "WHERE learner_id = ?1", error);

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
  stmt = lh_store_prepare (store, CONTACTS_SQL "GROUP BY learner_id HAVING max(t) < ?1", error);
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
