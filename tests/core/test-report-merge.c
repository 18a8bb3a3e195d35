/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The standard site report read back from JSON written by hand (in the
 * agreed format, data/report/), and the national report added up from
 * several: rows and columns matched by key, a figure published only if
 * every site published it, and no small group exposed by the sums. */
#include <string.h>

#include "lh-error.h"
#include "lh-report-json.h"
#include "lh-report-merge.h"

/* A site's report with one table about people, usage by week and PC
 * (about the site only), and the action plan. */
static const char full_report[] =
  "{\"format\": \"learnhub-site-report\", \"version\": 1,"
  " \"site\": \"Northgate Depot Learning Centre\", \"sites\": 1, \"timezone\": \"Europe/London\","
  " \"period\": {\"first_day\": \"2026-07-01\", \"last_day\": \"2026-09-30\"},"
  " \"threshold\": 5, \"generated_at\": \"2026-10-02T09:14:00Z\","
  " \"sections\": ["
  "  {\"id\": \"usage\", \"title\": \"Centre usage\", \"tables\": ["
  "    {\"id\": \"learners-by-week\", \"title\": \"Learners a week\", \"unit\": \"people\", \"chart\": \"lines\","
  "     \"merge\": \"sum\", \"about_people\": true,"
  "     \"rows\": [{\"key\": \"2026-06-29\", \"label\": \"Week of 29 June\"},"
  "              {\"key\": \"2026-07-06\", \"label\": \"Week of 6 July\"}],"
  "     \"columns\": [{\"key\": \"pc\", \"label\": \"PCs\"}, {\"key\": \"room\", \"label\": \"Rooms\"}],"
  "     \"cells\": [[{\"value\": 12}, {\"value\": null, \"suppressed\": true}],"
  "               [{\"value\": 9}, {\"value\": null, \"suppressed\": true}]],"
  "     \"row_totals\": [{\"value\": null, \"suppressed\": true}, {\"value\": null, \"suppressed\": true}],"
  "     \"column_totals\": [{\"value\": 21}, {\"value\": 6}],"
  "     \"total\": {\"value\": 27}},"
  "    {\"id\": \"minutes-by-pc\", \"title\": \"Minutes used, by PC\", \"unit\": \"minutes\", \"chart\": \"bars\","
  "     \"merge\": \"none\", \"about_people\": true,"
  "     \"rows\": [{\"key\": \"PC 1\", \"label\": \"PC 1\"}],"
  "     \"columns\": [{\"key\": \"minutes\", \"label\": \"Minutes\"}],"
  "     \"cells\": [[{\"value\": 0}]]}],"
  "   \"lists\": []},"
  "  {\"id\": \"committee\", \"title\": \"The committee\", \"tables\": [], \"lists\": ["
  "    {\"id\": \"action-plan\", \"title\": \"Action plan\","
  "     \"headings\": [\"Number\", \"Planned activity\"],"
  "     \"rows\": [[\"1\", \"Run two ESOL taster sessions\"], [\"2\", \"Open on Saturdays\"]]}]}"
  " ]}";

static LhReport *
read_report (const char *text, GError **error)
{
  g_autoptr(JsonNode) node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return lh_report_from_json (node, error);
}

static LhReportTable *
table_of (const LhReport *report, guint section, guint table)
{
  return g_ptr_array_index (((LhReportSection *) g_ptr_array_index (report->sections, section))->tables, table);
}

