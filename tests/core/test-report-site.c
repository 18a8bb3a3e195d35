/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site report's heading and its usage section against figures worked
 * out by hand (the sittings of test-report-usage.c, with no-shows), the
 * period it refuses, the threshold it takes, and its JSON and CSV. */
#include "sittings-fixture.h"
#include "lh-error.h"
#include "lh-report-json.h"
#include "lh-report-site.h"
#include "lh-terms.h"
#include "lh-time.h"

/* Monday 30 November 2026, 00:00 in London (UTC in winter). */
#define MONDAY 1795996800
#define MINUTE 60
#define HOUR   3600
#define DAY    (24 * HOUR)
/* The period: Wednesday 25 November to Friday 4 December, both in. */
#define FROM   (MONDAY - 5 * DAY)
#define TO     (MONDAY + 5 * DAY)
/* Friday 4 December, 16:20. */
#define NOW    (MONDAY + 4 * DAY + 16 * HOUR + 20 * MINUTE)

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira, ben, guest;
  gint64       pc1, pc2;
} Fixture;

/* A booking nobody came for, released at its start and hold. */
static void
add_no_show (LhStore *store, gint64 person, gint64 pc, gint64 start, gboolean released)
{
  gint64 values[] = { pc, person, start, released ? 1 : 0 };

  sittings_exec (store, "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at, status, "
                        "cancelled_at, released_at) VALUES (?1, ?2, ?3, ?3 + 3600, ?3 - 86400, 'cancelled', "
                        "?3 + 900, CASE WHEN ?4 THEN ?3 + 900 END)",
                 values, G_N_ELEMENTS (values));
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 room = 0;
  gint64 guest_of[2];

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  /* learnhubd's key: the report counts sealed advice and matches
   * equality answers with it. */
  f->centre->note_key = lh_note_key_new_random ();
  f->amira = lh_test_add_person (f->ts->store, "1", "Amira", LH_ROLE_LEARNER, FROM - 30 * DAY);
  f->ben = lh_test_add_person (f->ts->store, "2", "Ben", LH_ROLE_LEARNER, FROM - 30 * DAY);
  f->guest = lh_test_add_person (f->ts->store, "G1", "Amira's son", LH_ROLE_LEARNER, FROM - 30 * DAY);
  guest_of[0] = f->guest;
  guest_of[1] = f->amira;
  sittings_exec (f->ts->store, "UPDATE people SET sponsor_id = ?2 WHERE id = ?1", guest_of, 2);
  f->pc1 = sittings_add_pc (f->ts->store, "PC 1", FROM - 30 * DAY);
  f->pc2 = sittings_add_pc (f->ts->store, "PC 2", FROM - 30 * DAY);
  g_assert_true (lh_resources_add (f->ts->store, "Study room", "room", 6, &room, &error));

  /* As test-report-usage.c: 230 staff minutes, 60 a guest's. */
  sittings_add (f->ts->store, f->amira, f->pc1, FROM - DAY + 10 * HOUR, FROM - DAY + 11 * HOUR, FALSE);
  sittings_add (f->ts->store, f->amira, f->pc2, FROM - 30 * MINUTE, FROM + 15 * MINUTE, FALSE);
  sittings_add (f->ts->store, f->amira, f->pc1, FROM + 10 * HOUR + 30 * MINUTE, FROM + 12 * HOUR, FALSE);
  sittings_add (f->ts->store, f->ben, f->pc1, MONDAY - 30 * MINUTE, MONDAY + 30 * MINUTE, TRUE);
  sittings_add (f->ts->store, f->ben, f->pc2, MONDAY + 9 * HOUR, MONDAY + 9 * HOUR + 45 * MINUTE, FALSE);
  sittings_add (f->ts->store, f->guest, f->pc2, MONDAY + DAY + 14 * HOUR, MONDAY + DAY + 15 * HOUR, FALSE);
  sittings_add (f->ts->store, f->amira, f->pc2, MONDAY + 4 * DAY + 16 * HOUR, 0, FALSE);

  /* No-shows: Amira's on Thursday 26th; Ben's on Monday and Tuesday;
   * one before the period and one cancelled by hand, not counted. */
  add_no_show (f->ts->store, f->amira, f->pc1, FROM + DAY + 14 * HOUR, TRUE);
  add_no_show (f->ts->store, f->ben, f->pc2, MONDAY + 11 * HOUR, TRUE);
  add_no_show (f->ts->store, f->ben, f->pc1, MONDAY + DAY + 11 * HOUR, TRUE);
  add_no_show (f->ts->store, f->ben, f->pc1, FROM - DAY + 11 * HOUR, TRUE);
  add_no_show (f->ts->store, f->amira, f->pc2, MONDAY + 2 * DAY + 11 * HOUR, FALSE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static const LhReportTable *
table_of (const LhReportSection *section, const char *id)
{
  for (guint t = 0; t < section->tables->len; t++)
    {
      const LhReportTable *table = g_ptr_array_index (section->tables, t);

      if (g_str_equal (table->id, id))
        return table;
    }
  g_assert_not_reached ();
}

static gint64
figure (const LhReportSection *section, const char *id, guint row, guint column)
{
  return lh_count_table_get (table_of (section, id)->counts, row, column);
}

static LhReportSection *
usage_section (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LhReportSection *section = lh_report_section_usage (f->ts->store, f->centre, FROM, TO, NOW, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (section->id, ==, "usage");
  return section;
}

/* Minutes by week and by PC, learners a week, the weeks' keys. */
static void
test_weeks_and_pcs (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReportSection) section = usage_section (f);
  const LhReportTable *by_week = table_of (section, "minutes-by-week");
  const LhReportTable *by_pc = table_of (section, "minutes-by-pc");

  g_assert_cmpuint (by_week->row_keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (by_week->row_keys, 0), ==, "2026-11-23");
  g_assert_cmpstr (g_ptr_array_index (by_week->row_labels, 0), ==, "Week of 23 November");
  g_assert_cmpstr (g_ptr_array_index (by_week->row_keys, 1), ==, "2026-11-30");
  g_assert_cmpint (by_week->chart, ==, LH_REPORT_CHART_LINES);
  g_assert_cmpint (by_week->merge, ==, LH_REPORT_MERGE_SUM);
  /* 15 + 90 + 30 the first week; 30 + 45 + 20 the second. */
  g_assert_cmpint (figure (section, "minutes-by-week", 0, 0), ==, 135);
  g_assert_cmpint (figure (section, "minutes-by-week", 1, 0), ==, 95);
  g_assert_cmpint (figure (section, "minutes-by-week", 2, 0), ==, 230);

  /* This site's PCs: drawn as bars, never merged nationally. */
  g_assert_cmpint (by_pc->merge, ==, LH_REPORT_MERGE_NONE);
  g_assert_cmpint (by_pc->chart, ==, LH_REPORT_CHART_BARS);
  g_assert_cmpstr (g_ptr_array_index (by_pc->row_keys, 1), ==, "PC 2");
  g_assert_cmpint (figure (section, "minutes-by-pc", 0, 0), ==, 90 + 30 + 30);
  g_assert_cmpint (figure (section, "minutes-by-pc", 1, 0), ==, 15 + 45 + 20);
  g_assert_cmpint (figure (section, "minutes-by-pc", 2, 0), ==, 230);

  /* Amira and Ben came both weeks. */
  g_assert_cmpint (figure (section, "learners-by-week", 0, 0), ==, 2);
  g_assert_cmpint (figure (section, "learners-by-week", 1, 0), ==, 2);
  g_assert_cmpint (lh_count_table_totals (table_of (section, "learners-by-week")->counts), ==, LH_TOTALS_NONE);
}

/* The heat map, walk-up against booked, guests apart. */
static void
test_busy_sittings_guests (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReportSection) section = usage_section (f);
  const LhReportTable *busy = table_of (section, "busy-hours");

  g_assert_cmpint (busy->chart, ==, LH_REPORT_CHART_HEAT);
  g_assert_cmpstr (g_ptr_array_index (busy->row_keys, 2), ==, "wed");
  g_assert_cmpstr (g_ptr_array_index (busy->column_keys, 10), ==, "10");
  g_assert_cmpint (figure (section, "busy-hours", 2, 10), ==, 30);
  g_assert_cmpint (figure (section, "busy-hours", 2, 11), ==, 60);
  g_assert_cmpint (figure (section, "busy-hours", 6, 23), ==, 30);
  g_assert_cmpint (figure (section, "busy-hours", 7, 24), ==, 230);

  g_assert_cmpint (figure (section, "sittings", 0, 0), ==, 4);
  g_assert_cmpint (figure (section, "sittings", 0, 1), ==, 1);
  g_assert_cmpint (figure (section, "sittings", 0, 2), ==, 5);

  g_assert_cmpint (figure (section, "guests", 0, 0), ==, 1);
  g_assert_cmpint (figure (section, "guest-minutes", 0, 0), ==, 60);
}

/* Sittings are hidden by the people behind them, not by their number:
 * Amira's three and Ben's one booked are 4 sittings from 2 people, and
 * Ben's walk-up 1 from 1; at a threshold of 3 none is shown. */
static void
test_sittings_by_people (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReportSection) section = usage_section (f);
  LhCountTable *sittings = ((LhReportTable *) table_of (section, "sittings"))->counts;

  g_assert_cmpint (lh_count_table_get_people (sittings, 0, 0), ==, 2);
  g_assert_cmpint (lh_count_table_get_people (sittings, 0, 1), ==, 1);
  g_assert_cmpint (lh_count_table_get_people (sittings, 0, 2), ==, 2);
  lh_count_table_suppress (sittings, 3);
  g_assert_true (lh_count_table_is_suppressed (sittings, 0, 0));
  g_assert_true (lh_count_table_is_suppressed (sittings, 0, 1));
  g_assert_true (lh_count_table_is_suppressed (sittings, 0, 2));
}

