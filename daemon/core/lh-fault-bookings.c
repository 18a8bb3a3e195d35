/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A PC out of order keeps no future booking: each moves to another PC
 * free for the same time (the same booking, so its paid-time request
 * stays with it), or is cancelled with its time off; its learner is told
 * at the next sign-in. */
#define G_LOG_DOMAIN "lh-faults"

#include "lh-faults.h"

#include "lh-bookings-private.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-time.h"
#include "lh-time-off.h"

/* Only bookings starting before the end of tomorrow (the centre's time)
 * move at once: a false report repaired the same day then costs no one
 * their booking, and one tap reads at most two days of a PC. The
 * housekeeper moves later ones a day ahead while the PC stays out of
 * order (lh_faults_move_coming_bookings). */
gint64
lh_faults_moving_horizon (const LhCentre *centre, gint64 now)
{
  /* With no centre nothing can move (below); this only finds whether
   * there is anything to. */
  if (centre == NULL)
    return now + 2 * 24 * 3600;
  return lh_time_add_days (lh_time_local_midnight (now, centre->tz), 2, centre->tz);
}

void
lh_fault_move_free (LhFaultMove *move)
{
  g_free (move->from_pc_name);
  g_free (move->to_pc_name);
  g_free (move);
}

static LhFaultMove *
move_from_row (LhStmt *stmt)
{
  LhFaultMove *move = g_new0 (LhFaultMove, 1);

  move->booking_id = sqlite3_column_int64 (stmt, 0);
  move->person_id = sqlite3_column_int64 (stmt, 1);
  move->start_at = sqlite3_column_int64 (stmt, 2);
  move->end_at = sqlite3_column_int64 (stmt, 3);
  move->from_pc_id = sqlite3_column_int64 (stmt, 4);
  move->from_pc_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  /* A notice also says where it went. */
  if (sqlite3_column_count (stmt) > 6)
    {
      move->to_pc_id = sqlite3_column_int64 (stmt, 6);
      move->to_pc_name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      move->paid_time_back = sqlite3_column_int (stmt, 8) != 0;
      move->notice_id = sqlite3_column_int64 (stmt, 9);
    }
  return move;
}

static gboolean
is_free (LhStore *store, const LhCentre *centre, const LhResource *pc, gint64 start, gint64 end,
         gboolean *out_free, GError **error)
{
  g_autoptr(GArray) open = lh_bookings_open_intervals (pc, centre, lh_time_local_midnight (start, centre->tz), TRUE);
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row, within_hours = FALSE;

  *out_free = FALSE;
  for (guint i = 0; i < open->len; i++)
    {
      const LhInterval *o = &g_array_index (open, LhInterval, i);

      within_hours = within_hours || (o->start <= start && end <= o->end);
    }
  if (!within_hours)
    return TRUE;
  /* No booking is longer than a day: the range starts a day back. */
  stmt = lh_store_prepare (store,
                           "SELECT 1 FROM bookings WHERE resource_id = ?1 AND status = 'booked' "
                           "AND start_at > ?2 - 86400 AND start_at < ?3 AND end_at > ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pc->id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_free = !has_row;
  return TRUE;
}

/* The PCs a booking may move to: active, not the broken one, none out of
 * order by the one rule (lh_faults_pcs_out_of_order); those whose kiosk
 * is online first, as a learner can count on them. */
static GPtrArray *
other_pcs (LhStore *store, gint64 broken_id, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) resources = lh_resources_list (store, error);
  g_autoptr(GPtrArray) online = NULL;
  g_autoptr(GArray) out_of_order = NULL;

  if (resources == NULL)
    return NULL;
  out_of_order = lh_faults_pcs_out_of_order (store, error);
  if (out_of_order == NULL)
    return NULL;
  online = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_resource_free);
  for (guint i = resources->len; i > 0; i--)
    {
      LhResource *r = g_ptr_array_index (resources, i - 1);
      gboolean keep = g_str_equal (r->kind, "pc") && r->id != broken_id;
      gboolean has_kiosk = FALSE, is_online = FALSE;

      for (guint j = 0; keep && j < out_of_order->len; j++)
        keep = g_array_index (out_of_order, gint64, j) != r->id;
      if (keep && !lh_devices_pc_online (store, r->id, now, &has_kiosk, &is_online, error))
        return NULL;
      if (!keep)
        g_ptr_array_remove_index (resources, i - 1);
      else if (is_online)
        g_ptr_array_insert (online, 0, g_ptr_array_steal_index (resources, i - 1));
    }
  g_ptr_array_extend_and_steal (online, g_steal_pointer (&resources));
  return g_steal_pointer (&online);
}

/* Whether the booking's cancellation gave paid time back: its request's
 * pending or approved minutes were taken off (not own time, nor a request
 * already refused). */
#define PAID_TIME_BACK(booking_id) \
  "EXISTS (SELECT 1 FROM time_off_requests t JOIN time_off_ledger l ON l.request_id = t.id " \
  "WHERE t.booking_id = " booking_id " AND l.kind = 'cancelled' " \
  "AND (l.pending_delta < 0 OR l.booked_delta < 0))"

