/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sittings at PCs: reading them, ending them, more time, and what a
 * PC's kiosk shows (sitting down is in lh-usage-begin.c). */
#define G_LOG_DOMAIN "lh-usage"

#include "lh-usage-private.h"

#include "lh-bookings.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-resources.h"
#include "lh-time.h"

static const char *const end_reasons[] = {
  [LH_USAGE_END_SIGN_OUT] = "sign-out",
  [LH_USAGE_END_IDLE] = "idle",
  [LH_USAGE_END_BOOKING_END] = "booking-end",
  [LH_USAGE_END_CLOSING] = "closing",
  [LH_USAGE_END_HEARTBEAT_LOST] = "heartbeat-lost",
  [LH_USAGE_END_MOVED] = "moved",
  [LH_USAGE_END_REPLACED] = "replaced",
  [LH_USAGE_END_REVOKED] = "revoked",
};

const char *
lh_usage_end_to_string (LhUsageEnd reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (end_reasons), NULL);
  return end_reasons[reason];
}

void
lh_usage_free (LhUsage *usage)
{
  g_free (usage->resource_name);
  g_free (usage->end_reason);
  g_free (usage);
}

LhUsage *
lh_usage_from_row (LhStmt *stmt)
{
  LhUsage *usage = g_new0 (LhUsage, 1);

  usage->id = sqlite3_column_int64 (stmt, 0);
  usage->person_id = sqlite3_column_int64 (stmt, 1);
  usage->resource_id = sqlite3_column_int64 (stmt, 2);
  usage->booking_id = sqlite3_column_int64 (stmt, 3);
  usage->device_id = sqlite3_column_int64 (stmt, 4);
  usage->session_id = sqlite3_column_int64 (stmt, 5);
  usage->started_at = sqlite3_column_int64 (stmt, 6);
  usage->ends_at = sqlite3_column_int64 (stmt, 7);
  usage->ended_at = sqlite3_column_int64 (stmt, 8);
  usage->walk_up = sqlite3_column_int (stmt, 9) != 0;
  usage->resource_name = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  usage->end_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  usage->booking_start = sqlite3_column_int64 (stmt, 12);
  return usage;
}

LhUsage *
lh_usage_get_by_id (LhStore *store, gint64 id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, USAGE_SELECT "WHERE u.id = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No such sitting");
      lh_error_set_reason (error, "sitting-not-found");
      return NULL;
    }
  return lh_usage_from_row (stmt);
}

GPtrArray *
lh_usage_list_open (LhStore *store, GError **error)
{
  /* The open sittings alone, from the partial index of them (one a PC),
   * not every sitting ever: ORDER BY u.id alone would scan the table. */
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             USAGE_COLUMNS "FROM usage_sessions u INDEXED BY usage_one_per_pc "
                                             USAGE_JOINS "WHERE u.ended_at IS NULL ORDER BY u.id", error);

  if (stmt == NULL)
    return NULL;
  return lh_store_collect (store, stmt, (LhRowFunc) lh_usage_from_row, (GDestroyNotify) lh_usage_free, error);
}

LhUsage *
lh_usage_get_current (LhStore *store, gint64 session_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, USAGE_SELECT "WHERE u.session_id = ?1 AND u.ended_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (!lh_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;
  return lh_usage_from_row (stmt);
}

gboolean
lh_usage_exec2 (LhStore *store, const char *sql, gint64 a, gint64 b, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  return lh_store_exec (store, stmt, error);
}

