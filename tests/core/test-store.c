/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "advice-schema-19.h"
#include "checks-schema-24.h"
#include "equality-schema-31.h"
#include "committee-schema-32.h"
#include "equipment-schema-20.h"
#include "faults-schema-22.h"
#include "report-indexes-schema-35.h"
#include "released-schema-34.h"
#include "report-schema-33.h"
#include "lh-core-test.h"
#include "lh-error.h"

static void
test_new_database_is_migrated (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = NULL;

  g_assert_cmpint (lh_store_get_latest_version (), >=, 1);
  g_assert_cmpint (lh_store_get_schema_version (ts->store), ==, lh_store_get_latest_version ());

  stmt = lh_store_prepare (ts->store, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  g_clear_pointer (&stmt, lh_stmt_release);

  stmt = lh_store_prepare (ts->store, "PRAGMA foreign_keys", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_clear_pointer (&stmt, lh_stmt_release);

  stmt = lh_store_prepare (ts->store, "PRAGMA synchronous", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2 /* FULL */);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* It holds who asked a ULR about what: its owner alone reads it, and its
 * WAL too; an older one open to all is closed to them. */
static void
test_private_to_its_owner (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autofree char *wal = g_strconcat (ts->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (ts->store, "CREATE TABLE t (x)", &error);

  g_assert_true (lh_store_exec (ts->store, stmt, &error));
  g_assert_cmpuint (mode_of (ts->path), ==, 0600);
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_clear_pointer (&stmt, lh_stmt_release);
  g_clear_object (&ts->store);

  g_assert_cmpint (g_chmod (ts->path, 0644), ==, 0);
  ts->store = lh_store_open (ts->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (ts->path), ==, 0600);
}

static void
test_second_open_refused (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) second = lh_store_open (ts->path, &error);

  g_assert_null (second);
  g_assert_error (error, LH_ERROR, LH_ERROR_BUSY);
}

static void
test_reopen_keeps_data (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = NULL;

  stmt = lh_store_prepare (ts->store, "INSERT INTO resources (name, kind) VALUES ('PC 1', 'pc')", &error);
  g_assert_no_error (error);
  g_assert_true (lh_store_exec (ts->store, stmt, &error));
  g_clear_pointer (&stmt, lh_stmt_release);
  g_clear_object (&ts->store);

  ts->store = lh_store_open (ts->path, &error);
  g_assert_no_error (error);
  stmt = lh_store_prepare (ts->store, "SELECT count(*) FROM resources", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
}

/* A database from before any migration (version 0, as an older learnhub
 * would find it) is brought up to the latest version. */
static void
test_migrates_version_zero (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-core-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE unrelated (x); INSERT INTO unrelated VALUES (1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = lh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_store_get_schema_version (store), ==, lh_store_get_latest_version ());
}

static void
exec_ok (LhStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
assert_integrity_ok (LhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "PRAGMA integrity_check", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
}

static guint
count_ephemeral (LhStore *store, const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN ", sql, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, explain, &error);
  guint n = 0;

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "OpenEphemeral") == 0)
      n++;
  return n;
}

#define COUNT_IN_LISTS \
  "SELECT count(*) FROM sqlite_schema WHERE tbl_name IN ('time_off_requests', 'time_off_ledger') " \
  "AND sql LIKE '% IN (''%'"

/* A real database from schema version 1 (tests/data/schema-v1.db), migrated
 * to the latest version with nothing lost; no calendar key is left in plain
 * text (schema 19 keeps only hashes, and the old keys stop working). */
static void
test_migrates_version_one (void)
{
  g_autofree char *original = g_test_build_filename (G_TEST_DIST, "data", "schema-v1.db", NULL);
  g_autofree char *dir = g_dir_make_tmp ("learnhub-core-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (original, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  store = lh_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_store_get_schema_version (store), ==, lh_store_get_latest_version ());

  stmt = lh_store_prepare (store,
                           "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM devices), "
                           "(SELECT count(*) FROM bookings), (SELECT count(*) FROM bookings WHERE status = 'cancelled'), "
                           "(SELECT count(*) FROM pragma_table_info ('bookings') WHERE name = 'calendar_key') + "
                           "(SELECT count(*) FROM pragma_table_info ('people') WHERE name = 'calendar_key')",
                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 3);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 0);
  g_assert_cmpint (lh_test_query_int (store, COUNT_IN_LISTS), ==, 0);
  assert_integrity_ok (store);
}

#define INSERT_REQUEST \
  "INSERT INTO time_off_requests (person_id, category, activity, paid, booking_id, start_at, end_at, " \
  "status, created_at) VALUES (1, ?1, 'study', 1, ?3, 10, 20, ?2, 1)"
#define INSERT_LEDGER \
  "INSERT INTO time_off_ledger (person_id, category, kind, at, minutes, actor_name, recorded_at) " \
  "VALUES (1, ?1, ?2, 1, 60, 'learnhubd', 1)"

/* Schema 15 codes the time-off tables' word lists as OR chains: the
 * writes a booking makes build no ephemeral table, and read the partial
 * indexes the same way. */
static void
assert_no_ephemeral_in_writes (LhStore *store)
{
  static const char * const writes[] = {
    "INSERT INTO time_off_requests (person_id, category, activity, paid, booking_id, start_at, end_at, "
    "status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO time_off_requests (person_id, category, activity, paid, group_place_id, start_at, end_at, "
    "status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO time_off_requests (person_id, category, activity, paid, assessment_slot_id, start_at, end_at, "
    "status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    "INSERT INTO time_off_ledger (person_id, category, kind, at, minutes, pending_delta, booked_delta, "
    "taken_delta, own_delta, request_id, facility_id, reason, actor_id, actor_name, recorded_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, nullif(?10, 0), nullif(?11, 0), ?12, nullif(?13, 0), ?14, ?15)",
    "UPDATE time_off_requests SET status = ?2 WHERE id = ?1",
    "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
    {
      g_test_message ("%s", writes[i]);
      g_assert_cmpuint (count_ephemeral (store, writes[i]), ==, 0);
    }
}

static void
test_time_off_checks (void)
{
  static const char * const request_categories[] = { "learning", "assessment", "esol", "apprentice" };
  static const char * const request_statuses[] = { "pending", "approved", "rejected", "own", "cancelled", "taken" };
  static const char * const ledger_categories[] = { "learning", "assessment", "esol", "apprentice", "facility" };
  static const char * const ledger_kinds[] = { "requested", "approved", "rejected", "cancelled", "taken", "adjusted" };
  static const char * const bad_requests[][2] = {
    { "bogus", "pending" }, { "learning", "bogus" }, { "Learning", "pending" },
    { "facility", "pending" }, { "learning", "" },
  };
  static const char * const bad_ledger[][2] = {
    { "bogus", "requested" }, { "learning", "bogus" }, { "learning", "pending" }, { "", "taken" },
  };
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  LhStmt *insert;
  int booking = 0;

  assert_no_ephemeral_in_writes (ts->store);
  /* Only the checks are under test: the rows point at nothing. */
  exec_ok (ts->store, "PRAGMA foreign_keys = OFF");

  insert = lh_store_prepare (ts->store, INSERT_REQUEST, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (request_categories); c++)
    for (guint s = 0; s < G_N_ELEMENTS (request_statuses); s++)
      {
        sqlite3_bind_text (insert, 1, request_categories[c], -1, SQLITE_STATIC);
        sqlite3_bind_text (insert, 2, request_statuses[s], -1, SQLITE_STATIC);
        sqlite3_bind_int (insert, 3, ++booking);
        g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
        lh_stmt_release (insert);
      }
  for (guint i = 0; i < G_N_ELEMENTS (bad_requests); i++)
    {
      int rc;

      sqlite3_bind_text (insert, 1, bad_requests[i][0], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, bad_requests[i][1], -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 3, ++booking);
      rc = sqlite3_step (insert);
      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
      g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_CHECK);
      lh_stmt_release (insert);
    }

  insert = lh_store_prepare (ts->store, INSERT_LEDGER, &error);
  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (ledger_categories); c++)
    for (guint k = 0; k < G_N_ELEMENTS (ledger_kinds); k++)
      {
        sqlite3_bind_text (insert, 1, ledger_categories[c], -1, SQLITE_STATIC);
        sqlite3_bind_text (insert, 2, ledger_kinds[k], -1, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
        lh_stmt_release (insert);
      }
  for (guint i = 0; i < G_N_ELEMENTS (bad_ledger); i++)
    {
      sqlite3_bind_text (insert, 1, bad_ledger[i][0], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, bad_ledger[i][1], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_CONSTRAINT_CHECK);
      lh_stmt_release (insert);
    }

  g_assert_cmpint (lh_test_query_int (ts->store, "SELECT count(*) FROM time_off_requests"), ==,
                   G_N_ELEMENTS (request_categories) * G_N_ELEMENTS (request_statuses));
  g_assert_cmpint (lh_test_query_int (ts->store, "SELECT count(*) FROM time_off_ledger"), ==,
                   G_N_ELEMENTS (ledger_categories) * G_N_ELEMENTS (ledger_kinds));
  /* Each partial index holds the requests not settled, and only those. */
  g_assert_cmpint (lh_test_query_int (ts->store,
                                      "SELECT count(*) FROM time_off_requests INDEXED BY time_off_requests_by_status "
                                      "WHERE (status = 'pending' OR status = 'approved' OR status = 'rejected' "
                                      "OR status = 'own') AND status = 'own'"), ==,
                   G_N_ELEMENTS (request_categories));
  assert_integrity_ok (ts->store);
}

/* Puts back the IN lists schema 15 replaced, as a database still at
 * schema 14 has them, through the migration's own list of edits. */
static void
revert_to_schema_14 (const char *path)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/learnhub/schema/0015-check-or-chains.sql", 0, NULL);
  g_autofree char *edits = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  sqlite3_stmt *count;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, edits, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL), ==, SQLITE_OK);
  for (int id = 1; id <= 6; id++)
    {
      g_autofree char *sql =
        g_strdup_printf ("UPDATE sqlite_master SET sql = (SELECT replace (sqlite_master.sql, e.new, e.old) "
                         "FROM temp.schema_edits e WHERE e.rowid = %d) "
                         "WHERE name = (SELECT name FROM temp.schema_edits WHERE rowid = %d)", id, id);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_changes (db), ==, 1);
    }
  /* And what the migrations after 15 added. */
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema = RESET; "
                                     LH_TEST_UNDO_REPORT_INDEXES
                                     LH_TEST_UNDO_RELEASED_BOOKINGS
                                     LH_TEST_UNDO_REPORT_SECTIONS
                                     LH_TEST_UNDO_COMMITTEE
                                     LH_TEST_UNDO_EQUALITY
                                     LH_TEST_UNDO_CHECKS
                                     LH_TEST_UNDO_FAULTS
                                     LH_TEST_UNDO_EQUIPMENT
                                     LH_TEST_UNDO_ADVICE_SEALED
                                     "ALTER TABLE advice_dropin_ulrs DROP COLUMN joined_at; "
                                     "DROP TABLE pin_failures; DROP TABLE advice_removals; "
                                     "ALTER TABLE bookings DROP COLUMN calendar_key_hash; "
                                     "ALTER TABLE people DROP COLUMN calendar_key_hash; "
                                     "ALTER TABLE bookings ADD COLUMN calendar_key TEXT; "
                                     "ALTER TABLE people ADD COLUMN calendar_key TEXT; "
                                     "CREATE UNIQUE INDEX bookings_by_calendar_key ON bookings (calendar_key); "
                                     "CREATE UNIQUE INDEX people_by_calendar_key ON people (calendar_key); "
                                     "CREATE TRIGGER people_calendar_key AFTER INSERT ON people "
                                     "WHEN NEW.calendar_key IS NULL BEGIN UPDATE people SET calendar_key = "
                                     "lower(hex(randomblob(24))) WHERE id = NEW.id; END; "
                                     "PRAGMA user_version = 14",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, COUNT_IN_LISTS, -1, &count, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (count, 0), ==, 4);  /* two tables, two indexes */
  sqlite3_finalize (count);
  sqlite3_close (db);
}

