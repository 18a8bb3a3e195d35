/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The man pages: groff reads them without a warning, and they keep up
 * with the programs (every command of learnhubctl, every option of
 * learnhubd has its entry). */
#include <gio/gio.h>
#include <string.h>

static char *
page_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "man", name, NULL);
}

static char *
read_page (const char *name)
{
  g_autofree char *path = page_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* What a program prints to standard output and standard error. */
static void
run (const char * const *argv, char **out, char **err)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
}

static void
test_groff_reads_them (void)
{
  static const char * const pages[] = { "learnhubd.8", "learnhubctl.8", "learnhub-kiosk.1" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *path = page_path (pages[i]);
      const char *argv[] = { "groff", "-man", "-ww", "-z", "-Tutf8", path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      run (argv, &out, &err);
      if (err[0] != '\0')
        g_error ("%s: %s", pages[i], err);
    }
}

/* The page's words for name, bold, as groff source spells them: a "-"
 * is "\-" there. */
static gboolean
page_names (const char *page, const char *name)
{
  g_autoptr(GString) escaped = g_string_new (name);

  g_string_replace (escaped, "-", "\\-", 0);
  return strstr (page, escaped->str) != NULL;
}

static void
test_every_command (void)
{
  const char *argv[] = { g_getenv ("LEARNHUBCTL"), "--help", NULL };
  g_autofree char *page = read_page ("learnhubctl.8");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_commands = FALSE;
  guint commands = 0;

  g_assert_nonnull (argv[0]);
  run (argv, &out, &err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;

      if (g_str_has_prefix (lines[i], "Commands:"))
        {
          in_commands = TRUE;
          continue;
        }
      if (!in_commands || !g_str_has_prefix (lines[i], "  "))
        continue;
      words = g_strsplit (g_strstrip (lines[i]), " ", 2);
      if (!page_names (page, words[0]))
        g_error ("learnhubctl.8 has no entry for the command %s", words[0]);
      commands++;
    }
  /* init to demo, backup and restore among them. */
  g_assert_cmpuint (commands, >=, 22);
}

static void
test_every_daemon_option (void)
{
  const char *argv[] = { g_getenv ("LEARNHUBD"), "--help", NULL };
  g_autofree char *page = read_page ("learnhubd.8");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  guint options = 0;

  g_assert_nonnull (argv[0]);
  run (argv, &out, &err);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *dashes = strstr (lines[i], "--");
      g_autofree char *option = NULL;
      gsize length;

      if (dashes == NULL || strstr (lines[i], "--help") != NULL)
        continue;
      length = strcspn (dashes, "= ");
      option = g_strndup (dashes, length);
      if (!page_names (page, option))
        g_error ("learnhubd.8 has no entry for the option %s", option);
      options++;
    }
  g_assert_cmpuint (options, >=, 6);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/man/groff-reads-them", test_groff_reads_them);
  g_test_add_func ("/man/every-learnhubctl-command", test_every_command);
  g_test_add_func ("/man/every-learnhubd-option", test_every_daemon_option);

  return g_test_run ();
}
