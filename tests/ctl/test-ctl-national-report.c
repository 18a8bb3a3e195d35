/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl national-report, as the national committee's secretary
 * would run it on the sites' JSON files: three hand-written site reports
 * added up into a PDF, read back with pdftotext; a broken file named and
 * nothing written; the same as JSON and CSV. */
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ctl-run.h"

/* A site's requests for advice by topic (ESOL, maths, digital,
 * numeracy), -1 for one it suppressed, and its action plan. */
static char *
write_site (const char *dir, const char *site, int threshold, const gint64 *requests, gint64 total)
{
  const char *topics[] = { "esol", "maths", "digital", "numeracy" };
  const char *labels[] = { "Language (ESOL)", "Maths", "Digital skills", "Numeracy" };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s.json", site);
  char *path = g_build_filename (dir, name, NULL);

  g_string_append_printf (text,
                          "{\"format\": \"learnhub-site-report\", \"version\": 1, \"site\": \"%s\", \"sites\": 1,\n"
                          " \"timezone\": \"Europe/London\",\n"
                          " \"period\": {\"first_day\": \"2026-07-01\", \"last_day\": \"2026-09-30\"},\n"
                          " \"threshold\": %d, \"generated_at\": \"2026-10-02T09:14:00Z\", \"sections\": [\n"
                          " {\"id\": \"advice\", \"title\": \"Advice\", \"tables\": [\n"
                          "  {\"id\": \"requests-by-topic\", \"title\": \"Requests by topic\", \"unit\": \"count\",\n"
                          "   \"chart\": \"bars\", \"merge\": \"sum\", \"about_people\": true, \"rows\": [",
                          site, threshold);
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    g_string_append_printf (text, "%s{\"key\": \"%s\", \"label\": \"%s\"}", i > 0 ? ", " : "", topics[i], labels[i]);
  g_string_append (text, "],\n   \"columns\": [{\"key\": \"requests\", \"label\": \"Requests\"}],\n   \"cells\": [");
  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    if (requests[i] < 0)
      g_string_append_printf (text, "%s[{\"value\": null, \"suppressed\": true}]", i > 0 ? ", " : "");
    else
      g_string_append_printf (text, "%s[{\"value\": %" G_GINT64_FORMAT "}]", i > 0 ? ", " : "", requests[i]);
  g_string_append_printf (text, "],\n   \"column_totals\": [{\"value\": %" G_GINT64_FORMAT "}],"
                                " \"total\": {\"value\": %" G_GINT64_FORMAT "}}],\n"
                                " \"lists\": [{\"id\": \"action-plan\", \"title\": \"Action plan\",\n"
                                "  \"headings\": [\"Number\", \"Planned activity\"],\n"
                                "  \"rows\": [[\"1\", \"Plan of %s\"]]}]}]}\n",
                          total, total, site);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_contains (const char *text, const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("No \"%s\" in:\n%s", part, text);
}

typedef struct
{
  char *dir;
  char *sites[3];
  char *output;
} Fixture;

/* Northgate hid its small ESOL and maths counts; Southport, with a
 * threshold of 3, published a 3 for ESOL; Eastfield had no ESOL. */
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  (void) data;
  fixture->dir = g_dir_make_tmp ("learnhub-national-XXXXXX", NULL);
  fixture->sites[0] = write_site (fixture->dir, "Northgate", 5, (const gint64[]) { -1, -1, 30, 12 }, 48);
  fixture->sites[1] = write_site (fixture->dir, "Southport", 3, (const gint64[]) { 3, 7, 11, 40 }, 61);
  fixture->sites[2] = write_site (fixture->dir, "Eastfield", 5, (const gint64[]) { 0, 9, 25, 18 }, 52);
  fixture->output = g_build_filename (fixture->dir, "national.pdf", NULL);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  (void) data;
  g_unlink (fixture->output);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->sites); i++)
    {
      g_unlink (fixture->sites[i]);
      g_free (fixture->sites[i]);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->output);
  g_free (fixture->dir);
}

static void
test_three_sites_to_pdf (Fixture *fixture, gconstpointer data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_hidden_lines = 0;

  (void) data;
  ctl (&run, "unused.db", "national-report", "--format", "pdf", "--output", fixture->output, fixture->sites[0],
       fixture->sites[1], fixture->sites[2], NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_to_text (fixture->output);

  assert_contains (text, "National report");
  assert_contains (text, "The figures of 3 learning centres added up");
  assert_contains (text, "1 July 2026 to 30 September 2026");
  assert_contains (text, "Figures below 5 are not shown, nor any figure that would let one be worked out.");
  assert_contains (text, "Advice");
  assert_contains (text, "Requests by topic");
  assert_contains (text, "Not shown");
  /* Digital skills 30 + 11 + 25, numeracy 12 + 40 + 18, all of it. */
  assert_contains (text, "66");
  assert_contains (text, "70");
  assert_contains (text, "161");
  assert_contains (text, "Plan of Northgate");
  assert_contains (text, "Plan of Eastfield");
  /* ESOL's sum (3 and Northgate's hidden few) and maths' beside it. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Language (ESOL)") != NULL || strstr (lines[i], "Maths") != NULL)
      {
        n_hidden_lines++;
        if (strpbrk (lines[i], "0123456789") != NULL)
          g_error ("A figure beside a hidden one: \"%s\"", lines[i]);
      }
  /* Each in the chart and in the table. */
  g_assert_cmpuint (n_hidden_lines, ==, 4);
}

/* A file in another format: named, with what is wrong, and no PDF. */
static void
test_broken_site (Fixture *fixture, gconstpointer data)
{
  g_autofree char *broken = g_build_filename (fixture->dir, "Westbay.json", NULL);
  g_auto(Run) run = { 0 };

  (void) data;
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"learnhub-site-report\", \"version\": 1, \"site\": 7}", -1,
                                      NULL));
  ctl (&run, "unused.db", "national-report", "--format", "pdf", "--output", fixture->output, fixture->sites[0], broken,
       NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, broken);
  assert_contains (run.err, "report.site: should be a string");
  g_assert_false (g_file_test (fixture->output, G_FILE_TEST_EXISTS));
  g_unlink (broken);

  /* Not JSON at all. */
  g_clear_pointer (&run.err, g_free);
  g_clear_pointer (&run.out, g_free);
  g_assert_true (g_file_set_contents (broken, "site,requests\n", -1, NULL));
  ctl (&run, "unused.db", "national-report", "--format", "pdf", "--output", fixture->output, broken, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_contains (run.err, broken);
  g_assert_false (g_file_test (fixture->output, G_FILE_TEST_EXISTS));
  g_unlink (broken);
}

