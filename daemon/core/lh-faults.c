/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Faults: listing, assigning and repairing; each step is a row of the
 * item's history. Reporting is in lh-fault-report.c, moving a broken
 * PC's bookings in lh-fault-bookings.c. */
#define G_LOG_DOMAIN "lh-faults"

#include "lh-faults.h"

#include "lh-admin-notices.h"
#include "lh-equipment-checks.h"
#include "lh-error.h"
#include "lh-faults-private.h"
#include "lh-terms.h"
#include "lh-text.h"

#define DAY ((gint64) 24 * 3600)

const char * const lh_fault_categories[] = {
  "programs", "internet", "keyboard-mouse", "screen", "sound", "printer", "other", NULL,
};

/* Which faults stop use, in one place. A PC that cannot run programs,
 * reach the internet, take input or show a screen cannot hold a learning
 * session, so its bookings are better moved than kept; without sound, a
 * printer, or with something else wrong, most learning still works at it,
 * so it stays bookable while the fault waits. */
static const char * const categories_stopping_use[] = { "programs", "internet", "keyboard-mouse", "screen", NULL };

/* A fault is of an inventory item, or of a PC with no computer in it. */
#define FAULT_SELECT \
  "SELECT f.id, e.asset_tag, e.kind, coalesce (e.resource_id, f.resource_id, 0), r.name, f.category, " \
  "f.stops_use, f.reported_at, f.reports, f.assigned_to, coalesce (f.repaired_at, 0), e.id, " \
  "coalesce (f.joined_into, 0) " \
  "FROM faults f LEFT JOIN equipment e ON e.id = f.equipment_id " \
  "LEFT JOIN resources r ON r.id = coalesce (e.resource_id, f.resource_id) "

void
lh_fault_free (LhFault *fault)
{
  g_free (fault->asset_tag);
  g_free (fault->kind);
  g_free (fault->resource_name);
  g_free (fault->category);
  g_free (fault->assigned_to);
  g_free (fault);
}

gboolean
lh_fault_category_stops_use (const char *category)
{
  return category != NULL && g_strv_contains ((const char * const *) categories_stopping_use, category);
}

gboolean
lh_fault_category_check (const char *category, GError **error)
{
  return lh_text_one_of (lh_fault_categories, category, "kind of fault", error);
}

static LhFault *
fault_from_row (LhStmt *stmt)
{
  LhFault *fault = g_new0 (LhFault, 1);

  fault->id = sqlite3_column_int64 (stmt, 0);
  fault->asset_tag = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  fault->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  fault->resource_id = sqlite3_column_int64 (stmt, 3);
  fault->resource_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  fault->category = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  fault->stops_use = sqlite3_column_int (stmt, 6) != 0;
  fault->reported_at = sqlite3_column_int64 (stmt, 7);
  fault->reports = sqlite3_column_int (stmt, 8);
  fault->assigned_to = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  fault->repaired_at = sqlite3_column_int64 (stmt, 10);
  fault->joined_into = sqlite3_column_int64 (stmt, 12);
  return fault;
}

/* The longest a fault may stay open under the terms in force at now. */
static gboolean
overdue_before (LhStore *store, gint64 now, gint64 *out_before, GError **error)
{
  g_auto(LhTerms) terms = { 0 };

  if (!lh_terms_at (store, now, &terms, error))
    return FALSE;
  *out_before = now - terms.fault_days_at_most * DAY;
  return TRUE;
}

LhFault *
lh_faults_get (LhStore *store, gint64 fault_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gint64 before;
  gboolean has_row;
  LhFault *fault;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, FAULT_SELECT "WHERE f.id = ?1", error);
  if (stmt == NULL || !overdue_before (store, now, &before, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fault_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no fault %" G_GINT64_FORMAT, fault_id);
      lh_error_set_reason (error, "fault-not-found");
      return NULL;
    }
  fault = fault_from_row (stmt);
  fault->overdue = fault->repaired_at == 0 && fault->reported_at < before;
  return fault;
}

static GPtrArray *
list_open_before (LhStore *store, gint64 before, gint64 overdue_before_t, GError **error)
{
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             FAULT_SELECT "WHERE f.repaired_at IS NULL AND f.reported_at < ?1 "
                                             "ORDER BY f.reported_at, f.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, before);
  faults = lh_store_collect (store, stmt, (LhRowFunc) fault_from_row, (GDestroyNotify) lh_fault_free, error);
  for (guint i = 0; faults != NULL && i < faults->len; i++)
    {
      LhFault *fault = g_ptr_array_index (faults, i);

      fault->overdue = fault->reported_at < overdue_before_t;
    }
  return g_steal_pointer (&faults);
}

