/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-usage.h"

#include "lh-bookings.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-resources.h"
#include "lh-secret.h"
#include "lh-time.h"
#include "lh-time-off.h"
#include "lh-usage.h"

void
lh_demo_kiosk_free (LhDemoKiosk *kiosk)
{
  g_free (kiosk->pc_name);
  g_free (kiosk->device_name);
  g_free (kiosk->token);
  g_free (kiosk);
}

gboolean
lh_demo_prefers_favourite (guint pc, guint n_pcs, double draw)
{
  if (pc == LH_DEMO_FAVOURITE_PC || n_pcs < 3)
    return FALSE;
  return draw < (pc == n_pcs - 1 ? 0.9 : 0.25);
}

GPtrArray *
lh_demo_add_pc_kiosks (LhStore *store, GArray *pc_ids, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) kiosks = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_demo_kiosk_free);

  for (guint i = 0; i < pc_ids->len; i++)
    {
      gint64 pc = g_array_index (pc_ids, gint64, i);
      g_autoptr(LhResource) resource = lh_resources_get (store, pc, error);
      LhDemoKiosk *kiosk;
      gint64 device;

      if (resource == NULL)
        return NULL;
      kiosk = g_new0 (LhDemoKiosk, 1);
      g_ptr_array_add (kiosks, kiosk);
      kiosk->pc_name = g_strdup (resource->name);
      kiosk->device_name = g_strdup_printf ("%s kiosk", resource->name);
      kiosk->token = lh_devices_add (store, kiosk->device_name, now, &device, error);
      if (kiosk->token == NULL || !lh_devices_set_pc (store, kiosk->device_name, pc, error))
        return NULL;
    }
  return g_steal_pointer (&kiosks);
}

/* A sign-in on the PC's kiosk at `at`, as lh_auth would record it (the
 * demo has no PINs to check three months of sign-ins against). */
static gboolean
add_session (LhStore *store, gint64 person, gint64 pc, gint64 at, LhSessionInfo *out, GError **error)
{
  guint8 hash[LH_TOKEN_HASH_SIZE];
  g_autofree char *token = lh_token_generate (hash);
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT INTO sessions (token_hash, person_id, device_id, "
                                               "created_at, expires_at) SELECT ?1, ?2, id, ?4, ?4 + 1800 "
                                               "FROM devices WHERE resource_id = ?3", error);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_blob (insert, 1, hash, sizeof hash, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 2, person);
  sqlite3_bind_int64 (insert, 3, pc);
  sqlite3_bind_int64 (insert, 4, at);
  if (!lh_store_exec (store, insert, error))
    return FALSE;
  out->session_id = lh_store_last_insert_id (store);
  out->person_id = person;
  out->expires_at = at + 1800;
  {
    g_autoptr(LhStmt) device = lh_store_prepare (store, "SELECT device_id FROM sessions WHERE id = ?1", error);
    gboolean has_row;

    if (device == NULL)
      return FALSE;
    sqlite3_bind_int64 (device, 1, out->session_id);
    if (!lh_store_step (store, device, &has_row, error))
      return FALSE;
    out->device_id = sqlite3_column_int64 (device, 0);
  }
  return TRUE;
}

/* Whether the person or the PC has a sitting within [from, to) already:
 * history is written booking by booking, not in the order it happened. A
 * sitting is within its booking, never longer than a day: the range of
 * usage_by_start read is a day's, however long the history. */
static gboolean
sitting_overlaps (LhStore *store, gint64 person, gint64 pc, gint64 from, gint64 to, gboolean *out,
                  GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT 1 FROM usage_sessions WHERE (person_id = ?1 OR resource_id = ?2) "
                                             "AND started_at > ?3 - 86400 AND started_at < ?4 "
                                             "AND coalesce (ended_at, ?4) > ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_int64 (stmt, 2, pc);
  sqlite3_bind_int64 (stmt, 3, from);
  sqlite3_bind_int64 (stmt, 4, to);
  return lh_store_step (store, stmt, out, error);
}