static void
test_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReport) report = read_report (full_report, &error);
  LhReportTable *table;
  LhReportList *list;

  g_assert_no_error (error);
  g_assert_cmpstr (report->site, ==, "Northgate Depot Learning Centre");
  g_assert_cmpstr (report->first_day, ==, "2026-07-01");
  g_assert_cmpstr (report->last_day, ==, "2026-09-30");
  g_assert_cmpint (report->threshold, ==, 5);
  g_assert_cmpint (report->n_sites, ==, 1);
  g_assert_cmpint (report->generated_at, ==, 1790932440);
  g_assert_cmpuint (report->sections->len, ==, 2);

  table = table_of (report, 0, 0);
  g_assert_cmpstr (table->id, ==, "learners-by-week");
  g_assert_cmpint (table->unit, ==, LH_REPORT_UNIT_PEOPLE);
  g_assert_cmpint (table->chart, ==, LH_REPORT_CHART_LINES);
  g_assert_cmpint (lh_count_table_totals (table->counts), ==, LH_TOTALS_ROWS | LH_TOTALS_COLUMNS);
  g_assert_cmpstr (g_ptr_array_index (table->row_labels, 1), ==, "Week of 6 July");
  g_assert_cmpint (lh_count_table_get (table->counts, 1, 0), ==, 9);
  g_assert_false (lh_count_table_is_suppressed (table->counts, 1, 0));
  g_assert_true (lh_count_table_is_suppressed (table->counts, 0, 1));
  g_assert_true (lh_count_table_is_suppressed (table->counts, 0, 2));
  g_assert_cmpint (lh_count_table_get (table->counts, 2, 1), ==, 6);
  g_assert_cmpint (lh_count_table_get (table->counts, 2, 2), ==, 27);
  g_assert_cmpint (table_of (report, 0, 1)->merge, ==, LH_REPORT_MERGE_NONE);

  list = g_ptr_array_index (((LhReportSection *) g_ptr_array_index (report->sections, 1))->lists, 0);
  g_assert_cmpstr (list->title, ==, "Action plan");
  g_assert_cmpuint (list->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (list->rows, 0))[1], ==, "Run two ESOL taster sessions");
}

