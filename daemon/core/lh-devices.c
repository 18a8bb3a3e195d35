/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-devices"

#include "lh-devices.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "lh-error.h"
#include "lh-secret.h"
#include "lh-usage.h"

/* last_seen_at is for the admin's overview, not an audit trail: writing it
 * at most once a minute keeps sign-in free of needless disk syncs. */
#define LAST_SEEN_RESOLUTION 60

void
lh_device_free (LhDevice *device)
{
  g_free (device->name);
  g_free (device);
}

char *
lh_devices_add (LhStore *store, const char *name, gint64 now, gint64 *out_id, GError **error)
{
  guint8 hash[LH_TOKEN_HASH_SIZE];
  g_autofree char *token = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (name == NULL || name[0] == '\0' || strlen (name) > 100 || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("A device name has 1 to 100 characters"));
      return NULL;
    }
  stmt = lh_store_prepare (store,
                           "INSERT INTO devices (name, token_hash, created_at) VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return NULL;
  token = lh_token_generate (hash);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 2, hash, sizeof hash, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!lh_store_exec (store, stmt, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, _("A device called “%s” already exists"), name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (out_id != NULL)
    *out_id = lh_store_last_insert_id (store);
  return g_steal_pointer (&token);
}

gboolean
lh_devices_authenticate (LhStore *store, const char *token, gint64 now, gint64 *out_id, GError **error)
{
  guint8 hash[LH_TOKEN_HASH_SIZE];
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;
  gint64 id, last_seen;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  stmt = lh_store_prepare (store,
                           "SELECT id, coalesce(last_seen_at, 0) FROM devices "
                           "WHERE token_hash = ?1 AND revoked = 0", error);
  if (stmt == NULL)
    return FALSE;
  lh_token_hash (token, hash);
  sqlite3_bind_blob (stmt, 1, hash, sizeof hash, SQLITE_TRANSIENT);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_UNAUTHORIZED, "This kiosk is not registered");
      lh_error_set_reason (error, "kiosk-unknown");
      return FALSE;
    }
  id = sqlite3_column_int64 (stmt, 0);
  last_seen = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, lh_stmt_release);

  if (now - last_seen >= LAST_SEEN_RESOLUTION)
    {
      g_autoptr(LhStmt) touch = lh_store_prepare (store,
                                                  "UPDATE devices SET last_seen_at = ?2 WHERE id = ?1",
                                                  error);
      g_autoptr(GError) touch_error = NULL;
      if (touch == NULL)
        return FALSE;
      sqlite3_bind_int64 (touch, 1, id);
      sqlite3_bind_int64 (touch, 2, now);
      /* When last seen is a nicety: a full disk still lets kiosks read. */
      if (!lh_store_exec (store, touch, &touch_error))
        {
          if (!g_error_matches (touch_error, LH_ERROR, LH_ERROR_STORAGE_FULL))
            {
              g_propagate_error (error, g_steal_pointer (&touch_error));
              return FALSE;
            }
        }
    }
  *out_id = id;
  return TRUE;
}

