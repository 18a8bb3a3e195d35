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

/* The item already has this problem open: the PC's fault joins it (its
 * reports, its age, whether it stops use) and is closed. */
static gboolean
join_into (LhStore *store, const PcFault *fault, gint64 into_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) update = lh_store_prepare (store,
                                               "UPDATE faults SET reports = reports + ?2, "
                                               "stops_use = stops_use OR ?3, reported_at = min(reported_at, ?4) "
                                               "WHERE id = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, into_id);
  sqlite3_bind_int64 (update, 2, fault->reports);
  sqlite3_bind_int (update, 3, fault->stops_use);
  sqlite3_bind_int64 (update, 4, fault->reported_at);
  return lh_store_exec (store, update, error) &&
         exec_two (store, "UPDATE fault_reports SET fault_id = ?2 WHERE fault_id = ?1", fault->id, into_id, error) &&
         exec_two (store, "UPDATE faults SET repaired_at = ?2 WHERE id = ?1", fault->id, now, error) &&
         lh_admin_notices_clear_fault (store, fault->id, now, error);
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
                           "SELECT id, category, stops_use, reports, reported_at FROM faults "
                           "WHERE resource_id = ?1 AND repaired_at IS NULL ORDER BY category", error);
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

      if (!item_fault_of (store, item->id, fault->category, &into_id, error))
        return FALSE;
      if (into_id != 0 ? !join_into (store, fault, into_id, now, error)
                       : !exec_two (store, "UPDATE faults SET equipment_id = ?2, resource_id = NULL WHERE id = ?1",
                                    fault->id, item->id, error))
        return FALSE;
      stops = stops || fault->stops_use;
      if (!lh_equipment_add_event (store, item->id, "fault",
                                   stops && g_str_equal (item->status, "working") ? "faulty" : item->status, note,
                                   actor, now, error))
        return FALSE;
      g_message ("PC %" G_GINT64_FORMAT "'s fault %" G_GINT64_FORMAT " %s %s", item->resource_id, fault->id,
                 into_id != 0 ? "joined the open fault of" : "moved to", item->asset_tag);
    }
  /* As a report of it would: a fault that stops use makes it faulty. */
  if (stops && g_str_equal (item->status, "working"))
    return lh_faults_set_item_status (store, item->id, "faulty", error);
  return TRUE;
}