/* Each broken report is refused with the place of what is wrong. */
static void
test_refuse_broken (void)
{
  const struct
  {
    const char *from;
    const char *to;
    const char *place;
  } breaks[] = {
    { "\"learnhub-site-report\"", "\"some-other-report\"", "report.format" },
    { "\"version\": 1", "\"version\": 2", "report.version" },
    { "\"threshold\": 5,", "", "report.threshold: missing" },
    { "\"2026-07-01\"", "\"1 July\"", "report.period.first_day" },
    { "[{\"value\": 12},", "[12,", "report.sections[0].tables[0].cells[0][0]" },
    { "{\"value\": 9}", "{\"value\": null}", "report.sections[0].tables[0].cells[1][0]" },
    { "[{\"value\": 21}, {\"value\": 6}]", "[{\"value\": 21}]", "report.sections[0].tables[0].column_totals" },
    { "[{\"value\": 9}, {\"value\": null, \"suppressed\": true}]]", "[{\"value\": 9}]]",
      "report.sections[0].tables[0].cells[1]" },
    { "{\"value\": 27}", "{\"value\": 27, \"suppressed\": true}", "report.sections[0].tables[0].total" },
    { "{\"value\": 6}", "{\"value\": 9223372036854775807}", "report.sections[0].tables[0].column_totals[1]: a "
      "figure's value is too large" },
    { "\"chart\": \"lines\"", "\"chart\": \"pie\"", "report.sections[0].tables[0].chart" },
    { "\"key\": \"room\"", "\"key\": \"pc\"", "report.sections[0].tables[0].columns[1]" },
    { "\"Open on Saturdays\"]", "\"Open on Saturdays\", \"Soon\"]", "report.sections[1].lists[0].rows[1]" },
    { "{\"id\": \"committee\"", "{\"id\": \"usage\"", "report.sections[1]: the same section id twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
    {
      g_autoptr(GString) text = g_string_new (full_report);
      g_autoptr(GError) error = NULL;
      g_autoptr(LhReport) report = NULL;

      g_assert_cmpuint (g_string_replace (text, breaks[i].from, breaks[i].to, 1), ==, 1);
      report = read_report (text->str, &error);
      g_assert_null (report);
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
      if (strstr (error->message, breaks[i].place) == NULL)
        g_error ("Break %u: \"%s\" does not name %s", i, error->message, breaks[i].place);
    }
}

/* A site's requests for advice by topic, with their total; -1 is a
 * figure the site suppressed. */
static LhReport *
site_report (const char *site, int threshold, const char * const *topics, const gint64 *requests, gint64 total)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  LhReport *report;

  g_string_append_printf (text,
                          "{\"format\": \"learnhub-site-report\", \"version\": 1, \"site\": \"%s\", \"sites\": 1,"
                          " \"timezone\": \"Europe/London\","
                          " \"period\": {\"first_day\": \"2026-07-01\", \"last_day\": \"2026-09-30\"},"
                          " \"threshold\": %d, \"generated_at\": \"2026-10-02T09:14:00Z\", \"sections\": ["
                          " {\"id\": \"advice\", \"title\": \"Advice\", \"tables\": ["
                          "  {\"id\": \"requests-by-topic\", \"title\": \"Requests by topic\", \"unit\": \"count\","
                          "   \"chart\": \"bars\", \"merge\": \"sum\", \"about_people\": true, \"rows\": [",
                          site, threshold);
  for (guint i = 0; topics[i] != NULL; i++)
    g_string_append_printf (text, "%s{\"key\": \"%s\", \"label\": \"%s\"}", i > 0 ? ", " : "", topics[i], topics[i]);
  g_string_append (text, "], \"columns\": [{\"key\": \"requests\", \"label\": \"Requests\"}], \"cells\": [");
  for (guint i = 0; topics[i] != NULL; i++)
    if (requests[i] < 0)
      g_string_append_printf (text, "%s[{\"value\": null, \"suppressed\": true}]", i > 0 ? ", " : "");
    else
      g_string_append_printf (text, "%s[{\"value\": %" G_GINT64_FORMAT "}]", i > 0 ? ", " : "", requests[i]);
  g_string_append_printf (text, "], \"column_totals\": [{\"value\": %" G_GINT64_FORMAT "}],"
                                " \"total\": {\"value\": %" G_GINT64_FORMAT "}}],"
                                " \"lists\": [{\"id\": \"action-plan\", \"title\": \"Action plan\","
                                "  \"headings\": [\"Number\", \"Planned activity\"],"
                                "  \"rows\": [[\"1\", \"Plan of %s\"]]}]}]}",
                          total, total, site);
  report = read_report (text->str, &error);
  g_assert_no_error (error);
  return report;
}

/* The figure of a topic in the national table, -1 if suppressed. */
static gint64
national_figure (const LhReport *national, const char *topic)
{
  LhReportTable *table = table_of (national, 0, 0);
  guint row;

  if (topic == NULL)
    row = table->row_keys->len;
  else
    g_assert_true (g_ptr_array_find_with_equal_func (table->row_keys, topic, g_str_equal, &row));
  return lh_count_table_is_suppressed (table->counts, row, 0) ? -1 : lh_count_table_get (table->counts, row, 0);
}

static void
test_merge_sums_by_key (void)
{
  const char *topics_a[] = { "esol", "maths", NULL };
  const char *topics_b[] = { "maths", "digital", NULL };
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GError) error = NULL;
  LhReportTable *table;
  LhReportList *plan;

  g_ptr_array_add (sites, site_report ("Northgate", 5, topics_a, (gint64[]) { 10, 20 }, 30));
  g_ptr_array_add (sites, site_report ("Southport", 5, topics_b, (gint64[]) { 15, 8 }, 23));
  national = lh_report_merge_sites (sites, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (national->site, ==, "National report");
  g_assert_cmpint (national->n_sites, ==, 2);
  g_assert_cmpstr (national->first_day, ==, "2026-07-01");
  table = table_of (national, 0, 0);
  g_assert_cmpuint (table->row_keys->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (table->row_keys, 2), ==, "digital");
  g_assert_cmpint (national_figure (national, "esol"), ==, 10);
  g_assert_cmpint (national_figure (national, "maths"), ==, 35);
  g_assert_cmpint (national_figure (national, "digital"), ==, 8);
  g_assert_cmpint (national_figure (national, NULL), ==, 53);

  plan = g_ptr_array_index (((LhReportSection *) g_ptr_array_index (national->sections, 0))->lists, 0);
  g_assert_cmpstr (plan->headings[0], ==, "Site");
  g_assert_cmpuint (plan->rows->len, ==, 2);
  g_assert_cmpstr (((char **) g_ptr_array_index (plan->rows, 1))[0], ==, "Southport");
  g_assert_cmpstr (((char **) g_ptr_array_index (plan->rows, 1))[2], ==, "Plan of Southport");
}

/* Northgate hid its 2 ESOL requests, and its 4 for maths beside them.
 * Summed as if hidden were 0, ESOL would be published as 9, and the
 * national total less the others would give Northgate's 6 hidden
 * requests over it. Both sums are hidden; what the published figures
 * leave of them (22 between them, each at least what Southport published
 * and 1) is no more than Northgate's own report says. */
static void
test_merge_keeps_hidden (void)
{
  const char *topics[] = { "esol", "maths", "digital", "numeracy", NULL };
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GError) error = NULL;
  gint64 hidden_sum;

  g_ptr_array_add (sites, site_report ("Northgate", 5, topics, (gint64[]) { -1, -1, 30, 12 }, 48));
  g_ptr_array_add (sites, site_report ("Southport", 5, topics, (gint64[]) { 9, 7, 11, 40 }, 67));
  national = lh_report_merge_sites (sites, &error);
  g_assert_no_error (error);
  g_assert_cmpint (national_figure (national, "esol"), ==, -1);
  g_assert_cmpint (national_figure (national, "maths"), ==, -1);
  g_assert_cmpint (national_figure (national, "digital"), ==, 41);
  g_assert_cmpint (national_figure (national, "numeracy"), ==, 52);
  g_assert_cmpint (national_figure (national, NULL), ==, 115);
  hidden_sum = 115 - 41 - 52;
  /* Northgate's two: 22 - 9 - 7 = 6 between them, as its report said,
   * each still anything from 1 to 5. */
  g_assert_cmpint (hidden_sum - 9 - 7, ==, 48 - 30 - 12);
}

