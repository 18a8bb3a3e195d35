/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-store"

#include "lh-store.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lh-backup.h"
#include "lh-error.h"
#include "lh-schema-resources.h"
#include "lh-store-private.h"

/* How long a statement waits for a lock another connection holds. */
#define BUSY_TIMEOUT_MS 5000
/* Bytes of the database file read through mmap (see lh_store_open). */
#define MMAP_SIZE 1073741824
/* How long a scrub waits for a reader elsewhere to let go of the WAL: it
 * runs on the daemon's one thread, and the housekeeper tries again. */
#define SCRUB_TIMEOUT_MS 20

struct _LhStore
{
  GObject     parent_instance;

  char       *path;        /* (owned) */
  sqlite3    *db;          /* (owned) */
  int         lock_fd;     /* (owned) flock()ed "<path>.lock", or -1 */
  GHashTable *statements;  /* (owned) sql text -> (owned) sqlite3_stmt */
  gboolean    scrub_pending;  /* erased rows may still be in the WAL */
  gboolean    beside_owner;   /* another process (learnhubd) holds the lock */
  int         data_version;   /* PRAGMA data_version when last looked at */
};

struct _LhTransaction
{
  LhStore  *store;    /* (unowned) */
  gboolean  done;
  gboolean  nested;   /* a savepoint inside a transaction already open */
};

G_DEFINE_FINAL_TYPE (LhStore, lh_store, G_TYPE_OBJECT)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lh_store_finalize (GObject *object)
{
  LhStore *self = LH_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->path);

  G_OBJECT_CLASS (lh_store_parent_class)->finalize (object);
}

static void
lh_store_class_init (LhStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lh_store_finalize;
}

static void
lh_store_init (LhStore *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

void
lh_store_set_error (LhStore *self, GError **error, int rc, const char *context)
{
  const char *msg = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  /* A conflict's message may reach a person, so it never carries SQLite's
   * own words; every other failure is internal, logged and never sent. */
  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      g_set_error_literal (error, LH_ERROR, LH_ERROR_CONFLICT, "That already exists");
      return;
    case SQLITE_CONSTRAINT_TRIGGER:
      /* Our own triggers' RAISE text: plain words we wrote. */
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Refused: %s", msg);
      return;
    default:
      break;
    }
  if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error (error, LH_ERROR, LH_ERROR_BUSY, "%s: %s", context, msg);
  else if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_IOERR)
    {
      /* A full disk (ENOSPC), a file at its size limit (EFBIG), a failing
       * disk: SQLite rolled back what it could not write; the log says
       * why, the answer a reason. */
      int saved = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

      g_message ("%s: %s: %s%s%s", self->path, context, msg, saved != 0 ? ": " : "",
                 saved != 0 ? g_strerror (saved) : "");
      g_set_error (error, LH_ERROR, LH_ERROR_STORAGE_FULL,
                   "The centre's database cannot be written to (its disk is full or failing). "
                   "Nothing was changed");
      lh_error_set_reason (error, "storage-full");
    }
  else
    g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "%s: %s", context, msg);
}