/* A schema 14 database with time off in it: schema 15 keeps every row,
 * and refuses a schema it does not recognise rather than guess. */
static void
test_migrates_check_lists (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = NULL;
  LhStmt *insert;

  exec_ok (ts->store, "PRAGMA foreign_keys = OFF");
  for (int i = 1; i <= 3; i++)
    {
      insert = lh_store_prepare (ts->store, INSERT_REQUEST, &error);
      g_assert_no_error (error);
      sqlite3_bind_text (insert, 1, "esol", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, i == 1 ? "pending" : "taken", -1, SQLITE_STATIC);
      sqlite3_bind_int (insert, 3, i);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      lh_stmt_release (insert);

      insert = lh_store_prepare (ts->store, INSERT_LEDGER, &error);
      g_assert_no_error (error);
      sqlite3_bind_text (insert, 1, "facility", -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 2, "adjusted", -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (insert), ==, SQLITE_DONE);
      lh_stmt_release (insert);
    }
  g_clear_object (&ts->store);

  revert_to_schema_14 (ts->path);
  store = lh_store_open (ts->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_store_get_schema_version (store), ==, lh_store_get_latest_version ());
  g_assert_cmpint (lh_test_query_int (store, COUNT_IN_LISTS), ==, 0);
  g_assert_cmpint (lh_test_query_int (store, "SELECT count(*) FROM time_off_requests"), ==, 3);
  g_assert_cmpint (lh_test_query_int (store, "SELECT count(*) FROM time_off_ledger WHERE kind = 'adjusted'"), ==, 3);
  /* Never edited, never deleted from, and each request's first decision
   * (schema 43). */
  g_assert_cmpint (lh_test_query_int (store, "SELECT count(*) FROM sqlite_schema "
                                     "WHERE type = 'trigger' AND tbl_name = 'time_off_ledger'"), ==, 3);
  assert_no_ephemeral_in_writes (store);
  assert_integrity_ok (store);
  g_clear_object (&store);

  /* Marked as schema 14 again, but with the edits' old texts gone. */
  {
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (ts->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 14", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  store = lh_store_open (ts->path, &error);
  g_assert_null (store);
  g_assert_error (error, LH_ERROR, LH_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "exactly once"));
  g_assert_nonnull (strstr (error->message, "0015"));
  g_test_message ("%s", error->message);
}

static void
test_newer_database_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-core-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = lh_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, LH_ERROR, LH_ERROR_INTERNAL);
  g_assert_nonnull (strstr (error->message, "newer"));
}

