/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Replays one target's corpus (tests/fuzz/corpus/<target>/) as ordinary
 * GLib tests, one per file, so that a build without libFuzzer (gcc, CI)
 * runs every input the fuzzers kept, the ones that found bugs among them. */
#include "lh-fuzz.h"

#include <gio/gio.h>

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);
  LLVMFuzzerInitialize (&argc, &argv);

  dir = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", LH_FUZZ_TARGET, NULL);
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* An empty corpus would pass without testing anything. */
  g_assert_cmpuint (names->len, >, 0);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test = g_strdup_printf ("/fuzz/" LH_FUZZ_TARGET "/%s", (char *) names->pdata[i]);

      g_test_add_data_func_full (test, g_build_filename (dir, names->pdata[i], NULL), replay_file, g_free);
    }
  return g_test_run ();
}
