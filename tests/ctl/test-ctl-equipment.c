/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl equipment as an admin runs it: an asset register imported
 * with a bad row, an item added, taken out of use and back, its history. */
#include <glib/gstdio.h>
#include <string.h>

#include "ctl-run.h"

static void
test_equipment (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_autofree char *csv = g_strconcat (db, ".csv", NULL);
  g_auto(Run) pc = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) empty = { 0 };
  g_auto(Run) skipped = { 0 };
  g_auto(Run) added = { 0 };
  g_auto(Run) no_reason = { 0 };
  g_auto(Run) faulty = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) history = { 0 };
  g_auto(Run) usage = { 0 };

  ctl (&pc, db, "resource", "add", "PC 1", "--kind", "pc", NULL);
  g_assert_cmpint (pc.status, ==, 0);
  g_assert_true (g_file_set_contents (csv, "asset_tag,kind,location,pc\n"
                                           "LC-0001,computer,Room 1,PC 1\n"
                                           "LC-0002,sofa,Room 1,\n"
                                           "LC-0003,computer,Room 1,PC 7\n", -1, NULL));
  ctl (&refused, db, "equipment", "import", csv, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "line 3: The kind of equipment is one of computer, monitor"));
  g_assert_nonnull (strstr (refused.err, "line 4: There is no PC called “PC 7”"));
  g_assert_nonnull (strstr (refused.err, "nothing was imported"));
  ctl (&empty, db, "equipment", "list", NULL);
  g_assert_cmpint (empty.status, ==, 0);
  g_assert_nonnull (strstr (empty.out, "No equipment yet"));

  ctl (&skipped, db, "equipment", "import", csv, "--skip-bad-rows", NULL);
  g_assert_cmpint (skipped.status, ==, 0);
  g_assert_nonnull (strstr (skipped.out, "Added 1, updated 0, skipped 2"));

  ctl (&added, db, "equipment", "add", "LC-0100", "--kind", "accessibility", "--location", "Room 1",
       "--description", "Large-key keyboard", NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_nonnull (strstr (added.out, "Added LC-0100"));

  ctl (&no_reason, db, "equipment", "status", "LC-0001", "faulty", NULL);
  g_assert_cmpint (no_reason.status, ==, 1);
  g_assert_nonnull (strstr (no_reason.err, "Say why the item is faulty"));
  ctl (&faulty, db, "equipment", "status", "LC-0001", "faulty", "--reason", "No picture", NULL);
  g_assert_cmpint (faulty.status, ==, 0);

  ctl (&list, db, "equipment", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "LC-0001"));
  g_assert_nonnull (strstr (list.out, "faulty"));
  g_assert_nonnull (strstr (list.out, "PC 1"));
  g_assert_nonnull (strstr (list.out, "Large-key keyboard"));

  ctl (&history, db, "equipment", "history", "LC-0001", NULL);
  g_assert_cmpint (history.status, ==, 0);
  g_assert_nonnull (strstr (history.out, "added"));
  g_assert_nonnull (strstr (history.out, "learnhubctl: No picture"));

  ctl (&usage, db, "equipment", "mend", "LC-0001", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "usage: learnhubctl equipment import"));
  g_remove (csv);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ctl/equipment", test_equipment);

  return g_test_run ();
}