/* The learner is told their paid time was given back. */
static gboolean
paid_time_back (LhStore *store, LhFaultMove *move, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT " PAID_TIME_BACK ("?1"), error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, move->booking_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  move->paid_time_back = has_row && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* One unseen notice per booking: moved PC 1 -> 2 -> 3 says "PC 1 to PC 3",
 * moved then cancelled says only "cancelled", never two stories. The
 * first PC stays; the outcome is the latest, in a new row, so a kiosk
 * that showed the older outcome acks only that one (by its id) and the
 * newer stays to be told. The older row is marked seen: it is never to
 * be told. The lookup reads the person's unseen notices (index
 * fault_notices_unseen). */
static gboolean
note_for_learner (LhStore *store, LhFaultMove *move, gint64 now, GError **error)
{
  const char *outcome = move->to_pc_id != 0 ? "moved" : "cancelled";
  g_autoptr(LhStmt) rewrite = NULL;
  g_autoptr(LhStmt) supersede = NULL;
  g_autoptr(LhStmt) insert = NULL;

  if (move->to_pc_id == 0 && !paid_time_back (store, move, error))
    return FALSE;
  rewrite = lh_store_prepare (store,
                              "INSERT INTO fault_notices (person_id, booking_id, from_pc_id, outcome, created_at) "
                              "SELECT person_id, booking_id, from_pc_id, ?3, ?4 FROM fault_notices "
                              "WHERE person_id = ?1 AND seen_at IS NULL AND booking_id = ?2 LIMIT 1", error);
  if (rewrite == NULL)
    return FALSE;
  sqlite3_bind_int64 (rewrite, 1, move->person_id);
  sqlite3_bind_int64 (rewrite, 2, move->booking_id);
  sqlite3_bind_text (rewrite, 3, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (rewrite, 4, now);
  if (!lh_store_exec (store, rewrite, error))
    return FALSE;
  if (lh_store_changes (store) > 0)
    {
      move->notice_id = lh_store_last_insert_id (store);
      supersede = lh_store_prepare (store,
                                    "UPDATE fault_notices SET seen_at = ?4 WHERE person_id = ?1 "
                                    "AND seen_at IS NULL AND booking_id = ?2 AND id != ?3", error);
      if (supersede == NULL)
        return FALSE;
      sqlite3_bind_int64 (supersede, 1, move->person_id);
      sqlite3_bind_int64 (supersede, 2, move->booking_id);
      sqlite3_bind_int64 (supersede, 3, move->notice_id);
      sqlite3_bind_int64 (supersede, 4, now);
      return lh_store_exec (store, supersede, error);
    }
  insert = lh_store_prepare (store,
                             "INSERT INTO fault_notices (person_id, booking_id, from_pc_id, "
                             "outcome, created_at) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, move->person_id);
  sqlite3_bind_int64 (insert, 2, move->booking_id);
  sqlite3_bind_int64 (insert, 3, move->from_pc_id);
  sqlite3_bind_text (insert, 4, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 5, now);
  if (!lh_store_exec (store, insert, error))
    return FALSE;
  move->notice_id = lh_store_last_insert_id (store);
  return TRUE;
}

static gboolean
move_or_cancel (LhStore *store, const LhCentre *centre, GPtrArray *pcs, LhFaultMove *move, gint64 now,
                GError **error)
{
  g_autoptr(LhStmt) update = NULL;

  for (guint i = 0; i < pcs->len && move->to_pc_id == 0; i++)
    {
      LhResource *pc = g_ptr_array_index (pcs, i);
      gboolean free;

      /* A booking already started needs the other PC only from now. */
      if (!is_free (store, centre, pc, MAX (move->start_at, now), move->end_at, &free, error))
        return FALSE;
      if (free)
        {
          move->to_pc_id = pc->id;
          move->to_pc_name = g_strdup (pc->name);
        }
    }
  if (move->to_pc_id != 0)
    {
      update = lh_store_prepare (store, "UPDATE bookings SET resource_id = ?2 WHERE id = ?1", error);
      if (update == NULL)
        return FALSE;
      sqlite3_bind_int64 (update, 1, move->booking_id);
      sqlite3_bind_int64 (update, 2, move->to_pc_id);
      return lh_store_exec (store, update, error);
    }
  update = lh_store_prepare (store, "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1",
                             error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, move->booking_id);
  sqlite3_bind_int64 (update, 2, now);
  return lh_store_exec (store, update, error) &&
         lh_time_off_cancel_locked (store, LH_TIME_OFF_FOR_BOOKING, move->booking_id,
                                    "cancelled: the PC is out of order", 0, now, error);
}

gboolean
lh_faults_move_bookings_locked (LhStore *store, const LhCentre *centre, gint64 resource_id, gint64 now,
                                GPtrArray *moves, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) pcs = NULL;

  /* Not the booking sitting at it now: that learner is there, and moves
   * themselves if they must. One started but not checked in moves: its
   * learner, arriving late, would find the PC out of order. No booking
   * is longer than a day: the range starts a day back. */
  stmt = lh_store_prepare (store,
                           "SELECT b.id, b.person_id, b.start_at, b.end_at, b.resource_id, r.name "
                           "FROM bookings b JOIN resources r ON r.id = b.resource_id "
                           "WHERE b.resource_id = ?1 AND b.status = 'booked' AND b.start_at > ?2 - 86400 "
                           "AND b.start_at < ?3 "
                           "AND (b.start_at > ?2 OR (b.end_at > ?2 AND b.checked_in_at IS NULL)) "
                           "ORDER BY b.start_at", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, lh_faults_moving_horizon (centre, now));
  found = lh_store_collect (store, stmt, (LhRowFunc) move_from_row, (GDestroyNotify) lh_fault_move_free, error);
  if (found == NULL)
    return FALSE;
  if (found->len == 0)
    return TRUE;
  if (centre == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                   "The centre's opening hours are needed to move PC %" G_GINT64_FORMAT "'s bookings", resource_id);
      return FALSE;
    }
  pcs = other_pcs (store, resource_id, now, error);
  if (pcs == NULL)
    return FALSE;
  while (found->len > 0)
    {
      LhFaultMove *move = g_ptr_array_steal_index (found, 0);

      g_ptr_array_add (moves, move);
      if (!move_or_cancel (store, centre, pcs, move, now, error) || !note_for_learner (store, move, now, error))
        return FALSE;
      g_message ("Booking %" G_GINT64_FORMAT " of out-of-order PC %" G_GINT64_FORMAT " %s", move->booking_id,
                 resource_id, move->to_pc_id != 0 ? "moved" : "cancelled");
    }
  return TRUE;
}