static void
test_damaged_file_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-core-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) store = NULL;
  g_autofree char *junk = g_strnfill (8192, 'x');

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  store = lh_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
}

static void
test_transaction_rolls_back_when_dropped (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) count = NULL;

  {
    g_autoptr(LhTransaction) tx = lh_store_begin (ts->store, &error);
    g_autoptr(LhStmt) insert = lh_store_prepare (ts->store,
                                                 "INSERT INTO resources (name, kind) VALUES ('PC 9', 'pc')",
                                                 &error);
    g_assert_no_error (error);
    g_assert_true (lh_store_exec (ts->store, insert, &error));
    /* tx is dropped without commit here */
  }
  count = lh_store_prepare (ts->store, "SELECT count(*) FROM resources", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (count, 0), ==, 0);
}

/* Whether this process holds a file SQLite made for its own use: a
 * sub-journal or temporary table, opened and unlinked at once, so only
 * /proc/self/fd still names it ("etilqs_…"). */
static gboolean
holds_sqlite_temp_file (void)
{
  g_autoptr(GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  const char *name;

  g_assert_nonnull (fds);
  while ((name = g_dir_read_name (fds)) != NULL)
    {
      g_autofree char *link = g_strconcat ("/proc/self/fd/", name, NULL);
      g_autofree char *target = g_file_read_link (link, NULL);

      if (target != NULL && strstr (target, "etilqs_") != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Each change of a group commit is a savepoint, and SQLite keeps the
 * pages it changes as they were in a sub-journal. That stays in memory:
 * on disk it cost two writes a page, and left copies of the centre's
 * pages in a temporary directory, outside the centre's own. */
static void
test_savepoints_stay_in_memory (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) create = lh_store_prepare (ts->store, "CREATE TABLE pages (body BLOB)", &error);
  g_autoptr(LhStmt) fill = NULL;
  g_autoptr(LhStmt) change = NULL;

  g_assert_no_error (error);
  g_assert_true (lh_store_exec (ts->store, create, &error));
  /* About 400 KB of pages, far past the 64 KB SQLite keeps in memory by
   * default before it spills a sub-journal to a file. */
  fill = lh_store_prepare (ts->store,
                           "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
                           "INSERT INTO pages (body) SELECT zeroblob (2000) FROM n",
                           &error);
  g_assert_no_error (error);
  g_assert_true (lh_store_exec (ts->store, fill, &error));
  change = lh_store_prepare (ts->store, "UPDATE pages SET body = randomblob (2000)", &error);
  g_assert_no_error (error);

  {
    g_autoptr(LhTransaction) group = lh_store_begin (ts->store, &error);
    g_autoptr(LhTransaction) change_tx = NULL;

    g_assert_no_error (error);
    change_tx = lh_store_begin (ts->store, &error);
    g_assert_no_error (error);
    g_assert_true (lh_store_exec (ts->store, change, &error));
    g_assert_no_error (error);
    g_assert_false (holds_sqlite_temp_file ());
    g_assert_true (lh_transaction_commit (change_tx, &error));
    g_assert_true (lh_transaction_commit (group, &error));
    g_assert_no_error (error);
  }
  g_assert_false (holds_sqlite_temp_file ());
}

#define SECRET "erase me 7f3a9c: a learning need nobody else may read"

static void
put_and_delete_secret (LhStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) create = lh_store_prepare (store, "CREATE TABLE secrets (body BLOB)", &error);
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(LhStmt) delete = NULL;
  g_autoptr(LhTransaction) tx = NULL;

  g_assert_true (lh_store_exec (store, create, &error));
  insert = lh_store_prepare (store, "INSERT INTO secrets (body) VALUES (?1)", &error);
  g_assert_no_error (error);
  sqlite3_bind_blob (insert, 1, SECRET, strlen (SECRET), SQLITE_STATIC);
  g_assert_true (lh_store_exec (store, insert, &error));
  delete = lh_store_prepare (store, "DELETE FROM secrets", &error);
  tx = lh_store_begin (store, &error);
  g_assert_no_error (error);
  g_assert_true (lh_store_exec (store, delete, &error));
  g_assert_true (lh_transaction_commit (tx, &error));
}

/* secure_delete zeroes a deleted row in the pages written after, but the
 * WAL keeps the pages as they were: after the scrub, no file holds it. A
 * reader holding the WAL stops the scrub, which says so and stays
 * pending until a later one gets through. */
static void
test_scrub_leaves_no_copy (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  sqlite3 *reader = NULL;

  put_and_delete_secret (ts->store);
  g_assert_true (lh_test_files_hold (ts->path, SECRET));
  g_assert_false (lh_store_scrub_pending (ts->store));

  /* A backup or an sqlite3 shell reading an older snapshot. */
  g_assert_cmpint (sqlite3_open_v2 (ts->path, &reader, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (reader, "BEGIN; SELECT count(*) FROM secrets", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (lh_store_scrub (ts->store, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_true (lh_store_scrub_pending (ts->store));
  g_assert_true (lh_test_files_hold (ts->path, SECRET));

  g_assert_cmpint (sqlite3_exec (reader, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (reader);
  g_assert_true (lh_store_scrub (ts->store, &error));
  g_assert_no_error (error);
  g_assert_false (lh_store_scrub_pending (ts->store));
  g_assert_false (lh_test_files_hold (ts->path, SECRET));
}

/* Asked for inside a transaction (a batch of requests), the scrub waits
 * for the commit that puts the erasure on disk. */
static void
test_scrub_when_committed (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTransaction) outer = NULL;

  outer = lh_store_begin (ts->store, &error);
  g_assert_no_error (error);
  put_and_delete_secret (ts->store);
  lh_store_scrub_when_committed (ts->store);
  g_assert_true (lh_store_scrub_pending (ts->store));
  g_assert_true (lh_transaction_commit (outer, &error));
  g_assert_no_error (error);
  g_assert_false (lh_store_scrub_pending (ts->store));
  g_assert_false (lh_test_files_hold (ts->path, SECRET));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/store/new-database-is-migrated", test_new_database_is_migrated);
  g_test_add_func ("/lh/store/private-to-its-owner", test_private_to_its_owner);
  g_test_add_func ("/lh/store/second-open-refused", test_second_open_refused);
  g_test_add_func ("/lh/store/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/lh/store/migrates-version-zero", test_migrates_version_zero);
  g_test_add_func ("/lh/store/migrates-version-one", test_migrates_version_one);
  g_test_add_func ("/lh/store/migrates-check-lists", test_migrates_check_lists);
  g_test_add_func ("/lh/store/time-off-checks", test_time_off_checks);
  g_test_add_func ("/lh/store/newer-database-refused", test_newer_database_refused);
  g_test_add_func ("/lh/store/damaged-file-refused", test_damaged_file_refused);
  g_test_add_func ("/lh/store/transaction-rolls-back-when-dropped", test_transaction_rolls_back_when_dropped);
  g_test_add_func ("/lh/store/savepoints-stay-in-memory", test_savepoints_stay_in_memory);
  g_test_add_func ("/lh/store/scrub-leaves-no-copy", test_scrub_leaves_no_copy);
  g_test_add_func ("/lh/store/scrub-when-committed", test_scrub_when_committed);
  return g_test_run ();
}
