/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl report as a committee member runs it: the site report of a
 * week as JSON into a file or as CSV, suppressed as the API's, and
 * wrong periods and formats refused with nothing written. The centre is
 * made with the core library (five learners an hour each in the week
 * before the tests' clock, and one no-show), then closed. */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "../core/sittings-fixture.h"
#include "ctl-run.h"
#include "lh-note-key.h"
#include "lh-test-clock.h"

/* Monday 4 January 2027, 00:00 in London (UTC in winter): the week
 * before the tests' clock. */
#define MONDAY 1799020800
#define HOUR   3600
#define DAY    (24 * HOUR)

/* The configuration beside db whose [daemon] notes-key is the centre's
 * key, made here as learnhubd would: the report opens advice and
 * equality answers with it. */
static char *
config_of (const char *db)
{
  g_autofree char *dir = g_path_get_dirname (db);
  return g_build_filename (dir, "learnhub.conf", NULL);
}

static char *
centre_new (void)
{
  char *db = temp_path ("report.db");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *key_path = g_build_filename (dir, "notes.key", NULL);
  g_autofree char *config = config_of (db);
  g_autofree char *config_text = g_strdup_printf ("[daemon]\nnotes-key=%s\n", key_path);
  g_autoptr(LhNoteKey) key = NULL;
  g_autoptr(LhStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pc, no_show[4];

  key = lh_note_key_open (key_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (config, config_text, -1, NULL));
  store = lh_store_open (db, &error);
  g_assert_no_error (error);
  pc = sittings_add_pc (store, "PC 1", MONDAY - 30 * DAY);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *staff = g_strdup_printf ("20000%d", i);
      gint64 person = lh_test_add_person (store, staff, "Learner", LH_ROLE_LEARNER, MONDAY - 30 * DAY);

      sittings_add (store, person, pc, MONDAY + i * DAY + 10 * HOUR, MONDAY + i * DAY + 11 * HOUR, FALSE);
      no_show[1] = person;
    }
  /* One learner's booking, released: one person, so suppressed. */
  no_show[0] = pc;
  no_show[2] = MONDAY + 14 * HOUR;
  sittings_exec (store, "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at, status, "
                        "cancelled_at, released_at) VALUES (?1, ?2, ?3, ?3 + 3600, ?3 - 86400, 'cancelled', "
                        "?3 + 900, ?3 + 900)", no_show, 3);
  return db;
}

static JsonObject *
usage_table (JsonObject *root, const char *id)
{
  JsonArray *sections = json_object_get_array_member (root, "sections");
  JsonArray *tables = json_object_get_array_member (json_array_get_object_element (sections, 0), "tables");

  for (guint t = 0; t < json_array_get_length (tables); t++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (tables, t), "id"), id))
      return json_array_get_object_element (tables, t);
  g_assert_not_reached ();
}

static JsonObject *
first_cell (JsonObject *table)
{
  return json_array_get_object_element (
    json_array_get_array_element (json_object_get_array_member (table, "cells"), 0), 0);
}

