/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-auth"

#include "lh-auth.h"

#include <string.h>

#include "lh-error.h"
#include "lh-people.h"
#include "lh-pin-guard.h"
#include "lh-secret.h"

static void
set_locked_error (GError **error, gint64 locked_until, gint64 *out_locked_until)
{
  if (out_locked_until != NULL)
    *out_locked_until = locked_until;
  g_set_error (error, LH_ERROR, LH_ERROR_LOCKED,
               "Too many wrong PINs: this staff number is locked for %d minutes",
               LH_AUTH_LOCK_SECONDS / 60);
  lh_error_set_reason (error, "staff-number-locked");
  lh_error_add_number (error, "locked_minutes", LH_AUTH_LOCK_SECONDS / 60);
}

void
lh_sign_in_attempt_clear (LhSignInAttempt *attempt)
{
  g_clear_pointer (&attempt->pin_hash, g_free);
}

/* The lock of a staff number nobody has, kept by its hash: it must lock
 * as a real one does, or the answers would tell which numbers are real. */
static gboolean
unknown_number_locked_until (LhStore *store, const guint8 *number_hash, gint64 *locked_until, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT blocked_until FROM pin_failures "
                                             "WHERE subject = 'staff-number' AND subject_key = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, number_hash, LH_TOKEN_HASH_SIZE, SQLITE_STATIC);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *locked_until = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

gboolean
lh_auth_begin_sign_in (LhStore *store, gint64 device_id, const char *staff_number, gint64 now,
                       LhSignInAttempt *attempt, gint64 *out_locked_until, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;
  gint64 unknown_locked_until = 0;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (attempt != NULL, FALSE);

  memset (attempt, 0, sizeof *attempt);
  /* A kiosk made to wait learns nothing about the staff number. */
  if (!lh_pin_guard_check_device (store, device_id, now, out_locked_until, error))
    return FALSE;
  lh_token_hash (staff_number != NULL ? staff_number : "", attempt->number_hash);
  stmt = lh_store_prepare (store,
                           "SELECT id, pin_hash, locked_until FROM people WHERE staff_number = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, staff_number != NULL ? staff_number : "", -1, SQLITE_TRANSIENT);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  /* Looked up for real numbers too, so that both take the same steps. */
  if (!unknown_number_locked_until (store, attempt->number_hash, &unknown_locked_until, error))
    return FALSE;
  if (!has_row && unknown_locked_until > now)
    {
      set_locked_error (error, unknown_locked_until, out_locked_until);
      return FALSE;
    }
  if (has_row && sqlite3_column_int64 (stmt, 2) > now)
    {
      set_locked_error (error, sqlite3_column_int64 (stmt, 2), out_locked_until);
      return FALSE;
    }
  /* A wrong PIN counts against a real person even before they have a PIN. */
  attempt->person_id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  attempt->has_pin = has_row && sqlite3_column_type (stmt, 1) != SQLITE_NULL;
  attempt->pin_hash = g_strdup (attempt->has_pin ? (const char *) sqlite3_column_text (stmt, 1)
                                                 : lh_pin_dummy_hash ());
  return TRUE;
}

static gboolean
record_failure (LhStore *store, gint64 person_id, gint64 now, gint64 *locked_until, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  /* One statement, so that counting and locking cannot interleave. */
  stmt = lh_store_prepare (store,
                           "UPDATE people SET "
                           "  locked_until = CASE WHEN failed_pins + 1 >= ?3 THEN ?2 + ?4 ELSE locked_until END, "
                           "  failed_pins = CASE WHEN failed_pins + 1 >= ?3 THEN 0 ELSE failed_pins + 1 END "
                           "WHERE id = ?1 RETURNING locked_until", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, LH_AUTH_MAX_FAILED_PINS);
  sqlite3_bind_int (stmt, 4, LH_AUTH_LOCK_SECONDS);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *locked_until = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* The same count and lock as record_failure(), for a number nobody has. */
static gboolean
record_unknown_number_failure (LhStore *store, const guint8 *number_hash, gint64 now,
                               gint64 *locked_until, GError **error)
{
  g_autoptr(LhStmt) prune = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  /* A few spent rows at a time: each is pruned once, and the table stays
   * as small as the guessing the kiosks' waits allow. */
  prune = lh_store_prepare (store,
                            "DELETE FROM pin_failures WHERE (subject, subject_key) IN ("
                            "  SELECT subject, subject_key FROM pin_failures "
                            "  WHERE subject = 'staff-number' AND failures = 0 AND blocked_until <= ?1 "
                            "  LIMIT 16)", error);
  if (prune == NULL)
    return FALSE;
  sqlite3_bind_int64 (prune, 1, now);
  if (!lh_store_exec (store, prune, error))
    return FALSE;
  stmt = lh_store_prepare (store,
                           "INSERT INTO pin_failures (subject, subject_key, failures, last_failure_at) "
                           "VALUES ('staff-number', ?1, 1, ?2) "
                           "ON CONFLICT (subject, subject_key) DO UPDATE SET "
                           "  blocked_until = CASE WHEN failures + 1 >= ?3 THEN ?2 + ?4 ELSE blocked_until END, "
                           "  failures = CASE WHEN failures + 1 >= ?3 THEN 0 ELSE failures + 1 END, "
                           "  last_failure_at = ?2 "
                           "RETURNING blocked_until", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, number_hash, LH_TOKEN_HASH_SIZE, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, LH_AUTH_MAX_FAILED_PINS);
  sqlite3_bind_int (stmt, 4, LH_AUTH_LOCK_SECONDS);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *locked_until = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
check_not_locked (LhStore *store, gint64 person_id, gint64 now, gint64 *out_locked_until, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT locked_until FROM people WHERE id = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row && sqlite3_column_int64 (stmt, 0) > now)
    {
      set_locked_error (error, sqlite3_column_int64 (stmt, 0), out_locked_until);
      return FALSE;
    }
  return TRUE;
}

/* Whether the PIN checked is still the person's: learnhubctl may have
 * reset it while the check ran on a worker thread. Asked inside the
 * session's transaction, so that no reset comes in between. */
static gboolean
pin_still_current (LhStore *store, const LhSignInAttempt *attempt, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT pin_hash FROM people WHERE id = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attempt->person_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), attempt->pin_hash) == 0)
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED, "That staff number and PIN do not match");
  lh_error_set_reason (error, "pin-mismatch");
  return FALSE;
}

