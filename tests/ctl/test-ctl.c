/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl as an admin runs it: exit codes, what it prints, and what it
 * may do beside a running learnhubd. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ctl-run.h"
#include "lh-test-daemon.h"
#include "lh-test-clock.h"

static void
test_init_and_import (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_autofree char *good = g_strconcat (db, ".good.csv", NULL);
  g_autofree char *bad = g_strconcat (db, ".bad.csv", NULL);
  g_auto(Run) init = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) skipped = { 0 };
  g_auto(Run) imported = { 0 };

  ctl (&init, db, "init", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_nonnull (strstr (init.out, "is ready (schema version "));

  g_assert_true (g_file_set_contents (bad, "staff_number,name,hours_per_week,roles\n"
                                           "1,Ann,37.5,learner\n2,Bob,many,learner\n", -1, NULL));
  ctl (&refused, db, "import-staff", bad, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "line 3: hours_per_week"));
  g_assert_nonnull (strstr (refused.err, "nothing was imported"));

  ctl (&skipped, db, "import-staff", bad, "--skip-bad-rows", NULL);
  g_assert_cmpint (skipped.status, ==, 0);
  g_assert_nonnull (strstr (skipped.out, "Added 1, updated 0, skipped 1"));

  g_assert_true (g_file_set_contents (good, "staff_number,name,hours_per_week,roles\n"
                                            "1,Ann Lee,30,learner\n3,Cy,20,learner;ulr\n", -1, NULL));
  ctl (&imported, db, "import-staff", good, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "Added 1, updated 1"));

  {
    /* The time-off columns: a bad cell names its line and column. */
    g_autofree char *time_off = g_strconcat (db, ".time-off.csv", NULL);
    g_auto(Run) bad_days = { 0 };
    g_auto(Run) good_days = { 0 };

    g_assert_true (g_file_set_contents (time_off, "staff_number,name,hours_per_week,roles,days_per_week,apprentice,esol\n"
                                                  "4,Di,30,learner,4,yes,no\n5,Ed,30,learner,9,no,no\n", -1, NULL));
    ctl (&bad_days, db, "import-staff", time_off, NULL);
    g_assert_cmpint (bad_days.status, ==, 1);
    g_assert_nonnull (strstr (bad_days.err, "line 3: days_per_week “9” is not a number of days"));
    ctl (&good_days, db, "import-staff", time_off, "--skip-bad-rows", NULL);
    g_assert_cmpint (good_days.status, ==, 0);
    g_assert_nonnull (strstr (good_days.out, "Added 1, updated 0, skipped 1"));
    g_remove (time_off);
  }
}

