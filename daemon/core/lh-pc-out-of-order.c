/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whether a PC is out of order: the one rule (lh-equipment-private.h)
 * that booking, walk-up, availability and moving bookings all read. */
#define G_LOG_DOMAIN "lh-faults"

#include "lh-faults.h"

#include "lh-equipment-private.h"
#include "lh-error.h"

gboolean
lh_faults_pc_out_of_order (LhStore *store, gint64 resource_id, gboolean *out_of_order, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_PC_OUT_OF_ORDER_SQL, error);
  gboolean has_row;

  *out_of_order = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_of_order = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

gboolean
lh_faults_check_in_order (LhStore *store, gint64 resource_id, const char *name, GError **error)
{
  gboolean out_of_order;

  if (!lh_faults_pc_out_of_order (store, resource_id, &out_of_order, error))
    return FALSE;
  if (out_of_order)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "%s is out of order. Please choose another PC", name);
      lh_error_set_reason (error, "pc-out-of-order");
      return FALSE;
    }
  return TRUE;
}

GArray *
lh_faults_pcs_out_of_order (LhStore *store, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_PCS_OUT_OF_ORDER_SQL, error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return ok ? g_steal_pointer (&ids) : NULL;
}

gboolean
lh_faults_move_if_out_of_order_locked (LhStore *store, const LhCentre *centre, gint64 resource_id, gint64 now,
                                       GPtrArray *moves, GError **error)
{
  gboolean out_of_order;

  if (resource_id == 0)
    return TRUE;
  if (!lh_faults_pc_out_of_order (store, resource_id, &out_of_order, error))
    return FALSE;
  return !out_of_order || lh_faults_move_bookings_locked (store, centre, resource_id, now, moves, error);
}
