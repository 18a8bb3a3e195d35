/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the core tests: a store on a temporary file, and
 * what a reader of its files or of plain SQL would find. */
#pragma once

#include <glib/gstdio.h>
#include <string.h>

#include "lh-people.h"
#include "lh-store.h"

typedef struct
{
  char    *dir;    /* (owned) */
  char    *path;   /* (owned) */
  LhStore *store;  /* (owned) */
} LhTestStore;

static inline LhTestStore *
lh_test_store_new (void)
{
  LhTestStore *ts = g_new0 (LhTestStore, 1);
  g_autoptr(GError) error = NULL;

  ts->dir = g_dir_make_tmp ("learnhub-core-XXXXXX", &error);
  g_assert_no_error (error);
  ts->path = g_build_filename (ts->dir, "test.db", NULL);
  ts->store = lh_store_open (ts->path, &error);
  g_assert_no_error (error);
  return ts;
}

static inline void
lh_test_store_free (LhTestStore *ts)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", ".lock" };

  g_clear_object (&ts->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (ts->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (ts->dir);
  g_free (ts->path);
  g_free (ts->dir);
  g_free (ts);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhTestStore, lh_test_store_free)

/* A person on the roster since created_at, full time, with roles; their
 * id. */
static inline gint64
lh_test_add_person (LhStore *store, const char *staff, const char *name, guint roles, gint64 created_at)
{
  LhPerson person = { .staff_number = (char *) staff, .name = (char *) name,
                      .hours_per_week = 37.5, .roles = roles };
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (lh_people_save (store, &person, created_at, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

/* The first column of sql's first row, as an int. */
static inline int
lh_test_query_int (LhStore *store, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, &error);
  gboolean has_row = FALSE;

  g_assert_no_error (error);
  g_assert_true (lh_store_step (store, stmt, &has_row, &error));
  g_assert_true (has_row);
  return sqlite3_column_int (stmt, 0);
}

/* The plan of the production query `sql` (EXPLAIN QUERY PLAN), a line
 * a step, printed in the test's log. */
static inline char *
lh_test_plan (LhStore *store, const char *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, explain, NULL);
  GString *plan = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  g_test_message ("%s", plan->str);
  return g_string_free (plan, FALSE);
}

/* Asserts the plan of `sql` holds `expected` (a line of EXPLAIN QUERY
 * PLAN, such as an index range). */
static inline void
lh_test_assert_plan (LhStore *store, const char *sql, const char *expected)
{
  g_autofree char *plan = lh_test_plan (store, sql);

  g_assert_nonnull (strstr (plan, expected));
}

/* Asserts the plan of `sql` has no step like `unwanted` (a sort, say). */
static inline void
lh_test_assert_plan_lacks (LhStore *store, const char *sql, const char *unwanted)
{
  g_autofree char *plan = lh_test_plan (store, sql);

  g_assert_null (strstr (plan, unwanted));
}

/* Whether needle is anywhere in the file at path (a missing file has
 * nothing). */
static inline gboolean
lh_test_file_contains (const char *path, const char *needle)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;
  gsize size = strlen (needle);

  if (!g_file_get_contents (path, &bytes, &length, NULL))
    return FALSE;
  /* Byte by byte: the file has NULs, where strstr would stop. */
  for (gsize i = 0; i + size <= length; i++)
    if (memcmp (bytes + i, needle, size) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the database, its WAL or a rollback journal holds these bytes
 * anywhere, as one reading the files would find them. */
static inline gboolean
lh_test_files_hold (const char *db_path, const char *needle)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      if (lh_test_file_contains (path, needle))
        return TRUE;
    }
  return FALSE;
}
