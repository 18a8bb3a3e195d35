/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-housekeeping"

#include "lh-housekeeping.h"

#include "lh-bookings.h"
#include "lh-devices.h"
#include "lh-resources.h"
#include "lh-rules.h"
#include "lh-time-off.h"
#include "lh-usage.h"

void
lh_housekeeping_init (LhHousekeeping *result)
{
  result->ended = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_usage_free);
  result->released = g_array_new (FALSE, FALSE, sizeof (LhReleased));
  result->ending = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_usage_free);
}

void
lh_housekeeping_clear (LhHousekeeping *result)
{
  g_clear_pointer (&result->ended, g_ptr_array_unref);
  g_clear_pointer (&result->released, g_array_unref);
  g_clear_pointer (&result->ending, g_ptr_array_unref);
}

/* The last time the device said it was alive; a sitting's start counts. */
static gboolean
last_heartbeat (LhStore *store, const LhUsage *usage, gint64 *out_at, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT coalesce (heartbeat_at, 0) FROM devices WHERE id = ?1",
                                             error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, usage->device_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_at = MAX (usage->started_at, has_row ? sqlite3_column_int64 (stmt, 0) : 0);
  return TRUE;
}

/* "closing" when the PC is not open right after the sitting's end. */
static gboolean
end_reason_at (LhStore *store, const LhCentre *centre, const LhUsage *usage, LhUsageEnd *out_reason,
               GError **error)
{
  g_autoptr(LhResource) resource = lh_resources_get (store, usage->resource_id, error);
  LhFreeBound bound;
  gint64 until;

  if (resource == NULL ||
      !lh_bookings_free_until (store, centre, usage->person_id, resource, usage->ends_at, usage->ends_at,
                               usage->booking_id, &until, &bound, error))
    return FALSE;
  *out_reason = bound == LH_FREE_CLOSED ? LH_USAGE_END_CLOSING : LH_USAGE_END_BOOKING_END;
  return TRUE;
}

static gboolean
end_sittings (LhStore *store, const LhCentre *centre, gint64 now, GPtrArray *ended, GPtrArray *ending,
              GError **error)
{
  g_autoptr(GPtrArray) open = lh_usage_list_open (store, error);

  if (open == NULL)
    return FALSE;
  while (open->len > 0)
    {
      g_autoptr(LhUsage) usage = g_ptr_array_steal_index (open, 0);
      gint64 heartbeat;
      LhUsageEnd reason;

      if (!last_heartbeat (store, usage, &heartbeat, error))
        return FALSE;
      if (heartbeat + LH_DEVICE_SILENT_SECONDS < now && heartbeat < usage->ends_at)
        {
          if (!lh_usage_end_locked (store, usage, LH_USAGE_END_HEARTBEAT_LOST, heartbeat, error))
            return FALSE;
        }
      else if (usage->ends_at <= now)
        {
          if (!end_reason_at (store, centre, usage, &reason, error) ||
              !lh_usage_end_locked (store, usage, reason, usage->ends_at, error))
            return FALSE;
        }
      else
        {
          if (usage->ends_at - now <= LH_HOUSEKEEPING_WARN_SECONDS)
            g_ptr_array_add (ending, g_steal_pointer (&usage));
          continue;
        }
      g_ptr_array_add (ended, g_steal_pointer (&usage));
    }
  return TRUE;
}

/* PC bookings under way, never checked in, whose PC has a live kiosk. A
 * booking nobody came to on a PC whose kiosk was off stays so for good:
 * each query bounds start_at from below (a booking under way began less
 * than a day ago) so that those never pile up in its range. Plan: SEARCH b
 * USING INDEX bookings_by_start (start_at>? AND start_at<?). */
#define AWAITING_CHECK_IN \
  "FROM bookings b JOIN resources r ON r.id = b.resource_id " \
  "JOIN devices d ON d.resource_id = b.resource_id AND d.revoked = 0 " \
  "WHERE b.status = 'booked' AND b.checked_in_at IS NULL AND b.walk_up = 0 AND r.kind = 'pc' "

