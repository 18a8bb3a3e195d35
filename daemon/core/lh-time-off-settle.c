/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a time-off request ends: cancelled with its booking, place or slot,
 * or settled from actual use once its time is over (unused paid time goes
 * back; an undecided request counts as own time). Every movement is a new
 * ledger entry. */
#define G_LOG_DOMAIN "lh-time-off"

#include "lh-time-off-private.h"

/* Minutes the sittings of a PC booking used within it, up to `until`. */
static gboolean
booking_used_minutes (LhStore *store, gint64 booking_id, gint64 until, int *out_minutes, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT coalesce(sum(max(0, min(coalesce(u.ended_at, ?2), b.end_at, ?2) "
                                             "  - max(u.started_at, b.start_at))), 0) "
                                             "FROM usage_sessions u JOIN bookings b ON b.id = u.booking_id "
                                             "WHERE u.booking_id = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, booking_id);
  sqlite3_bind_int64 (stmt, 2, until);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_minutes = (int) ((sqlite3_column_int64 (stmt, 0) + 30) / 60);
  return TRUE;
}

/* Records the request as taken: used minutes, of which paid up to the
 * approved time; the rest, and all of own or rejected time, is own. */
static gboolean
settle_one (LhStore *store, const LhTimeOffRequest *request, int used, gint64 now, GError **error)
{
  gboolean approved = g_strcmp0 (request->status, "approved") == 0;
  LhLedgerWrite entry = {
    .person_id = request->person_id,
    .category = request->category,
    .kind = "taken",
    .at = request->start_at,
    .request_id = request->id,
    .reason = used == 0 ? "not used" : "from actual use",
  };

  if (g_strcmp0 (request->status, "pending") == 0)
    entry.pending_delta = -request->minutes;
  if (approved)
    {
      entry.booked_delta = -request->minutes;
      entry.taken_delta = MIN (used, request->minutes);
      entry.own_delta = used - entry.taken_delta;
      entry.minutes = entry.taken_delta;
    }
  else
    {
      entry.own_delta = used;
      entry.minutes = used;
    }
  /* Own time at an assessment is not learning time to be matched. */
  if (g_strcmp0 (request->category, "learning") != 0)
    entry.own_delta = 0;
  return lh_time_off_ledger_add (store, &entry, now, error) &&
         lh_time_off_set_status (store, request->id, "taken", FALSE, now, error);
}

static gboolean
cancel_one (LhStore *store, const LhTimeOffRequest *request, const char *reason, const LhActor *actor, gint64 now,
            GError **error)
{
  LhLedgerWrite entry = {
    .actor_id = actor != NULL ? actor->actor_id : 0,
    .actor_name = actor != NULL ? actor->name : NULL,
    .person_id = request->person_id,
    .category = request->category,
    .kind = "cancelled",
    .at = request->start_at,
    .minutes = request->minutes,
    .request_id = request->id,
    .reason = reason,
  };

  if (g_strcmp0 (request->status, "pending") == 0)
    entry.pending_delta = -request->minutes;
  else if (g_strcmp0 (request->status, "approved") == 0)
    entry.booked_delta = -request->minutes;
  return lh_time_off_ledger_add (store, &entry, now, error) &&
         lh_time_off_set_status (store, request->id, "cancelled", FALSE, now, error);
}

static gboolean
is_open (const LhTimeOffRequest *request)
{
  return g_strcmp0 (request->status, "cancelled") != 0 && g_strcmp0 (request->status, "taken") != 0;
}

gboolean
lh_time_off_cancel_locked (LhStore *store, LhTimeOffSource source, gint64 source_id, const char *reason,
                           gint64 by_person_id, gint64 now, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhTimeOffRequest) request = NULL;
  g_autofree char *actor_name = NULL;
  LhActor actor;
  int used = 0;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  request = lh_time_off_get_for (store, source, source_id, &local_error);
  if (request == NULL || !is_open (request))
    {
      /* No request (or one already over) is nothing to cancel; a failure
       * to read it is a failure. */
      if (local_error == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A PC booking cancelled once its person has sat at it keeps what
   * they used: nothing used is ever lost from the record. */
  if (source == LH_TIME_OFF_FOR_BOOKING)
    {
      if (!booking_used_minutes (store, source_id, now, &used, error))
        return FALSE;
      if (used > 0)
        return settle_one (store, request, used, now, error);
    }
  if (!lh_time_off_person_actor (store, by_person_id, &actor, &actor_name, error))
    return FALSE;
  return cancel_one (store, request, reason, &actor, now, error);
}

/* Whether a group place or an assessment was still held when its time
 * was over: otherwise there is nothing to take. */
static gboolean
still_held (LhStore *store, const LhTimeOffRequest *request, gboolean *out_held, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  if (request->group_place_id != 0)
    stmt = lh_store_prepare (store,
                             "SELECT gp.status = 'booked' AND g.status = 'scheduled' FROM group_places gp "
                             "JOIN group_sessions g ON g.id = gp.group_session_id WHERE gp.id = ?1", error);
  else
    stmt = lh_store_prepare (store,
                             "SELECT learner_id = ?2 AND status = 'open' FROM assessment_slots WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->group_place_id != 0 ? request->group_place_id
                                                            : request->assessment_slot_id);
  sqlite3_bind_int64 (stmt, 2, request->person_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_held = has_row && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Nobody decided it before its time was over: not approved, and the
 * learner is told as of any decision. */
static gboolean
reject_undecided (LhStore *store, const LhTimeOffRequest *request, gint64 now, GError **error)
{
  LhLedgerWrite entry = {
    .person_id = request->person_id,
    .category = request->category,
    .kind = "rejected",
    .at = request->start_at,
    .minutes = request->minutes,
    .pending_delta = -request->minutes,
    .request_id = request->id,
    .reason = "Not decided before the time came, so it counts as your own time",
  };

  return lh_time_off_ledger_add (store, &entry, now, error) &&
         lh_time_off_set_status (store, request->id, "rejected", TRUE, now, error);
}

#define DUE_WHERE \
  "FROM time_off_requests r LEFT JOIN bookings b ON b.id = r.booking_id " \
  "WHERE (r.status = 'pending' OR r.status = 'approved' OR r.status = 'rejected' OR r.status = 'own') " \
  "AND NOT EXISTS (SELECT 1 FROM usage_sessions u WHERE u.booking_id = r.booking_id AND u.ended_at IS NULL) "

gboolean
lh_time_off_settle_locked (LhStore *store, gint64 now, guint *out_settled, GError **error)
{
  g_autoptr(LhStmt) due = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  /* A PC booking extended at its PC is over at its new end. */
  /* r.end_at <= ?1 first: the past of time_off_requests_by_status, not
   * the requests still ahead. */
  due = lh_store_prepare (store, "SELECT r.id " DUE_WHERE "AND r.end_at <= ?1 "
                          "AND max(r.end_at, coalesce(b.end_at, 0)) <= ?1",
                          error);
  if (due == NULL)
    return FALSE;
  sqlite3_bind_int64 (due, 1, now);
  while ((ok = lh_store_step (store, due, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (due, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&due, lh_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LhTimeOffRequest) request = lh_time_off_get_request (store, g_array_index (ids, gint64, i), error);
      gboolean held = TRUE;
      int used = request != NULL ? request->minutes : 0;

      if (request == NULL)
        return FALSE;
      if (g_strcmp0 (request->status, "pending") == 0)
        {
          if (!reject_undecided (store, request, now, error))
            return FALSE;
          g_free (request->status);
          request->status = g_strdup ("rejected");
        }
      if (request->booking_id != 0)
        {
          if (!booking_used_minutes (store, request->booking_id, now, &used, error))
            return FALSE;
        }
      else if (!still_held (store, request, &held, error))
        return FALSE;
      if (!(held ? settle_one (store, request, used, now, error)
                 : cancel_one (store, request, "the place was not held", NULL, now, error)))
        return FALSE;
    }
  if (out_settled != NULL)
    *out_settled = ids->len;
  return TRUE;
}

gboolean
lh_time_off_next_due (LhStore *store, gint64 now, gint64 *out_due, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  /* The housekeeper asks after every change, so this reads no more than
   * a few rows: exactly, the requests past their own end and not settled
   * yet (their booking runs on, or a sitting holds it); of those still
   * ahead, only the first end of each status (each a request's earliest
   * due, as its booking ends no earlier), which is early enough. Plan:
   * time_off_requests_by_status (status=? AND end_at<?), then for each
   * status (status=? AND end_at>?) LIMIT 1. The OR term lets SQLite use
   * that partial index for one status. */
  stmt = lh_store_prepare (store,
                           "SELECT coalesce (min (due), 0) FROM ("
                           "SELECT max(r.end_at, coalesce(b.end_at, 0)) AS due " DUE_WHERE "AND r.end_at <= ?1 "
                           "UNION ALL "
                           "SELECT (SELECT end_at FROM time_off_requests "
                           "        WHERE (status = 'pending' OR status = 'approved' OR status = 'rejected' OR status = 'own') "
                           "        AND status = s.column1 AND end_at > ?1 ORDER BY end_at LIMIT 1) "
                           "FROM (VALUES ('pending'), ('approved'), ('rejected'), ('own')) s)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_due = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