/* Released bookings, by the week they were to start in, from 2 people. */
static void
test_no_shows (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReportSection) section = usage_section (f);

  g_assert_cmpint (figure (section, "no-shows", 0, 0), ==, 1);
  g_assert_cmpint (figure (section, "no-shows", 1, 0), ==, 2);
  g_assert_cmpint (figure (section, "no-shows", 2, 0), ==, 3);
  /* Two no-shows of Ben's still name one person. */
  g_assert_cmpint (lh_count_table_get_people (table_of (section, "no-shows")->counts, 1, 0), ==, 1);
  g_assert_cmpint (lh_count_table_get_people (table_of (section, "no-shows")->counts, 2, 0), ==, 2);
  lh_test_assert_plan (f->ts->store, LH_REPORT_NO_SHOWS_SQL,
                       "SEARCH bookings USING INDEX bookings_released_by_start (start_at>? AND start_at<?)");
}

/* Two PCs open 8 hours a weekday: seven whole days and Friday to 16:20
 * (now), 3,800 minutes each; used 290 of them (the guest's too). */
static void
test_capacity (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReportSection) section = usage_section (f);

  g_assert_false (table_of (section, "capacity-minutes")->about_people);
  g_assert_cmpint (figure (section, "capacity-minutes", 0, 0), ==, 2 * (7 * 480 + 440));
  g_assert_true (table_of (section, "used-minutes")->about_people);
  g_assert_cmpint (figure (section, "used-minutes", 0, 0), ==, 290);
  g_assert_cmpint (lh_count_table_get_people (table_of (section, "used-minutes")->counts, 0, 0), ==, 3);
}

