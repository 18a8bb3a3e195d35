/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One item for the admin's desk: found by its id, with the newest part of
 * its history, read as a bounded range of the item's index. */
#define G_LOG_DOMAIN "lh-equipment"

#include "lh-equipment.h"

#include "lh-equipment-history-private.h"
#include "lh-error.h"

gboolean
lh_equipment_status_needs_note (const char *status)
{
  return g_strcmp0 (status, "working") != 0;
}

LhEquipment *
lh_equipment_get_by_id (LhStore *store, gint64 item_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autofree char *asset_tag = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, "SELECT asset_tag FROM equipment WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no item %" G_GINT64_FORMAT, item_id);
      return NULL;
    }
  asset_tag = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return lh_equipment_get (store, asset_tag, error);
}

GPtrArray *
lh_equipment_history_newest (LhStore *store, gint64 item_id, guint limit, gboolean *out_more, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_equipment_event_free);
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  /* One row more than asked tells whether there is older history. */
  stmt = lh_store_prepare (store, LH_EQUIPMENT_HISTORY_NEWEST_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, (gint64) limit + 1);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhEquipmentEvent *event;

      if (events->len == limit)
        break;
      event = g_new0 (LhEquipmentEvent, 1);
      event->at = sqlite3_column_int64 (stmt, 0);
      event->what = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      event->status = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      event->note = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      event->actor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (events, event);
    }
  if (!ok)
    return NULL;
  if (out_more != NULL)
    *out_more = has_row;
  return g_steal_pointer (&events);
}
