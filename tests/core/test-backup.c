/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups: an online copy that checks out, kept to a number, and a
 * restore that refuses a bad file and never loses the database it
 * replaces. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "lh-backup.h"
#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-store-private.h"

/* A moment of the test, never the real clock: Wednesday 2 June 2027. */
#define NOW G_GINT64_CONSTANT (1811930400)

static void
exec_ok (LhStore *store, const char *sql)
{
  g_assert_cmpint (sqlite3_exec (lh_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
add_person (LhStore *store, const char *staff_number)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO people (staff_number, name, hours_per_week, roles, created_at, updated_at) "
                     "VALUES ('%s', 'Test', 37.5, 1, 0, 0)", staff_number);

  exec_ok (store, sql);
}

/* How many people a database file holds, read as any tool would. */
static int
people_in (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM people", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static void
write_file (const char *path, const char *contents, gssize length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
}

static char *
read_file (const char *path, gsize *length)
{
  g_autoptr(GError) error = NULL;
  char *bytes = NULL;

  g_assert_true (g_file_get_contents (path, &bytes, length, &error));
  g_assert_no_error (error);
  return bytes;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* Made while the store is open with a change only in its WAL: the copy
 * has it, is one file that checks out, readable by its owner only, and
 * nothing half-written is left beside it. */
static void
test_write_while_open (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (ts->dir, "backups", NULL);
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *name = lh_backup_name (NOW);
  GStatBuf st;
  int version = 0;

  add_person (ts->store, "100001");
  add_person (ts->store, "100002");
  path = lh_backup_into (ts->path, dir, 7, NOW, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_cmpstr (name, ==, "learnhub-20270602-100000.db");
  g_assert_true (g_str_has_suffix (path, name));
  g_assert_cmpint (people_in (path), ==, 2);
  g_assert_true (lh_backup_check (path, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, lh_store_get_latest_version ());
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  partial = g_strconcat (path, ".partial", NULL);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (lh_backup_newest (dir), ==, NOW);
  /* The live database goes on being written after the copy. */
  add_person (ts->store, "100003");
  g_assert_cmpint (people_in (path), ==, 2);
  remove_tree (dir);
}

/* Only the newest keep backups stay; anything else in the directory,
 * safe copies made by a restore included, is never touched. */
static void
test_keep_the_newest (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (ts->dir, "backups", NULL);
  g_autofree char *other = g_build_filename (dir, "learnhub-before-restore-20270101-000000.db", NULL);
  g_autofree char *notes = g_build_filename (dir, "README", NULL);

  g_assert_cmpint (lh_backup_newest (dir), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_file (other, "safe copy", -1);
  write_file (notes, "the admin's note", -1);
  for (int day = 0; day < 5; day++)
    {
      g_autofree char *path = lh_backup_into (ts->path, dir, 3, NOW + day * 86400, &error);

      g_assert_no_error (error);
      g_assert_nonnull (path);
    }
  for (int day = 0; day < 5; day++)
    {
      g_autofree char *name = lh_backup_name (NOW + day * 86400);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_file_test (path, G_FILE_TEST_EXISTS), ==, day >= 2);
    }
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  g_assert_cmpint (lh_backup_newest (dir), ==, NOW + 4 * 86400);
  /* keep 0 would delete the one just made: one stays. */
  g_free (lh_backup_into (ts->path, dir, 0, NOW + 5 * 86400, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lh_backup_newest (dir), ==, NOW + 5 * 86400);
  remove_tree (dir);
}

/* A backup named in the future (a clock once wrong) never makes the one
 * just written go (it used to, with keep=1); a half-written copy of a killed backup goes once it is
 * hours old, a fresh one (another's, under way) stays. */
static void
test_future_names_and_leftovers (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (ts->dir, "backups", NULL);
  g_autofree char *future = g_build_filename (dir, "learnhub-20990101-000000.db", NULL);
  g_autofree char *old_part = g_build_filename (dir, "learnhub-20270601-100000.db.Ab12Cd.partial", NULL);
  g_autofree char *new_part = g_build_filename (dir, "learnhub-20270602-095959.db.Ef34Gh.partial", NULL);
  g_autofree char *path = NULL;
  /* Saturday 1 January 2000: long before anything written now. */
  struct utimbuf long_ago = { 946684800, 946684800 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_file (future, "from a clock once wrong", -1);
  write_file (old_part, "half a backup", -1);
  write_file (new_part, "half a backup, under way", -1);
  g_assert_cmpint (g_utime (old_part, &long_ago), ==, 0);

  path = lh_backup_into (ts->path, dir, 1, NOW, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Sorting first, it is the one the newest keep=1 keeps; the new one is
   * kept beside it all the same. */
  g_assert_true (g_file_test (future, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_part, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (new_part, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

/* A file that is not a whole learnhub database this learnhub can open
 * fails the check, saying why. */
static void
test_check_refuses (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autofree char *good = g_build_filename (ts->dir, "good.db", NULL);
  g_autofree char *garbage = g_build_filename (ts->dir, "garbage.db", NULL);
  g_autofree char *cut = g_build_filename (ts->dir, "cut.db", NULL);
  g_autofree char *foreign = g_build_filename (ts->dir, "foreign.db", NULL);
  g_autofree char *newer = g_build_filename (ts->dir, "newer.db", NULL);
  g_autofree char *missing = g_build_filename (ts->dir, "missing.db", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *sql = NULL;
  const char *bad[] = { garbage, cut, foreign, newer, missing };
  gsize length;
  sqlite3 *db;

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *number = g_strdup_printf ("1%05d", i);

      add_person (ts->store, number);
    }
  g_assert_true (lh_backup_write (ts->path, good, NULL));
  bytes = read_file (good, &length);
  write_file (garbage, "not a database at all", -1);
  write_file (cut, bytes, length / 2);
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (lh_backup_write (ts->path, newer, NULL));
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d", lh_store_get_latest_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (lh_backup_check (good, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lh_backup_check (bad[i], NULL, &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_remove (bad[i]);
    }
  g_remove (good);
}

/* A restore puts the backup in place and keeps the database it replaced,
 * with what only its WAL held. */
static void
test_restore_keeps_a_safe_copy (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (ts->dir, "monday.db", NULL);
  g_autofree char *dir = g_build_filename (ts->dir, "backups", NULL);
  g_autofree char *safe_copy = NULL;
  g_autoptr(LhStore) reopened = NULL;
  sqlite3 *db;

  add_person (ts->store, "100001");
  g_assert_true (lh_backup_write (ts->path, backup, &error));
  add_person (ts->store, "100002");
  /* The second person in the WAL alone, as after a power cut. */
  g_clear_object (&ts->store);
  g_assert_cmpint (sqlite3_open (ts->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0; "
                                     "INSERT INTO people (staff_number, name, hours_per_week, roles, "
                                     "created_at, updated_at) VALUES ('100003', 'WAL', 1, 1, 0, 0)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (lh_backup_restore (ts->path, backup, dir, NOW, &safe_copy, &error));
  g_assert_no_error (error);
  sqlite3_close (db);
  g_assert_nonnull (safe_copy);
  g_assert_true (g_str_has_suffix (safe_copy, "learnhub-before-restore-20270602-100000.db"));
  g_assert_cmpint (people_in (ts->path), ==, 1);
  /* The WAL folded into the safe copy: one file with all three people,
   * which a restore takes back. */
  {
    g_autofree char *safe_wal = g_strconcat (safe_copy, "-wal", NULL);

    g_assert_false (g_file_test (safe_wal, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (people_in (safe_copy), ==, 3);

  reopened = lh_store_open (ts->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
  g_clear_object (&reopened);
  g_remove (backup);
  remove_tree (dir);
}

/* A damaged backup, or learnhubd holding the database: refused, and the
 * database is as it was, byte for byte. */
static void
test_restore_refuses (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (ts->dir, "good.db", NULL);
  g_autofree char *damaged = g_build_filename (ts->dir, "damaged.db", NULL);
  g_autofree char *dir = g_build_filename (ts->dir, "backups", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bytes = NULL;
  gsize length, before_length, after_length;

  add_person (ts->store, "100001");
  g_assert_true (lh_backup_write (ts->path, backup, &error));
  bytes = read_file (backup, &length);
  /* The header of the second page (a b-tree's) overwritten. */
  g_assert_cmpuint (length, >, 8192);
  memset (bytes + 4096, 0xff, 16);
  write_file (damaged, bytes, length);
  exec_ok (ts->store, "PRAGMA wal_checkpoint(TRUNCATE)");
  before = read_file (ts->path, &before_length);

  g_assert_false (lh_backup_restore (ts->path, damaged, dir, NOW, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  /* The store open here holds the lock, as learnhubd would. */
  g_assert_false (lh_backup_restore (ts->path, backup, dir, NOW, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_BUSY);

  after = read_file (ts->path, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_remove (backup);
  g_remove (damaged);
}

/* A file with changes in a WAL beside it is refused (the check reads the
 * file alone); while a restore runs, learnhubctl beside the lock's holder
 * waits; a restore's mark left by a killed one goes at the next open. */
static void
test_restore_marks_and_wal (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (ts->dir, "with-wal.db", NULL);
  g_autofree char *backup_wal = g_strconcat (backup, "-wal", NULL);
  g_autofree char *dir = g_build_filename (ts->dir, "backups", NULL);
  g_autofree char *restoring = lh_backup_restoring_path (ts->path);
  g_autoptr(LhStore) beside = NULL;

  g_assert_true (lh_backup_write (ts->path, backup, &error));
  write_file (backup_wal, "changes not yet in the file", -1);
  g_clear_object (&ts->store);
  g_assert_false (lh_backup_restore (ts->path, backup, dir, NOW, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "-wal"));
  g_clear_error (&error);
  g_remove (backup_wal);

  /* The lock held (here by a store, as a restore holds it) with the mark. */
  ts->store = lh_store_open (ts->path, &error);
  g_assert_no_error (error);
  write_file (restoring, "", 0);
  beside = lh_store_open_beside_daemon (ts->path, &error);
  g_assert_null (beside);
  g_assert_error (error, LH_ERROR, LH_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "being restored"));
  g_clear_error (&error);
  g_clear_object (&ts->store);
  ts->store = lh_store_open (ts->path, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (restoring, G_FILE_TEST_EXISTS));
  g_remove (backup);
}

/* The database itself damaged: the restore still keeps it, byte for
 * byte, before putting the backup in place. */
static void
test_restore_over_a_damaged_database (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (ts->dir, "good.db", NULL);
  g_autofree char *dir = g_build_filename (ts->dir, "backups", NULL);
  g_autofree char *safe_copy = NULL;
  g_autofree char *kept = NULL;
  gsize kept_length;

  add_person (ts->store, "100001");
  g_assert_true (lh_backup_write (ts->path, backup, &error));
  g_clear_object (&ts->store);
  write_file (ts->path, "the disk ate it", -1);

  g_assert_true (lh_backup_restore (ts->path, backup, dir, NOW, &safe_copy, &error));
  g_assert_no_error (error);
  kept = read_file (safe_copy, &kept_length);
  g_assert_cmpmem (kept, kept_length, "the disk ate it", strlen ("the disk ate it"));
  g_assert_cmpint (people_in (ts->path), ==, 1);
  g_remove (backup);
  remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lh/backup/write-while-open", test_write_while_open);
  g_test_add_func ("/lh/backup/keep-the-newest", test_keep_the_newest);
  g_test_add_func ("/lh/backup/check-refuses", test_check_refuses);
  g_test_add_func ("/lh/backup/restore-keeps-a-safe-copy", test_restore_keeps_a_safe_copy);
  g_test_add_func ("/lh/backup/restore-refuses", test_restore_refuses);
  g_test_add_func ("/lh/backup/restore-over-a-damaged-database", test_restore_over_a_damaged_database);
  g_test_add_func ("/lh/backup/future-names-and-leftovers", test_future_names_and_leftovers);
  g_test_add_func ("/lh/backup/restore-marks-and-wal", test_restore_marks_and_wal);

  return g_test_run ();
}
