/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-backup"

#include "lh-backup.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lh-error.h"
#include "lh-store-private.h"

#define NAME_PREFIX "learnhub-"
#define NAME_SUFFIX ".db"
/* learnhub-YYYYMMDD-HHMMSS.db */
#define NAME_LENGTH (sizeof NAME_PREFIX - 1 + 15 + sizeof NAME_SUFFIX - 1)

static char *
stamp (gint64 now)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (now);

  return g_date_time_format (at, "%Y%m%d-%H%M%S");
}

char *
lh_backup_name (gint64 now)
{
  g_autofree char *when = stamp (now);

  return g_strconcat (NAME_PREFIX, when, NAME_SUFFIX, NULL);
}

/* When the backup called name was made, or 0 if name is not a backup's. */
static gint64
made_at (const char *name)
{
  int year, month, day, hour, minute, second;
  char tail[8];
  g_autoptr(GDateTime) at = NULL;

  if (strlen (name) != NAME_LENGTH ||
      sscanf (name, NAME_PREFIX "%4d%2d%2d-%2d%2d%2d%7s", &year, &month, &day, &hour, &minute, &second,
              tail) != 7 ||
      strcmp (tail, NAME_SUFFIX) != 0)
    return 0;
  at = g_date_time_new_utc (year, month, day, hour, minute, second);
  return at != NULL ? g_date_time_to_unix (at) : 0;
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) b, *(const char * const *) a);
}

/* The backups in dir, newest first (names sort as their times). */
static GPtrArray *
list_backups (const char *dir, GError **error)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (listing == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (made_at (name) > 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, newest_first);
  return g_steal_pointer (&names);
}

gint64
lh_backup_newest (const char *dir)
{
  g_autoptr(GPtrArray) names = list_backups (dir, NULL);

  return names != NULL && names->len > 0 ? made_at (g_ptr_array_index (names, 0)) : 0;
}

/* What SQLite says went wrong. */
static const char *
sqlite_says (sqlite3 *db, int rc)
{
  return db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
}

/* Run as root (learnhubctl, as the README says), what it makes belongs to
 * whoever owns like (the database, or its directory): learnhubd, running
 * as its own user, must be able to open a restored database and to add
 * to a backup directory root made first. */
static void
match_owner (const char *path, const char *like)
{
  GStatBuf st;

  if (geteuid () != 0 || g_stat (like, &st) != 0 || (st.st_uid == 0 && st.st_gid == 0))
    return;
  if (chown (path, st.st_uid, st.st_gid) != 0)
    g_message (_("Cannot give %s to the database's owner: %s"), path, g_strerror (errno));
}

/* The directory made if need be, 0700, owned as the database is. */
static gboolean
make_dir (const char *dir, const char *db_path, GError **error)
{
  g_autofree char *db_dir = g_path_get_dirname (db_path);
  gboolean existed = g_file_test (dir, G_FILE_TEST_IS_DIR);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (!existed)
    match_owner (dir, db_dir);
  return TRUE;
}

/* The file's data and its name in the directory both on the disk. */
static gboolean
sync_file_and_dir (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int dir_fd;

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot write %s to the disk: %s"), path,
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

/* The first row of a PRAGMA that answers "ok" when all is well. */
static gboolean
pragma_says_ok (sqlite3 *db, const char *pragma, const char *path, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  gboolean ok;

  if (rc != SQLITE_OK || (rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s is not a database learnhub can read: %s"), path,
                   sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!ok)
    g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s is damaged: %s"), path, sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return ok;
}

static int
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Copies source's main database into the new file partial, one snapshot,
 * and leaves it a single file (no WAL) that checks out. */
static gboolean
copy_database (sqlite3 *source, const char *partial, GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;
  gboolean ok = FALSE;

  rc = sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot create %s: %s"), partial, sqlite_says (dest, rc));
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot back up into %s: %s"), partial,
                   sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  /* All pages in one step: one read transaction, so one snapshot. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot back up into %s: %s"), partial, sqlite3_errstr (rc));
  else if (sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot finish %s: %s"), partial, sqlite3_errmsg (dest));
  else
    ok = pragma_says_ok (dest, "PRAGMA quick_check", partial, error);
  sqlite3_close (dest);
  return ok;
}

gboolean
lh_backup_write (const char *db_path, const char *path, GError **error)
{
  /* A name of its own: learnhubctl's backup and the daemon's, begun in the
   * same second, never write into one file. */
  g_autofree char *partial = g_strconcat (path, ".XXXXXX.partial", NULL);
  sqlite3 *source = NULL;
  int rc, fd;

  g_return_val_if_fail (db_path != NULL && path != NULL, FALSE);

  /* Made readable by its owner alone before SQLite writes a byte in it:
   * it holds what the database holds. */
  fd = g_mkstemp_full (partial, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot create %s: %s"), partial, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  rc = sqlite3_open_v2 (db_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot read %s: %s"), db_path, sqlite_says (source, rc));
      sqlite3_close (source);
      g_unlink (partial);
      return FALSE;
    }
  sqlite3_busy_timeout (source, 5000);
  if (!copy_database (source, partial, error) || !sync_file_and_dir (partial, error))
    {
      sqlite3_close (source);
      g_unlink (partial);
      return FALSE;
    }
  sqlite3_close (source);
  match_owner (partial, db_path);
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot name the backup %s: %s"), path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  return sync_file_and_dir (path, error);
}