/* Whoever sits at the PC of a revoked kiosk has left it. */
static gboolean
end_sittings_on (LhStore *store, const char *name, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) open = lh_usage_list_open (store, error);
  g_autoptr(GPtrArray) devices = NULL;

  if (open == NULL)
    return FALSE;
  devices = lh_devices_list (store, error);
  if (devices == NULL)
    return FALSE;
  for (guint i = 0; i < open->len; i++)
    {
      LhUsage *usage = g_ptr_array_index (open, i);

      for (guint j = 0; j < devices->len; j++)
        {
          const LhDevice *device = g_ptr_array_index (devices, j);

          if (device->id == usage->device_id && g_str_equal (device->name, name) &&
              !lh_usage_end_locked (store, usage, LH_USAGE_END_REVOKED, now, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
lh_devices_revoke (LhStore *store, const char *name, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhStmt) revoke = NULL;
  g_autoptr(LhStmt) end_sessions = NULL;

  if (tx == NULL)
    return FALSE;
  revoke = lh_store_prepare (store, "UPDATE devices SET revoked = 1 WHERE name = ?1", error);
  if (revoke == NULL)
    return FALSE;
  sqlite3_bind_text (revoke, 1, name, -1, SQLITE_TRANSIENT);
  if (!lh_store_exec (store, revoke, error))
    return FALSE;
  if (lh_store_changes (store) == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, _("No device called “%s”"), name);
      return FALSE;
    }
  if (!end_sittings_on (store, name, now, error))
    return FALSE;
  end_sessions = lh_store_prepare (store,
                                   "UPDATE sessions SET ended_at = ?2 WHERE ended_at IS NULL AND "
                                   "device_id = (SELECT id FROM devices WHERE name = ?1)", error);
  if (end_sessions == NULL)
    return FALSE;
  sqlite3_bind_text (end_sessions, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (end_sessions, 2, now);
  if (!lh_store_exec (store, end_sessions, error))
    return FALSE;
  return lh_transaction_commit (tx, error);
}

static LhDevice *
device_from_row (LhStmt *stmt)
{
  LhDevice *device = g_new0 (LhDevice, 1);

  device->id = sqlite3_column_int64 (stmt, 0);
  device->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  device->created_at = sqlite3_column_int64 (stmt, 2);
  device->last_seen_at = sqlite3_column_int64 (stmt, 3);
  device->revoked = sqlite3_column_int (stmt, 4) != 0;
  device->resource_id = sqlite3_column_int64 (stmt, 5);
  device->heartbeat_at = sqlite3_column_int64 (stmt, 6);
  device->wrong_pins = sqlite3_column_int64 (stmt, 7);
  device->slowed_until = sqlite3_column_int64 (stmt, 8);
  return device;
}

GPtrArray *
lh_devices_list (LhStore *store, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT d.id, d.name, d.created_at, coalesce(d.last_seen_at, 0), d.revoked, "
                                             "coalesce(d.resource_id, 0), coalesce(d.heartbeat_at, 0), "
                                             "coalesce(f.failures, 0), coalesce(f.blocked_until, 0) "
                                             "FROM devices d LEFT JOIN pin_failures f "
                                             "  ON f.subject = 'device' AND f.subject_key = d.id "
                                             "ORDER BY d.name", error);

  if (stmt == NULL)
    return NULL;
  return lh_store_collect (store, stmt, (LhRowFunc) device_from_row, (GDestroyNotify) lh_device_free, error);
}

gboolean
lh_devices_set_pc (LhStore *store, const char *name, gint64 resource_id, GError **error)
{
  g_autoptr(LhStmt) kind = NULL;
  g_autoptr(LhStmt) update = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (resource_id != 0)
    {
      kind = lh_store_prepare (store, "SELECT kind = 'pc' FROM resources WHERE id = ?1 AND active = 1", error);
      if (kind == NULL)
        return FALSE;
      sqlite3_bind_int64 (kind, 1, resource_id);
      if (!lh_store_step (store, kind, &has_row, error))
        return FALSE;
      if (!has_row || !sqlite3_column_int (kind, 0))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("A kiosk can belong to a PC, not to a room"));
          return FALSE;
        }
    }
  update = lh_store_prepare (store, "UPDATE devices SET resource_id = nullif (?2, 0) WHERE name = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_text (update, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (update, 2, resource_id);
  if (!lh_store_exec (store, update, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, _("That PC already has a kiosk"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (lh_store_changes (store) == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, _("No device called “%s”"), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_devices_heartbeat (LhStore *store, gint64 device_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "UPDATE devices SET heartbeat_at = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, device_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return lh_store_exec (store, stmt, error);
}

gboolean
lh_devices_pc_online (LhStore *store, gint64 resource_id, gint64 now, gboolean *out_has_kiosk,
                      gboolean *out_online, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT coalesce(heartbeat_at, 0) FROM devices "
                                             "WHERE resource_id = ?1 AND revoked = 0", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_has_kiosk = has_row;
  *out_online = has_row && now - sqlite3_column_int64 (stmt, 0) <= LH_DEVICE_SILENT_SECONDS;
  return TRUE;
}

gboolean
lh_devices_get_pc (LhStore *store, gint64 device_id, gint64 *out_resource_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  *out_resource_id = 0;
  stmt = lh_store_prepare (store, "SELECT coalesce (resource_id, 0) FROM devices WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, device_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_resource_id = has_row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}
