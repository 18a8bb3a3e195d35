/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-action-plan"

#include "lh-action-plan.h"

#include "lh-committee-private.h"
#include "lh-error.h"

const char * const lh_objective_statuses[] = { "planned", "in-progress", "done", "dropped", NULL };

/* An undo of the plan to a past day reads at most this many of one
 * objective's later changes. */
#define UNDO_MAX 1000

/* The fields an edit may change, in the history's words. */
enum { ACTIVITY, BY_WHOM, DUE_DAY, OUTCOMES, NEXT_STEPS, STATUS, N_TEXTS };
static const char * const text_fields[N_TEXTS] = {
  "activity", "by_whom", "due_day", "outcomes", "next_steps", "status"
};

void
lh_objective_free (LhObjective *objective)
{
  if (objective == NULL)
    return;
  g_free (objective->activity);
  g_free (objective->by_whom);
  g_free (objective->due_day);
  g_free (objective->outcomes);
  g_free (objective->next_steps);
  g_free (objective->status);
  g_free (objective);
}

void
lh_objective_change_free (LhObjectiveChange *change)
{
  if (change == NULL)
    return;
  g_free (change->changed_by_name);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static char **
objective_text (LhObjective *objective, int field)
{
  switch (field)
    {
    case ACTIVITY: return &objective->activity;
    case BY_WHOM: return &objective->by_whom;
    case DUE_DAY: return &objective->due_day;
    case OUTCOMES: return &objective->outcomes;
    case NEXT_STEPS: return &objective->next_steps;
    default: return &objective->status;
    }
}

static const char *
given_text (const LhObjectiveFields *fields, int field)
{
  const char *texts[N_TEXTS] = {
    fields->activity, fields->by_whom, fields->due_day, fields->outcomes, fields->next_steps, fields->status
  };

  return texts[field];
}

/* Checks what fields gives; an add (required) must give the activity, by
 * whom, the number and the day. */
static gboolean
check_fields (const LhObjectiveFields *fields, gboolean required, GTimeZone *tz, gint64 now, GError **error)
{
  if ((required || fields->number != 0) && (fields->number < 1 || fields->number > LH_OBJECTIVE_NUMBER_MAX))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "An objective's number is 1 to %d", LH_OBJECTIVE_NUMBER_MAX);
      lh_error_set_reason (error, "number-invalid");
      return FALSE;
    }
  if ((required || fields->activity != NULL) &&
      !lh_committee_text_check (fields->activity, LH_TEXT_LINES, LH_OBJECTIVE_ACTIVITY_MAX_CHARS, TRUE, "activity",
                                "activity-invalid", error))
    return FALSE;
  if ((required || fields->by_whom != NULL) &&
      !lh_committee_text_check (fields->by_whom, LH_TEXT_LINE, LH_OBJECTIVE_BY_WHOM_MAX_CHARS, TRUE, "by_whom",
                                "by-whom-invalid", error))
    return FALSE;
  if ((required || fields->due_day != NULL) &&
      !lh_committee_day_check (fields->due_day, tz, now, "day it is due", NULL, error))
    return FALSE;
  if (fields->outcomes != NULL &&
      !lh_committee_text_check (fields->outcomes, LH_TEXT_LINES, LH_OBJECTIVE_OUTCOMES_MAX_CHARS, FALSE, "outcomes",
                                "outcomes-invalid", error))
    return FALSE;
  if (fields->next_steps != NULL &&
      !lh_committee_text_check (fields->next_steps, LH_TEXT_LINES, LH_OBJECTIVE_NEXT_STEPS_MAX_CHARS, FALSE,
                                "next_steps", "next-steps-invalid", error))
    return FALSE;
  if (fields->status != NULL && !lh_text_one_of (lh_objective_statuses, fields->status, "status", error))
    {
      lh_error_set_reason (error, "status-unknown");
      return FALSE;
    }
  return TRUE;
}

/* Whether no other objective than objective_id has the number. */
static gboolean
number_free (LhStore *store, int number, gint64 objective_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT id FROM action_objectives WHERE number = ?1", error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, number);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row && sqlite3_column_int64 (stmt, 0) != objective_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Objective number %d is taken", number);
      lh_error_set_reason (error, "number-taken");
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_change (LhStore *store, gint64 objective_id, gint64 changed_by, gint64 now, const char *field,
               const char *old_value, const char *new_value, GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT INTO action_objective_changes "
                                               "(objective_id, changed_at, changed_by, field, old_value, new_value) "
                                               "VALUES (?1, ?2, nullif(?3, 0), ?4, ?5, ?6)", error);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, objective_id);
  sqlite3_bind_int64 (insert, 2, now);
  sqlite3_bind_int64 (insert, 3, changed_by);
  sqlite3_bind_text (insert, 4, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, new_value, -1, SQLITE_STATIC);
  return lh_store_exec (store, insert, error);
}