static void
test_device_resource_pin (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_autofree char *csv = g_strconcat (db, ".csv", NULL);
  g_auto(Run) device = { 0 };
  g_auto(Run) twice = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) resource = { 0 };
  g_auto(Run) bad_hours = { 0 };
  g_auto(Run) imported = { 0 };
  g_auto(Run) pin = { 0 };
  g_auto(Run) usage = { 0 };

  ctl (&device, db, "device", "add", "Kiosk 1", NULL);
  g_assert_cmpint (device.status, ==, 0);
  /* Only the token on stdout, so scripts can take it. */
  g_assert_cmpuint (strlen (g_strstrip (device.out)), ==, 43);
  ctl (&twice, db, "device", "add", "Kiosk 1", NULL);
  g_assert_cmpint (twice.status, ==, 1);
  g_assert_nonnull (strstr (twice.err, "already exists"));
  ctl (&list, db, "device", "list", NULL);
  g_assert_nonnull (strstr (list.out, "Kiosk 1"));
  g_assert_null (strstr (list.out, device.out));

  ctl (&resource, db, "resource", "add", "PC 1", "--kind", "pc", "--hours", "Mon-Fri 08:00-20:00; Sat 09:00-13:00", NULL);
  g_assert_cmpint (resource.status, ==, 0);
  {
    /* A PC's own kiosk; a PC that does not exist registers nothing. */
    g_auto(Run) pc_kiosk = { 0 };
    g_auto(Run) no_pc = { 0 };
    g_auto(Run) after = { 0 };

    ctl (&pc_kiosk, db, "device", "add", "PC 1 kiosk", "--pc", "PC 1", NULL);
    g_assert_cmpint (pc_kiosk.status, ==, 0);
    ctl (&no_pc, db, "device", "add", "PC 9 kiosk", "--pc", "PC 9", NULL);
    g_assert_cmpint (no_pc.status, ==, 1);
    ctl (&after, db, "device", "list", NULL);
    g_assert_null (strstr (after.out, "PC 9 kiosk"));
  }
  ctl (&bad_hours, db, "resource", "add", "PC 2", "--hours", "weekdays 8 till late", NULL);
  g_assert_cmpint (bad_hours.status, ==, 1);
  g_assert_nonnull (strstr (bad_hours.err, "is not opening hours"));
  {
    /* Overlapping hours leave no half-made resource behind. */
    g_auto(Run) overlap = { 0 };
    g_auto(Run) retry = { 0 };

    ctl (&overlap, db, "resource", "add", "PC 3", "--hours", "Mon 08:00-12:00; Mon 10:00-14:00", NULL);
    g_assert_cmpint (overlap.status, ==, 1);
    ctl (&retry, db, "resource", "add", "PC 3", "--hours", "Mon 08:00-14:00", NULL);
    g_assert_cmpint (retry.status, ==, 0);
  }

  g_assert_true (g_file_set_contents (csv, "staff_number,name,hours_per_week,roles\n7,Al,10,learner\n", -1, NULL));
  ctl (&imported, db, "import-staff", csv, NULL);
  ctl (&pin, db, "pin-set", "7", NULL);
  g_assert_cmpint (pin.status, ==, 0);
  g_assert_true (g_regex_match_simple ("New PIN for 7 \\(Al\\): [0-9]{6}", pin.out, 0, 0));

  ctl (&usage, db, "fly", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

static void
test_rules_and_closures (void)
{
  g_autofree char *db = temp_path ("centre.db");
  g_auto(Run) set = { 0 };
  g_auto(Run) later = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) closure = { 0 };
  g_auto(Run) bad_date = { 0 };
  g_auto(Run) list = { 0 };

  ctl (&set, db, "rules", "set", "--day-minutes", "180", "--week-bookings", "4", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_nonnull (strstr (set.out, "3 hours"));
  ctl (&later, db, "rules", "set", "--from", "2099-01-05", "--max-minutes", "60", NULL);
  g_assert_cmpint (later.status, ==, 0);
  /* What is not given carries over from the version before. */
  g_assert_nonnull (strstr (later.out, "15 to 60 minutes"));
  g_assert_nonnull (strstr (later.out, "3 hours, 0 booking(s)"));
  g_assert_nonnull (strstr (later.out, "no limit, 4 booking(s)"));
  /* One version per moment. */
  ctl (&again, db, "rules", "set", "--from", "2099-01-05", "--max-minutes", "90", NULL);
  g_assert_cmpint (again.status, ==, 1);
  ctl (&show, db, "rules", "show", NULL);
  g_assert_nonnull (strstr (show.out, "Coming:"));

  ctl (&closure, db, "closure", "add", "2099-12-25", "Christmas Day", NULL);
  g_assert_cmpint (closure.status, ==, 0);
  ctl (&bad_date, db, "closure", "add", "25/12/2099", "Christmas Day", NULL);
  g_assert_cmpint (bad_date.status, ==, 2);
  ctl (&list, db, "closure", "list", NULL);
  g_assert_nonnull (strstr (list.out, "2099-12-25  Christmas Day"));
}

static void
test_demo_json (void)
{
  g_autofree char *db = temp_path ("demo.db");
  g_auto(Run) demo = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *accounts;

  ctl (&demo, db, "demo", "--json", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  json_parser_load_from_data (parser, demo.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (strlen (json_object_get_string_member (root, "device_token")), ==, 43);
  accounts = json_object_get_array_member (root, "accounts");
  g_assert_cmpuint (json_array_get_length (accounts), ==, 42);
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      g_assert_true (json_object_has_member (account, "staff_number"));
      g_assert_true (json_object_has_member (account, "pin"));
      g_assert_true (json_object_has_member (account, "roles"));
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "pc_kiosks")), ==, 8);
  ctl (&again, db, "demo", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already has"));
}

/* demo --years takes a whole number of years from 1 to 10; anything
 * else is refused, in plain words, before anything is written. */
static void
test_demo_bad_years (void)
{
  static const char * const bad[] = { "0", "11", "-1", "2.5", "two", "", "3x", "99999999999999999999" };
  g_autofree char *db = temp_path ("demo.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;
  g_auto(Run) init = { 0 };
  g_auto(Run) resources = { 0 };

  ctl (&init, db, "init", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_true (g_file_get_contents (db, &before, &before_length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *option = g_strconcat ("--years=", bad[i], NULL);
      g_auto(Run) refused = { 0 };

      ctl (&refused, db, "demo", option, NULL);
      g_assert_cmpint (refused.status, ==, 2);
      g_assert_nonnull (strstr (refused.err, "--years takes a whole number from 1 to 10"));
      g_assert_cmpstr (refused.out, ==, "");
    }
  g_assert_true (g_file_get_contents (db, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  ctl (&resources, db, "resource", "list", NULL);
  g_assert_cmpint (resources.status, ==, 0);
  g_assert_cmpstr (resources.out, ==, "");
}

/* "YYYY-MM-DD HH:MM" on the first given weekday (1 Monday) three weeks
 * or more ahead, within the booking horizon and clear of the demo's bank
 * holidays. */
static char *
weekday_ahead (int weekday, const char *hhmm)
{
  g_autoptr(GDateTime) now = lh_test_clock_now_in (NULL);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, 21);

  while (g_date_time_get_day_of_week (day) != weekday ||
         (g_date_time_get_month (day) == 12 && g_date_time_get_day_of_month (day) >= 24) ||
         (g_date_time_get_month (day) == 1 && g_date_time_get_day_of_month (day) == 1))
    {
      GDateTime *next = g_date_time_add_days (day, 1);
      g_date_time_unref (day);
      day = next;
    }
  return g_strdup_printf ("%04d-%02d-%02d %s", g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), hhmm);
}

/* The timetable a ULR or admin sets up: a weekly group in the room, and
 * assessment slots with a named ULR (never with someone who is not). */
static void
test_groups_and_assessments (void)
{
  g_autofree char *db = temp_path ("timetable.db");
  g_auto(Run) demo = { 0 };
  g_auto(Run) group = { 0 };
  g_auto(Run) groups = { 0 };
  g_auto(Run) clash = { 0 };
  g_auto(Run) slot = { 0 };
  g_auto(Run) not_ulr = { 0 };
  g_auto(Run) bad_start = { 0 };
  g_auto(Run) slots = { 0 };
  g_autofree char *group_start = weekday_ahead (3, "10:00");
  g_autofree char *clash_start = weekday_ahead (3, "10:30");
  g_autofree char *slot_start = weekday_ahead (2, "15:00");

  ctl (&demo, db, "demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  ctl (&group, db, "group", "add", "--leader", "100003", "--room", "Group room", "--title", "English for work",
       "--start", group_start, "--minutes", "90", "--capacity", "6", NULL);
  g_assert_cmpint (group.status, ==, 0);
  g_assert_nonnull (strstr (group.out, "“English for work” in Group room"));
  ctl (&clash, db, "group", "add", "--leader", "100003", "--room", "Group room", "--title", "Clash",
       "--start", clash_start, "--minutes", "30", "--capacity", "6", NULL);
  g_assert_cmpint (clash.status, ==, 1);
  ctl (&groups, db, "group", "list", NULL);
  g_assert_cmpint (groups.status, ==, 0);

  ctl (&slot, db, "assessment", "add", "--assessor", "100004", "--subject", "esol",
       "--start", slot_start, "--minutes", "45", "--place", "Quiet room", NULL);
  g_assert_cmpint (slot.status, ==, 0);
  g_assert_nonnull (strstr (slot.out, "Assessment slot (esol) with"));
  ctl (&not_ulr, db, "assessment", "add", "--assessor", "100001", "--subject", "maths",
       "--start", slot_start, "--minutes", "45", NULL);
  g_assert_cmpint (not_ulr.status, ==, 1);
  g_assert_nonnull (strstr (not_ulr.err, "cannot be the assessor"));
  ctl (&bad_start, db, "assessment", "add", "--assessor", "100004", "--subject", "maths",
       "--start", "tomorrow", "--minutes", "45", NULL);
  g_assert_cmpint (bad_start.status, ==, 2);
  ctl (&slots, db, "assessment", "list", NULL);
  g_assert_cmpint (slots.status, ==, 0);
  g_assert_nonnull (strstr (slots.out, "esol"));
}

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_strstr_len (contents, (gssize) length, needle) != NULL;
}

/* Drop-ins and appointment slots set up ahead; and nothing an admin can
 * run shows what a learner told a ULR, nor does the database file. */
static void
test_advice_timetable_and_privacy (void)
{
  g_autofree char *db = temp_path ("advice.db");
  g_autofree char *beside = g_strconcat (db, ".key", NULL);
  g_autofree char *key = g_build_filename (g_get_user_config_dir (), "learnhub", "notes.key", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *start = weekday_ahead (5, "12:00");
  /* Said in the demo's record of the first learner, and sealed. */
  const char *secrets[] = { "write better emails", "Keen and practical", "Confident speaker",
                            "Functional Skills English" };
  const char *listings[][2] = { { "dropin", "list" }, { "advice-slot", "list" }, { "assessment", "list" },
                                { "group", "list" }, { "device", "list" }, { "resource", "list" },
                                { "rules", "show" }, { "closure", "list" } };
  g_auto(Run) demo = { 0 };
  g_auto(Run) dropin = { 0 };
  g_auto(Run) not_ulr = { 0 };
  g_auto(Run) slot = { 0 };
  g_auto(Run) usage = { 0 };
  GStatBuf st;

  ctl (&demo, db, "demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  /* The notes key is apart from the database, out of its backups. */
  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (key, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  ctl (&dropin, db, "dropin", "add", "--ulr", "100003", "--ulr", "100004", "--place", "Canteen",
       "--start", start, "--minutes", "60", "--weeks", "3", NULL);
  g_assert_cmpint (dropin.status, ==, 0);
  g_assert_nonnull (strstr (dropin.out, "Drop-in at Canteen"));
  g_assert_nonnull (strstr (dropin.out, "with 2 ULRs"));
  ctl (&not_ulr, db, "dropin", "add", "--ulr", "100001", "--place", "Canteen", "--start", start,
       "--minutes", "60", NULL);
  g_assert_cmpint (not_ulr.status, ==, 1);
  g_assert_nonnull (strstr (not_ulr.err, "cannot be the ULR"));
  ctl (&slot, db, "advice-slot", "add", "--ulr", "100004", "--start", start, "--minutes", "30", NULL);
  /* Tomasz is at the canteen drop-in then, but a slot is his own diary:
   * only his other slots clash. */
  g_assert_cmpint (slot.status, ==, 0);
  ctl (&usage, db, "dropin", "add", "--place", "Canteen", NULL);
  g_assert_cmpint (usage.status, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (listings); i++)
    {
      g_auto(Run) run = { 0 };

      ctl (&run, db, listings[i][0], listings[i][1], NULL);
      g_assert_cmpint (run.status, ==, 0);
      for (guint j = 0; j < G_N_ELEMENTS (secrets); j++)
        {
          g_assert_null (strstr (run.out, secrets[j]));
          g_assert_null (strstr (run.err, secrets[j]));
        }
      if (g_str_equal (listings[i][0], "dropin"))
        g_assert_nonnull (strstr (run.out, "Canteen"));
    }
  for (guint j = 0; j < G_N_ELEMENTS (secrets); j++)
    {
      g_assert_false (file_contains (db, secrets[j]));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS) && file_contains (wal, secrets[j]));
    }
}

/* The demo runs on its example agreement; a review is imported from a
 * file as a version from its date, and a file with a wrong term changes
 * nothing. */
static void
test_terms (void)
{
  g_autofree char *db = temp_path ("terms.db");
  g_autofree char *review = g_strconcat (db, ".review.conf", NULL);
  g_autofree char *typo = g_strconcat (db, ".typo.conf", NULL);
  g_autoptr(GDateTime) now = lh_test_clock_now_in (NULL);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 40);
  g_autofree char *from = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *text = g_strdup_printf ("[agreement]\nname=Reviewed agreement\nin-force-from=%s\n"
                                           "[time-off]\npaid-learning-hours=75\n", from);
  g_auto(Run) demo = { 0 };
  g_auto(Run) shown = { 0 };
  g_auto(Run) imported = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) ahead = { 0 };
  g_auto(Run) usage = { 0 };

  ctl (&demo, db, "demo", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  ctl (&shown, db, "terms", "show", NULL);
  g_assert_cmpint (shown.status, ==, 0);
  g_assert_nonnull (strstr (shown.out, "Riverside Depot Learning Agreement 2026, in force from 2026-04-01"));
  g_assert_nonnull (strstr (shown.out, "52 hours 30 minutes a year"));

  g_assert_true (g_file_set_contents (typo, "[agreement]\nname=T\nin-force-from=2030-01-01\n[ulr]\nfacilty=5\n", -1,
                                      NULL));
  ctl (&refused, db, "terms", "import", typo, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "[ulr] facilty is not one of the terms"));

  g_assert_true (g_file_set_contents (review, text, -1, NULL));
  ctl (&imported, db, "terms", "import", review, NULL);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "“Reviewed agreement” in force from"));
  ctl (&again, db, "terms", "show", NULL);
  g_assert_nonnull (strstr (again.out, "Riverside Depot"));
  g_assert_nonnull (strstr (again.out, "Versions:"));
  ctl (&ahead, db, "terms", "show", "--at", from, NULL);
  g_assert_cmpint (ahead.status, ==, 0);
  g_assert_nonnull (strstr (ahead.out, "Reviewed agreement, in force from"));
  g_assert_nonnull (strstr (ahead.out, "75 hours a year"));
  ctl (&usage, db, "terms", NULL);
  g_assert_cmpint (usage.status, ==, 2);
  g_remove (review);
  g_remove (typo);
}