static gboolean
release_no_shows (LhStore *store, const LhCentre *centre, gint64 now, GArray *released, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT b.id, b.resource_id, b.person_id, b.start_at "
                                             AWAITING_CHECK_IN
                                             "AND b.start_at > ?3 AND b.start_at <= ?1 AND b.end_at > ?1 "
                                             "AND d.heartbeat_at >= ?2", error);
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (LhReleased));
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, now - LH_DEVICE_SILENT_SECONDS);
  sqlite3_bind_int64 (stmt, 3, now - LH_BOOKING_MAX_SECONDS);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      LhReleased r = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
      };
      g_array_append_val (due, r);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_pointer (&stmt, lh_stmt_release);

  for (guint i = 0; i < due->len; i++)
    {
      const LhReleased *r = &g_array_index (due, LhReleased, i);
      g_autoptr(LhStmt) release = NULL;
      LhRules rules;

      /* The hold of the rules the booking was made under. */
      if (!lh_rules_at (store, centre, r->start_at, &rules, error))
        return FALSE;
      if (r->start_at + (gint64) rules.hold_minutes * 60 > now)
        continue;
      release = lh_store_prepare (store,
                                  "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2, released_at = ?2 "
                                  "WHERE id = ?1", error);
      if (release == NULL)
        return FALSE;
      sqlite3_bind_int64 (release, 1, r->booking_id);
      sqlite3_bind_int64 (release, 2, now);
      if (!lh_store_exec (store, release, error) ||
          !lh_time_off_cancel_locked (store, LH_TIME_OFF_FOR_BOOKING, r->booking_id,
                                      "released: nobody came for it", 0, now, error))
        return FALSE;
      g_array_append_val (released, *r);
    }
  return TRUE;
}

gboolean
lh_housekeeping_run (LhStore *store, const LhCentre *centre, gint64 now, LhHousekeeping *result,
                     GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (result != NULL && result->ended != NULL, FALSE);

  tx = lh_store_begin (store, error);
  return tx != NULL &&
         end_sittings (store, centre, now, result->ended, result->ending, error) &&
         release_no_shows (store, centre, now, result->released, error) &&
         lh_time_off_settle_locked (store, now, &result->settled, error) &&
         lh_transaction_commit (tx, error);
}

static void
take_earliest (gint64 *due, gint64 t)
{
  if (t > 0 && (*due == 0 || t < *due))
    *due = t;
}

gboolean
lh_housekeeping_next_due (LhStore *store, const LhCentre *centre, gint64 now, gint64 *out_due,
                          GError **error)
{
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  LhRules rules;
  gboolean has_row;
  gint64 due = 0;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  open = lh_usage_list_open (store, error);
  if (open == NULL)
    return FALSE;
  for (guint i = 0; i < open->len; i++)
    {
      const LhUsage *usage = g_ptr_array_index (open, i);
      gint64 heartbeat;

      if (!last_heartbeat (store, usage, &heartbeat, error))
        return FALSE;
      take_earliest (&due, usage->ends_at);
      take_earliest (&due, heartbeat + LH_DEVICE_SILENT_SECONDS + 1);
      /* The warnings still to come. */
      if (usage->ends_at - LH_HOUSEKEEPING_WARN_SECONDS > now)
        take_earliest (&due, usage->ends_at - LH_HOUSEKEEPING_WARN_SECONDS);
      else if (usage->ends_at - LH_HOUSEKEEPING_LAST_WARN_SECONDS > now)
        take_earliest (&due, usage->ends_at - LH_HOUSEKEEPING_LAST_WARN_SECONDS);
    }
  /* The next booking to fall out of its hold, by today's hold (a rule
   * change in between only moves the check, which looks again). */
  if (!lh_rules_at (store, centre, now, &rules, error))
    return FALSE;
  /* Asked after every change: per PC with a kiosk, its first booking not
   * checked in (bookings_by_resource_time, resource_id=? AND start_at>?,
   * LIMIT 1), not every booking still ahead. */
  stmt = lh_store_prepare (store,
                           "SELECT min ((SELECT b.start_at FROM bookings b WHERE b.resource_id = d.resource_id "
                           "             AND b.status = 'booked' AND b.start_at > ?1 - ?2 AND b.end_at > ?1 "
                           "             AND b.checked_in_at IS NULL AND b.walk_up = 0 "
                           "             ORDER BY b.start_at LIMIT 1)) "
                           "FROM devices d JOIN resources r ON r.id = d.resource_id "
                           "WHERE d.resource_id IS NOT NULL AND d.revoked = 0 AND r.kind = 'pc'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, (gint64) rules.hold_minutes * 60);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    take_earliest (&due, sqlite3_column_int64 (stmt, 0) + (gint64) rules.hold_minutes * 60);
  {
    gint64 settle_due;

    if (!lh_time_off_next_due (store, now, &settle_due, error))
      return FALSE;
    take_earliest (&due, settle_due);
  }
  *out_due = due;
  return TRUE;
}