static gboolean
save_objective (LhStore *store, const LhObjective *objective, GError **error)
{
  g_autoptr(LhStmt) update = lh_store_prepare (store,
                                               "UPDATE action_objectives SET number = ?2, activity = ?3, by_whom = ?4, "
                                               "due_day = ?5, outcomes = ?6, next_steps = ?7, status = ?8 "
                                               "WHERE id = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, objective->id);
  sqlite3_bind_int (update, 2, objective->number);
  sqlite3_bind_text (update, 3, objective->activity, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 4, objective->by_whom, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 5, objective->due_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 6, objective->outcomes, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 7, objective->next_steps, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 8, objective->status, -1, SQLITE_STATIC);
  return lh_store_exec (store, update, error);
}

LhObjective *
lh_action_plan_add (LhStore *store, GTimeZone *tz, const LhObjectiveFields *fields, gint64 changed_by, gint64 now,
                    GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) insert = NULL;
  gint64 id;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (!check_fields (fields, TRUE, tz, now, error))
    return NULL;
  tx = lh_store_begin (store, error);
  if (tx == NULL || !number_free (store, fields->number, 0, error))
    return NULL;
  {
    g_autoptr(LhStmt) count = lh_store_prepare (store, "SELECT count(*) FROM action_objectives", error);
    gboolean has_row = FALSE;

    if (count == NULL || !lh_store_step (store, count, &has_row, error))
      return NULL;
    if (sqlite3_column_int (count, 0) >= LH_ACTION_PLAN_MAX)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "The action plan holds at most %d objectives",
                     LH_ACTION_PLAN_MAX);
        lh_error_set_reason (error, "action-plan-full");
        return NULL;
      }
  }
  insert = lh_store_prepare (store,
                             "INSERT INTO action_objectives (number, activity, by_whom, due_day, outcomes, "
                             "next_steps, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_int (insert, 1, fields->number);
  sqlite3_bind_text (insert, 2, fields->activity, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, fields->by_whom, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, fields->due_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, fields->outcomes != NULL ? fields->outcomes : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, fields->next_steps != NULL ? fields->next_steps : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, fields->status != NULL ? fields->status : "planned", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 8, now);
  if (!lh_store_exec (store, insert, error))
    return NULL;
  id = lh_store_last_insert_id (store);
  if (!record_change (store, id, changed_by, now, "created", NULL, NULL, error) ||
      !lh_transaction_commit (tx, error))
    return NULL;
  return lh_action_plan_get (store, id, error);
}

gboolean
lh_action_plan_edit (LhStore *store, GTimeZone *tz, gint64 objective_id, const LhObjectiveFields *fields,
                     gint64 changed_by, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhObjective) objective = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!check_fields (fields, FALSE, tz, now, error))
    return FALSE;
  tx = lh_store_begin (store, error);
  if (tx == NULL || (objective = lh_action_plan_get (store, objective_id, error)) == NULL)
    return FALSE;
  if (fields->number != 0 && fields->number != objective->number)
    {
      g_autofree char *old_number = g_strdup_printf ("%d", objective->number);
      g_autofree char *new_number = g_strdup_printf ("%d", fields->number);

      if (!number_free (store, fields->number, objective_id, error) ||
          !record_change (store, objective_id, changed_by, now, "number", old_number, new_number, error))
        return FALSE;
      objective->number = fields->number;
    }
  for (int field = 0; field < N_TEXTS; field++)
    {
      const char *given = given_text (fields, field);
      char **text = objective_text (objective, field);

      if (given == NULL || g_str_equal (given, *text))
        continue;
      if (!record_change (store, objective_id, changed_by, now, text_fields[field], *text, given, error))
        return FALSE;
      g_free (*text);
      *text = g_strdup (given);
    }
  return save_objective (store, objective, error) && lh_transaction_commit (tx, error);
}

