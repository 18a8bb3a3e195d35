/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Backups of a running centre: learnhubd makes its own, learnhubctl
 * backup copies beside it, and learnhubctl restore waits for learnhubd
 * to be stopped, then puts a backup back. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "lh-test-daemon.h"

/* A backup made long ago, by its name: learnhubd's next is due at once. */
#define OLD_BACKUP "learnhub-20200106-090000.db"

/* A configuration for learnhubd with backups every hour into a directory
 * of their own, which already holds OLD_BACKUP. Returns the directory;
 * *config_path is the file, both in a new temporary directory. */
static char *
backups_due (char **config_path)
{
  g_autofree char *top = g_dir_make_tmp ("learnhub-backups-XXXXXX", NULL);
  g_autofree char *old = NULL;
  g_autofree char *text = NULL;
  char *dir;

  g_assert_nonnull (top);
  dir = g_build_filename (top, "backups", NULL);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  old = g_build_filename (dir, OLD_BACKUP, NULL);
  g_assert_true (g_file_set_contents (old, "an old backup, by its name", -1, NULL));
  *config_path = g_build_filename (top, "learnhubd.conf", NULL);
  text = g_strdup_printf ("[backup]\ndirectory=%s\nevery-hours=1\nkeep=2\n", dir);
  g_assert_true (g_file_set_contents (*config_path, text, -1, NULL));
  return dir;
}

static void
remove_backups (const char *dir, const char *config_path)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *top = g_path_get_dirname (dir);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
  g_remove (config_path);
  g_rmdir (top);
}

/* The backup learnhubd made in dir (not OLD_BACKUP), waiting up to 10 s. */
static char *
wait_for_backup (const char *dir)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
      const char *name;

      while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
        if (g_str_has_prefix (name, "learnhub-") && g_str_has_suffix (name, ".db") &&
            !g_str_equal (name, OLD_BACKUP))
          return g_build_filename (dir, name, NULL);
      g_usleep (50 * 1000);
    }
  return NULL;
}

static int
count_in (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

#define COUNT_BOOKINGS "SELECT count(*) FROM bookings"
#define COUNT_RESTORES "SELECT count(*) FROM audit_log WHERE action = 'learnhubctl restore'"
#define COUNT_PC_99 "SELECT count(*) FROM resources WHERE name = 'PC 99'"

static void
restore_from (const char *db_path, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = lh_test_run_ctl (db_path, &error, "restore", (const char *) user_data, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Restored"));
  g_assert_nonnull (strstr (out, "learnhub-before-restore-"));
}

/* A centre at work: learnhubd's backup as it starts, the last one being
 * older than every-hours (and the one before it kept: keep=2); learnhubctl's
 * beside it; a restore refused while learnhubd runs, changing nothing;
 * then, learnhubd stopped, the centre as it was at the backup. */
static void
test_backup_and_restore (void)
{
  g_autofree char *config = NULL;
  g_autofree char *dir = backups_due (&config);
  const char *args[] = { "--config", config, NULL };
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (args);
  g_autoptr(GError) error = NULL;
  g_autofree char *old = g_build_filename (dir, OLD_BACKUP, NULL);
  g_autofree char *copy = g_build_filename (daemon->dir, "before-pc-99.db", NULL);
  g_autofree char *first = wait_for_backup (dir);
  g_autofree char *out = NULL;
  g_autofree char *list = NULL;
  int bookings;

  /* learnhubd's own, made as it started: the demo centre's bookings. */
  g_assert_nonnull (first);
  bookings = count_in (daemon->db_path, COUNT_BOOKINGS);
  g_assert_cmpint (bookings, >, 0);
  g_assert_cmpint (count_in (first, COUNT_BOOKINGS), ==, bookings);
  g_assert_true (g_file_test (old, G_FILE_TEST_EXISTS));

  out = lh_test_run_ctl (daemon->db_path, &error, "backup", copy, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, copy));
  g_clear_pointer (&out, g_free);
  out = lh_test_run_ctl (daemon->db_path, &error, "resource", "add", "PC 99", "--kind", "pc", NULL);
  g_assert_no_error (error);
  g_assert_cmpint (count_in (daemon->db_path, COUNT_PC_99), ==, 1);
  g_assert_cmpint (count_in (copy, COUNT_PC_99), ==, 0);
  list = lh_test_run_ctl (daemon->db_path, &error, "--config", config, "backup", "list", NULL);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (list, first));
  g_assert_nonnull (strstr (list, OLD_BACKUP));

  g_clear_pointer (&out, g_free);
  out = lh_test_run_ctl (daemon->db_path, &error, "restore", copy, NULL);
  g_assert_null (out);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Stop learnhubd first"));
  g_clear_error (&error);
  g_assert_cmpint (count_in (daemon->db_path, COUNT_PC_99), ==, 1);

  g_assert_cmpint (count_in (daemon->db_path, COUNT_RESTORES), ==, 0);
  lh_test_daemon_while_stopped (daemon, restore_from, copy);
  g_assert_cmpint (count_in (daemon->db_path, COUNT_PC_99), ==, 0);
  g_assert_cmpint (count_in (daemon->db_path, COUNT_BOOKINGS), ==, bookings);
  /* The database put back records that it was (the audit log). */
  g_assert_cmpint (count_in (daemon->db_path, COUNT_RESTORES), ==, 1);
  g_clear_pointer (&daemon, lh_test_daemon_stop);
  remove_backups (dir, config);
}

