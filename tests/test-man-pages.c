/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The man pages: groff reads them without a warning, and they keep up
 * with the programs (every command of learnhubctl, every option of
 * learnhubd has its entry); so do their translations (data/man/po). */
#include <gio/gio.h>
#include <glib/gstdio.h>
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

/* The commands learnhubctl --help lists, each once. */
static GPtrArray *
help_commands (void)
{
  const char *argv[] = { g_getenv ("LEARNHUBCTL"), "--help", NULL };
  GPtrArray *commands = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_commands = FALSE;

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
      g_ptr_array_add (commands, g_strdup (words[0]));
    }
  /* init to demo, backup and restore among them. */
  g_assert_cmpuint (commands->len, >=, 22);
  return commands;
}

/* A page of learnhubctl (English or translated) names every command. */
static void
assert_every_command (const char *page, const char *label)
{
  g_autoptr(GPtrArray) commands = help_commands ();

  for (guint i = 0; i < commands->len; i++)
    if (!page_names (page, commands->pdata[i]))
      g_error ("%s has no entry for the command %s", label, (char *) commands->pdata[i]);
}

static void
test_every_command (void)
{
  g_autofree char *page = read_page ("learnhubctl.8");

  assert_every_command (page, "learnhubctl.8");
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

/* The pages po4a-translate made from data/man/po/<lang>.po, as the
 * build lists them (tests/meson.build). */
static GStrv
translated_pages (void)
{
  const char *list = g_getenv ("LH_TRANSLATED_MAN_PAGES");

  g_assert_nonnull (list);
  return g_strsplit (list, G_SEARCHPATH_SEPARATOR_S, -1);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s: %s", path, error->message);
  return text;
}

/* Every language has its daemon and learnhubctl pages (the kiosk's comes
 * with the kiosk), and each is in that language: po4a keeps an English
 * paragraph whose translation is missing, so an empty catalogue would still
 * make a page, in English. */
static void
test_translated_built (void)
{
  static const char * const langs[] = { "pl", "ro", "ar" };
  static const char * const names[] = { "learnhubd.8", "learnhubctl.8" };
  g_auto(GStrv) pages = translated_pages ();

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint n = 0; n < G_N_ELEMENTS (names); n++)
      {
        g_autofree char *tail = g_build_filename (langs[l], names[n], NULL);
        gboolean found = FALSE;

        for (guint i = 0; pages[i] != NULL; i++)
          found = found || g_str_has_suffix (pages[i], tail);
        if (!found)
          g_error ("no translated page %s in the build", tail);
      }
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *text = read_file (pages[i]);

      g_assert_true (g_str_has_prefix (text, ".\\\""));
      if (strstr (text, "\n.SH NAME\n") != NULL || strstr (text, "\n.SH DESCRIPTION\n") != NULL)
        g_error ("%s is still in English", pages[i]);
    }
}

/* The translated pages are UTF-8: preconv (-K) reads them as man(1) does. */
static void
test_translated_groff_reads_them (void)
{
  g_auto(GStrv) pages = translated_pages ();

  for (guint i = 0; pages[i] != NULL; i++)
    {
      const char *argv[] = { "groff", "-Kutf8", "-man", "-ww", "-z", "-Tutf8", pages[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      run (argv, &out, &err);
      if (err[0] != '\0')
        g_error ("%s: %s", pages[i], err);
    }
}

/* A translation keeps every command's entry. */
static void
test_translated_every_command (void)
{
  g_auto(GStrv) pages = translated_pages ();
  guint checked = 0;

  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (pages[i], G_DIR_SEPARATOR_S "learnhubctl.8"))
        continue;
      text = read_file (pages[i]);
      assert_every_command (text, pages[i]);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 3);
}

/* A program run to its end with success; what it said, if not. */
static void
run_ok (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s%s", argv[0], out, err);
}

/* After an English page changes, po4a --no-translations (README) must
 * bring its new messages into the POT and every po file; otherwise the
 * change would stay English in every language without anyone seeing it. */
static void
test_catalogues_up_to_date (void)
{
  static const char * const catalogues[] = { "learnhub-man.pot", "pl.po", "ro.po", "ar.po" };
  g_autofree char *dir = g_dir_make_tmp ("lh-man-XXXXXX", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.pot", NULL);
  g_autofree char *daemon = page_path ("learnhubd.8");
  g_autofree char *ctl = page_path ("learnhubctl.8");
  g_autofree char *kiosk = page_path ("learnhub-kiosk.1");
  const char *extract[] = { "po4a-updatepo", "--format", "man", "--master-charset", "UTF-8",
                            "--master", daemon, "--master", ctl, "--master", kiosk,
                            "--po", fresh, NULL };

  g_assert_nonnull (dir);
  run_ok (extract);
  for (guint i = 0; i < G_N_ELEMENTS (catalogues); i++)
    {
      g_autofree char *catalogue = g_test_build_filename (G_TEST_DIST, "..", "data", "man", "po",
                                                          catalogues[i], NULL);
      const char *compare[] = { "msgcmp", "--use-untranslated", "--use-fuzzy", catalogue, fresh, NULL };

      run_ok (compare);
    }
  g_assert_cmpint (g_remove (fresh), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/man/groff-reads-them", test_groff_reads_them);
  g_test_add_func ("/man/every-learnhubctl-command", test_every_command);
  g_test_add_func ("/man/every-learnhubd-option", test_every_daemon_option);
  g_test_add_func ("/man/translated/built", test_translated_built);
  g_test_add_func ("/man/translated/groff-reads-them", test_translated_groff_reads_them);
  g_test_add_func ("/man/translated/every-learnhubctl-command", test_translated_every_command);
  g_test_add_func ("/man/translated/catalogues-up-to-date", test_catalogues_up_to_date);

  return g_test_run ();
}