void
lh_stmt_release (LhStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

LhStmt *
lh_store_prepare (LhStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LH_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      lh_store_set_error (self, error, rc, "Preparing a statement");
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
lh_store_step (LhStore *self, LhStmt *stmt, gboolean *has_row, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    {
      *has_row = rc == SQLITE_ROW;
      return TRUE;
    }
  lh_store_set_error (self, error, rc, "Running a statement");
  return FALSE;
}

gboolean
lh_store_exec (LhStore *self, LhStmt *stmt, GError **error)
{
  gboolean has_row;

  return lh_store_step (self, stmt, &has_row, error);
}

GPtrArray *
lh_store_collect (LhStore *self, LhStmt *stmt, LhRowFunc from_row, GDestroyNotify free_func,
                  GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (self), NULL);
  g_return_val_if_fail (stmt != NULL && from_row != NULL, NULL);

  while (lh_store_step (self, stmt, &has_row, &local_error) && has_row)
    g_ptr_array_add (rows, from_row (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

gint64
lh_store_last_insert_id (LhStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

int
lh_store_changes (LhStore *self)
{
  return sqlite3_changes (self->db);
}

gint64
lh_store_total_changes (LhStore *self)
{
  return sqlite3_total_changes64 (self->db);
}

guint64
lh_store_take_vm_steps (LhStore *self)
{
  guint64 steps = 0;

  g_return_val_if_fail (LH_IS_STORE (self), 0);

  /* A trigger's program runs inside the statement that fires it, so its
   * steps are counted there. */
  for (sqlite3_stmt *stmt = sqlite3_next_stmt (self->db, NULL); stmt != NULL;
       stmt = sqlite3_next_stmt (self->db, stmt))
    steps += (guint64) sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_VM_STEP, TRUE);
  return steps;
}

gboolean
lh_store_exec_script (LhStore *self, const char *sql, GError **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      lh_store_set_error (self, error, rc, "Running SQL");
      return FALSE;
    }
  return TRUE;
}

static gboolean check_same_schema (LhStore *self, GError **error);

LhTransaction *
lh_store_begin (LhStore *self, GError **error)
{
  LhTransaction *tx;

  g_return_val_if_fail (LH_IS_STORE (self), NULL);

  /* Inside a transaction already (one change made of several steps, such
   * as the demo's months of history), a step is a savepoint: it can still
   * fail alone, and everything is committed at once. */
  if (!sqlite3_get_autocommit (self->db))
    {
      if (!lh_store_exec_script (self, "SAVEPOINT step", error))
        return NULL;
      tx = g_new0 (LhTransaction, 1);
      tx->store = self;
      tx->nested = TRUE;
      return tx;
    }
  /* IMMEDIATE takes the write lock at once, so the checks made inside the
   * transaction still hold when it commits. */
  if (!lh_store_exec_script (self, "BEGIN IMMEDIATE", error))
    return NULL;
  /* Beside learnhubd, a newer one may have been started (and migrated
   * the database) since opening; with the write lock held, no one else
   * can now, so checked once here it holds to the commit. */
  if (self->beside_owner && !check_same_schema (self, error))
    {
      lh_store_exec_script (self, "ROLLBACK", NULL);
      return NULL;
    }
  tx = g_new0 (LhTransaction, 1);
  tx->store = self;
  return tx;
}

LhTransaction *
lh_store_begin_read (LhStore *self, GError **error)
{
  LhTransaction *tx;

  g_return_val_if_fail (LH_IS_STORE (self), NULL);

  if (!sqlite3_get_autocommit (self->db))
    return lh_store_begin (self, error);
  /* In WAL, the first read takes a snapshot and no lock a writer waits
   * for. */
  if (!lh_store_exec_script (self, "BEGIN DEFERRED", error))
    return NULL;
  tx = g_new0 (LhTransaction, 1);
  tx->store = self;
  return tx;
}

gboolean
lh_store_in_transaction (LhStore *self)
{
  g_return_val_if_fail (LH_IS_STORE (self), FALSE);
  return !sqlite3_get_autocommit (self->db);
}

gboolean
lh_transaction_commit (LhTransaction *tx, GError **error)
{
  g_return_val_if_fail (tx != NULL && !tx->done, FALSE);

  if (!lh_store_exec_script (tx->store, tx->nested ? "RELEASE step" : "COMMIT", error))
    return FALSE;
  tx->done = TRUE;
  /* The erasure is on disk only now: its old copies can go. */
  if (!tx->nested && tx->store->scrub_pending)
    {
      g_autoptr(GError) scrub_error = NULL;

      if (!lh_store_scrub (tx->store, &scrub_error))
        g_message ("%s", scrub_error->message);
    }
  return TRUE;
}

void
lh_transaction_free (LhTransaction *tx)
{
  /* SQLite may have rolled it all back already, on a full disk say. */
  if (!tx->done && !sqlite3_get_autocommit (tx->store->db))
    {
      g_autoptr(GError) error = NULL;

      if (!lh_store_exec_script (tx->store, tx->nested ? "ROLLBACK TO step; RELEASE step" : "ROLLBACK", &error))
        g_warning ("Could not roll back: %s", error->message);
    }
  g_free (tx);
}

int
lh_store_query_int (LhStore *self, const char *sql)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (self, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
check_integrity (LhStore *self, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (self, "PRAGMA quick_check", error);
  const char *result;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      lh_store_set_error (self, error, sqlite3_errcode (self->db), "Checking integrity");
      return FALSE;
    }
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL,
                   "%s is damaged (%s); restore it from a backup: learnhubctl backup list, then "
                   "learnhubctl restore FILE", self->path, result);
      return FALSE;
    }
  return TRUE;
}

/* The connection, as every learnhub program sets it up. */
static gboolean
open_connection (LhStore *self, GError **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            NULL);

  if (rc != SQLITE_OK)
    {
      lh_store_set_error (self, error, rc, "Opening the database");
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* WAL with synchronous=FULL: a confirmed booking survives a power cut.
   * WAL also lets learnhubctl write beside a running learnhubd: readers
   * never wait, and writers take turns. */
  if (!lh_store_exec_script (self, "PRAGMA journal_mode = WAL", error) ||
      !lh_store_exec_script (self, "PRAGMA synchronous = FULL", error) ||
      !lh_store_exec_script (self, "PRAGMA foreign_keys = ON", error) ||
      /* A deleted advice record leaves no bytes behind in free pages;
       * lh_store_scrub() deals with the WAL's older copies of them. */
      !lh_store_exec_script (self, "PRAGMA secure_delete = ON", error) ||
      /* Each change of a group commit runs in a savepoint, and SQLite
       * keeps each page's copy from before it in a sub-journal. Past
       * 64 KB that spilled to a file in /var/tmp: two writes a page, a
       * tenth of the daemon's time at 8 kiosks, and copies of the
       * centre's pages left outside its directory and its erasure. */
      !lh_store_exec_script (self, "PRAGMA temp_store = MEMORY", error) ||
      /* Pages read through the kernel's cache in place, not copied into
       * SQLite's 2 MB one and thrown out again: the committee's report
       * reads hundreds of MB on a large centre, and most of its time was
       * pread() copying pages. Address space only, capped by SQLite. */
      !lh_store_exec_script (self, "PRAGMA mmap_size = " G_STRINGIFY (MMAP_SIZE), error))
    return FALSE;
  if (!check_integrity (self, error))
    return FALSE;
  self->data_version = lh_store_query_int (self, "PRAGMA data_version");
  return TRUE;
}

LhStore *
lh_store_open (const char *path, GError **error)
{
  g_autoptr(LhStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LH_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  g_resources_register (lh_schema_get_resource ());

  if (!lh_store_ensure_parent_dir (path, error) ||
      !lh_store_check_writable (path, error) ||
      (self->lock_fd = lh_store_take_lock (path, NULL, error)) < 0 ||
      !lh_store_keep_private (path, error))
    return NULL;
  if (!open_connection (self, error) || !lh_store_migrate (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  /* With the lock no restore runs: its mark, left by one that was
   * killed, goes. */
  {
    g_autofree char *restoring = lh_backup_restoring_path (path);

    g_unlink (restoring);
  }
  return g_steal_pointer (&self);
}

/* Beside the daemon nothing is migrated: the daemon's statements were
 * made for the schema it found, and only the lock's owner may change it. */
static gboolean
check_same_schema (LhStore *self, GError **error)
{
  int version = lh_store_get_schema_version (self);
  int latest = lh_store_get_latest_version ();

  if (version == latest)
    return TRUE;
  if (version < latest)
    g_set_error (error, LH_ERROR, LH_ERROR_BUSY,
                 "%s is held by learnhubd (the running centre), which runs an older version of "
                 "learnhub (database schema %d; this learnhubctl needs %d). Restart learnhubd first: "
                 "it upgrades the database as it starts. Nothing was changed",
                 self->path, version, latest);
  else
    g_set_error (error, LH_ERROR, LH_ERROR_BUSY,
                 "%s is held by learnhubd (the running centre), which runs a newer version of "
                 "learnhub (database schema %d; this learnhubctl knows %d). Use the learnhubctl "
                 "installed with it. Nothing was changed",
                 self->path, version, latest);
  return FALSE;
}

LhStore *
lh_store_open_beside_daemon (const char *path, GError **error)
{
  g_autoptr(LhStore) self = NULL;
  g_autoptr(GError) lock_error = NULL;
  gboolean held_elsewhere = FALSE;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (LH_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  g_resources_register (lh_schema_get_resource ());

  if (!lh_store_ensure_parent_dir (path, error))
    return NULL;
  /* With the lock it is lh_store_open(): the lock, held to the end, also
   * keeps a daemon from starting (and migrating) meanwhile. */
  self->lock_fd = lh_store_take_lock (path, &held_elsewhere, &lock_error);
  if (self->lock_fd >= 0)
    {
      if (!lh_store_keep_private (path, error))
        return NULL;
      if (!open_connection (self, error) || !lh_store_migrate (self, error))
        {
          g_prefix_error (error, "%s: ", path);
          return NULL;
        }
      return g_steal_pointer (&self);
    }
  if (!held_elsewhere)
    {
      g_propagate_error (error, g_steal_pointer (&lock_error));
      return NULL;
    }
  /* The lock's holder is a restore, not learnhubd: what were written now
   * would go into the database being replaced. */
  {
    g_autofree char *restoring = lh_backup_restoring_path (path);

    if (g_file_test (restoring, G_FILE_TEST_EXISTS))
      {
        g_set_error (error, LH_ERROR, LH_ERROR_BUSY,
                     "%s is being restored from a backup (learnhubctl restore); try again once it has "
                     "finished. Nothing was changed", path);
        return NULL;
      }
  }
  self->beside_owner = TRUE;
  if (!lh_store_keep_private (path, error))
    return NULL;
  if (!open_connection (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  if (!check_same_schema (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
lh_store_is_beside_owner (LhStore *self)
{
  g_return_val_if_fail (LH_IS_STORE (self), FALSE);
  return self->beside_owner;
}

gboolean
lh_store_changed_elsewhere (LhStore *self)
{
  int version;

  g_return_val_if_fail (LH_IS_STORE (self), FALSE);

  /* Changes only when another connection commits; reading it touches no
   * page, only the WAL's index in shared memory. */
  version = lh_store_query_int (self, "PRAGMA data_version");
  if (version == self->data_version)
    return FALSE;
  self->data_version = version;
  return TRUE;
}

sqlite3 *
lh_store_get_db (LhStore *self)
{
  return self->db;
}

const char *
lh_store_get_path (LhStore *self)
{
  g_return_val_if_fail (LH_IS_STORE (self), NULL);
  return self->path;
}

int
lh_store_get_schema_version (LhStore *self)
{
  g_return_val_if_fail (LH_IS_STORE (self), -1);
  return lh_store_query_int (self, "PRAGMA user_version");
}

void
lh_store_scrub_when_committed (LhStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LH_IS_STORE (self));

  self->scrub_pending = TRUE;
  /* Inside a transaction, its (outermost) commit scrubs. */
  if (!sqlite3_get_autocommit (self->db))
    return;
  if (!lh_store_scrub (self, &error))
    g_message ("%s", error->message);
}

gboolean
lh_store_scrub_pending (LhStore *self)
{
  g_return_val_if_fail (LH_IS_STORE (self), FALSE);
  return self->scrub_pending;
}

gboolean
lh_store_scrub (LhStore *self, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row, busy;

  g_return_val_if_fail (LH_IS_STORE (self), FALSE);

  self->scrub_pending = TRUE;
  if (!sqlite3_get_autocommit (self->db))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BUSY, "%s: cannot clear the WAL inside a transaction", self->path);
      return FALSE;
    }
  /* TRUNCATE copies every page into the database, then waits for readers
   * to stop reading the WAL and cuts it to nothing: no old image of an
   * erased row is left in it to be read back. */
  sqlite3_busy_timeout (self->db, SCRUB_TIMEOUT_MS);
  stmt = lh_store_prepare (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
  has_row = FALSE;
  if (stmt != NULL && !lh_store_step (self, stmt, &has_row, error))
    g_clear_pointer (&stmt, lh_stmt_release);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  if (stmt == NULL)
    {
      g_prefix_error (error, "%s: clearing the WAL: ", self->path);
      return FALSE;
    }
  /* One row: busy, frames in the WAL, frames checkpointed. */
  busy = !has_row || sqlite3_column_int (stmt, 0) != 0;
  if (busy)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BUSY,
                   "%s: another reader holds the WAL, so erased records may still be in it; "
                   "trying again later", self->path);
      return FALSE;
    }
  self->scrub_pending = FALSE;
  g_debug ("%s: WAL cleared", self->path);
  return TRUE;
}
