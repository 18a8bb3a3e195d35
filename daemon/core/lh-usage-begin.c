/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sitting down at a PC: signing in on its own kiosk checks in the
 * person's booking, or starts a walk-up while the PC is free; a sitting
 * elsewhere or someone else's booking refuses it, in plain words. */
#define G_LOG_DOMAIN "lh-usage"

#include "lh-usage-private.h"

#include "lh-bookings.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-faults.h"
#include "lh-resources.h"
#include "lh-time.h"

static gboolean
end_replaced (LhStore *store, gint64 person_id, gint64 resource_id, gint64 now,
              GPtrArray *out_ended, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             USAGE_SELECT "WHERE u.ended_at IS NULL "
                                             "AND (u.person_id = ?1 OR u.resource_id = ?2)", error);
  g_autoptr(GPtrArray) sittings = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, resource_id);
  sittings = lh_store_collect (store, stmt, (LhRowFunc) lh_usage_from_row, (GDestroyNotify) lh_usage_free, error);
  if (sittings == NULL)
    return FALSE;
  g_clear_pointer (&stmt, lh_stmt_release);
  for (guint i = 0; i < sittings->len; i++)
    {
      LhUsage *usage = g_ptr_array_index (sittings, i);
      LhUsageEnd reason = usage->resource_id == resource_id ? LH_USAGE_END_REPLACED : LH_USAGE_END_MOVED;

      if (!lh_usage_end_locked (store, usage, reason, now, error))
        return FALSE;
    }
  if (out_ended != NULL)
    while (sittings->len > 0)
      g_ptr_array_add (out_ended, g_ptr_array_steal_index (sittings, 0));
  return TRUE;
}

char *
lh_usage_free_pc_now (LhStore *store, const LhCentre *centre, gint64 person_id, gint64 except_resource_id,
             gint64 now, GError **error)
{
  g_autoptr(GPtrArray) resources = lh_resources_list (store, error);

  if (resources == NULL)
    return NULL;
  for (guint i = 0; i < resources->len; i++)
    {
      const LhResource *resource = g_ptr_array_index (resources, i);
      gboolean has_kiosk, online;
      gint64 until;

      if (!g_str_equal (resource->kind, "pc") || resource->id == except_resource_id)
        continue;
      if (!lh_devices_pc_online (store, resource->id, now, &has_kiosk, &online, error) ||
          !lh_bookings_free_until (store, centre, person_id, resource, now, now, 0, &until, NULL, error))
        return NULL;
      if ((!has_kiosk || online) && until - now >= LH_USAGE_MIN_SECONDS)
        return g_strdup (resource->name);
    }
  return NULL;
}

/* A refusal, with another PC to try when there is one. */
static void
set_refusal (LhStore *store, const LhCentre *centre, gint64 person_id, gint64 resource_id,
             gint64 now, GError **error, const char *code, const char *format, ...) G_GNUC_PRINTF (8, 9);

static void
set_refusal (LhStore *store, const LhCentre *centre, gint64 person_id, gint64 resource_id,
             gint64 now, GError **error, const char *code, const char *format, ...)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *other = lh_usage_free_pc_now (store, centre, person_id, resource_id, now, &local_error);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  if (other != NULL)
    g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s. %s is free now", reason, other);
  else
    g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s. No other PC is free just now", reason);
  lh_error_set_reason (error, code);
  /* The kiosk words the reason, not the detail: it needs the name too. */
  lh_error_set_text (error, "free_pc", other);
}

void
lh_usage_suggest_free_pc (LhStore *store, const LhCentre *centre, gint64 person_id, gint64 except_resource_id,
                          gint64 now, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *other = NULL;

  if (error == NULL || *error == NULL)
    return;
  other = lh_usage_free_pc_now (store, centre, person_id, except_resource_id, now, &local_error);
  if (local_error != NULL)
    g_debug ("No free PC to suggest: %s", local_error->message);
  lh_error_set_text (error, "free_pc", other);
}

/* The booking of the PC that holds now: *out_mine tells whose. */
static gboolean
find_booking_now (LhStore *store, gint64 resource_id, gint64 person_id, gint64 now,
                  gint64 *out_id, gint64 *out_end, gboolean *out_mine, GError **error)
{
  /* Someone else's time now comes first; then the person's own, which
   * may start a few minutes from now. Plan: bookings_by_resource_time
   * (resource_id=? AND start_at>? AND start_at<?), a day back at most. */
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT id, end_at, person_id = ?2 FROM bookings "
                                             "WHERE resource_id = ?1 AND status = 'booked' AND end_at > ?3 "
                                             "AND start_at > ?5 AND start_at <= ?3 + ?4 "
                                             "AND (start_at <= ?3 OR (person_id = ?2 AND start_at <= ?3 + ?4)) "
                                             "ORDER BY person_id = ?2, start_at LIMIT 1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, LH_USAGE_EARLY_SECONDS);
  sqlite3_bind_int64 (stmt, 5, now - LH_BOOKING_MAX_SECONDS);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  *out_end = has_row ? sqlite3_column_int64 (stmt, 1) : 0;
  *out_mine = has_row && sqlite3_column_int (stmt, 2);
  return TRUE;
}

