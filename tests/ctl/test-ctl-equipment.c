/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl equipment as an admin runs it: an asset register imported
 * with a bad row, an item added, taken out of use and back, its history;
 * and learnhubctl fault: a fault reported, listed, assigned, repaired. */
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
  g_auto(Run) kiosk = { 0 };
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

  /* A PC kiosk that never beat: counted as offline in the picture. */
  ctl (&kiosk, db, "device", "add", "PC 1 kiosk", "--pc", "PC 1", NULL);
  g_assert_cmpint (kiosk.status, ==, 0);

  ctl (&list, db, "equipment", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "PC kiosks now: 0 online, 1 offline: PC 1 (never heard)"));
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

static void
test_faults (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_auto(Run) pc = { 0 };
  g_auto(Run) added = { 0 };
  g_auto(Run) none = { 0 };
  g_auto(Run) reported = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) assigned = { 0 };
  g_auto(Run) repaired = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) history = { 0 };
  g_auto(Run) usage = { 0 };

  ctl (&pc, db, "resource", "add", "PC 1", "--kind", "pc", NULL);
  ctl (&added, db, "equipment", "add", "LC-0001", "--kind", "computer", "--pc", "PC 1", NULL);
  g_assert_cmpint (added.status, ==, 0);
  ctl (&none, db, "fault", "list", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_nonnull (strstr (none.out, "No open faults"));

  ctl (&bad, db, "fault", "report", "LC-0001", "smoke", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "programs, internet, keyboard-mouse"));
  ctl (&reported, db, "fault", "report", "LC-0001", "screen", "Goes black", NULL);
  g_assert_cmpint (reported.status, ==, 0);
  g_assert_nonnull (strstr (reported.out, "Opened fault 1 (LC-0001, screen)"));

  ctl (&list, db, "fault", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "LC-0001"));
  g_assert_nonnull (strstr (list.out, "screen"));
  ctl (&assigned, db, "fault", "assign", "1", "Site IT, J. Smith", NULL);
  g_assert_cmpint (assigned.status, ==, 0);
  ctl (&repaired, db, "fault", "repaired", "1", "New cable", NULL);
  g_assert_cmpint (repaired.status, ==, 0);
  ctl (&again, db, "fault", "repaired", "1", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already repaired"));

  /* Each step is in the item's history. */
  ctl (&history, db, "equipment", "history", "LC-0001", NULL);
  g_assert_nonnull (strstr (history.out, "screen: Goes black"));
  g_assert_nonnull (strstr (history.out, "screen: assigned to Site IT, J. Smith"));
  g_assert_nonnull (strstr (history.out, "repaired"));
  g_assert_nonnull (strstr (history.out, "screen: New cable"));

  ctl (&usage, db, "fault", "assign", "one", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_nonnull (strstr (usage.err, "usage: learnhubctl fault list"));
}

/* A PC with no computer in the inventory is reported by its name, as a
 * kiosk would report it; an unknown PC, or an asset tag as well, is
 * refused. */
static void
test_fault_of_a_pc (void)
{
  g_autofree char *db = temp_path ("pc-fault.db");
  g_auto(Run) pc = { 0 };
  g_auto(Run) reported = { 0 };
  g_auto(Run) joined = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) tag_too = { 0 };
  g_auto(Run) list = { 0 };

  ctl (&pc, db, "resource", "add", "PC 7", "--kind", "pc", NULL);
  g_assert_cmpint (pc.status, ==, 0);
  ctl (&reported, db, "fault", "report", "--pc", "PC 7", "sound", "No sound at all", NULL);
  g_assert_cmpint (reported.status, ==, 0);
  g_assert_nonnull (strstr (reported.out, "Opened fault 1 (PC 7, sound)"));
  g_assert_null (strstr (reported.out, "(null)"));
  ctl (&joined, db, "fault", "report", "--pc", "PC 7", "sound", NULL);
  g_assert_cmpint (joined.status, ==, 0);
  g_assert_nonnull (strstr (joined.out, "Joined fault 1 (PC 7, sound)"));

  ctl (&unknown, db, "fault", "report", "--pc", "PC 9", "sound", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "There is no PC called “PC 9”"));
  ctl (&both, db, "fault", "report", "LC-0001", "--pc", "PC 7", "sound", "Crackles", NULL);
  g_assert_cmpint (both.status, ==, 2);
  g_assert_nonnull (strstr (both.err, "fault report (ASSET_TAG | --pc NAME) CATEGORY [NOTE]"));
  /* With --pc, what follows "report" is the category. */
  ctl (&tag_too, db, "fault", "report", "LC-0001", "--pc", "PC 7", "sound", NULL);
  g_assert_cmpint (tag_too.status, ==, 1);
  g_assert_nonnull (strstr (tag_too.err, "programs, internet, keyboard-mouse"));

  ctl (&list, db, "fault", "list", NULL);
  g_assert_nonnull (strstr (list.out, "PC 7, no computer in the inventory"));
}

