/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's PDF, read back as text with pdftotext as a reader would
 * copy it out: the cover, each section's headings and tables, the action
 * plan, page numbers, and never a suppressed figure. LH_TEST_KEEP_PDF=1
 * keeps the PDF to look at. */
#include <string.h>

#include <glib/gstdio.h>

#include "lh-report-pdf.h"

static LhReportTable *
list_table (const char *id, const char *title, LhReportChart chart, const char * const *labels, const gint64 *counts)
{
  guint n = g_strv_length ((char **) labels);
  LhReportTable *table = lh_report_table_new (id, title, LH_REPORT_UNIT_COUNT, chart, n, 1, LH_TOTALS_COLUMNS);

  for (guint r = 0; r < n; r++)
    {
      g_autofree char *key = g_ascii_strdown (labels[r], -1);

      lh_report_table_add_row (table, key, labels[r]);
      lh_count_table_set (table->counts, r, 0, counts[r]);
    }
  lh_report_table_add_column (table, "requests", "Requests");
  return table;
}

/* Advice by topic: 2 asked about ESOL, hidden, and 777 about maths,
 * hidden beside it so the total does not give the 2 away. */
static LhReport *
hand_made_report (void)
{
  const char *topics[] = { "Language (ESOL)", "Maths", "Digital skills", "Numeracy", NULL };
  const char *headings[] = { "Number", "Planned activity", "By whom", NULL };
  const char *plan_row[] = { "1", "Run two ESOL taster sessions", "Learning organiser", NULL };
  LhReport *report = lh_report_new ("Northgate Depot Learning Centre", "Europe/London", "2026-07-01", "2026-09-30", 5,
                                    1790932440 /* 2 October 2026 */);
  LhReportSection *usage = lh_report_section_new ("usage", "Centre usage");
  LhReportSection *advice = lh_report_section_new ("advice", "Advice");
  LhReportSection *committee = lh_report_section_new ("committee", "The committee");
  LhReportTable *weeks = lh_report_table_new ("learners-by-week", "Learners a week", LH_REPORT_UNIT_PEOPLE,
                                              LH_REPORT_CHART_LINES, 3, 2, LH_TOTALS_NONE);
  LhReportTable *heat = lh_report_table_new ("sittings-by-hour", "Sittings by weekday and hour", LH_REPORT_UNIT_COUNT,
                                             LH_REPORT_CHART_HEAT, 2, 3, LH_TOTALS_NONE);
  LhReportTable *long_list;
  LhReportList *plan = lh_report_list_new ("action-plan", "Action plan", headings);
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autofree gint64 *many_counts = g_new (gint64, 20);
  const gint64 week_counts[] = { 12, 3, 20, 9, 15, 11 };
  const gint64 heat_counts[] = { 30, 1, 24, 18, 22, 40 };

  lh_report_table_add_row (weeks, "2026-06-29", "29 June");
  lh_report_table_add_row (weeks, "2026-07-06", "6 July");
  lh_report_table_add_row (weeks, "2026-07-13", "13 July");
  lh_report_table_add_column (weeks, "pc", "PCs");
  lh_report_table_add_column (weeks, "room", "Rooms");
  for (guint i = 0; i < 6; i++)
    lh_count_table_set (weeks->counts, i / 2, i % 2, week_counts[i]);
  lh_report_table_add_row (heat, "1", "Monday");
  lh_report_table_add_row (heat, "2", "Tuesday");
  lh_report_table_add_column (heat, "09", "9:00");
  lh_report_table_add_column (heat, "10", "10:00");
  lh_report_table_add_column (heat, "11", "11:00");
  for (guint i = 0; i < 6; i++)
    lh_count_table_set (heat->counts, i / 3, i % 3, heat_counts[i]);
  lh_report_section_add_table (usage, weeks);
  lh_report_section_add_table (usage, heat);

  lh_report_section_add_table (advice, list_table ("requests-by-topic", "Requests by topic", LH_REPORT_CHART_BARS,
                                                   topics, (const gint64[]) { 2, 777, 1500, 0 }));
  /* Twenty rows: shortened to the total. */
  for (guint i = 0; i < 20; i++)
    {
      g_ptr_array_add (many, g_strdup_printf ("Department %c", 'A' + i));
      many_counts[i] = 50 + i;
    }
  g_ptr_array_add (many, NULL);
  long_list = list_table ("requests-by-department", "Requests by department", LH_REPORT_CHART_NONE,
                          (const char * const *) many->pdata, many_counts);
  lh_report_section_add_table (advice, long_list);

  lh_report_list_add_row (plan, plan_row);
  lh_report_section_add_list (committee, plan);
  lh_report_add_section (report, usage);
  lh_report_add_section (report, advice);
  lh_report_add_section (report, committee);
  lh_report_suppress (report);
  return report;
}

static char *
pdf_to_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
assert_contains (const char *text, const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("The PDF's text has no \"%s\":\n%s", part, text);
}