/* The national report as JSON: the standard site report's format, which
 * the reader takes back (a national report can be merged again), with
 * the hidden sums null beside "suppressed"; as CSV, "suppressed" where
 * they are. Without --output, the usage. */
static void
test_json_csv_and_usage (Fixture *fixture, gconstpointer data)
{
  g_autofree char *json_path = g_build_filename (fixture->dir, "national.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) json = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) usage = { 0 };
  JsonObject *root, *table;
  JsonArray *cells;

  (void) data;
  ctl (&json, "unused.db", "national-report", "--format", "json", "--output", json_path, fixture->sites[0],
       fixture->sites[1], fixture->sites[2], NULL);
  g_assert_cmpstr (json.err, ==, "");
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "learnhub-site-report");
  g_assert_cmpint (json_object_get_int_member (root, "sites"), ==, 3);
  table = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (root, "sections"), 0),
                                  "tables"), 0);
  cells = json_object_get_array_member (table, "cells");
  /* ESOL: Northgate hid its few; digital skills: 30 + 11 + 25. */
  g_assert_true (json_object_get_boolean_member (
    json_array_get_object_element (json_array_get_array_element (cells, 0), 0), "suppressed"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (
    json_array_get_object_element (json_array_get_array_element (cells, 0), 0), "value")));
  g_assert_cmpint (json_object_get_int_member (
    json_array_get_object_element (json_array_get_array_element (cells, 2), 0), "value"), ==, 66);

  /* What the writer wrote, the reader reads. */
  ctl (&again, "unused.db", "national-report", "--format", "pdf", "--output", fixture->output, json_path, NULL);
  g_assert_cmpstr (again.err, ==, "");
  g_assert_cmpint (again.status, ==, 0);
  g_unlink (json_path);

  ctl (&csv, "unused.db", "national-report", "--format", "csv", "--output", json_path, fixture->sites[0],
       fixture->sites[1], fixture->sites[2], NULL);
  g_assert_cmpint (csv.status, ==, 0);
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (json_path, &text, NULL, NULL));
    assert_contains (text, "Language (ESOL),suppressed");
    assert_contains (text, "Digital skills,66");
  }
  g_unlink (json_path);

  ctl (&usage, "unused.db", "national-report", "--format", "pdf", fixture->sites[0], NULL);
  g_assert_cmpint (usage.status, ==, 2);
  assert_contains (usage.err, "usage: learnhubctl national-report");
}

/* The demo's three site reports (data/demo/site-reports/), to try the
 * command on, add up into the national report. */
static void
test_demo_site_reports (void)
{
  const char *sites[] = { "northgate", "southport", "eastfield" };
  g_autofree char *dir = g_dir_make_tmp ("learnhub-national-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "national.pdf", NULL);
  char *paths[G_N_ELEMENTS (sites)] = { NULL };
  g_auto(Run) run = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.json", sites[i]);

      paths[i] = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", "site-reports", name, NULL);
    }
  ctl (&run, "unused.db", "national-report", "--format", "pdf", "--output", output, paths[0], paths[1], paths[2], NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_to_text (output);
  assert_contains (text, "The figures of 3 learning centres added up");
  assert_contains (text, "Centre usage");
  assert_contains (text, "Paid time off for learning");
  assert_contains (text, "Advice from ULRs");
  /* Every site's action plan, its name first (fields wrap in columns). */
  assert_contains (text, "Action plan");
  assert_contains (text, "Northgate");
  assert_contains (text, "Eastfield");
  assert_contains (text, "Quote received");
  /* About each site's PCs only: left out. */
  g_assert_null (strstr (text, "Time used, by PC"));
  g_assert_cmpint (g_unlink (output), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    g_free (paths[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ctl/national-report/three-sites-to-pdf", Fixture, NULL, fixture_set_up, test_three_sites_to_pdf,
              fixture_tear_down);
  g_test_add ("/ctl/national-report/broken-site", Fixture, NULL, fixture_set_up, test_broken_site, fixture_tear_down);
  g_test_add ("/ctl/national-report/json-csv-and-usage", Fixture, NULL, fixture_set_up, test_json_csv_and_usage,
              fixture_tear_down);
  g_test_add_func ("/ctl/national-report/demo-site-reports", test_demo_site_reports);
  return g_test_run ();
}
