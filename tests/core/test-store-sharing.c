/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl beside a running learnhubd: one process owns the database
 * (its lock), another may write beside it without migrating, and the owner
 * can tell that the other changed something. Two stores in one process
 * stand for the two programs: flock() keeps them apart as it would two
 * processes. */
#include <sqlite3.h>
#include <string.h>

#include "lh-core-test.h"
#include "lh-error.h"

/* The "daemon" is ts->store, opened with lh_store_open(). */
static void
test_beside_the_owner_without_lock (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) ctl = lh_store_open_beside_daemon (ts->path, &error);

  g_assert_no_error (error);
  g_assert_true (lh_store_is_beside_owner (ctl));
  g_assert_false (lh_store_is_beside_owner (ts->store));
  g_assert_cmpint (lh_store_get_schema_version (ctl), ==, lh_store_get_latest_version ());
}

/* Alone, learnhubctl owns the database: a daemon started meanwhile is
 * refused until it is done. */
static void
test_alone_it_owns_the_lock (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autofree char *path = g_strdup (ts->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) ctl = NULL;
  g_autoptr(LhStore) daemon = NULL;

  g_clear_object (&ts->store);
  ctl = lh_store_open_beside_daemon (path, &error);
  g_assert_no_error (error);
  g_assert_false (lh_store_is_beside_owner (ctl));
  daemon = lh_store_open (path, &error);
  g_assert_null (daemon);
  g_assert_error (error, LH_ERROR, LH_ERROR_BUSY);
}

/* Beside the owner, a database of another schema is refused, untouched. */
static void
test_other_schema_refused (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) ctl = NULL;
  g_autofree char *older = g_strdup_printf ("PRAGMA user_version = %d", lh_store_get_latest_version () - 1);
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (ts->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, older, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  ctl = lh_store_open_beside_daemon (ts->path, &error);
  g_assert_null (ctl);
  g_assert_error (error, LH_ERROR, LH_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "Restart learnhubd first"));
  g_assert_cmpint (lh_store_get_schema_version (ts->store), ==, lh_store_get_latest_version () - 1);
}

/* A newer learnhubd started (and migrated) while learnhubctl was at work:
 * its next write is refused before it changes anything. */
static void
test_schema_rechecked_at_each_write (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) ctl = lh_store_open_beside_daemon (ts->path, &error);
  g_autoptr(LhTransaction) tx = NULL;
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d", lh_store_get_latest_version () + 1);
  sqlite3 *handle = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (ts->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, newer, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  tx = lh_store_begin (ctl, &error);
  g_assert_null (tx);
  g_assert_error (error, LH_ERROR, LH_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_false (lh_store_in_transaction (ctl));
}

static void
test_owner_sees_changes_made_elsewhere (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStore) ctl = lh_store_open_beside_daemon (ts->path, &error);
  g_autoptr(LhPerson) found = NULL;

  g_assert_no_error (error);
  /* At rest, and after its own writes, nothing changed elsewhere. */
  g_assert_false (lh_store_changed_elsewhere (ts->store));
  lh_test_add_person (ts->store, "100001", "Own Write", LH_ROLE_LEARNER, 1);
  g_assert_false (lh_store_changed_elsewhere (ts->store));
  /* A read elsewhere is no change either. */
  found = lh_people_find (ctl, "100001", &error);
  g_assert_nonnull (found);
  g_assert_false (lh_store_changed_elsewhere (ts->store));

  lh_test_add_person (ctl, "100002", "Added Beside", LH_ROLE_LEARNER, 1);
  g_assert_true (lh_store_changed_elsewhere (ts->store));
  /* Said once. */
  g_assert_false (lh_store_changed_elsewhere (ts->store));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/store-sharing/beside-the-owner-without-lock", test_beside_the_owner_without_lock);
  g_test_add_func ("/lh/store-sharing/alone-it-owns-the-lock", test_alone_it_owns_the_lock);
  g_test_add_func ("/lh/store-sharing/other-schema-refused", test_other_schema_refused);
  g_test_add_func ("/lh/store-sharing/schema-rechecked-at-each-write", test_schema_rechecked_at_each_write);
  g_test_add_func ("/lh/store-sharing/owner-sees-changes-made-elsewhere", test_owner_sees_changes_made_elsewhere);
  return g_test_run ();
}
