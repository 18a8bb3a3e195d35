/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who may read a learner's advice record, the record itself, and
 * sharing. Adding to it: lh-advice-notes.c; deleting it:
 * lh-advice-erasure.c. */
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
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no learner %" G_GINT64_FORMAT " of yours",
                   learner_id);
      lh_error_set_reason (error, "learner-not-found");
    }
  return g_steal_pointer (&learner);
}

LhPerson *
lh_advice_learner_for_ulr (LhStore *store, gint64 learner_id, gint64 ulr_id, GError **error)
{
  if (learner_id == ulr_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no learner %" G_GINT64_FORMAT " of yours",
                   learner_id);
      lh_error_set_reason (error, "learner-not-found");
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

static gboolean
read_dates (LhStore *store, const LhCentre *centre, LhAdviceRecord *record, GError **error)
{
  g_autoptr(LhStmt) contact = lh_store_prepare (store, LH_ADVICE_CONTACTS_SQL "WHERE learner_id = ?1", error);
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
      lh_error_set_reason (error, "not-shared");
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
      lh_error_set_reason (error, "not-a-ulr");
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
