/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bringing a database up to the latest schema: the numbered migrations in
 * data/schema, each in a transaction of its own, and the schema-text
 * edits a migration may ask for (SQLite's writable_schema procedure). */
#define G_LOG_DOMAIN "lh-store"

#include <gio/gio.h>

#include "lh-error.h"
#include "lh-store-private.h"

#define SCHEMA_PATH "/org/learnhub/schema"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Migration files are named NNNN-what.sql; sorted by name, their numbers
 * must run 1, 2, 3… */
static char **
list_migrations (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (SCHEMA_PATH, 0, NULL);
  g_autoptr(GPtrArray) sql = g_ptr_array_new_null_terminated (8, g_free, TRUE);

  if (names == NULL)
    return g_new0 (char *, 1);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sql, g_strdup (names[i]));
  return (char **) g_ptr_array_steal (sql, NULL);
}

int
lh_store_get_latest_version (void)
{
  g_auto(GStrv) names = list_migrations ();

  return (int) g_strv_length (names);
}

/* A migration may leave rewrites of schema text in temp.schema_edits
 * (name, old, new), for changes that leave every byte on disk as it is:
 * SQLite's documented writable_schema procedure, inside the migration's
 * transaction. Each old text must occur exactly once in its object's SQL,
 * or nothing is changed. */
static gboolean
apply_schema_edits (LhStore *self, GError **error)
{
  g_autoptr(LhStmt) edits = NULL;
  g_autoptr(LhStmt) update = NULL;
  g_autofree char *bump = NULL;
  const char *result;
  int defensive = 0;
  int rc;
  gboolean ok = FALSE;

  if (lh_store_query_int (self, "SELECT count(*) FROM temp.sqlite_schema WHERE name = 'schema_edits'") != 1)
    return TRUE;

  /* Counted before anything is written, so that a mismatch changes nothing. */
  edits = lh_store_prepare (self,
                            "SELECT e.name, e.old, e.new, "
                            "(SELECT (length (s.sql) - length (replace (s.sql, e.old, ''))) / length (e.old) "
                            " FROM main.sqlite_schema s WHERE s.name = e.name) "
                            "FROM temp.schema_edits e ORDER BY e.rowid", error);
  if (edits == NULL)
    return FALSE;
  while ((rc = sqlite3_step (edits)) == SQLITE_ROW)
    if (sqlite3_column_type (edits, 3) == SQLITE_NULL || sqlite3_column_int (edits, 3) != 1)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                     "the schema of %s does not hold “%s” exactly once (%d times); "
                     "it was changed by something other than learnhub",
                     sqlite3_column_text (edits, 0), sqlite3_column_text (edits, 1),
                     sqlite3_column_int (edits, 3));
        return FALSE;
      }
  if (rc != SQLITE_DONE)
    {
      lh_store_set_error (self, error, rc, "Reading the schema edits");
      return FALSE;
    }
  sqlite3_reset (edits);

  /* Defensive mode forbids writable_schema; put back as it was after. */
  sqlite3_db_config (lh_store_get_db (self), SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
  if (defensive)
    sqlite3_db_config (lh_store_get_db (self), SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  /* The schema version is bumped so that any other connection rereads it. */
  bump = g_strdup_printf ("PRAGMA schema_version = %d", lh_store_query_int (self, "PRAGMA schema_version") + 1);
  if (!lh_store_exec_script (self, "PRAGMA writable_schema = ON", error))
    goto out;
  update = lh_store_prepare (self, "UPDATE main.sqlite_schema SET sql = replace (sql, ?2, ?3) WHERE name = ?1",
                             error);
  if (update == NULL)
    goto out;
  /* One at a time, as two edits may fall in the same object. */
  while ((rc = sqlite3_step (edits)) == SQLITE_ROW)
    {
      for (int i = 0; i < 3; i++)
        sqlite3_bind_value (update, i + 1, sqlite3_column_value (edits, i));
      if (!lh_store_exec (self, update, error))
        goto out;
      lh_stmt_release (update);
    }
  if (rc != SQLITE_DONE)
    {
      lh_store_set_error (self, error, rc, "Editing the schema");
      goto out;
    }
  ok = lh_store_exec_script (self, bump, error);

out:
  sqlite3_reset (edits);
  /* RESET also makes this connection reread the schema it now holds. */
  if (!lh_store_exec_script (self, "PRAGMA writable_schema = RESET", ok ? error : NULL))
    ok = FALSE;
  if (defensive)
    sqlite3_db_config (lh_store_get_db (self), SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  if (!ok || !lh_store_exec_script (self, "DROP TABLE temp.schema_edits", error))
    return FALSE;

  {
    g_autoptr(LhStmt) check = lh_store_prepare (self, "PRAGMA integrity_check", error);

    if (check == NULL)
      return FALSE;
    if (sqlite3_step (check) != SQLITE_ROW)
      {
        lh_store_set_error (self, error, sqlite3_errcode (lh_store_get_db (self)), "Checking the edited schema");
        return FALSE;
      }
    result = (const char *) sqlite3_column_text (check, 0);
    if (g_strcmp0 (result, "ok") != 0)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                     "the edited schema does not check out: %s", result);
        return FALSE;
      }
  }
  return TRUE;
}

static gboolean
apply_migration (LhStore *self, int version, const char *name, GError **error)
{
  g_autofree char *path = g_strdup_printf ("%s/%s", SCHEMA_PATH, name);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  g_autoptr(LhTransaction) tx = NULL;

  if (bytes == NULL)
    return FALSE;
  if (atoi (name) != version)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                   "Migration %s is out of sequence (expected number %d)", name, version);
      return FALSE;
    }
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* user_version cannot take a bound parameter; version is our own integer. */
  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  tx = lh_store_begin (self, error);
  if (tx == NULL ||
      !lh_store_exec_script (self, sql, error) ||
      !apply_schema_edits (self, error) ||
      !lh_store_exec_script (self, set_version, error) ||
      !lh_transaction_commit (tx, error))
    {
      g_prefix_error (error, "Migration %s: ", name);
      return FALSE;
    }
  g_message ("Migrated %s to schema version %d", lh_store_get_path (self), version);
  return TRUE;
}

gboolean
lh_store_migrate (LhStore *self, GError **error)
{
  g_auto(GStrv) names = list_migrations ();
  int latest = (int) g_strv_length (names);
  int current = lh_store_get_schema_version (self);

  if (current > latest)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                   "%s has schema version %d, newer than this learnhub knows (%d); "
                   "upgrade learnhub", lh_store_get_path (self), current, latest);
      return FALSE;
    }
  for (int v = current + 1; v <= latest; v++)
    if (!apply_migration (self, v, names[v - 1], error))
      return FALSE;
  return TRUE;
}
