/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-checks"

#include "lh-equipment-checks.h"

#include <glib/gi18n-lib.h>

#include "lh-admin-notices.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-text.h"
#include "lh-time.h"

static const char * const check_results[] = { "passed", "failed", NULL };

/* The check with the last time it was done: that row is found through
 * the index of the check's history, not a scan. */
#define CHECK_SELECT \
  "SELECT c.id, c.what, e.asset_tag, c.kind, c.every_days, c.every_months, c.next_due, " \
  "  d.done_at, d.result, d.actor_name, d.note " \
  "FROM equipment_checks c LEFT JOIN equipment e ON e.id = c.equipment_id " \
  "LEFT JOIN equipment_checks_done d ON d.id = (SELECT id FROM equipment_checks_done " \
  "  WHERE check_id = c.id ORDER BY done_at DESC, id DESC LIMIT 1) "

void
lh_check_free (LhCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->what);
  g_free (check->asset_tag);
  g_free (check->kind);
  g_free (check->last_result);
  g_free (check->last_by);
  g_free (check->last_note);
  g_free (check);
}

static char *
dup_column (LhStmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
         ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gpointer
check_from_row (LhStmt *stmt)
{
  LhCheck *check = g_new0 (LhCheck, 1);

  check->id = sqlite3_column_int64 (stmt, 0);
  check->what = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  check->asset_tag = dup_column (stmt, 2);
  check->kind = dup_column (stmt, 3);
  check->every_days = sqlite3_column_int (stmt, 4);
  check->every_months = sqlite3_column_int (stmt, 5);
  check->next_due = sqlite3_column_int64 (stmt, 6);
  check->last_done_at = sqlite3_column_int64 (stmt, 7);
  check->last_result = dup_column (stmt, 8);
  check->last_by = dup_column (stmt, 9);
  check->last_note = dup_column (stmt, 10);
  return check;
}

gboolean
lh_checks_parse_every (const char *text, int *out_days, int *out_months, GError **error)
{
  char *end = NULL;
  gint64 count;

  *out_days = *out_months = 0;
  if (text != NULL && g_ascii_isdigit (text[0]))
    {
      count = g_ascii_strtoll (text, &end, 10);
      if (count > 0 && end[0] != '\0' && end[1] == '\0')
        {
          if (end[0] == 'd' && count <= LH_CHECK_MAX_DAYS)
            *out_days = (int) count;
          else if (end[0] == 'm' && count <= LH_CHECK_MAX_MONTHS)
            *out_months = (int) count;
          else if (end[0] == 'y' && count * 12 <= LH_CHECK_MAX_MONTHS)
            *out_months = (int) count * 12;
        }
    }
  if (*out_days == 0 && *out_months == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("Say how often as days, months or years, e.g. 14d, 6m or 1y (at most 10 years)"));
      return FALSE;
    }
  return TRUE;
}

LhCheckState
lh_check_state (const LhCheck *check, gint64 now, GTimeZone *tz)
{
  gint64 today = lh_time_local_midnight (now, tz);

  if (check->next_due < today)
    return LH_CHECK_OVERDUE;
  if (check->next_due < lh_time_add_days (today, LH_CHECK_REMIND_DAYS + 1, tz))
    return LH_CHECK_DUE_SOON;
  return LH_CHECK_LATER;
}

/* The local midnight one interval after the day of from. */
static gint64
due_after (gint64 from, int every_days, int every_months, GTimeZone *tz)
{
  gint64 midnight = lh_time_local_midnight (from, tz);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (every_days > 0)
    return lh_time_add_days (midnight, every_days, tz);
  /* 31 January and a month is 28 or 29 February, as GLib clamps it. */
  utc = g_date_time_new_from_unix_utc (midnight);
  local = g_date_time_to_timezone (utc, tz);
  later = g_date_time_add_months (local, every_months);
  return lh_time_local_midnight (g_date_time_to_unix (later), tz);
}

LhCheck *
lh_checks_get (LhStore *store, gint64 check_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, CHECK_SELECT "WHERE c.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, check_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No check %" G_GINT64_FORMAT, check_id);
      lh_error_set_reason (error, "check-not-found");
      return NULL;
    }
  return check_from_row (stmt);
}