gboolean
lh_usage_end_locked (LhStore *store, LhUsage *usage, LhUsageEnd reason, gint64 at, GError **error)
{
  g_autoptr(LhStmt) end = NULL;

  at = CLAMP (at, usage->started_at, MAX (usage->started_at, usage->ends_at));
  end = lh_store_prepare (store,
                          "UPDATE usage_sessions SET ended_at = ?2, end_reason = ?3 "
                          "WHERE id = ?1 AND ended_at IS NULL", error);
  if (end == NULL)
    return FALSE;
  sqlite3_bind_int64 (end, 1, usage->id);
  sqlite3_bind_int64 (end, 2, at);
  sqlite3_bind_text (end, 3, lh_usage_end_to_string (reason), -1, SQLITE_STATIC);
  if (!lh_store_exec (store, end, error))
    return FALSE;
  /* The rest of a walk-up was never booked: free it for others. */
  if (usage->walk_up && at < usage->ends_at)
    {
      const char *sql = at - usage->booking_start < 60
                          ? "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1"
                          : "UPDATE bookings SET end_at = ?2 WHERE id = ?1";

      if (!lh_usage_exec2 (store, sql, usage->booking_id, at, error))
        return FALSE;
      usage->ends_at = at;
    }
  if (!lh_usage_exec2 (store, "UPDATE sessions SET ended_at = ?2 WHERE id = ?1 AND ended_at IS NULL",
                       usage->session_id, at, error))
    return FALSE;
  usage->ended_at = at;
  g_free (usage->end_reason);
  usage->end_reason = g_strdup (lh_usage_end_to_string (reason));
  return TRUE;
}

/* A write transaction holding the session's sitting; LH_ERROR_NOT_FOUND
 * if it has none. */
static LhTransaction *
begin_with_current (LhStore *store, gint64 session_id, LhUsage **out_usage, GError **error)
{
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(GError) local_error = NULL;

  if (tx == NULL)
    return NULL;
  *out_usage = lh_usage_get_current (store, session_id, &local_error);
  if (*out_usage == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You are not using a PC");
          lh_error_set_reason (error, "not-sitting");
        }
      return NULL;
    }
  return g_steal_pointer (&tx);
}

LhUsage *
lh_usage_end_session (LhStore *store, gint64 session_id, LhUsageEnd reason, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhUsage) usage = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = begin_with_current (store, session_id, &usage, &local_error);
  if (tx == NULL)
    {
      /* No sitting is no error here: the session simply had none. */
      if (!g_error_matches (local_error, LH_ERROR, LH_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!lh_usage_end_locked (store, usage, reason, now, error) || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&usage);
}

/* Ends the sittings that sign-in at this PC replaces: anyone's here (the
 * kiosk shows its sign-in screen, so whoever was here has gone), and the
 * person's own elsewhere. */
gboolean
lh_usage_can_extend (LhStore *store, const LhCentre *centre, const LhUsage *usage, gint64 *out_until,
                     GError **error)
{
  g_autoptr(LhResource) resource = lh_resources_get (store, usage->resource_id, error);
  gint64 until;

  *out_until = 0;
  if (resource == NULL ||
      !lh_bookings_free_until (store, centre, usage->person_id, resource, usage->booking_start,
                               usage->ends_at, usage->booking_id, &until, NULL, error))
    return FALSE;
  if (until - usage->ends_at >= LH_USAGE_MIN_SECONDS)
    *out_until = MIN (until, usage->ends_at + LH_USAGE_EXTEND_SECONDS);
  return TRUE;
}

/* Why there is no more time, in plain words. */
static void
set_no_extension_error (const LhCentre *centre, const LhUsage *usage, gint64 until, LhFreeBound bound,
                        GError **error)
{
  g_autofree char *at = lh_time_format_hhmm (until, centre->tz);

  switch (bound)
    {
    case LH_FREE_CLOSED:
    case LH_FREE_CLOSING:
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "The centre closes at %s", at);
      lh_error_set_reason (error, "centre-closing");
      return;
    case LH_FREE_LONGEST:
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "That is as long as one sitting can be");
      lh_error_set_reason (error, "longest-sitting");
      return;
    case LH_FREE_ALLOWANCE:
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   "You have used all the computer time the rules allow for now");
      lh_error_set_reason (error, "time-used-up");
      return;
    case LH_FREE_BOOKED:
    default:
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s is booked from %s", usage->resource_name, at);
      lh_error_set_reason (error, "pc-booked-next");
      return;
    }
}

