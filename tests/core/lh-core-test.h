/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the core tests: a store on a temporary file. */
#pragma once

#include <glib/gstdio.h>

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