/* A backup's copy left half-written by a learnhubd killed while it wrote
 * (NAME.XXXXXX.partial, and SQLite's files beside it), older than this
 * before the backup just written: deleted, as it may hold records erased
 * since. Both ages are the file system's, whatever the clock says. */
#define LEFTOVER_SECONDS (6 * 60 * 60)

static void
delete_leftovers (const char *dir, const char *written)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *written_path = written != NULL ? g_build_filename (dir, written, NULL) : NULL;
  GStatBuf written_st;
  const char *name;

  if (written_path == NULL || g_stat (written_path, &written_st) != 0)
    return;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, NAME_PREFIX) || strstr (name, ".partial") == NULL)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_stat (path, &st) == 0 && written_st.st_mtime - st.st_mtime > LEFTOVER_SECONDS)
        g_unlink (path);
    }
}

/* Deletes all but the keep newest, never the one called spare. */
static gboolean
prune (const char *dir, guint keep, const char *spare, GError **error)
{
  g_autoptr(GPtrArray) names = list_backups (dir, error);
  guint kept = 0;

  if (names == NULL)
    return FALSE;
  delete_leftovers (dir, spare);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = NULL;

      /* The one just made is kept even if a name in the future (a clock
       * once wrong) sorts after it. */
      if (g_strcmp0 (name, spare) == 0 || kept < keep)
        {
          kept++;
          continue;
        }
      path = g_build_filename (dir, name, NULL);
      if (g_unlink (path) != 0)
        {
          int saved = errno;

          g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot delete the old backup %s: %s"), path,
                       g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

char *
lh_backup_into (const char *db_path, const char *dir, guint keep, gint64 now, GError **error)
{
  g_autofree char *name = lh_backup_name (now);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!make_dir (dir, db_path, error) || !lh_backup_write (db_path, path, error))
    return NULL;
  /* keep 0 would delete the backup just made: it is at least 1. */
  if (!prune (dir, MAX (keep, 1), name, error))
    return NULL;
  return g_steal_pointer (&path);
}

gboolean
lh_backup_check (const char *path, int *out_version, GError **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *file_uri = NULL;
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int rc, version;
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s is not a file"), path);
      return FALSE;
    }
  /* Read-only and immutable: checking a file never changes it, nor
   * applies a WAL lying beside it. */
  file_uri = g_filename_to_uri (absolute, NULL, error);
  if (file_uri == NULL)
    return FALSE;
  uri = g_strconcat (file_uri, "?immutable=1", NULL);
  rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s is not a database learnhub can read: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return FALSE;
    }
  ok = pragma_says_ok (db, "PRAGMA integrity_check", path, error);
  version = query_int (db, "PRAGMA user_version");
  if (ok && (version < 1 || query_int (db, "SELECT count(*) FROM sqlite_schema "
                                           "WHERE type = 'table' AND name = 'people'") != 1))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s is not a learnhub database"), path);
      ok = FALSE;
    }
  else if (ok && version > lh_store_get_latest_version ())
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("%s is from a newer learnhub (database schema %d; this one knows %d)"), path, version,
                   lh_store_get_latest_version ());
      ok = FALSE;
    }
  sqlite3_close (db);
  if (ok && out_version != NULL)
    *out_version = version;
  return ok;
}

/* A byte-for-byte copy, synced: for a database that may be damaged,
 * which SQLite's backup could not read. */