GPtrArray *
lh_checks_list (LhStore *store, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* Soonest due first, so the overdue and the due soon lead. */
  stmt = lh_store_prepare (store, CHECK_SELECT "ORDER BY c.next_due, c.id LIMIT ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, LH_CHECKS_LIST_MAX);
  return lh_store_collect (store, stmt, check_from_row, (GDestroyNotify) lh_check_free, error);
}

static gboolean
fields_check (LhStore *store, const LhCheckFields *fields, gint64 *out_item_id, GError **error)
{
  *out_item_id = 0;
  if (lh_text_is_blank (fields->what))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("Say what the check is, e.g. \"Electrical safety test\""));
      return FALSE;
    }
  if (!lh_text_check (fields->what, -1, LH_TEXT_LINE, LH_CHECK_WHAT_MAX_CHARS, "what the check is", error))
    return FALSE;
  if (fields->asset_tag != NULL && fields->kind != NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("A check is of one item or of a kind, not both"));
      return FALSE;
    }
  if (fields->kind != NULL && !lh_equipment_kind_check (fields->kind, error))
    return FALSE;
  if ((fields->every_days > 0) == (fields->every_months > 0) || fields->every_days < 0 ||
      fields->every_months < 0 || fields->every_days > LH_CHECK_MAX_DAYS ||
      fields->every_months > LH_CHECK_MAX_MONTHS)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("Say how often, in days or in months (at most 10 years)"));
      return FALSE;
    }
  if (fields->asset_tag != NULL)
    {
      g_autoptr(LhEquipment) item = lh_equipment_get (store, fields->asset_tag, error);

      if (item == NULL)
        return FALSE;
      if (g_str_equal (item->status, "retired"))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s is retired"), item->asset_tag);
          return FALSE;
        }
      *out_item_id = item->id;
    }
  return TRUE;
}

LhCheck *
lh_checks_add (LhStore *store, const LhCheckFields *fields, GTimeZone *tz, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) insert = NULL;
  gint64 item_id, check_id;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL || !fields_check (store, fields, &item_id, error))
    return NULL;
  insert = lh_store_prepare (store,
                             "INSERT INTO equipment_checks (what, equipment_id, kind, every_days, every_months, "
                             "next_due, created_at) VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, ?6, ?7)", error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_text (insert, 1, fields->what, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 2, item_id);
  sqlite3_bind_text (insert, 3, fields->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, fields->every_days);
  sqlite3_bind_int (insert, 5, fields->every_months);
  /* No date given: due one interval from today. */
  sqlite3_bind_int64 (insert, 6, fields->next_due != 0 ? lh_time_local_midnight (fields->next_due, tz)
                                                       : due_after (now, fields->every_days, fields->every_months, tz));
  sqlite3_bind_int64 (insert, 7, now);
  if (!lh_store_exec (store, insert, error))
    return NULL;
  check_id = lh_store_last_insert_id (store);
  if (!lh_transaction_commit (tx, error))
    return NULL;
  g_message ("Check %" G_GINT64_FORMAT " added: %s", check_id, fields->what);
  return lh_checks_get (store, check_id, error);
}

