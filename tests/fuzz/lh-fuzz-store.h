/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A store on a temporary file for the targets that write: made once, and
 * each input run inside a transaction that is then rolled back, so that
 * no input sees what another left and a replay gives the same result. */
#pragma once

#include <glib/gstdio.h>

#include "lh-store.h"

static char *lh_fuzz_store_dir;
static char *lh_fuzz_store_path;
static LhStore *lh_fuzz_store;

static inline void
lh_fuzz_store_remove (void)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", ".lock" };

  g_clear_object (&lh_fuzz_store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (lh_fuzz_store_path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (lh_fuzz_store_dir);
  g_clear_pointer (&lh_fuzz_store_path, g_free);
  g_clear_pointer (&lh_fuzz_store_dir, g_free);
}

static inline LhStore *
lh_fuzz_store_open (void)
{
  g_autoptr(GError) error = NULL;

  lh_fuzz_store_dir = g_dir_make_tmp ("learnhub-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  lh_fuzz_store_path = g_build_filename (lh_fuzz_store_dir, "fuzz.db", NULL);
  lh_fuzz_store = lh_store_open (lh_fuzz_store_path, &error);
  g_assert_no_error (error);
  atexit (lh_fuzz_store_remove);
  return lh_fuzz_store;
}

/* Whether error is a refusal of the input (LH_ERROR_INVALID or
 * _CONFLICT), not a failure of the store, which no input may cause. */
static inline gboolean
lh_fuzz_is_refusal (const GError *error)
{
  return error != NULL && error->domain == LH_ERROR &&
         (error->code == LH_ERROR_INVALID || error->code == LH_ERROR_CONFLICT);
}
