/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The queue as a display shows it: numbers, desks and places, never a
 * name or a topic. */
#define G_LOG_DOMAIN "lh-advice"

#include "lh-advice.h"

#include "lh-advice-private.h"
#include "lh-error.h"
#include "lh-time.h"

/* ---- the display -------------------------------------------------------- */

static gboolean
fill_queue (LhStore *store, LhQueue *queue, int service_minutes, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT ticket, status, desk FROM advice_requests WHERE dropin_id = ?1 "
                                             "AND status IN ('waiting', 'called', 'started') ORDER BY ticket", error);
  gboolean has_row = FALSE;
  gboolean ok;
  int n_ulrs;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, queue->dropin_id);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      int ticket = sqlite3_column_int (stmt, 0);

      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "waiting") == 0)
        g_array_append_val (queue->waiting, ticket);
      else
        {
          LhQueueCall call = { ticket, g_strdup ((const char *) sqlite3_column_text (stmt, 2)) };
          g_array_append_val (queue->serving, call);
        }
    }
  if (!ok)
    return FALSE;
  n_ulrs = lh_advice_n_ulrs (store, queue->dropin_id, error);
  if (n_ulrs < 0)
    return FALSE;
  queue->wait_minutes = lh_advice_estimate_wait ((int) queue->waiting->len, service_minutes, n_ulrs);
  return TRUE;
}

GPtrArray *
lh_advice_queues (LhStore *store, const LhCentre *centre, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) queues = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_queue_free);
  gint64 tomorrow;
  gboolean has_row = FALSE;
  gboolean ok;
  int service_minutes;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  service_minutes = lh_advice_service_minutes (store, now, error);
  if (service_minutes < 0)
    return NULL;
  tomorrow = lh_time_next_midnight (lh_time_local_midnight (now, centre->tz), centre->tz);
  stmt = lh_store_prepare (store,
                           "SELECT id, place, start_at, end_at FROM advice_dropins WHERE closed_at IS NULL "
                           "AND end_at > ?1 AND start_at < ?2 ORDER BY start_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, tomorrow);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhQueue *queue = g_new0 (LhQueue, 1);

      queue->dropin_id = sqlite3_column_int64 (stmt, 0);
      queue->place = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      queue->start_at = sqlite3_column_int64 (stmt, 2);
      queue->end_at = sqlite3_column_int64 (stmt, 3);
      queue->open = queue->start_at <= now;
      queue->serving = g_array_new (FALSE, FALSE, sizeof (LhQueueCall));
      queue->waiting = g_array_new (FALSE, FALSE, sizeof (int));
      g_ptr_array_add (queues, queue);
    }
  if (!ok)
    return NULL;
  for (guint i = 0; i < queues->len; i++)
    if (!fill_queue (store, g_ptr_array_index (queues, i), service_minutes, error))
      return NULL;
  return g_steal_pointer (&queues);
}

gboolean
lh_advice_count_waiting (LhStore *store, gint64 dropin_id, int *out_waiting, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT count(*) FROM advice_requests WHERE dropin_id = ?1 "
                                             "AND status = 'waiting'", error);
  gboolean has_row;

  g_return_val_if_fail (out_waiting != NULL, FALSE);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_waiting = sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
lh_advice_send_home (LhStore *store, gint64 dropin_id, gint64 at, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "UPDATE advice_requests SET status = 'unseen', ended_at = ?2 "
                                             "WHERE dropin_id = ?1 AND status IN ('waiting', 'called')", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  sqlite3_bind_int64 (stmt, 2, at);
  return lh_store_exec (store, stmt, error);
}
