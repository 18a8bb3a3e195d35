/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A computer linked to a PC takes over the faults the PC had on its own
 * while it had no computer in the inventory: one PC, one open fault per
 * problem, repaired once. */
#define G_LOG_DOMAIN "lh-faults"

#include "lh-faults.h"

#include "lh-admin-notices.h"
#include "lh-faults-private.h"

typedef struct
{
  gint64   id;
  char    *category;
  gboolean stops_use;
  gint64   reports;
  gint64   reported_at;
  gint64   overdue_told_at;  /* 0: not told */
} PcFault;

static void
pc_fault_free (PcFault *fault)
{
  g_free (fault->category);
  g_free (fault);
}

static PcFault *
pc_fault_from_row (LhStmt *stmt)
{
  PcFault *fault = g_new0 (PcFault, 1);

  fault->id = sqlite3_column_int64 (stmt, 0);
  fault->category = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  fault->stops_use = sqlite3_column_int (stmt, 2) != 0;
  fault->reports = sqlite3_column_int64 (stmt, 3);
  fault->reported_at = sqlite3_column_int64 (stmt, 4);
  fault->overdue_told_at = sqlite3_column_int64 (stmt, 5);
  return fault;
}

static gboolean
exec_two (LhStore *store, const char *sql, gint64 a, gint64 b, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return lh_store_exec (store, stmt, error);
}

/* The item's open fault of this category, or 0. */
static gboolean
item_fault_of (LhStore *store, gint64 item_id, const char *category, gint64 *out_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT id FROM faults WHERE equipment_id = ?1 AND category = ?2 "
                                             "AND repaired_at IS NULL", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_text (stmt, 2, category, -1, SQLITE_STATIC);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* The item has no such problem open: it opens with the PC's fault's age,
 * reports and assignee, as the same problem carried on. */
static gboolean
open_on_item (LhStore *store, gint64 pc_fault_id, gint64 item_id, gint64 *out_id, GError **error)
{
  if (!exec_two (store,
                 "INSERT INTO faults (equipment_id, category, stops_use, reported_at, reports, assigned_to, "
                 "overdue_told_at) SELECT ?2, category, stops_use, reported_at, reports, assigned_to, "
                 "overdue_told_at FROM faults WHERE id = ?1", pc_fault_id, item_id, error))
    return FALSE;
  *out_id = lh_store_last_insert_id (store);
  return TRUE;
}

/* The item already has this problem open: it takes the PC's fault's age
 * and whether it stops use. Told overdue if either was, so that the older
 * age does not announce it to the admins a second time. */
static gboolean
merge_into (LhStore *store, const PcFault *fault, gint64 into_id, GError **error)
{
  g_autoptr(LhStmt) update = lh_store_prepare (store,
                                               "UPDATE faults SET stops_use = stops_use OR ?2, "
                                               "reported_at = min(reported_at, ?3), "
                                               "overdue_told_at = coalesce (min(overdue_told_at, ?4), "
                                               "overdue_told_at, ?4) WHERE id = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, into_id);
  sqlite3_bind_int (update, 2, fault->stops_use);
  sqlite3_bind_int64 (update, 3, fault->reported_at);
  if (fault->overdue_told_at != 0)
    sqlite3_bind_int64 (update, 4, fault->overdue_told_at);
  else
    sqlite3_bind_null (update, 4);
  return lh_store_exec (store, update, error);
}

/* The item's fault carries the PC's one on: its reports move over and are
 * counted again by reporter (a kiosk may have reported both), the PC's
 * admin notices follow it where the item's fault has none of the kind,
 * and the PC's row is closed at the link, keeping its PC, as joined rather
 * than repaired: it stays the PC's history up to the link, which usage
 * per PC reads (lh-pc-outages.c). */
static gboolean
carry_on (LhStore *store, gint64 pc_fault_id, gint64 into_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) close_row = lh_store_prepare (store, "UPDATE faults SET repaired_at = ?2, joined_into = ?3 "
                                                  "WHERE id = ?1", error);

  if (close_row == NULL)
    return FALSE;
  sqlite3_bind_int64 (close_row, 1, pc_fault_id);
  sqlite3_bind_int64 (close_row, 2, now);
  sqlite3_bind_int64 (close_row, 3, into_id);
  return exec_two (store, "UPDATE fault_reports SET fault_id = ?2 WHERE fault_id = ?1", pc_fault_id, into_id,
                   error) &&
         /* An index range of fault_reports_by_reporter; no kiosk counts as one reporter. */
         exec_two (store, "UPDATE faults SET reports = max (1, (SELECT count (DISTINCT coalesce (device_id, 0)) "
                   "FROM fault_reports WHERE fault_id = ?2)) WHERE id = ?1", into_id, into_id, error) &&
         exec_two (store, "UPDATE OR IGNORE admin_notices SET fault_id = ?2 "
                   "WHERE fault_id = ?1 AND cleared_at IS NULL", pc_fault_id, into_id, error) &&
         lh_admin_notices_clear_fault (store, pc_fault_id, now, error) &&
         lh_store_exec (store, close_row, error);
}

gboolean
lh_faults_adopt_pc_faults_locked (LhStore *store, const LhEquipment *item, const LhEquipmentActor *actor,
                                  gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) faults = NULL;
  gboolean stops = FALSE;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (item != NULL && item->resource_id != 0, FALSE);

  /* An index range of faults_open_by_pc: at most one per category. */
  stmt = lh_store_prepare (store,
                           "SELECT id, category, stops_use, reports, reported_at, coalesce (overdue_told_at, 0) "
                           "FROM faults WHERE resource_id = ?1 AND repaired_at IS NULL ORDER BY category", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->resource_id);
  faults = lh_store_collect (store, stmt, (LhRowFunc) pc_fault_from_row, (GDestroyNotify) pc_fault_free, error);
  if (faults == NULL)
    return FALSE;
  for (guint i = 0; i < faults->len; i++)
    {
      const PcFault *fault = g_ptr_array_index (faults, i);
      g_autofree char *note = g_strdup_printf ("%s: reported at %s before it was linked", fault->category,
                                               item->resource_name != NULL ? item->resource_name : "its PC");
      gint64 into_id = 0;
      gboolean merged;

      if (!item_fault_of (store, item->id, fault->category, &into_id, error))
        return FALSE;
      merged = into_id != 0;
      if ((merged ? !merge_into (store, fault, into_id, error)
                        : !open_on_item (store, fault->id, item->id, &into_id, error)) ||
          !carry_on (store, fault->id, into_id, now, error))
        return FALSE;
      stops = stops || fault->stops_use;
      if (!lh_equipment_add_event (store, item->id, "fault",
                                   stops && g_str_equal (item->status, "working") ? "faulty" : item->status, note,
                                   actor, now, error))
        return FALSE;
      g_message ("PC %" G_GINT64_FORMAT "'s fault %" G_GINT64_FORMAT " %s %s", item->resource_id, fault->id,
                 merged ? "joined the open fault of" : "moved to", item->asset_tag);
    }
  /* As a report of it would: a fault that stops use makes it faulty. */
  if (stops && g_str_equal (item->status, "working"))
    return lh_faults_set_item_status (store, item->id, "faulty", error);
  return TRUE;
}