/* The heading, the threshold of the terms in force on the last day, and
 * every figure from fewer people than it suppressed but the capacity. */
static void
test_heading_and_threshold (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReport) report = NULL;
  g_auto(LhTerms) terms = { 0 };
  const LhReportSection *section;

  lh_terms_init_defaults (&terms);
  terms.valid_from = FROM - 30 * DAY;
  terms.suppression_threshold = 3;
  g_assert_true (lh_terms_add_version (f->ts->store, f->centre, &terms, "test", FROM - 30 * DAY, &error));
  /* From Thursday 3 December: 2. */
  terms.valid_from = MONDAY + 3 * DAY;
  terms.suppression_threshold = 2;
  g_assert_true (lh_terms_add_version (f->ts->store, f->centre, &terms, "test", MONDAY + 3 * DAY, &error));
  g_assert_no_error (error);

  report = lh_site_report (f->ts->store, f->centre, FROM, TO, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->site, ==, f->centre->name);
  g_assert_cmpstr (report->timezone, ==, "Europe/London");
  g_assert_cmpstr (report->first_day, ==, "2026-11-25");
  g_assert_cmpstr (report->last_day, ==, "2026-12-04");
  g_assert_cmpint (report->threshold, ==, 2);
  g_assert_cmpint (report->generated_at, ==, NOW);
  /* The sections in the order a committee reads them. */
  {
    const char *ids[] = { "usage", "time-off", "facility-time", "advice", "equipment", "equality", "committee",
                          NULL };

    g_assert_cmpuint (report->sections->len, ==, g_strv_length ((char **) ids));
    for (guint i = 0; ids[i] != NULL; i++)
      g_assert_cmpstr (((LhReportSection *) g_ptr_array_index (report->sections, i))->id, ==, ids[i]);
  }
  section = g_ptr_array_index (report->sections, 0);
  /* One guest: hidden, and their minutes; the capacity never. */
  g_assert_true (lh_count_table_is_suppressed (table_of (section, "guests")->counts, 0, 0));
  g_assert_true (lh_count_table_is_suppressed (table_of (section, "guest-minutes")->counts, 0, 0));
  g_assert_false (lh_count_table_is_suppressed (table_of (section, "capacity-minutes")->counts, 0, 0));
  /* Two people's minutes each week: shown at 2. */
  g_assert_false (lh_count_table_is_suppressed (table_of (section, "minutes-by-week")->counts, 0, 0));
  /* Ben's two no-shows in the second week: one person. */
  g_assert_true (lh_count_table_is_suppressed (table_of (section, "no-shows")->counts, 1, 0));
}