static void
test_json (void)
{
  g_autofree char *db = centre_new ();
  g_autofree char *config = config_of (db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *output = g_build_filename (dir, "site.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *root, *period, *no_shows;

  ctl (&run, db, "--config", config, "report", "--from", "2027-01-04", "--to", "2027-01-10", "--format", "json", "--output", output,
       NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (json_parser_load_from_file (parser, output, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  period = json_object_get_object_member (root, "period");
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "learnhub-site-report");
  g_assert_cmpstr (json_object_get_string_member (period, "first_day"), ==, "2027-01-04");
  g_assert_cmpstr (json_object_get_string_member (period, "last_day"), ==, "2027-01-10");
  /* Five learners, an hour each: shown. */
  g_assert_cmpint (json_object_get_int_member (first_cell (usage_table (root, "minutes-by-week")), "value"), ==, 300);
  g_assert_cmpint (json_object_get_int_member (first_cell (usage_table (root, "learners-by-week")), "value"), ==, 5);
  /* One learner's no-show: null and marked. */
  no_shows = first_cell (usage_table (root, "no-shows"));
  g_assert_true (json_object_get_boolean_member (no_shows, "suppressed"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (no_shows, "value")));
}

static void
test_csv (void)
{
  g_autofree char *db = centre_new ();
  g_autofree char *config = config_of (db);
  g_auto(Run) run = { 0 };

  ctl (&run, db, "--config", config, "report", "--from", "2027-01-04", "--to", "2027-01-10", "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.out);
  g_assert_true (g_str_has_prefix (run.out, "Centre usage,Time used a week (minutes)\n"
                                            ",All PCs\n"
                                            "Week of 4 January,300\n"
                                            "Total,300\n"
                                            "\n"
                                            "Centre usage,\"Time used, by PC (minutes)\"\n"));
  g_assert_nonnull (strstr (run.out, "Centre usage,Bookings nobody came for\n,No-shows\n"
                                     "Week of 4 January,suppressed\nTotal,suppressed\n"));
  /* A title with a comma is quoted. */
  g_assert_nonnull (strstr (run.out, "\nCentre usage,\"Sittings, booked and walk-up\"\n,Booked,Walk-up,Total\n"
                                     "All sittings,5,0,5\n"));
}

static void
test_refused (void)
{
  g_autofree char *db = centre_new ();
  g_autofree char *config = config_of (db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *output = g_build_filename (dir, "never.json", NULL);
  const struct { const char *from; const char *to; const char *format; int status; const char *says; } cases[] = {
    { "2027-01-10", "2027-01-04", "json", 1, "The period ends before it begins" },
    { "2020-01-01", "2027-01-08", "json", 1, "A report covers 5 years and a day at most" },
    { "2027-01-32", "2027-02-05", "json", 1, "--from 2027-01-32: A date looks like" },
    { "2027-01-04", "2027-01-10", "xml", 2, "usage: learnhubctl report" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      ctl (&run, db, "--config", config, "report", "--from", cases[i].from, "--to", cases[i].to, "--format", cases[i].format,
           "--output", output, NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[i].says));
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }
}

/* The PDF the committee tables: its cover and sections, read back; a PDF
 * only into a file. */
static void
test_pdf (void)
{
  g_autofree char *db = centre_new ();
  g_autofree char *config = config_of (db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *output = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) no_output = { 0 };

  ctl (&run, db, "--config", config, "report", "--from", "2027-01-04", "--to", "2027-01-10", "--format", "pdf",
       "--output", output, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_to_text (output);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "4 January 2027 to 10 January 2027"));
  g_assert_nonnull (strstr (text, "Centre usage"));
  g_assert_nonnull (strstr (text, "Time used a week (hours)"));
  /* The week's 300 minutes, in hours. */
  g_assert_nonnull (strstr (text, "5.0"));
  g_assert_null (strstr (text, "300"));
  g_assert_nonnull (strstr (text, "Paid time off"));
  g_assert_nonnull (strstr (text, "Not shown"));
  g_unlink (output);

  ctl (&no_output, db, "--config", config, "report", "--from", "2027-01-04", "--to", "2027-01-10", "--format", "pdf",
       NULL);
  g_assert_cmpint (no_output.status, ==, 1);
  g_assert_nonnull (strstr (no_output.err, "--format pdf needs --output"));
  g_assert_cmpstr (no_output.out, ==, "");
}

/* Without the centre's notes key the report cannot count advice or
 * match equality answers: refused, saying so, and nothing written. */
static void
test_no_key (void)
{
  g_autofree char *db = centre_new ();
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *output = g_build_filename (dir, "never.json", NULL);
  g_autofree char *config = g_build_filename (dir, "other.conf", NULL);
  g_autofree char *text = g_strdup_printf ("[daemon]\nnotes-key=%s/none.key\n", dir);
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (config, text, -1, NULL));
  ctl (&run, db, "--config", config, "report", "--from", "2027-01-04", "--to", "2027-01-10", "--format", "json",
       "--output", output, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "Notes key"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ctl/report/json", test_json);
  g_test_add_func ("/ctl/report/csv", test_csv);
  g_test_add_func ("/ctl/report/pdf", test_pdf);
  g_test_add_func ("/ctl/report/refused", test_refused);
  g_test_add_func ("/ctl/report/no-key", test_no_key);
  return g_test_run ();
}