/* Southport's threshold is 3 and it published 3 for ESOL; Northgate's is
 * 5 and had none. The sum, 3, is below the national threshold, the
 * highest: it is hidden, and so is enough beside it that the total less
 * the others does not give it. */
static void
test_merge_small_sum_hidden (void)
{
  const char *topics[] = { "esol", "maths", "digital", NULL };
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GError) error = NULL;
  gint64 figures[3];

  g_ptr_array_add (sites, site_report ("Northgate", 5, topics, (gint64[]) { 0, 20, 30 }, 50));
  g_ptr_array_add (sites, site_report ("Southport", 3, topics, (gint64[]) { 3, 6, 9 }, 18));
  national = lh_report_merge_sites (sites, &error);
  g_assert_no_error (error);
  g_assert_cmpint (national->threshold, ==, 5);
  for (guint i = 0; i < 3; i++)
    figures[i] = national_figure (national, topics[i]);
  g_assert_cmpint (figures[0], ==, -1);
  g_assert_cmpint (figures[1], ==, -1);
  g_assert_cmpint (figures[2], ==, 39);
  g_assert_cmpint (national_figure (national, NULL), ==, 68);
}

/* Minutes: Southport (threshold 3) published 300 minutes of ESOL, from 3
 * people perhaps; Northgate had none. Nationally (threshold 5) that is
 * too few people behind it, however many minutes: hidden, with another
 * beside it. Maths, published by both, is from 8 people at least. */
static void
test_merge_minutes_by_people (void)
{
  const char *topics[] = { "esol", "maths", "digital", NULL };
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GError) error = NULL;
  LhReport *southport;

  g_ptr_array_add (sites, site_report ("Northgate", 5, topics, (gint64[]) { 0, 600, 900 }, 1500));
  southport = site_report ("Southport", 3, topics, (gint64[]) { 300, 240, 1200 }, 1740);
  g_ptr_array_add (sites, southport);
  table_of (g_ptr_array_index (sites, 0), 0, 0)->unit = LH_REPORT_UNIT_MINUTES;
  table_of (southport, 0, 0)->unit = LH_REPORT_UNIT_MINUTES;
  national = lh_report_merge_sites (sites, &error);
  g_assert_no_error (error);
  g_assert_cmpint (national_figure (national, "esol"), ==, -1);
  g_assert_cmpint (national_figure (national, "maths"), ==, -1);
  g_assert_cmpint (national_figure (national, "digital"), ==, 2100);
  g_assert_cmpint (national_figure (national, NULL), ==, 3240);
}