static void
test_refused_periods (Fixture *f, gconstpointer data)
{
  gint64 longest_from = 0, too_long_from = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReport) longest = NULL;

  /* To 4 December 2026: five years and a day back is 4 December 2021. */
  g_assert_true (lh_time_parse_date ("2021-12-04", f->centre->tz, &longest_from, &error));
  g_assert_true (lh_time_parse_date ("2021-12-03", f->centre->tz, &too_long_from, &error));
  {
    const struct { gint64 from, to; const char *reason; } cases[] = {
      { TO, FROM, "period-reversed" },
      { FROM, FROM, "period-reversed" },
      { too_long_from, TO, "period-too-long" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GError) refused = NULL;
        g_autoptr(LhReport) report = lh_site_report (f->ts->store, f->centre, cases[i].from, cases[i].to, NOW,
                                                     &refused);

        g_assert_null (report);
        g_assert_error (refused, LH_ERROR, LH_ERROR_INVALID);
        g_assert_cmpstr (lh_error_get_reason (refused), ==, cases[i].reason);
      }
  }
  /* Five years and a day, across leap years and clock changes: taken. */
  longest = lh_site_report (f->ts->store, f->centre, longest_from, TO, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (longest->first_day, ==, "2021-12-04");
}

/* The JSON and the CSV as agreed: a hidden figure is null with
 * "suppressed", or the word, and its number nowhere. */
static void
test_json_and_csv (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReport) report = lh_site_report (f->ts->store, f->centre, FROM, TO, NOW, &error);
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  JsonObject *root, *guests;

  g_assert_no_error (error);
  json = lh_report_to_json (report);
  text = json_to_string (json, FALSE);
  root = json_node_get_object (json);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "learnhub-site-report");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "sites"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "threshold"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (root, "generated_at"), ==, "2026-12-04T16:20:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "period"), "last_day"), ==,
                   "2026-12-04");
  guests = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (root, "sections"), 0),
                                  "tables"), 6);
  g_assert_cmpstr (json_object_get_string_member (guests, "id"), ==, "guests");
  g_assert_nonnull (strstr (text, "\"cells\":[[{\"value\":null,\"suppressed\":true}]]"));
  /* The capacity names nobody: its number is there. */
  g_assert_nonnull (strstr (text, "{\"value\":7600}"));
  /* The staff's 230 minutes are from two people: nowhere. */
  g_assert_null (strstr (text, ":230}"));

  csv = lh_report_to_csv (report);
  g_assert_nonnull (strstr (csv, "Centre usage,Time used a week (minutes)\n,All PCs\n"
                                 "Week of 23 November,suppressed\nWeek of 30 November,suppressed\n"
                                 "Total,suppressed\n"));
  g_assert_nonnull (strstr (csv, "Centre usage,Time the PCs were open and in order (minutes)\n,Time open\n"
                                 "All PCs,7600\n"));
  g_assert_null (strstr (csv, ",230"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/report-site/weeks-and-pcs", test_weeks_and_pcs);
  ADD ("/lh/report-site/busy-sittings-guests", test_busy_sittings_guests);
  ADD ("/lh/report-site/sittings-by-people", test_sittings_by_people);
  ADD ("/lh/report-site/no-shows", test_no_shows);
  ADD ("/lh/report-site/capacity", test_capacity);
  ADD ("/lh/report-site/heading-and-threshold", test_heading_and_threshold);
  ADD ("/lh/report-site/refused-periods", test_refused_periods);
  ADD ("/lh/report-site/json-and-csv", test_json_and_csv);
  return g_test_run ();
}