gboolean
lh_faults_move_coming_bookings (LhStore *store, const LhCentre *centre, gint64 now, GPtrArray *moves,
                                GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(GArray) out_of_order = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (centre != NULL, FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  out_of_order = lh_faults_pcs_out_of_order (store, error);
  if (out_of_order == NULL)
    return FALSE;
  for (guint i = 0; i < out_of_order->len; i++)
    if (!lh_faults_move_bookings_locked (store, centre, g_array_index (out_of_order, gint64, i), now, moves,
                                         error))
      return FALSE;
  return lh_transaction_commit (tx, error);
}

GPtrArray *
lh_faults_list_notices (LhStore *store, gint64 person_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* Read, not marked: told only once the learner's own kiosk session
   * says it showed them (lh_faults_notices_seen). Those of bookings
   * already over are left for the retention to drop untold. */
  stmt = lh_store_prepare (store,
                           "SELECT n.booking_id, n.person_id, b.start_at, b.end_at, n.from_pc_id, f.name, "
                           "CASE n.outcome WHEN 'moved' THEN b.resource_id ELSE 0 END, "
                           "CASE n.outcome WHEN 'moved' THEN r.name END, "
                           "n.outcome = 'cancelled' AND " PAID_TIME_BACK ("n.booking_id") ", n.id "
                           "FROM fault_notices n JOIN bookings b ON b.id = n.booking_id "
                           "JOIN resources f ON f.id = n.from_pc_id JOIN resources r ON r.id = b.resource_id "
                           "WHERE n.person_id = ?1 AND n.seen_at IS NULL AND b.end_at > ?2 "
                           /* A booking its learner cancelled since needs no news. */
                           "AND (n.outcome = 'cancelled' OR b.status = 'booked') "
                           "ORDER BY b.start_at LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, LH_FAULT_NOTICES_AT_MOST);
  return lh_store_collect (store, stmt, (LhRowFunc) move_from_row, (GDestroyNotify) lh_fault_move_free, error);
}

/* Whether notice_id is the person's: only then may they say it was
 * shown. Any other id, theirs to tell or not, is refused alike. */
static gboolean
check_own_notice (LhStore *store, gint64 person_id, gint64 notice_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT 1 FROM fault_notices WHERE id = ?1 AND person_id = ?2",
                                             error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, notice_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "Notice %" G_GINT64_FORMAT " is not one of yours",
                   notice_id);
      lh_error_set_reason (error, "notice-not-found");
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_faults_notices_seen (LhStore *store, gint64 person_id, const gint64 *notice_ids, guint n_notice_ids,
                        gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (notice_ids != NULL || n_notice_ids == 0, FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  for (guint i = 0; i < n_notice_ids; i++)
    {
      g_autoptr(LhStmt) seen = NULL;

      if (!check_own_notice (store, person_id, notice_ids[i], error))
        return FALSE;
      seen = lh_store_prepare (store, "UPDATE fault_notices SET seen_at = ?2 WHERE id = ?1 AND seen_at IS NULL",
                               error);
      if (seen == NULL)
        return FALSE;
      sqlite3_bind_int64 (seen, 1, notice_ids[i]);
      sqlite3_bind_int64 (seen, 2, now);
      if (!lh_store_exec (store, seen, error))
        return FALSE;
    }
  return lh_transaction_commit (tx, error);
}