/* Sits the person at the PC at `at` and, unless until is 0, gets up
 * then (or when the time is up, if sooner). A refusal is no error: the
 * PC was not free, as happens. */
static gboolean
sit (LhStore *store, const LhCentre *centre, gint64 person, gint64 pc, gint64 at, gint64 until,
     LhUsageEnd reason, gboolean *out_sat, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhUsage) usage = NULL;
  g_autoptr(LhUsage) ended = NULL;
  LhSessionInfo session = { 0 };
  gboolean overlaps;

  if (out_sat != NULL)
    *out_sat = FALSE;
  if (!sitting_overlaps (store, person, pc, at, until != 0 ? until : at + 1, &overlaps, error))
    return FALSE;
  if (overlaps)
    return TRUE;
  if (!add_session (store, person, pc, at, &session, error))
    return FALSE;
  usage = lh_usage_begin (store, centre, &session, at, NULL, &local_error);
  if (usage == NULL)
    {
      if (local_error == NULL || local_error->domain == LH_ERROR)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (out_sat != NULL)
    *out_sat = TRUE;
  if (until == 0)
    return TRUE;
  if (until >= usage->ends_at)
    until = usage->ends_at, reason = LH_USAGE_END_BOOKING_END;
  ended = lh_usage_end_session (store, session.session_id, reason, until, error);
  return ended != NULL;
}

static gboolean
collect_past_bookings (LhStore *store, gint64 from, gint64 now, GArray *out, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT b.id, b.person_id, b.resource_id, b.start_at, b.end_at "
                                             "FROM bookings b JOIN resources r ON r.id = b.resource_id "
                                             "WHERE r.kind = 'pc' AND b.status = 'booked' AND b.start_at >= ?1 "
                                             "AND b.end_at <= ?2 ORDER BY b.start_at", error);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, now);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 row[5];

      for (int i = 0; i < 5; i++)
        row[i] = sqlite3_column_int64 (stmt, i);
      g_array_append_vals (out, row, 1);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
release (LhStore *store, gint64 booking_id, gint64 at, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2, "
                                             "released_at = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, booking_id);
  sqlite3_bind_int64 (stmt, 2, at);
  return lh_store_exec (store, stmt, error) &&
         lh_time_off_cancel_locked (store, LH_TIME_OFF_FOR_BOOKING, booking_id, "released: nobody came for it", 0,
                                    at, error);
}

/* The person who booked PC number pc cancels it on the way in, to sit at
 * the favourite if it is free; from the last PC, at any other that is.
 * *out_moved: they did (else their PC is free for them to walk up to). */
static gboolean
sit_elsewhere (LhStore *store, const LhCentre *centre, GArray *pc_ids, guint pc, const gint64 *booking,
               gint64 arrive, gint64 leave, LhUsageEnd reason, gboolean *out_moved, GError **error)
{
  guint last = pc_ids->len - 1;

  *out_moved = FALSE;
  if (!lh_bookings_cancel (store, booking[1], booking[0], booking[3] - 5 * 60, NULL, NULL, error))
    return FALSE;
  for (guint other = LH_DEMO_FAVOURITE_PC; other < (pc == last ? last : 1) && !*out_moved; other++)
    if (other != pc &&
        !sit (store, centre, booking[1], g_array_index (pc_ids, gint64, other), arrive, leave, reason, out_moved,
              error))
      return FALSE;
  return TRUE;
}

static guint
pc_number (GArray *pc_ids, gint64 pc)
{
  for (guint i = 0; i < pc_ids->len; i++)
    if (g_array_index (pc_ids, gint64, i) == pc)
      return i;
  return 0;
}