static gpointer
objective_from_row (LhStmt *stmt)
{
  LhObjective *objective = g_new0 (LhObjective, 1);

  objective->id = sqlite3_column_int64 (stmt, 0);
  objective->number = sqlite3_column_int (stmt, 1);
  objective->activity = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  objective->by_whom = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  objective->due_day = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  objective->outcomes = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  objective->next_steps = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  objective->status = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  objective->created_at = sqlite3_column_int64 (stmt, 8);
  return objective;
}

LhObjective *
lh_action_plan_get (LhStore *store, gint64 objective_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, "SELECT " LH_OBJECTIVE_COLUMNS " FROM action_objectives WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, objective_id);
  found = lh_store_collect (store, stmt, objective_from_row, (GDestroyNotify) lh_objective_free, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No objective %" G_GINT64_FORMAT, objective_id);
      lh_error_set_reason (error, "objective-not-found");
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

GPtrArray *
lh_action_plan_list (LhStore *store, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* The number's unique index, read in order; the plan holds at most
   * LH_ACTION_PLAN_MAX. */
  stmt = lh_store_prepare (store, LH_ACTION_PLAN_LIST_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, LH_ACTION_PLAN_MAX);
  return lh_store_collect (store, stmt, objective_from_row, (GDestroyNotify) lh_objective_free, error);
}

/* Puts back, newest first, the objective's changes after `at`. */
static gboolean
undo_changes_after (LhStore *store, LhObjective *objective, gint64 at, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_OBJECTIVE_CHANGES_AFTER_SQL, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, objective->id);
  sqlite3_bind_int64 (stmt, 2, at);
  sqlite3_bind_int (stmt, 3, UNDO_MAX);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      const char *field = (const char *) sqlite3_column_text (stmt, 0);
      const char *old_value = (const char *) sqlite3_column_text (stmt, 1);

      if (g_str_equal (field, "number") && old_value != NULL)
        objective->number = atoi (old_value);
      for (int i = 0; i < N_TEXTS; i++)
        if (g_str_equal (field, text_fields[i]) && old_value != NULL)
          {
            char **text = objective_text (objective, i);

            g_free (*text);
            *text = g_strdup (old_value);
          }
    }
  return ok;
}

static int
by_number (gconstpointer a, gconstpointer b)
{
  const LhObjective *first = *(LhObjective * const *) a;
  const LhObjective *second = *(LhObjective * const *) b;

  return first->number - second->number;
}

GPtrArray *
lh_action_plan_as_at (LhStore *store, gint64 at, GError **error)
{
  g_autoptr(GPtrArray) plan = lh_action_plan_list (store, error);
  g_autoptr(GPtrArray) then = NULL;

  if (plan == NULL)
    return NULL;
  then = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_objective_free);
  for (guint i = 0; i < plan->len; i++)
    {
      LhObjective *objective = g_ptr_array_index (plan, i);

      if (objective->created_at > at)
        continue;
      if (!undo_changes_after (store, objective, at, error))
        return NULL;
      g_ptr_array_add (then, g_steal_pointer (&plan->pdata[i]));
    }
  g_ptr_array_sort (then, by_number);
  return g_steal_pointer (&then);
}

static gpointer
change_from_row (LhStmt *stmt)
{
  LhObjectiveChange *change = g_new0 (LhObjectiveChange, 1);

  change->changed_at = sqlite3_column_int64 (stmt, 0);
  change->changed_by = sqlite3_column_int64 (stmt, 1);
  change->changed_by_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  change->field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  change->old_value = lh_committee_dup_column (stmt, 4);
  change->new_value = lh_committee_dup_column (stmt, 5);
  return change;
}

GPtrArray *
lh_action_plan_history (LhStore *store, gint64 objective_id, GError **error)
{
  g_autoptr(LhObjective) objective = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  objective = lh_action_plan_get (store, objective_id, error);
  if (objective == NULL)
    return NULL;
  /* The latest, newest first by the index, then put oldest first. */
  stmt = lh_store_prepare (store, LH_OBJECTIVE_HISTORY_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, objective_id);
  sqlite3_bind_int (stmt, 2, LH_OBJECTIVE_HISTORY_MAX);
  changes = lh_store_collect (store, stmt, change_from_row, (GDestroyNotify) lh_objective_change_free, error);
  if (changes == NULL)
    return NULL;
  for (guint i = 0; i < changes->len / 2; i++)
    {
      gpointer swap = changes->pdata[i];

      changes->pdata[i] = changes->pdata[changes->len - 1 - i];
      changes->pdata[changes->len - 1 - i] = swap;
    }
  return g_steal_pointer (&changes);
}
