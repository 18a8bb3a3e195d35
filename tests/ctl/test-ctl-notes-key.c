/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl and the notes key (issue 12): an admin running it as root
 * has not the service's key (a systemd credential). Commands that read
 * no advice neither make a key nor refuse for its sake; the demo, which
 * seals notes, makes one only for a new database and takes no other key
 * than the centre's; nor does learnhubd. */
#include <glib/gstdio.h>
#include <string.h>

#include "ctl-run.h"

/* A configuration whose [daemon] notes-key is key_path. */
static char *
config_with_key (const char *dir, const char *name, const char *key_path)
{
  g_autofree char *text = g_strdup_printf ("[daemon]\nnotes-key=%s\n", key_path);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
test_no_key_made_for_other_commands (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *key = g_build_filename (dir, "root", "notes.key", NULL);
  g_autofree char *config = config_with_key (dir, "root.conf", key);
  const char *commands[][2] = { { "init", NULL }, { "equipment", "list" }, { "time-off", "pending" },
                                { "dropin", "list" }, { "rules", "show" } };
  g_auto(Run) demo = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      ctl (&run, db, commands[i][0], "--config", config, commands[i][1], NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
    }

  /* The database is no longer new: no key is made for it here. */
  ctl (&demo, db, "demo", "--config", config, NULL);
  g_assert_cmpint (demo.status, ==, 1);
  g_assert_nonnull (strstr (demo.err, "There is no notes key there"));
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
}

static void
test_other_key_only_for_advice (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *centre_key = g_build_filename (dir, "centre", "notes.key", NULL);
  g_autofree char *root_key = g_build_filename (dir, "root.key", NULL);
  g_autofree char *centre_config = config_with_key (dir, "centre.conf", centre_key);
  g_autofree char *root_config = config_with_key (dir, "root.conf", root_key);
  guint8 other[32];
  g_auto(Run) demo = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) again = { 0 };

  /* A new database: the demo makes its key. */
  ctl (&demo, db, "demo", "--config", centre_config, NULL);
  /* What the demo said, if it failed: it once did at a faked moment. */
  if (demo.status != 0)
    g_error ("learnhubctl demo failed (%d): %s", demo.status, demo.err);
  g_assert_true (g_file_test (centre_key, G_FILE_TEST_EXISTS));

  for (guint i = 0; i < sizeof other; i++)
    other[i] = (guint8) (i * 7 + 1);
  g_assert_true (g_file_set_contents (root_key, (const char *) other, sizeof other, NULL));
  g_assert_cmpint (g_chmod (root_key, 0600), ==, 0);
  ctl (&list, db, "equipment", "list", "--config", root_config, NULL);
  g_assert_cmpint (list.status, ==, 0);
  ctl (&again, db, "demo", "--config", root_config, NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "does not open the advice notes already sealed"));
  g_assert_nonnull (strstr (again.err, "/etc/learnhub/notes.key"));

  {
    /* Nor does learnhubd start with it, before it listens. */
    g_autoptr(GSubprocess) daemon = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *err = NULL;

    daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                               g_getenv ("LEARNHUBD"), "--db", db, "--config", root_config, "--listen",
                               "127.0.0.1:0", NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (daemon, NULL, NULL, NULL, &err, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_subprocess_get_exit_status (daemon), ==, 1);
    g_assert_nonnull (strstr (err, "/etc/learnhub/notes.key"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ctl/notes-key/no-key-made-for-other-commands", test_no_key_made_for_other_commands);
  g_test_add_func ("/ctl/notes-key/other-key-only-for-advice", test_other_key_only_for_advice);

  return g_test_run ();
}