/* Why a PC has no time for walk-up use now, in plain words. */
static void
set_no_walk_up_error (LhStore *store, const LhCentre *centre, const LhResource *resource,
                      gint64 person_id, gint64 now, gint64 until, LhFreeBound bound, GError **error)
{
  g_autofree char *at = lh_time_format_hhmm (until, centre->tz);

  switch (bound)
    {
    case LH_FREE_CLOSED:
    case LH_FREE_CLOSING:
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s is closed now", resource->name);
      lh_error_set_reason (error, "pc-closed");
      return;
    case LH_FREE_ALLOWANCE:
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "You have used all the computer time the rules allow for now");
      lh_error_set_reason (error, "time-used-up");
      return;
    case LH_FREE_BOOKED:
    case LH_FREE_LONGEST:
    default:
      set_refusal (store, centre, person_id, resource->id, now, error, "pc-reserved-soon",
                   "%s is reserved from %s", resource->name, at);
      return;
    }
}

/* Someone with a PC booked now sits at that one, not at another. */
static gboolean
check_not_booked_elsewhere (LhStore *store, const LhCentre *centre, gint64 person_id,
                            gint64 resource_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT r.name, b.start_at FROM bookings b "
                                             "JOIN resources r ON r.id = b.resource_id "
                                             "WHERE b.person_id = ?1 AND b.resource_id <> ?2 AND r.kind = 'pc' "
                                             "AND b.status = 'booked' AND b.end_at > ?3 "
                                             "AND b.start_at > ?5 AND b.start_at <= ?3 + ?4 "
                                             "ORDER BY b.start_at LIMIT 1", error);
  gboolean has_row;
  g_autofree char *from = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, resource_id);
  sqlite3_bind_int64 (stmt, 3, now);
  sqlite3_bind_int64 (stmt, 4, LH_USAGE_EARLY_SECONDS);
  sqlite3_bind_int64 (stmt, 5, now - LH_BOOKING_MAX_SECONDS);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  from = lh_time_format_hhmm (sqlite3_column_int64 (stmt, 1), centre->tz);
  g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "You have %s booked from %s: please sign in there",
               (const char *) sqlite3_column_text (stmt, 0), from);
  lh_error_set_reason (error, "booked-elsewhere");
  return FALSE;
}

static gboolean
insert_usage (LhStore *store, const LhSessionInfo *session, gint64 resource_id, gint64 booking_id,
              gint64 booking_end, gint64 now, gint64 *out_id, GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT INTO usage_sessions (person_id, resource_id, booking_id, "
                                               "device_id, session_id, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                               error);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, session->person_id);
  sqlite3_bind_int64 (insert, 2, resource_id);
  sqlite3_bind_int64 (insert, 3, booking_id);
  sqlite3_bind_int64 (insert, 4, session->device_id);
  sqlite3_bind_int64 (insert, 5, session->session_id);
  sqlite3_bind_int64 (insert, 6, now);
  if (!lh_store_exec (store, insert, error))
    return FALSE;
  *out_id = lh_store_last_insert_id (store);
  /* Signed in for as long as the sitting lasts; sitting down is also a
   * sign of life from the PC's kiosk. */
  return lh_usage_exec2 (store, "UPDATE sessions SET expires_at = max (expires_at, ?2) WHERE id = ?1",
                         session->session_id, booking_end, error) &&
         lh_usage_exec2 (store, "UPDATE devices SET heartbeat_at = ?2 WHERE id = ?1", session->device_id, now,
                         error);
}

LhUsage *
lh_usage_begin (LhStore *store, const LhCentre *centre, const LhSessionInfo *session, gint64 now,
                GPtrArray *out_ended, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhResource) resource = NULL;
  g_autoptr(GPtrArray) ended = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_usage_free);
  gint64 resource_id, booking_id, booking_end, usage_id;
  gboolean mine;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (session != NULL, NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL || !lh_devices_get_pc (store, session->device_id, &resource_id, error))
    return NULL;
  if (resource_id == 0)
    return NULL;
  resource = lh_resources_get (store, resource_id, error);
  if (resource == NULL || !end_replaced (store, session->person_id, resource_id, now, ended, error) ||
      !find_booking_now (store, resource_id, session->person_id, now, &booking_id, &booking_end, &mine, error))
    return NULL;

  if (booking_id != 0 && !mine)
    {
      g_autofree char *until = lh_time_format_hhmm (booking_end, centre->tz);

      set_refusal (store, centre, session->person_id, resource_id, now, error, "pc-booked-now",
                   "%s is booked until %s", resource->name, until);
      return NULL;
    }
  if (booking_id != 0)
    {
      if (!lh_usage_exec2 (store, "UPDATE bookings SET checked_in_at = coalesce (checked_in_at, ?2) WHERE id = ?1",
                           booking_id, now, error))
        return NULL;
    }
  else
    {
      g_autoptr(LhBooking) walk_up = NULL;
      LhFreeBound bound;

      if (!lh_faults_check_in_order (store, resource_id, resource->name, error) ||
          !check_not_booked_elsewhere (store, centre, session->person_id, resource_id, now, error) ||
          !lh_bookings_free_until (store, centre, session->person_id, resource, now, now, 0,
                                   &booking_end, &bound, error))
        return NULL;
      if (booking_end - now < LH_USAGE_MIN_SECONDS)
        {
          set_no_walk_up_error (store, centre, resource, session->person_id, now, booking_end, bound, error);
          return NULL;
        }
      walk_up = lh_bookings_insert_locked (store, session->person_id, resource, now, booking_end, now,
                                           TRUE, error);
      if (walk_up == NULL)
        return NULL;
      booking_id = walk_up->id;
    }
  if (!insert_usage (store, session, resource_id, booking_id, booking_end, now, &usage_id, error) ||
      !lh_transaction_commit (tx, error))
    return NULL;
  if (out_ended != NULL)
    while (ended->len > 0)
      g_ptr_array_add (out_ended, g_ptr_array_steal_index (ended, 0));
  return lh_usage_get_by_id (store, usage_id, error);
}