static void
test_merge_leaves_out_site_tables (void)
{
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GError) error = NULL;
  LhReportSection *usage;
  LhReportTable *table;

  g_ptr_array_add (sites, read_report (full_report, &error));
  g_ptr_array_add (sites, read_report (full_report, &error));
  g_assert_no_error (error);
  national = lh_report_merge_sites (sites, &error);
  g_assert_no_error (error);
  usage = g_ptr_array_index (national->sections, 0);
  g_assert_cmpuint (usage->tables->len, ==, 1);
  table = g_ptr_array_index (usage->tables, 0);
  g_assert_cmpstr (table->id, ==, "learners-by-week");
  g_assert_cmpint (lh_count_table_get (table->counts, 0, 0), ==, 24);
  g_assert_true (lh_count_table_is_suppressed (table->counts, 0, 1));
  g_assert_true (lh_count_table_is_suppressed (table->counts, 1, 1));
  g_assert_cmpint (lh_count_table_get (table->counts, 2, 2), ==, 54);
}

static void
test_merge_refuses_other_period (void)
{
  const char *topics[] = { "esol", NULL };
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GError) error = NULL;
  LhReport *late;

  g_ptr_array_add (sites, site_report ("Northgate", 5, topics, (gint64[]) { 10 }, 10));
  late = site_report ("Southport", 5, topics, (gint64[]) { 10 }, 10);
  g_free (late->last_day);
  late->last_day = g_strdup ("2026-10-31");
  g_ptr_array_add (sites, late);
  national = lh_report_merge_sites (sites, &error);
  g_assert_null (national);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Southport"));
}

/* Requests at one site and minutes at another are not added up. */
static void
test_merge_refuses_unlike_tables (void)
{
  const char *topics[] = { "esol", NULL };
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GError) error = NULL;
  LhReport *minutes;

  g_ptr_array_add (sites, site_report ("Northgate", 5, topics, (gint64[]) { 10 }, 10));
  minutes = site_report ("Southport", 5, topics, (gint64[]) { 10 }, 10);
  table_of (minutes, 0, 0)->unit = LH_REPORT_UNIT_MINUTES;
  g_ptr_array_add (sites, minutes);
  national = lh_report_merge_sites (sites, &error);
  g_assert_null (national);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Southport: section advice, table requests-by-topic"));
}

/* Issue 16: fifty sites' reports read and added up in under a second. */
static void
test_fifty_sites_fast (void)
{
  const char *topics[] = { "esol", "maths", "digital", "numeracy", "it", "dyslexia", "pensions", "cv", NULL };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_report_free);
  g_autoptr(LhReport) national = NULL;
  g_autoptr(GError) error = NULL;
  double elapsed;

  for (guint s = 0; s < 50; s++)
    g_ptr_array_add (names, g_strdup_printf ("Site %u", s));
  g_test_timer_start ();
  for (guint s = 0; s < 50; s++)
    {
      /* Every site hides two small figures; the sizes differ by site. */
      gint64 requests[8] = { -1, -1, 20 + s, 30, 12 + s % 7, 40, 9 + s, 15 };
      gint64 total = 6 + 20 + s + 30 + 12 + s % 7 + 40 + 9 + s + 15;

      g_ptr_array_add (sites, site_report (g_ptr_array_index (names, s), 5, topics, requests, total));
    }
  national = lh_report_merge_sites (sites, &error);
  elapsed = g_test_timer_elapsed ();
  g_assert_no_error (error);
  g_assert_cmpint (national->n_sites, ==, 50);
  g_assert_cmpint (national_figure (national, "esol"), ==, -1);
  g_test_message ("50 sites read and added up in %.3f s", elapsed);
  g_assert_cmpfloat (elapsed, <, 1.0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-json/read", test_read);
  g_test_add_func ("/report-json/refuse-broken", test_refuse_broken);
  g_test_add_func ("/report-merge/sums-by-key", test_merge_sums_by_key);
  g_test_add_func ("/report-merge/keeps-hidden", test_merge_keeps_hidden);
  g_test_add_func ("/report-merge/small-sum-hidden", test_merge_small_sum_hidden);
  g_test_add_func ("/report-merge/minutes-by-people", test_merge_minutes_by_people);
  g_test_add_func ("/report-merge/leaves-out-site-tables", test_merge_leaves_out_site_tables);
  g_test_add_func ("/report-merge/refuses-other-period", test_merge_refuses_other_period);
  g_test_add_func ("/report-merge/refuses-unlike-tables", test_merge_refuses_unlike_tables);
  g_test_add_func ("/report-merge/fifty-sites-fast", test_fifty_sites_fast);
  return g_test_run ();
}