/* Whether the kiosk is still registered: it may have been revoked while
 * the PIN was checked. */
static gboolean
device_still_registered (LhStore *store, gint64 device_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT 1 FROM devices WHERE id = ?1 AND revoked = 0", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, device_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED, "This kiosk is not registered");
      lh_error_set_reason (error, "kiosk-unknown");
    }
  return has_row;
}

static char *
create_session (LhStore *store, const LhSignInAttempt *attempt, gint64 device_id, int session_minutes,
                gint64 now, LhSessionInfo *out_session, gint64 *out_locked_until, GError **error)
{
  gint64 person_id = attempt->person_id;
  guint8 hash[LH_TOKEN_HASH_SIZE];
  g_autofree char *token = lh_token_generate (hash);
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhStmt) reset = NULL;
  g_autoptr(LhStmt) end_others = NULL;
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(LhPerson) person = NULL;
  gint64 session_id;

  if (tx == NULL || !pin_still_current (store, attempt, error) ||
      !device_still_registered (store, device_id, error) ||
      !check_not_locked (store, person_id, now, out_locked_until, error))
    return NULL;
  reset = lh_store_prepare (store, "UPDATE people SET failed_pins = 0 WHERE id = ?1 AND failed_pins <> 0", error);
  if (reset == NULL)
    return NULL;
  sqlite3_bind_int64 (reset, 1, person_id);
  if (!lh_store_exec (store, reset, error))
    return NULL;
  /* One person per PC kiosk: a session left live there by a sign-out
   * that never arrived must not have its live notices shown to the next
   * person. (Desk kiosks keep theirs: the tests sign many in on one.) */
  end_others = lh_store_prepare (store,
                                 "UPDATE sessions SET ended_at = ?2 "
                                 "WHERE device_id = ?1 AND expires_at > ?2 AND ended_at IS NULL "
                                 "AND EXISTS (SELECT 1 FROM devices WHERE id = ?1 AND resource_id IS NOT NULL)",
                                 error);
  if (end_others == NULL)
    return NULL;
  sqlite3_bind_int64 (end_others, 1, device_id);
  sqlite3_bind_int64 (end_others, 2, now);
  if (!lh_store_exec (store, end_others, error))
    return NULL;
  insert = lh_store_prepare (store,
                             "INSERT INTO sessions (token_hash, person_id, device_id, created_at, expires_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_blob (insert, 1, hash, sizeof hash, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 2, person_id);
  sqlite3_bind_int64 (insert, 3, device_id);
  sqlite3_bind_int64 (insert, 4, now);
  sqlite3_bind_int64 (insert, 5, now + MIN ((gint64) session_minutes * 60, LH_AUTH_SESSION_MAX_SECONDS));
  if (!lh_store_exec (store, insert, error))
    return NULL;
  session_id = lh_store_last_insert_id (store);
  person = lh_people_get (store, person_id, error);
  if (person == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  if (out_session != NULL)
    {
      out_session->session_id = session_id;
      out_session->person_id = person_id;
      out_session->device_id = device_id;
      out_session->roles = person->roles;
      out_session->expires_at = now + MIN ((gint64) session_minutes * 60, LH_AUTH_SESSION_MAX_SECONDS);
    }
  return g_steal_pointer (&token);
}

char *
lh_auth_finish_sign_in (LhStore *store, const LhSignInAttempt *attempt, gint64 device_id,
                        gboolean pin_ok, int session_minutes, gint64 now,
                        LhSessionInfo *out_session, gint64 *out_locked_until, GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (attempt != NULL, NULL);
  g_return_val_if_fail (session_minutes > 0, NULL);

  /* Matching the dummy hash is no success. */
  pin_ok = pin_ok && attempt->has_pin;
  if (!pin_ok)
    {
      gint64 locked_until = 0, slowed_until = 0;

      /* Known or not, the staff number counts alike and locks alike. */
      if (attempt->person_id != 0 ? !record_failure (store, attempt->person_id, now, &locked_until, error)
                                  : !record_unknown_number_failure (store, attempt->number_hash, now,
                                                                    &locked_until, error))
        return NULL;
      if (!lh_pin_guard_record_failure (store, device_id, now, &slowed_until, error))
        return NULL;
      if (locked_until > now)
        {
          /* Which person is not logged: that would tell the journal's
           * reader which numbers are real for no gain. */
          g_message ("A staff number was locked after %d wrong PINs", LH_AUTH_MAX_FAILED_PINS);
          set_locked_error (error, locked_until, out_locked_until);
          return NULL;
        }
      g_set_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED,
                   "That staff number and PIN do not match");
      lh_error_set_reason (error, "pin-mismatch");
      return NULL;
    }
  return create_session (store, attempt, device_id, session_minutes, now,
                         out_session, out_locked_until, error);
}