LhUsage *
lh_usage_extend (LhStore *store, const LhCentre *centre, gint64 session_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhUsage) usage = NULL;
  g_autoptr(LhResource) resource = NULL;
  LhFreeBound bound;
  gint64 until;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = begin_with_current (store, session_id, &usage, error);
  if (tx == NULL)
    return NULL;
  resource = lh_resources_get (store, usage->resource_id, error);
  if (resource == NULL ||
      !lh_bookings_free_until (store, centre, usage->person_id, resource, usage->booking_start,
                               usage->ends_at, usage->booking_id, &until, &bound, error))
    return NULL;
  if (until - usage->ends_at < LH_USAGE_MIN_SECONDS)
    {
      set_no_extension_error (centre, usage, until, bound, error);
      /* Another PC may have the time this one has not. */
      if (g_strcmp0 (lh_error_get_reason (error ? *error : NULL), "pc-booked-next") == 0)
        lh_usage_suggest_free_pc (store, centre, usage->person_id, usage->resource_id, now, error);
      return NULL;
    }
  until = MIN (until, usage->ends_at + LH_USAGE_EXTEND_SECONDS);
  if (!lh_usage_exec2 (store, "UPDATE bookings SET end_at = ?2 WHERE id = ?1", usage->booking_id, until, error) ||
      !lh_usage_exec2 (store, "UPDATE sessions SET expires_at = max (expires_at, ?2) WHERE id = ?1",
                       usage->session_id, until, error) ||
      !lh_transaction_commit (tx, error))
    return NULL;
  usage->ends_at = until;
  return g_steal_pointer (&usage);
}

gboolean
lh_usage_pc_outlook (LhStore *store, const LhCentre *centre, gint64 resource_id, gint64 now,
                     LhPcOutlook *out_outlook, GError **error)
{
  g_autoptr(LhStmt) in_use = NULL;
  g_autoptr(LhStmt) next = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  in_use = lh_store_prepare (store, "SELECT 1 FROM usage_sessions WHERE resource_id = ?1 AND ended_at IS NULL",
                             error);
  if (in_use == NULL)
    return FALSE;
  sqlite3_bind_int64 (in_use, 1, resource_id);
  if (!lh_store_step (store, in_use, &out_outlook->in_use, error))
    return FALSE;

  next = lh_store_prepare (store,
                           "SELECT start_at, end_at FROM bookings WHERE resource_id = ?1 AND status = 'booked' "
                           "AND end_at > ?2 AND start_at > ?4 AND start_at < ?3 ORDER BY start_at LIMIT 1", error);
  if (next == NULL)
    return FALSE;
  sqlite3_bind_int64 (next, 1, resource_id);
  sqlite3_bind_int64 (next, 2, now);
  sqlite3_bind_int64 (next, 3, lh_time_next_midnight (lh_time_local_midnight (now, centre->tz), centre->tz));
  sqlite3_bind_int64 (next, 4, now - LH_BOOKING_MAX_SECONDS);
  if (!lh_store_step (store, next, &has_row, error))
    return FALSE;
  out_outlook->reserved_from = has_row ? sqlite3_column_int64 (next, 0) : 0;
  out_outlook->reserved_until = has_row ? sqlite3_column_int64 (next, 1) : 0;
  return TRUE;
}

GHashTable *
lh_usage_pc_states (LhStore *store, gint64 now, GError **error)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store,
                           "SELECT d.resource_id, coalesce (d.heartbeat_at, 0) >= ?1, "
                           "EXISTS (SELECT 1 FROM usage_sessions u WHERE u.resource_id = d.resource_id "
                           "        AND u.ended_at IS NULL), coalesce (d.heartbeat_at, 0) "
                           "FROM devices d WHERE d.resource_id IS NOT NULL AND d.revoked = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now - LH_DEVICE_SILENT_SECONDS);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      LhPcState *state = g_new0 (LhPcState, 1);

      state->online = sqlite3_column_int (stmt, 1) != 0;
      /* Offline is never "in use": whoever sat there may have gone. */
      state->in_use = state->online && sqlite3_column_int (stmt, 2) != 0;
      state->heard_at = sqlite3_column_int64 (stmt, 3);
      g_hash_table_insert (states, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)), state);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&states);
}
