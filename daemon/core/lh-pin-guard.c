/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-pin-guard"

#include "lh-pin-guard.h"

#include "lh-error.h"

/* A count of wrong PINs that goes down by one every forgive_seconds. */
typedef struct
{
  gint64 failures;
  gint64 last_failure_at;
  gint64 blocked_until;
} Bucket;

static gboolean
load_bucket (LhStore *store, const char *subject, gint64 key, Bucket *bucket, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT failures, last_failure_at, blocked_until FROM pin_failures "
                                             "WHERE subject = ?1 AND subject_key = ?2", error);
  gboolean has_row;

  *bucket = (Bucket) { 0 };
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, key);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      bucket->failures = sqlite3_column_int64 (stmt, 0);
      bucket->last_failure_at = sqlite3_column_int64 (stmt, 1);
      bucket->blocked_until = sqlite3_column_int64 (stmt, 2);
    }
  return TRUE;
}

static gboolean
save_bucket (LhStore *store, const char *subject, gint64 key, const Bucket *bucket, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "INSERT INTO pin_failures (subject, subject_key, failures, "
                                             "  last_failure_at, blocked_until) VALUES (?1, ?2, ?3, ?4, ?5) "
                                             "ON CONFLICT (subject, subject_key) DO UPDATE SET "
                                             "  failures = excluded.failures, "
                                             "  last_failure_at = excluded.last_failure_at, "
                                             "  blocked_until = excluded.blocked_until", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, subject, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, key);
  sqlite3_bind_int64 (stmt, 3, bucket->failures);
  sqlite3_bind_int64 (stmt, 4, bucket->last_failure_at);
  sqlite3_bind_int64 (stmt, 5, bucket->blocked_until);
  return lh_store_exec (store, stmt, error);
}

/* Counts one more wrong PIN at now, after forgiving those due. Nothing is
 * forgiven while the kiosk waits, or the waits would stop growing. */
static void
bucket_add_failure (Bucket *bucket, gint64 now, int forgive_seconds)
{
  gint64 elapsed = MAX (now - MAX (bucket->last_failure_at, bucket->blocked_until), 0);

  bucket->failures = MAX (bucket->failures - elapsed / forgive_seconds, 0) + 1;
  bucket->last_failure_at = now;
}

static gint64
wait_seconds (gint64 failures_over)
{
  gint64 wait = LH_PIN_GUARD_FIRST_WAIT_SECONDS;

  for (gint64 i = 1; i < failures_over && wait < LH_PIN_GUARD_LONGEST_WAIT_SECONDS; i++)
    wait *= 2;
  return MIN (wait, LH_PIN_GUARD_LONGEST_WAIT_SECONDS);
}

static void
set_slowed_error (GError **error, gint64 slowed_until, gint64 *out_slowed_until)
{
  if (out_slowed_until != NULL)
    *out_slowed_until = slowed_until;
  g_set_error_literal (error, LH_ERROR, LH_ERROR_SLOWED,
                       "Too many wrong PINs at this kiosk: it must wait before the next sign-in");
  lh_error_set_reason (error, "kiosk-slowed");
}

gboolean
lh_pin_guard_check_device (LhStore *store, gint64 device_id, gint64 now, gint64 *out_slowed_until,
                           GError **error)
{
  Bucket device;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!load_bucket (store, "device", device_id, &device, error))
    return FALSE;
  if (device.blocked_until > now)
    {
      set_slowed_error (error, device.blocked_until, out_slowed_until);
      return FALSE;
    }
  return TRUE;
}

static char *
device_name (LhStore *store, gint64 device_id)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT name FROM devices WHERE id = ?1", NULL);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return g_strdup ("?");
  sqlite3_bind_int64 (stmt, 1, device_id);
  if (!lh_store_step (store, stmt, &has_row, NULL) || !has_row)
    return g_strdup ("?");
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
lh_pin_guard_record_failure (LhStore *store, gint64 device_id, gint64 now, gint64 *out_slowed_until,
                             GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  Bucket device, centre;
  gboolean centre_over;
  gint64 allowed;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  *out_slowed_until = 0;
  tx = lh_store_begin (store, error);
  if (tx == NULL ||
      !load_bucket (store, "centre", 0, &centre, error) ||
      !load_bucket (store, "device", device_id, &device, error))
    return FALSE;
  bucket_add_failure (&centre, now, LH_PIN_GUARD_CENTRE_FORGIVE_SECONDS);
  bucket_add_failure (&device, now, LH_PIN_GUARD_DEVICE_FORGIVE_SECONDS);
  centre_over = centre.failures > LH_PIN_GUARD_CENTRE_CEILING;
  if (centre.failures == LH_PIN_GUARD_CENTRE_CEILING + 1)
    g_message ("%d wrong PINs across the centre: someone may be guessing; every kiosk now waits "
               "after a wrong PIN", LH_PIN_GUARD_CENTRE_CEILING + 1);

  /* Over the centre's ceiling, no kiosk has wrong PINs to spare. */
  allowed = centre_over ? 0 : LH_PIN_GUARD_DEVICE_FREE;
  if (device.failures > allowed)
    {
      g_autofree char *name = device_name (store, device_id);

      device.blocked_until = now + wait_seconds (device.failures - allowed);
      *out_slowed_until = device.blocked_until;
      g_message ("Kiosk “%s” waits %" G_GINT64_FORMAT " s after %" G_GINT64_FORMAT
                 " wrong PINs: someone may be guessing PINs there",
                 name, device.blocked_until - now, device.failures);
    }
  if (!save_bucket (store, "centre", 0, &centre, error) ||
      !save_bucket (store, "device", device_id, &device, error))
    return FALSE;
  return lh_transaction_commit (tx, error);
}