/* A centre with no backup yet: none in the first moments after learnhubd
 * starts (its first comes ten minutes on, out of the rush of kiosks). */
static void
test_none_at_once (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autofree char *dir = g_build_filename (daemon->dir, "backups", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  /* A request answered: the daemon is well under way. */
  out = lh_test_run_ctl (daemon->db_path, &error, "resource", "list", NULL);
  g_assert_no_error (error);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* A file that is not a backup is refused with learnhubd stopped too, and
 * the centre is as it was. */
static void
test_restore_refuses_a_bad_file (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (daemon->dir, "notes.txt", NULL);
  g_autofree char *out = NULL;
  int bookings = count_in (daemon->db_path, COUNT_BOOKINGS);

  g_assert_true (g_file_set_contents (bad, "not a database", -1, NULL));
  out = lh_test_run_ctl (daemon->db_path, &error, "restore", bad, NULL);
  g_assert_null (out);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_assert_cmpint (count_in (daemon->db_path, COUNT_BOOKINGS), ==, bookings);
}

/* The header of the database's second page overwritten, with nothing
 * left in the WAL to hide it: a disk that failed. */
static void
damage (const char *db_path)
{
  g_autofree char *bytes = NULL;
  sqlite3 *db = NULL;
  gsize length;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (db_path, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 8192);
  memset (bytes + 4096, 0xff, 16);
  g_assert_true (g_file_set_contents (db_path, bytes, length, NULL));
}

typedef struct
{
  const char *backup;
  char       *said;  /* what learnhubd said as it refused */
} Damaged;

/* Damages the database, starts learnhubd on it, then restores. */
static void
damage_start_and_restore (const char *db_path, gpointer user_data)
{
  Damaged *damaged = user_data;
  const char *argv[] = { g_getenv ("LEARNHUBD"), "--db", db_path, "--listen", "127.0.0.1:0", NULL };
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;

  damage (db_path);
  daemon = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (daemon, NULL, NULL, NULL, &damaged->said, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (daemon));
  g_assert_cmpint (g_subprocess_get_exit_status (daemon), !=, 0);
  restore_from (db_path, (gpointer) damaged->backup);
}

/* A damaged database: learnhubd refuses to serve from it and says how to
 * restore; restored from learnhubd's own backup, the centre runs again. */
static void
test_damaged_database (void)
{
  g_autofree char *config = NULL;
  g_autofree char *dir = backups_due (&config);
  const char *args[] = { "--config", config, NULL };
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (args);
  g_autofree char *first = wait_for_backup (dir);
  Damaged damaged = { first, NULL };
  int bookings;

  g_assert_nonnull (first);
  bookings = count_in (first, COUNT_BOOKINGS);
  lh_test_daemon_while_stopped (daemon, damage_start_and_restore, &damaged);
  g_test_message ("%s", damaged.said);
  g_assert_nonnull (strstr (damaged.said, "is damaged"));
  g_assert_nonnull (strstr (damaged.said, "learnhubctl restore"));
  /* Started again by while_stopped(), it answers: its bookings are back. */
  g_assert_cmpint (count_in (daemon->db_path, COUNT_BOOKINGS), ==, bookings);
  g_free (damaged.said);
  g_clear_pointer (&daemon, lh_test_daemon_stop);
  remove_backups (dir, config);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ctl/backup/backup-and-restore", test_backup_and_restore);
  g_test_add_func ("/ctl/backup/none-at-once", test_none_at_once);
  g_test_add_func ("/ctl/backup/restore-refuses-a-bad-file", test_restore_refuses_a_bad_file);
  g_test_add_func ("/ctl/backup/damaged-database", test_damaged_database);

  return g_test_run ();
}