static gboolean
copy_file (const char *from, const char *to, GError **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Cannot copy %s to %s: "), from, to);
      return FALSE;
    }
  /* Some disks (FAT) keep no modes: there the mount's options decide. */
  if (g_chmod (to, 0600) != 0 && errno != EPERM)
    {
      int saved = errno;

      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot make %s private: %s"), to, g_strerror (saved));
      return FALSE;
    }
  return sync_file_and_dir (to, error);
}

static gboolean
remove_if_there (const char *path, GError **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot remove %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* The database and its WAL (and a rollback journal, were there one) into
 * the safe copy, so that what they alone held is kept too; then the WAL
 * is folded into the copy, so that the copy is one file that restore
 * takes. A damaged database cannot be folded: its files stay as they
 * were, byte for byte. */
static char *
keep_safe_copy (const char *db_path, const char *dir, gint64 now, GError **error)
{
  static const char * const beside[] = { "-wal", "-journal" };
  g_autofree char *when = stamp (now);
  g_autofree char *name = g_strconcat ("learnhub-before-restore-", when, NAME_SUFFIX, NULL);
  g_autofree char *copy = g_build_filename (dir, name, NULL);
  sqlite3 *db = NULL;

  if (!make_dir (dir, db_path, error))
    return NULL;
  if (g_file_test (copy, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s is already there; nothing was changed"), copy);
      return NULL;
    }
  if (!copy_file (db_path, copy, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (beside); i++)
    {
      g_autofree char *from = g_strconcat (db_path, beside[i], NULL);
      g_autofree char *to = g_strconcat (copy, beside[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !copy_file (from, to, error))
        return NULL;
    }
  if (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
    g_message (_("The safe copy %s is kept as the database was, with the files beside it: %s"), copy,
               sqlite3_errmsg (db));
  sqlite3_close (db);
  return g_steal_pointer (&copy);
}

gboolean
lh_backup_restore (const char *db_path, const char *path, const char *safe_copy_dir, gint64 now,
                   char **out_safe_copy, GError **error)
{
  g_autofree char *incoming = lh_backup_restoring_path (db_path);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
  g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);
  g_autofree char *path_wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *safe_copy = NULL;
  gboolean ok = FALSE;
  GStatBuf st;
  int lock, fd;

  g_return_val_if_fail (db_path != NULL && path != NULL && safe_copy_dir != NULL, FALSE);

  /* The check reads the file alone: what a WAL beside it holds would be
   * lost. */
  if (g_stat (path_wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("Nothing was changed: %s has changes in %s beside it, which a restore would lose; open it "
                     "once with sqlite3 to fold them in"), path, path_wal);
      return FALSE;
    }
  if (!lh_backup_check (path, NULL, error))
    {
      g_prefix_error (error, _("Nothing was changed: "));
      return FALSE;
    }
  if (!lh_store_ensure_parent_dir (db_path, error))
    return FALSE;
  /* Held to the end: no learnhubd starts on a database half replaced. */
  lock = lh_store_take_lock (db_path, NULL, error);
  if (lock < 0)
    return FALSE;
  /* Made first, and there to the end: a learnhubctl command run meanwhile
   * sees it and waits, instead of writing into the database replaced. */
  fd = g_open (incoming, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot create %s: %s"), incoming, g_strerror (saved));
      close (lock);
      return FALSE;
    }
  close (fd);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    safe_copy = keep_safe_copy (db_path, safe_copy_dir, now, error);
  /* The backup is copied beside the database and checked there, then
   * takes its name in one rename. The old WAL goes first: replayed into
   * another database it would damage it, and the safe copy has it. */
  if ((safe_copy != NULL || !g_file_test (db_path, G_FILE_TEST_EXISTS)) &&
      copy_file (path, incoming, error) &&
      lh_backup_check (incoming, NULL, error) &&
      remove_if_there (wal, error) &&
      remove_if_there (shm, error) &&
      remove_if_there (journal, error))
    {
      g_autofree char *db_dir = g_path_get_dirname (db_path);

      match_owner (incoming, g_file_test (db_path, G_FILE_TEST_EXISTS) ? db_path : db_dir);
      if (g_rename (incoming, db_path) == 0)
        ok = sync_file_and_dir (db_path, error);
      else
        {
          int saved = errno;

          g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, _("Cannot put %s in place: %s"), db_path,
                       g_strerror (saved));
        }
    }
  if (!ok)
    g_unlink (incoming);
  close (lock);
  if (ok && out_safe_copy != NULL)
    *out_safe_copy = g_steal_pointer (&safe_copy);
  return ok;
}

char *
lh_backup_restoring_path (const char *db_path)
{
  return g_strconcat (db_path, ".restoring", NULL);
}