GPtrArray *
lh_faults_list_open (LhStore *store, gint64 now, GError **error)
{
  gint64 before;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (!overdue_before (store, now, &before, error))
    return NULL;
  /* Open faults only: the partial index holds no repaired one. */
  return list_open_before (store, G_MAXINT64, before, error);
}

/* Where a page of open faults goes on from: after the fault after_id,
 * by (reported_at, id); the start when after_id is 0. */
static gboolean
page_start (LhStore *store, gint64 after_id, gint64 *out_reported_at, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  *out_reported_at = G_MININT64;
  if (after_id == 0)
    return TRUE;
  stmt = lh_store_prepare (store, "SELECT reported_at FROM faults WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no fault %" G_GINT64_FORMAT " to go on from",
                   after_id);
      return FALSE;
    }
  *out_reported_at = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

GPtrArray *
lh_faults_list_open_page (LhStore *store, gint64 now, gint64 after_id, guint limit, GError **error)
{
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  gint64 before, from;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  if (!overdue_before (store, now, &before, error) || !page_start (store, after_id, &from, error))
    return NULL;
  /* An index range of faults_open_by_age from the last one shown. */
  stmt = lh_store_prepare (store,
                           FAULT_SELECT "WHERE f.repaired_at IS NULL AND f.reported_at >= ?1 "
                           "AND (f.reported_at > ?1 OR f.id > ?2) ORDER BY f.reported_at, f.id LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, after_id);
  sqlite3_bind_int64 (stmt, 3, (gint64) limit + 1);
  faults = lh_store_collect (store, stmt, (LhRowFunc) fault_from_row, (GDestroyNotify) lh_fault_free, error);
  for (guint i = 0; faults != NULL && i < faults->len; i++)
    {
      LhFault *fault = g_ptr_array_index (faults, i);

      fault->overdue = fault->reported_at < before;
    }
  return g_steal_pointer (&faults);
}

GPtrArray *
lh_faults_list_overdue (LhStore *store, gint64 now, GError **error)
{
  gint64 before;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (!overdue_before (store, now, &before, error))
    return NULL;
  return list_open_before (store, before, before, error);
}

static gboolean
exec_ids (LhStore *store, const char *sql, gint64 a, gint64 b, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return lh_store_exec (store, stmt, error);
}

static LhFault *
get_open (LhStore *store, gint64 fault_id, gint64 now, GError **error)
{
  g_autoptr(LhFault) fault = lh_faults_get (store, fault_id, now, error);

  if (fault == NULL && error != NULL && g_error_matches (*error, LH_ERROR, LH_ERROR_NOT_FOUND))
    lh_error_set_reason (error, "fault-not-found");
  if (fault != NULL && fault->repaired_at != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Fault %" G_GINT64_FORMAT " is already repaired", fault_id);
      lh_error_set_reason (error, "fault-repaired-already");
      return NULL;
    }
  return g_steal_pointer (&fault);
}

gboolean
lh_faults_assign (LhStore *store, gint64 fault_id, const char *to, const LhEquipmentActor *actor, gint64 now,
                  GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(LhStmt) update = NULL;
  g_autofree char *note = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (lh_text_is_blank (to))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Say who is seeing to the fault");
      lh_error_set_reason (error, "assignee-missing");
      lh_error_set_max_chars (error, LH_FAULT_ASSIGNEE_MAX_CHARS);
      return FALSE;
    }
  if (!lh_text_check (to, -1, LH_TEXT_LINE, LH_FAULT_ASSIGNEE_MAX_CHARS, "who it is assigned to", error))
    {
      lh_error_set_reason (error, "assignee-invalid");
      return FALSE;
    }
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  fault = get_open (store, fault_id, now, error);
  /* A PC with no computer in the inventory has no history to write in. */
  if (fault == NULL || (fault->asset_tag != NULL && (item = lh_equipment_get (store, fault->asset_tag, error)) == NULL))
    return FALSE;
  update = lh_store_prepare (store, "UPDATE faults SET assigned_to = ?2 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, fault_id);
  sqlite3_bind_text (update, 2, to, -1, SQLITE_STATIC);
  note = g_strdup_printf ("%s: assigned to %s", fault->category, to);
  return lh_store_exec (store, update, error) &&
         (item == NULL || lh_equipment_add_event (store, item->id, "fault", item->status, note, actor, now, error)) &&
         lh_transaction_commit (tx, error);
}

gboolean
lh_faults_repaired (LhStore *store, gint64 fault_id, const char *note, const LhEquipmentActor *actor, gint64 now,
                    gint64 *out_resource_id, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhFault) fault = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(LhStmt) others = NULL;
  g_autofree char *history_note = NULL;
  const char *status;
  gboolean has_row, chosen;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (note == NULL)
    note = "";
  if (!lh_text_check (note, -1, LH_TEXT_LINE, LH_EQUIPMENT_NOTE_MAX_CHARS - 20, "the note", error))
    {
      lh_error_set_reason (error, "note-invalid");
      return FALSE;
    }
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  fault = get_open (store, fault_id, now, error);
  if (fault == NULL ||
      (fault->asset_tag != NULL && (item = lh_equipment_get (store, fault->asset_tag, error)) == NULL) ||
      !exec_ids (store, "UPDATE faults SET repaired_at = ?2 WHERE id = ?1", fault_id, now, error))
    return FALSE;
  if (item == NULL)
    {
      /* A PC with no computer in the inventory: no status, no history,
       * but its notice is done with all the same. */
      if (!lh_admin_notices_clear_fault (store, fault_id, now, error) || !lh_transaction_commit (tx, error))
        return FALSE;
      if (out_resource_id != NULL)
        *out_resource_id = fault->resource_id;
      return TRUE;
    }
  /* Back in service, unless another open fault still stops its use. */
  others = lh_store_prepare (store,
                             "SELECT 1 FROM faults WHERE equipment_id = ?1 AND repaired_at IS NULL AND stops_use",
                             error);
  if (others == NULL)
    return FALSE;
  sqlite3_bind_int64 (others, 1, item->id);
  if (!lh_store_step (store, others, &has_row, error))
    return FALSE;
  /* A status an admin chose (in repair for another reason) stays. */
  if (!lh_equipment_status_chosen (store, item, &chosen, error))
    return FALSE;
  status = !has_row && !chosen && g_str_equal (item->status, "faulty") ? "working" : item->status;
  if (!g_str_equal (status, item->status) && !lh_faults_set_item_status (store, item->id, status, error))
    return FALSE;
  history_note = note[0] != '\0' ? g_strdup_printf ("%s: %s", fault->category, note) : g_strdup (fault->category);
  if (!lh_equipment_add_event (store, item->id, "repaired", status, history_note, actor, now, error) ||
      !lh_admin_notices_clear_fault (store, fault_id, now, error) ||
      !lh_transaction_commit (tx, error))
    return FALSE;
  if (out_resource_id != NULL)
    *out_resource_id = item->resource_id;
  return TRUE;
}