/* A check of an item, of a kind and of the centre; one done, which sets
 * its next due date and goes into the item's history. */
static void
test_checks (void)
{
  g_autofree char *db = temp_path ("checks.db");
  g_auto(Run) item = { 0 };
  g_auto(Run) pat = { 0 };
  g_auto(Run) clean = { 0 };
  g_auto(Run) fire = { 0 };
  g_auto(Run) bad_every = { 0 };
  g_auto(Run) both = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) done = { 0 };
  g_auto(Run) bad_result = { 0 };
  g_auto(Run) no_check = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) history = { 0 };

  ctl (&item, db, "equipment", "add", "LC-0001", "--kind", "computer", NULL);
  g_assert_cmpint (item.status, ==, 0);
  ctl (&pat, db, "equipment", "check", "add", "Electrical safety test", "1y", "LC-0001", "--date", "2031-01-15",
       NULL);
  g_assert_cmpint (pat.status, ==, 0);
  g_assert_nonnull (strstr (pat.out, "Added check 1, first due 2031-01-15"));
  ctl (&clean, db, "equipment", "check", "add", "Clean", "6m", "--kind", "chair", "--date", "2031-02-01", NULL);
  g_assert_cmpint (clean.status, ==, 0);
  ctl (&fire, db, "equipment", "check", "add", "Fire extinguishers", "365d", "--date", "2031-01-01", NULL);
  g_assert_cmpint (fire.status, ==, 0);
  ctl (&bad_every, db, "equipment", "check", "add", "Dust", "3w", NULL);
  g_assert_cmpint (bad_every.status, ==, 1);
  g_assert_nonnull (strstr (bad_every.err, "Say how often"));
  ctl (&both, db, "equipment", "check", "add", "Dust", "3m", "LC-0001", "--kind", "chair", NULL);
  g_assert_cmpint (both.status, ==, 1);
  g_assert_nonnull (strstr (both.err, "not both"));

  /* Soonest due first. */
  ctl (&list, db, "equipment", "check", "list", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_true (strstr (list.out, "Fire extinguishers") < strstr (list.out, "Electrical safety test"));
  g_assert_true (strstr (list.out, "Electrical safety test") < strstr (list.out, "Clean"));
  g_assert_nonnull (strstr (list.out, "centre"));
  g_assert_nonnull (strstr (list.out, "never done"));

  ctl (&bad_result, db, "equipment", "check", "done", "1", "fine", NULL);
  g_assert_cmpint (bad_result.status, ==, 1);
  ctl (&no_check, db, "equipment", "check", "done", "9", "passed", NULL);
  g_assert_cmpint (no_check.status, ==, 1);
  g_assert_nonnull (strstr (no_check.err, "No check 9"));
  ctl (&done, db, "equipment", "check", "done", "1", "passed", "--note", "All sockets fine", NULL);
  g_assert_cmpint (done.status, ==, 0);
  g_assert_nonnull (strstr (done.out, "Electrical safety test passed; next due"));
  ctl (&after, db, "equipment", "check", "list", NULL);
  g_assert_nonnull (strstr (after.out, "passed by learnhubctl"));
  ctl (&history, db, "equipment", "history", "LC-0001", NULL);
  g_assert_nonnull (strstr (history.out, "checked"));
  g_assert_nonnull (strstr (history.out, "Electrical safety test: passed; All sockets fine"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ctl/equipment", test_equipment);
  g_test_add_func ("/ctl/faults", test_faults);
  g_test_add_func ("/ctl/fault-of-a-pc", test_fault_of_a_pc);
  g_test_add_func ("/ctl/equipment-checks", test_checks);

  return g_test_run ();
}