static void
test_pdf_text (void)
{
  g_autoptr(LhReport) report = hand_made_report ();
  g_autofree char *dir = g_dir_make_tmp ("learnhub-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint esol_lines = 0;

  g_assert_true (lh_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  text = pdf_to_text (path);

  assert_contains (text, "Northgate Depot Learning Centre");
  assert_contains (text, "1 July 2026 to 30 September 2026");
  assert_contains (text, "Made on 2 October 2026");
  assert_contains (text, "Figures below 5 are not shown, nor any figure that would let one be worked out.");
  assert_contains (text, "Centre usage");
  assert_contains (text, "Learners a week");
  assert_contains (text, "Sittings by weekday and hour");
  assert_contains (text, "Advice");
  assert_contains (text, "Requests by topic");
  assert_contains (text, "Not shown");
  assert_contains (text, "2279");
  assert_contains (text, "1500");
  assert_contains (text, "Requests by department");
  assert_contains (text, "only its totals are here");
  assert_contains (text, "1190");
  assert_contains (text, "Action plan");
  assert_contains (text, "Run two ESOL taster sessions");
  assert_contains (text, "Learning organiser");
  assert_contains (text, "Page 1");
  assert_contains (text, "Page 4");

  /* The hidden figures: 777 nowhere, and no figure beside ESOL's label
   * (its 2), in the chart or the table. */
  g_assert_null (strstr (text, "777"));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Language (ESOL)") != NULL)
      {
        esol_lines++;
        if (strpbrk (lines[i], "0123456789") != NULL)
          g_error ("A figure beside ESOL: \"%s\"", lines[i]);
      }
  g_assert_cmpuint (esol_lines, >=, 2);
  /* A department is not listed: the table is cut down to its total. */
  g_assert_null (strstr (text, "Department C"));

  if (g_getenv ("LH_TEST_KEEP_PDF") == NULL)
    g_assert_cmpint (g_unlink (path), ==, 0);
  else
    g_test_message ("Kept %s", path);
  if (g_getenv ("LH_TEST_KEEP_PDF") == NULL)
    g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Tables of fourteen rows under their charts: each kept whole on one
 * page, its title, chart, rows and total together. Times are in hours. */
static void
test_pdf_tables_kept_whole (void)
{
  const char *rows[] = { "A1", "B2", "C3", "D4", "E5", "F6", "G7", "H8", "I9", "J10", "K11", "L12", "M13", "N14",
                         NULL };
  gint64 counts[14];
  g_autoptr(LhReport) report = lh_report_new ("the learning centre", "Europe/London", "2026-07-01", "2026-09-30",
                                              5, 1790932440);
  LhReportSection *section = lh_report_section_new ("usage", "Centre usage");
  LhReportTable *minutes = lh_report_table_new ("minutes-by-pc", "Time used, by PC", LH_REPORT_UNIT_MINUTES,
                                                LH_REPORT_CHART_BARS, 1, 1, LH_TOTALS_NONE);
  g_autofree char *dir = g_dir_make_tmp ("learnhub-pdf-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  for (guint t = 0; t < 5; t++)
    {
      g_autofree char *id = g_strdup_printf ("table-%u", t);
      g_autofree char *title = g_strdup_printf ("Table %u", t);

      /* Table t's last row is 23 + 100 t; its total 231 + 1400 t. */
      for (guint r = 0; r < 14; r++)
        counts[r] = 10 + r + 100 * t;
      lh_report_section_add_table (section, list_table (id, title, LH_REPORT_CHART_BARS, rows, counts));
    }
  lh_report_table_add_row (minutes, "pc-1", "PC 1");
  lh_report_table_add_column (minutes, "minutes", "Time used");
  lh_count_table_set (minutes->counts, 0, 0, 90);
  lh_report_section_add_table (section, minutes);
  lh_report_add_section (report, section);
  g_assert_true (lh_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  text = pdf_to_text (path);
  g_test_message ("%s", text);

  /* pdftotext starts each page with a form feed. */
  pages = g_strsplit (text, "\f", -1);
  for (guint t = 0; t < 5; t++)
    {
      g_autofree char *title = g_strdup_printf ("Table %u\n", t);
      g_autofree char *last_row = g_strdup_printf ("N14 +%u\n", 23 + 100 * t);
      g_autofree char *total = g_strdup_printf ("Total +%u\n", 231 + 1400 * t);
      guint found = 0;

      for (guint p = 0; pages[p] != NULL; p++)
        if (strstr (pages[p], title) != NULL)
          {
            found++;
            /* The table's last row and total, not the chart's label. */
            g_assert_true (g_regex_match_simple (last_row, pages[p], 0, 0));
            g_assert_true (g_regex_match_simple (total, pages[p], 0, 0));
          }
      g_assert_cmpuint (found, ==, 1);
    }
  /* The default name heads the cover as a heading would. */
  assert_contains (text, "The learning centre");
  /* 90 minutes. */
  assert_contains (text, "Time used, by PC (hours)");
  assert_contains (text, "1.5");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(LhReport) report = hand_made_report ();
  g_autoptr(GError) error = NULL;

  g_assert_false (lh_report_write_pdf (report, "/nonexistent-learnhub-dir/report.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-pdf/text", test_pdf_text);
  g_test_add_func ("/report-pdf/tables-kept-whole", test_pdf_tables_kept_whole);
  g_test_add_func ("/report-pdf/unwritable", test_pdf_unwritable);
  return g_test_run ();
}