/* The database's schema version, read as a backup tool would. */
static int
schema_version (const char *db)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return version;
}

static void
set_schema_version (const char *db, int version)
{
  sqlite3 *handle = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (handle, 5000);
  g_assert_cmpint (sqlite3_exec (handle, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* Beside a running learnhubd, the everyday commands work; what would
 * rebuild the database (a demo, an upgrade) is refused in plain words and
 * changes nothing. */
static void
test_beside_a_running_centre (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_auto(Run) device = { 0 };
  g_auto(Run) init = { 0 };
  g_auto(Run) demo = { 0 };
  g_auto(Run) before = { 0 };
  g_auto(Run) after = { 0 };
  g_auto(Run) upgrade = { 0 };
  g_auto(Run) add = { 0 };
  int latest;

  ctl (&device, daemon->db_path, "device", "add", "Desk 2", NULL);
  g_assert_cmpint (device.status, ==, 0);
  g_assert_cmpuint (strlen (g_strstrip (device.out)), ==, 43);
  ctl (&init, daemon->db_path, "init", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_nonnull (strstr (init.out, "learnhubd is running on it"));

  ctl (&before, daemon->db_path, "device", "list", NULL);
  ctl (&demo, daemon->db_path, "demo", NULL);
  g_assert_cmpint (demo.status, ==, 1);
  g_assert_nonnull (strstr (demo.err, "learnhubd is running on"));
  g_assert_nonnull (strstr (demo.err, "Nothing was changed"));
  ctl (&after, daemon->db_path, "device", "list", NULL);
  g_assert_cmpstr (before.out, ==, after.out);

  /* As if the running learnhubd were an older version: this learnhubctl
   * would have to upgrade the database under it. */
  latest = schema_version (daemon->db_path);
  set_schema_version (daemon->db_path, latest - 1);
  ctl (&upgrade, daemon->db_path, "init", NULL);
  g_assert_cmpint (upgrade.status, ==, 1);
  g_assert_nonnull (strstr (upgrade.err, "runs an older version of learnhub"));
  g_assert_nonnull (strstr (upgrade.err, "Restart learnhubd first"));
  ctl (&add, daemon->db_path, "device", "add", "Desk 3", NULL);
  g_assert_cmpint (add.status, ==, 1);
  g_assert_cmpint (schema_version (daemon->db_path), ==, latest - 1);
  set_schema_version (daemon->db_path, latest);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/init-and-import", test_init_and_import);
  g_test_add_func ("/ctl/device-resource-pin", test_device_resource_pin);
  g_test_add_func ("/ctl/rules-and-closures", test_rules_and_closures);
  g_test_add_func ("/ctl/demo-json", test_demo_json);
  g_test_add_func ("/ctl/demo-bad-years", test_demo_bad_years);
  g_test_add_func ("/ctl/groups-and-assessments", test_groups_and_assessments);
  g_test_add_func ("/ctl/advice-timetable-and-privacy", test_advice_timetable_and_privacy);
  g_test_add_func ("/ctl/terms", test_terms);
  g_test_add_func ("/ctl/beside-a-running-centre", test_beside_a_running_centre);
  return g_test_run ();
}