gboolean
lh_demo_add_usage (LhStore *store, const LhCentre *centre, GRand *rand, GArray *learner_ids,
                   GArray *pc_ids, gint64 history_start, gint64 now, GError **error)
{
  static const LhUsageEnd endings[] = {
    LH_USAGE_END_SIGN_OUT, LH_USAGE_END_SIGN_OUT, LH_USAGE_END_SIGN_OUT, LH_USAGE_END_IDLE,
  };
  g_autoptr(GArray) bookings = g_array_new (FALSE, FALSE, 5 * sizeof (gint64));
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhStmt) alive = NULL;
  /* Which PC people go for draws from its own sequence: the rest of the
   * demo, drawn from rand, stays as it was. */
  g_autoptr(GRand) liking = g_rand_new_with_seed (20261203);

  if (tx == NULL || !collect_past_bookings (store, history_start, now, bookings, error))
    return FALSE;
  for (guint i = 0; i < bookings->len; i++)
    {
      const gint64 *b = &g_array_index (bookings, gint64, 5 * i);
      gint64 arrive = b[3] + g_rand_int_range (rand, 0, 11) * 60;
      gint64 leave = b[4] - g_rand_int_range (rand, -5, 25) * 60;
      guint pc = pc_number (pc_ids, b[2]);
      LhUsageEnd reason;
      gboolean moved = FALSE;

      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          if (!release (store, b[0], b[3] + 15 * 60, error))
            return FALSE;
          continue;
        }
      reason = endings[g_rand_int_range (rand, 0, G_N_ELEMENTS (endings))];
      if ((lh_demo_prefers_favourite (pc, pc_ids->len, g_rand_double (liking)) &&
           !sit_elsewhere (store, centre, pc_ids, pc, b, arrive, leave, reason, &moved, error)) ||
          (!moved && !sit (store, centre, b[1], b[2], arrive, leave, reason, NULL, error)))
        return FALSE;
    }

  /* Walk-ups: people who found a PC free, on working days before today
   * (today's limits are left to the people at the kiosk). */
  for (gint64 day = history_start; day < lh_time_local_midnight (now, centre->tz);
       day = lh_time_next_midnight (day, centre->tz))
    for (int n = 0; n < 4 && lh_time_local_weekday (day, centre->tz) <= 5; n++)
      {
        gint64 at = lh_time_at_local_minute (day, g_rand_int_range (rand, 8 * 60, 19 * 60), centre->tz);
        gint64 person = g_array_index (learner_ids, gint64, g_rand_int_range (rand, 8, learner_ids->len));
        guint pc = (guint) g_rand_int_range (rand, 0, pc_ids->len);
        gint64 leave = at + g_rand_int_range (rand, 20, 90) * 60;

        if (lh_demo_prefers_favourite (pc, pc_ids->len, g_rand_double (liking)))
          pc = LH_DEMO_FAVOURITE_PC;
        if (leave < now && !sit (store, centre, person, g_array_index (pc_ids, gint64, pc), at, leave,
                                 LH_USAGE_END_SIGN_OUT, NULL, error))
          return FALSE;
      }

  /* Two people at the PCs right now. */
  for (guint n = 0; n < 2 && n < pc_ids->len; n++)
    if (!sit (store, centre, g_array_index (learner_ids, gint64, learner_ids->len - 1 - n),
              g_array_index (pc_ids, gint64, pc_ids->len - 1 - n), now, 0, LH_USAGE_END_SIGN_OUT, NULL, error))
      return FALSE;

  /* Every PC's kiosk is on but one, silent since earlier today, as a PC
   * left switched off or unplugged would be. */
  alive = lh_store_prepare (store,
                            "UPDATE devices SET heartbeat_at = CASE resource_id WHEN ?2 THEN ?3 ELSE ?1 END "
                            "WHERE resource_id IS NOT NULL", error);
  if (alive == NULL)
    return FALSE;
  sqlite3_bind_int64 (alive, 1, now);
  sqlite3_bind_int64 (alive, 2, pc_ids->len > LH_DEMO_SILENT_PC - 1
                                ? g_array_index (pc_ids, gint64, LH_DEMO_SILENT_PC - 1) : 0);
  sqlite3_bind_int64 (alive, 3, now - LH_DEMO_SILENT_MINUTES * 60);
  return lh_store_exec (store, alive, error) && lh_transaction_commit (tx, error);
}
