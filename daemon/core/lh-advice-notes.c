/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Adding to a learner's advice record: a ULR's private notes, the
 * learning plan's goals and steps, learning MOTs. Only a ULR supporting
 * the learner may add; every text is sealed. */
#define G_LOG_DOMAIN "lh-advice-record"

#include "lh-advice-record.h"

#include "lh-advice-private.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time.h"

LhAdviceNote *
lh_advice_note_add (LhStore *store, const LhCentre *centre, gint64 learner_id, gint64 author_id, gint64 request_id,
                    const char *text, gint64 now, GError **error)
{
  g_autoptr(LhPerson) learner = NULL;
  g_autoptr(LhPerson) author = NULL;
  g_autoptr(LhStmt) insert = NULL;
  LhAdviceNote *note;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  learner = lh_advice_learner_for_ulr (store, learner_id, author_id, error);
  if (learner == NULL || !lh_advice_text_check (text, LH_ADVICE_NOTE_MAX_CHARS, FALSE, "note", error))
    return NULL;
  if (request_id != 0)
    {
      g_autoptr(LhAdviceRequest) request = lh_advice_request_get_unchecked (store, centre, request_id, now, error);

      if (request == NULL)
        return NULL;
      if (request->learner_id != learner_id)
        {
          /* The same words as for no such request: another's is not there. */
          g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no advice request %" G_GINT64_FORMAT,
                       request_id);
          lh_error_set_reason (error, "request-not-found");
          return NULL;
        }
    }
  author = lh_people_get (store, author_id, error);
  insert = author != NULL ? lh_store_prepare (store,
                                              "INSERT INTO advice_notes (learner_id, request_id, author_id, body, "
                                              "created_at) VALUES (?1, nullif(?2, 0), ?3, ?4, ?5)", error) : NULL;
  if (insert == NULL)
    return NULL;
  sqlite3_bind_int64 (insert, 1, learner_id);
  sqlite3_bind_int64 (insert, 2, request_id);
  sqlite3_bind_int64 (insert, 3, author_id);
  if (!lh_advice_bind_sealed (insert, 4, centre, text, error))
    return NULL;
  sqlite3_bind_int64 (insert, 5, now);
  if (!lh_store_exec (store, insert, error))
    return NULL;
  note = g_new0 (LhAdviceNote, 1);
  note->id = lh_store_last_insert_id (store);
  note->request_id = request_id;
  note->author_id = author_id;
  note->author_name = g_strdup (author->name);
  note->text = g_strdup (text);
  note->created_at = now;
  return note;
}

static LhPlanItem *
get_item (LhStore *store, const LhCentre *centre, gint64 item_id, gint64 *out_learner_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_PLAN_ITEM_SELECT "WHERE id = ?1", error);
  LhPlanItem *item = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no plan item %" G_GINT64_FORMAT, item_id);
      lh_error_set_reason (error, "plan-item-not-found");
      return NULL;
    }
  if (!lh_advice_plan_item_from_row (stmt, centre, &item, error))
    return NULL;
  *out_learner_id = sqlite3_column_int64 (stmt, 7);
  item->learner_id = *out_learner_id;
  return item;
}

LhPlanItem *
lh_plan_item_add (LhStore *store, const LhCentre *centre, gint64 learner_id, gint64 author_id, gint64 goal_id,
                  const char *text, gint64 due_at, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhPerson) learner = NULL;
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(LhPlanItem) item = NULL;
  gint64 owner = 0;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  learner = lh_advice_learner_for_ulr (store, learner_id, author_id, error);
  if (learner == NULL || !lh_advice_text_check (text, LH_PLAN_TEXT_MAX_CHARS, FALSE, "plan item", error))
    return NULL;
  if (due_at != 0 && due_at < lh_time_local_midnight (now, centre->tz))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That date has passed");
      lh_error_set_reason (error, "date-passed");
      return NULL;
    }
  if (due_at > now + 5 * 366 * (gint64) 24 * 3600)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "A plan looks up to five years ahead");
      lh_error_set_reason (error, "plan-too-far");
      lh_error_add_number (error, "max_years", 5);
      return NULL;
    }
  if (goal_id != 0)
    {
      g_autoptr(LhPlanItem) goal = get_item (store, centre, goal_id, &owner, error);

      if (goal == NULL)
        return NULL;
      if (owner != learner_id || goal->goal_id != 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no plan item %" G_GINT64_FORMAT, goal_id);
          lh_error_set_reason (error, "plan-item-not-found");
          return NULL;
        }
    }
  insert = lh_store_prepare (store,
                             "INSERT INTO learning_plan_items (learner_id, goal_id, body, due_at, created_by, "
                             "created_at) VALUES (?1, nullif(?2, 0), ?3, nullif(?4, 0), ?5, ?6)", error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_int64 (insert, 1, learner_id);
  sqlite3_bind_int64 (insert, 2, goal_id);
  if (!lh_advice_bind_sealed (insert, 3, centre, text, error))
    return NULL;
  sqlite3_bind_int64 (insert, 4, due_at);
  sqlite3_bind_int64 (insert, 5, author_id);
  sqlite3_bind_int64 (insert, 6, now);
  if (!lh_store_exec (store, insert, error))
    return NULL;
  item = get_item (store, centre, lh_store_last_insert_id (store), &owner, error);
  if (item == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&item);
}