gboolean
lh_faults_item_stopped (LhStore *store, gint64 item_id, gboolean *out_stopped, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  stmt = lh_store_prepare (store, "SELECT 1 FROM faults INDEXED BY faults_open_stopping_use "
                           "WHERE equipment_id = ?1 AND repaired_at IS NULL AND stops_use", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  return lh_store_step (store, stmt, out_stopped, error);
}

gboolean
lh_faults_close_for_retired_locked (LhStore *store, gint64 item_id, const LhEquipmentActor *actor, gint64 now,
                                    GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT id, category FROM faults WHERE equipment_id = ?1 "
                                             "AND repaired_at IS NULL", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (notes, g_strdup_printf ("%s: closed, the item is retired", sqlite3_column_text (stmt, 1)));
    }
  if (!ok)
    return FALSE;
  /* A retired item is never repaired: its faults would stay open, fall
   * overdue and be announced for ever. */
  for (guint i = 0; i < ids->len; i++)
    if (!exec_ids (store, "UPDATE faults SET repaired_at = ?2 WHERE id = ?1", g_array_index (ids, gint64, i), now,
                   error) ||
        !lh_equipment_add_event (store, item_id, "repaired", "retired", g_ptr_array_index (notes, i), actor, now,
                                 error) ||
        !lh_admin_notices_clear_fault (store, g_array_index (ids, gint64, i), now, error))
      return FALSE;
  return lh_checks_end_for_retired_locked (store, item_id, error);
}