gboolean
lh_checks_end_for_retired_locked (LhStore *store, gint64 item_id, GError **error)
{
  /* The checks are the admins' few definitions, not a growing record:
   * reading them all on a retirement is cheap. The notices and records
   * refer to them, so go first. */
  static const char * const deletes[] = {
    "DELETE FROM admin_notices WHERE check_id IN (SELECT id FROM equipment_checks WHERE equipment_id = ?1)",
    "DELETE FROM equipment_checks_done WHERE check_id IN "
    "(SELECT id FROM equipment_checks WHERE equipment_id = ?1)",
    "DELETE FROM equipment_checks WHERE equipment_id = ?1",
  };

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      g_autoptr(LhStmt) stmt = lh_store_prepare (store, deletes[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, item_id);
      if (!lh_store_exec (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* An item's check goes into the item's own history too. */
static gboolean
add_to_item_history (LhStore *store, const LhCheck *check, const char *result, const char *note,
                     const LhEquipmentActor *actor, gint64 now, GError **error)
{
  g_autoptr(LhEquipment) item = NULL;
  g_autofree char *history_note = NULL;

  if (check->asset_tag == NULL)
    return TRUE;
  item = lh_equipment_get (store, check->asset_tag, error);
  if (item == NULL)
    return FALSE;
  history_note = note[0] != '\0' ? g_strdup_printf ("%s: %s; %s", check->what, result, note)
                                 : g_strdup_printf ("%s: %s", check->what, result);
  return lh_equipment_add_event (store, item->id, "checked", item->status, history_note, actor, now, error);
}

/* A failed check of one item is the admin's report of a fault on it
 * that stops use: the one rule for out of use, which takes a computer's
 * PC out of booking and moves its bookings. */
static gboolean
report_failure (LhStore *store, const LhCentre *centre, const LhCheck *check, const char *note, gint64 now,
                GPtrArray **out_moves, GError **error)
{
  static const LhFaultReporter admin = { 0, TRUE, TRUE };
  g_autofree char *fault_note = note[0] != '\0' ? g_strdup_printf ("Failed %s: %s", check->what, note)
                                                : g_strdup_printf ("Failed %s", check->what);
  g_autoptr(LhFault) fault = lh_faults_report (store, centre, check->asset_tag, 0, &admin, "other", fault_note, now,
                                               NULL, out_moves, error);

  return fault != NULL;
}

LhCheck *
lh_checks_done (LhStore *store, const LhCentre *centre, gint64 check_id, const char *result, const char *note,
                const LhEquipmentActor *actor, gint64 now, GPtrArray **out_moves, GError **error)
{
  GTimeZone *tz = centre->tz;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhCheck) check = NULL;
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(LhStmt) update = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  gboolean failed_item;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (note == NULL)
    note = "";
  /* The item's history holds the check's name and result beside the note. */
  if (!lh_text_one_of (check_results, result, "result", error))
    {
      lh_error_set_reason (error, "result-unknown");
      return NULL;
    }
  if (!lh_text_check (note, -1, LH_TEXT_LINE, LH_EQUIPMENT_NOTE_MAX_CHARS - LH_CHECK_WHAT_MAX_CHARS - 12,
                      "the note", error))
    {
      lh_error_set_reason (error, "note-invalid");
      return NULL;
    }
  tx = lh_store_begin (store, error);
  check = tx != NULL ? lh_checks_get (store, check_id, error) : NULL;
  if (check == NULL && error != NULL && g_error_matches (*error, LH_ERROR, LH_ERROR_NOT_FOUND))
    lh_error_set_reason (error, "check-not-found");
  insert = check != NULL ? lh_store_prepare (store,
                                             "INSERT INTO equipment_checks_done (check_id, done_at, result, note, "
                                             "actor_id, actor_name) VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), ?6)",
                                             error) : NULL;
  if (insert == NULL)
    return NULL;
  sqlite3_bind_int64 (insert, 1, check_id);
  sqlite3_bind_int64 (insert, 2, now);
  sqlite3_bind_text (insert, 3, result, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, note, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, actor->actor_id);
  sqlite3_bind_text (insert, 6, actor->actor_name, -1, SQLITE_STATIC);
  update = lh_store_exec (store, insert, error)
           ? lh_store_prepare (store, "UPDATE equipment_checks SET next_due = ?2 WHERE id = ?1", error) : NULL;
  if (update == NULL)
    return NULL;
  /* A failed item stays due today, its notices with it, until a pass. */
  failed_item = g_str_equal (result, "failed") && check->asset_tag != NULL;
  sqlite3_bind_int64 (update, 1, check_id);
  sqlite3_bind_int64 (update, 2, failed_item ? MIN (check->next_due, lh_time_local_midnight (now, tz))
                                             : due_after (now, check->every_days, check->every_months, tz));
  if (!lh_store_exec (store, update, error) ||
      !add_to_item_history (store, check, result, note, actor, now, error) ||
      (failed_item ? !report_failure (store, centre, check, note, now, &moves, error)
                   : !lh_admin_notices_clear_check (store, check_id, now, error)) ||
      !lh_transaction_commit (tx, error))
    return NULL;
  g_message ("Check %" G_GINT64_FORMAT " done: %s", check_id, result);
  if (out_moves != NULL)
    *out_moves = moves != NULL ? g_steal_pointer (&moves)
                               : g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);
  return lh_checks_get (store, check_id, error);
}
