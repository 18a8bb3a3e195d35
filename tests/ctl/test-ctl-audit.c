/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl and the audit log: a command that changed the centre is
 * recorded by its command and sub-command, never its other arguments,
 * with the system user who ran it; one that changed nothing or was
 * refused is not; learnhubctl audit lists a period. */
#include <string.h>

#include "ctl-run.h"
#include "lh-test-clock.h"

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_commands_recorded (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_autofree char *expected = g_strdup_printf ("learnhubctl (%s)  learnhubctl resource add\n", g_get_user_name ());
  g_auto(Run) added = { 0 };
  g_auto(Run) listed = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) audit = { 0 };
  g_auto(Run) long_ago = { 0 };
  g_auto(Run) too_long = { 0 };

  ctl (&added, db, "resource", "add", "PC Secret-Name", "--kind", "pc", NULL);
  g_assert_cmpint (added.status, ==, 0);
  /* Reads, and a refusal, change nothing. */
  ctl (&listed, db, "resource", "list", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  ctl (&refused, db, "resource", "add", "PC Secret-Name", "--kind", "sofa", NULL);
  g_assert_cmpint (refused.status, !=, 0);

  ctl (&audit, db, "audit", NULL);
  g_assert_cmpint (audit.status, ==, 0);
  g_test_message ("%s", audit.out);
  g_assert_cmpuint (count_lines (audit.out), ==, 1);
  g_assert_true (g_str_has_suffix (audit.out, expected));
  g_assert_null (strstr (audit.out, "Secret-Name"));

  /* Reading the log is not a change either; a year ago, nothing. */
  ctl (&long_ago, db, "audit", "--from", "2020-01-01", "--to", "2020-12-31", NULL);
  g_assert_cmpint (long_ago.status, ==, 0);
  g_assert_nonnull (strstr (long_ago.out, "No changes were recorded in that period."));
  ctl (&too_long, db, "audit", "--from", "2020-01-01", "--to", "2021-06-30", NULL);
  g_assert_cmpint (too_long.status, !=, 0);
  g_assert_nonnull (strstr (too_long.err, "Ask for 1 to 366 days at a time"));
}

/* Whose PIN was reset, which file was imported: never in the log, even
 * when they look like a sub-command. */
static void
test_arguments_not_recorded (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *roster = g_build_filename (dir, "roster", NULL);
  g_autofree char *user = g_strdup_printf ("learnhubctl (%s)", g_get_user_name ());
  g_auto(Run) imported = { 0 };
  g_auto(Run) pin = { 0 };
  g_auto(Run) audit = { 0 };
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_set_contents (roster, "staff_number,name,hours_per_week,roles\n"
                                              "jsmith,Jo Smith,37.5,learner\n", -1, NULL));
  ctl (&imported, db, "import-staff", roster, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  ctl (&pin, db, "pin-set", "jsmith", NULL);
  g_assert_cmpint (pin.status, ==, 0);
  ctl (&audit, db, "audit", NULL);
  g_assert_cmpint (audit.status, ==, 0);
  g_test_message ("%s", audit.out);
  lines = g_strsplit (g_strchomp (audit.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_suffix (lines[0], "  learnhubctl import-staff"));
  g_assert_true (g_str_has_suffix (lines[1], "  learnhubctl pin-set"));
  g_assert_nonnull (strstr (lines[1], user));
  g_assert_null (strstr (audit.out, "jsmith"));
  g_assert_null (strstr (audit.out, "roster"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/audit/commands-recorded", test_commands_recorded);
  g_test_add_func ("/ctl/audit/arguments-not-recorded", test_arguments_not_recorded);
  return g_test_run ();
}