LhPlanItem *
lh_plan_item_set_done (LhStore *store, const LhCentre *centre, gint64 item_id, gint64 viewer_id, gboolean done,
                       gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhPlanItem) item = NULL;
  g_autoptr(LhStmt) update = NULL;
  gint64 learner_id = 0;
  gboolean supports = FALSE;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  item = get_item (store, centre, item_id, &learner_id, error);
  if (item == NULL)
    return NULL;
  if (viewer_id != learner_id && !lh_advice_is_supporter (store, learner_id, viewer_id, &supports, error))
    return NULL;
  if (viewer_id != learner_id && !supports)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no plan item %" G_GINT64_FORMAT, item_id);
      lh_error_set_reason (error, "plan-item-not-found");
      return NULL;
    }
  update = lh_store_prepare (store, "UPDATE learning_plan_items SET done_at = ?2 WHERE id = ?1", error);
  if (update == NULL)
    return NULL;
  sqlite3_bind_int64 (update, 1, item_id);
  if (done)
    sqlite3_bind_int64 (update, 2, now);
  else
    sqlite3_bind_null (update, 2);
  if (!lh_store_exec (store, update, error))
    return NULL;
  g_clear_pointer (&item, lh_plan_item_free);
  item = get_item (store, centre, item_id, &learner_id, error);
  if (item == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&item);
}

LhLearningMot *
lh_learning_mot_add (LhStore *store, const LhCentre *centre, gint64 learner_id, gint64 ulr_id, gint64 held_at,
                     const char *summary, gint64 next_due_at, gint64 now, GError **error)
{
  g_autoptr(LhPerson) learner = NULL;
  g_autoptr(LhPerson) ulr = NULL;
  g_autoptr(LhStmt) insert = NULL;
  LhLearningMot *mot;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  learner = lh_advice_learner_for_ulr (store, learner_id, ulr_id, error);
  if (learner == NULL || !lh_advice_text_check (summary, LH_ADVICE_NOTE_MAX_CHARS, FALSE, "summary", error))
    return NULL;
  if (held_at > now || held_at < now - 366 * 24 * 3600)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Record a learning MOT held in the past year");
      lh_error_set_reason (error, "mot-date");
      return NULL;
    }
  if (next_due_at == 0)
    {
      g_autoptr(GDateTime) held = g_date_time_new_from_unix_utc (held_at);
      g_autoptr(GDateTime) here = g_date_time_to_timezone (held, centre->tz);
      g_autoptr(GDateTime) next = g_date_time_add_years (here, 1);

      next_due_at = lh_time_local_midnight (g_date_time_to_unix (next), centre->tz);
    }
  if (next_due_at <= held_at || next_due_at > held_at + 2 * 366 * (gint64) 24 * 3600)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The next learning MOT comes after this one, within two years");
      lh_error_set_reason (error, "next-mot-date");
      return NULL;
    }
  ulr = lh_people_get (store, ulr_id, error);
  insert = ulr != NULL ? lh_store_prepare (store,
                                           "INSERT INTO learning_mots (learner_id, ulr_id, held_at, summary, "
                                           "next_due_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error) : NULL;
  if (insert == NULL)
    return NULL;
  sqlite3_bind_int64 (insert, 1, learner_id);
  sqlite3_bind_int64 (insert, 2, ulr_id);
  sqlite3_bind_int64 (insert, 3, held_at);
  if (!lh_advice_bind_sealed (insert, 4, centre, summary, error))
    return NULL;
  sqlite3_bind_int64 (insert, 5, next_due_at);
  sqlite3_bind_int64 (insert, 6, now);
  if (!lh_store_exec (store, insert, error))
    return NULL;
  mot = g_new0 (LhLearningMot, 1);
  mot->id = lh_store_last_insert_id (store);
  mot->ulr_id = ulr_id;
  mot->ulr_name = g_strdup (ulr->name);
  mot->held_at = held_at;
  mot->summary = g_strdup (summary);
  mot->next_due_at = next_due_at;
  return mot;
}
