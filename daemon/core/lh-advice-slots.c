/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ULRs' one-to-one appointment slots. Who took one is told to nobody but
 * that learner (and, through the request, their ULR). */
#define G_LOG_DOMAIN "lh-dropins"

#include "lh-dropins.h"

#include "lh-advice-private.h"
#include "lh-error.h"

#define SLOT_MIN_MINUTES 15
#define SLOT_MAX_MINUTES 120

void
lh_advice_slot_free (LhAdviceSlot *slot)
{
  g_free (slot->ulr_name);
  g_free (slot->place);
  g_free (slot);
}

/* ?1 is who asks: "mine" for their own booking, never whose otherwise. */
#define SLOT_SELECT \
  "SELECT s.id, s.ulr_id, p.name, s.start_at, s.end_at, s.place, r.id IS NOT NULL, " \
  "coalesce(r.learner_id = ?1, 0) FROM advice_slots s JOIN people p ON p.id = s.ulr_id " \
  "LEFT JOIN advice_requests r ON r.slot_id = s.id AND r.status IN ('waiting', 'called', 'started', 'done') "

static LhAdviceSlot *
slot_from_row (LhStmt *stmt)
{
  LhAdviceSlot *slot = g_new0 (LhAdviceSlot, 1);

  slot->id = sqlite3_column_int64 (stmt, 0);
  slot->ulr_id = sqlite3_column_int64 (stmt, 1);
  slot->ulr_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  slot->start_at = sqlite3_column_int64 (stmt, 3);
  slot->end_at = sqlite3_column_int64 (stmt, 4);
  slot->place = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  slot->taken = sqlite3_column_int (stmt, 6) != 0;
  slot->mine = sqlite3_column_int (stmt, 7) != 0;
  return slot;
}

LhAdviceSlot *
lh_advice_slots_get (LhStore *store, gint64 slot_id, gint64 viewer_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, SLOT_SELECT "WHERE s.id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, viewer_id);
  sqlite3_bind_int64 (stmt, 2, slot_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no advice slot %" G_GINT64_FORMAT, slot_id);
      lh_error_set_reason (error, "slot-not-found");
      return NULL;
    }
  return slot_from_row (stmt);
}

GPtrArray *
lh_advice_slots_list (LhStore *store, gint64 from, gint64 to, gint64 viewer_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, SLOT_SELECT "WHERE s.start_at >= ?2 AND s.start_at < ?3 ORDER BY s.start_at, s.id",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, viewer_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  return lh_store_collect (store, stmt, (LhRowFunc) slot_from_row, (GDestroyNotify) lh_advice_slot_free, error);
}

LhAdviceSlot *
lh_advice_slots_offer (LhStore *store, gint64 created_by, gint64 ulr_id, gint64 start, gint64 end,
                       const char *place, gint64 now, GError **error)
{
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (start < now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That time has already passed");
      lh_error_set_reason (error, "time-passed");
      return NULL;
    }
  if (start > now + 366 * 24 * 3600)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Offer times up to a year ahead");
      lh_error_set_reason (error, "beyond-horizon");
      lh_error_add_number (error, "horizon_days", 366);
      return NULL;
    }
  if (end - start < SLOT_MIN_MINUTES * 60 || end - start > SLOT_MAX_MINUTES * 60)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "An appointment takes %d to %d minutes",
                   SLOT_MIN_MINUTES, SLOT_MAX_MINUTES);
      lh_error_set_reason (error, "slot-length");
      lh_error_add_number (error, "min_minutes", SLOT_MIN_MINUTES);
      lh_error_add_number (error, "max_minutes", SLOT_MAX_MINUTES);
      return NULL;
    }
  if (!lh_advice_text_check (place, 100, TRUE, "place", error) || !lh_advice_check_ulr (store, ulr_id, error))
    return NULL;
  insert = lh_store_prepare (store,
                             "INSERT INTO advice_slots (ulr_id, start_at, end_at, place, created_by, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_int64 (insert, 1, ulr_id);
  sqlite3_bind_int64 (insert, 2, start);
  sqlite3_bind_int64 (insert, 3, end);
  sqlite3_bind_text (insert, 4, place != NULL ? place : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 5, created_by);
  sqlite3_bind_int64 (insert, 6, now);
  if (!lh_store_exec (store, insert, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "You offer another time for advice then");
          lh_error_set_reason (error, "offer-clash");
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return lh_advice_slots_get (store, lh_store_last_insert_id (store), created_by, error);
}