char *
lh_auth_sign_in (LhStore *store, gint64 device_id, const char *staff_number, const char *pin,
                 int session_minutes, gint64 now, LhSessionInfo *out_session,
                 gint64 *out_locked_until, GError **error)
{
  g_auto(LhSignInAttempt) attempt = { 0 };

  if (!lh_auth_begin_sign_in (store, device_id, staff_number, now, &attempt, out_locked_until, error))
    return NULL;
  return lh_auth_finish_sign_in (store, &attempt, device_id, lh_pin_verify (attempt.pin_hash, pin),
                                 session_minutes, now, out_session, out_locked_until, error);
}

gboolean
lh_auth_check_session (LhStore *store, const char *token, gint64 now,
                       LhSessionInfo *out_session, GError **error)
{
  guint8 hash[LH_TOKEN_HASH_SIZE];
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_session != NULL, FALSE);

  /* The cap holds here too, whatever code moved expires_at on. */
  stmt = lh_store_prepare (store,
                           "SELECT s.id, s.person_id, s.device_id, p.roles, min (s.expires_at, s.created_at + ?3) "
                           "FROM sessions s JOIN people p ON p.id = s.person_id "
                           "JOIN devices d ON d.id = s.device_id "
                           "WHERE s.token_hash = ?1 AND s.ended_at IS NULL "
                           "AND min (s.expires_at, s.created_at + ?3) > ?2 AND d.revoked = 0", error);
  if (stmt == NULL)
    return FALSE;
  lh_token_hash (token, hash);
  sqlite3_bind_blob (stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, LH_AUTH_SESSION_MAX_SECONDS);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED,
                   "You are signed out; please sign in again");
      lh_error_set_reason (error, "signed-out");
      return FALSE;
    }
  out_session->session_id = sqlite3_column_int64 (stmt, 0);
  out_session->person_id = sqlite3_column_int64 (stmt, 1);
  out_session->device_id = sqlite3_column_int64 (stmt, 2);
  out_session->roles = (guint) sqlite3_column_int (stmt, 3);
  out_session->expires_at = sqlite3_column_int64 (stmt, 4);
  return TRUE;
}

gboolean
lh_auth_end_session (LhStore *store, gint64 session_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "UPDATE sessions SET ended_at = ?2 "
                                             "WHERE id = ?1 AND ended_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return lh_store_exec (store, stmt, error);
}

GArray *
lh_auth_live_devices (LhStore *store, gint64 person_id, gint64 now, GError **error)
{
  g_autoptr(GArray) devices = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT DISTINCT device_id FROM sessions WHERE person_id = ?1 "
                                             "AND ended_at IS NULL AND expires_at > ?2 "
                                             "AND created_at + ?3 > ?2", error);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, LH_AUTH_SESSION_MAX_SECONDS);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (devices, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&devices);
}

gboolean
lh_auth_keep_session_until (LhStore *store, gint64 session_id, gint64 until, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  /* Never past LH_AUTH_SESSION_MAX_SECONDS from sign-in, whatever asks. */
  stmt = lh_store_prepare (store,
                           "UPDATE sessions SET expires_at = max (expires_at, min (?2, created_at + ?3)) "
                           "WHERE id = ?1 AND ended_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, until);
  sqlite3_bind_int64 (stmt, 3, LH_AUTH_SESSION_MAX_SECONDS);
  return lh_store_exec (store, stmt, error);
}
