/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee report's usage figures against figures worked out by
 * hand: sittings cut at the period's edges, at a week's end and at each
 * hour, one going on now, walk-ups, a guest apart, a room left out. */
#include "sittings-fixture.h"
#include "lh-error.h"
#include "lh-report-usage.h"
#include "report-indexes-schema-35.h"

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

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 room = 0;
  gint64 guest_of[2];

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->amira = lh_test_add_person (f->ts->store, "1", "Amira", LH_ROLE_LEARNER, FROM - 30 * DAY);
  f->ben = lh_test_add_person (f->ts->store, "2", "Ben", LH_ROLE_LEARNER, FROM - 30 * DAY);
  f->guest = lh_test_add_person (f->ts->store, "G1", "Amira's son", LH_ROLE_LEARNER, FROM - 30 * DAY);
  guest_of[0] = f->guest;
  guest_of[1] = f->amira;
  sittings_exec (f->ts->store, "UPDATE people SET sponsor_id = ?2 WHERE id = ?1", guest_of, 2);
  f->pc1 = sittings_add_pc (f->ts->store, "PC 1", FROM - 30 * DAY);
  f->pc2 = sittings_add_pc (f->ts->store, "PC 2", FROM - 30 * DAY);
  g_assert_true (lh_resources_add (f->ts->store, "Study room", "room", 6, &room, &error));

  /* Before the period: left out. */
  sittings_add (f->ts->store, f->amira, f->pc1, FROM - DAY + 10 * HOUR, FROM - DAY + 11 * HOUR, FALSE);
  /* Across the period's start: 15 minutes in it, Wednesday 00:00. */
  sittings_add (f->ts->store, f->amira, f->pc2, FROM - 30 * MINUTE, FROM + 15 * MINUTE, FALSE);
  /* Wednesday 10:30 to 12:00: 30 minutes in the 10 o'clock hour, 60 in
   * the 11 o'clock. */
  sittings_add (f->ts->store, f->amira, f->pc1, FROM + 10 * HOUR + 30 * MINUTE, FROM + 12 * HOUR, FALSE);
  /* A walk-up across the week's end: Sunday 23:30 to Monday 00:30. */
  sittings_add (f->ts->store, f->ben, f->pc1, MONDAY - 30 * MINUTE, MONDAY + 30 * MINUTE, TRUE);
  /* Monday 09:00 to 09:45. */
  sittings_add (f->ts->store, f->ben, f->pc2, MONDAY + 9 * HOUR, MONDAY + 9 * HOUR + 45 * MINUTE, FALSE);
  /* A guest, Tuesday 14:00 to 15:00. */
  sittings_add (f->ts->store, f->guest, f->pc2, MONDAY + DAY + 14 * HOUR, MONDAY + DAY + 15 * HOUR, FALSE);
  /* Going on now, since Friday 16:00: 20 minutes. */
  sittings_add (f->ts->store, f->amira, f->pc2, MONDAY + 4 * DAY + 16 * HOUR, 0, FALSE);
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static void
test_weeks_and_pcs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsageReport) report = lh_usage_report (f->ts->store, f->centre, FROM, TO, NOW, &error);

  g_assert_no_error (error);
  /* Two weeks, the first from its Monday; the PCs only, by name. */
  g_assert_cmpuint (report->n_weeks, ==, 2);
  g_assert_cmpint (report->week_starts[0], ==, MONDAY - 7 * DAY);
  g_assert_cmpint (report->week_starts[1], ==, MONDAY);
  g_assert_cmpuint (report->n_pcs, ==, 2);
  g_assert_cmpstr (report->pc_names[0], ==, "PC 1");
  g_assert_cmpstr (report->pc_names[1], ==, "PC 2");
  g_assert_null (report->pc_names[2]);

  /* Minutes: week × PC, with totals. */
  g_assert_cmpint (lh_count_table_get (report->minutes, 0, 0), ==, 90 + 30);
  g_assert_cmpint (lh_count_table_get (report->minutes, 0, 1), ==, 15);
  g_assert_cmpint (lh_count_table_get (report->minutes, 1, 0), ==, 30);
  g_assert_cmpint (lh_count_table_get (report->minutes, 1, 1), ==, 45 + 20);
  g_assert_cmpint (lh_count_table_get (report->minutes, 0, 2), ==, 135);
  g_assert_cmpint (lh_count_table_get (report->minutes, 2, 0), ==, 150);
  g_assert_cmpint (lh_count_table_get (report->minutes, 2, 2), ==, 230);

  /* Different people: per cell and per week, not added up. */
  g_assert_cmpint (lh_count_table_get (report->people, 0, 0), ==, 2);
  g_assert_cmpint (lh_count_table_get (report->people, 0, 1), ==, 1);
  g_assert_cmpint (lh_count_table_get (report->people, 1, 0), ==, 1);
  g_assert_cmpint (lh_count_table_get (report->people, 1, 1), ==, 2);
  g_assert_cmpint (lh_count_table_get (report->people_by_week, 0, 0), ==, 2);
  g_assert_cmpint (lh_count_table_get (report->people_by_week, 1, 0), ==, 2);
  g_assert_cmpint (report->people_in_period, ==, 2);
}

static void
test_busy_hours (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsageReport) report = lh_usage_report (f->ts->store, f->centre, FROM, TO, NOW, &error);
  /* weekday (Monday 0), hour, minutes */
  const int expected[][3] = {
    { 2, 0, 15 }, { 2, 10, 30 }, { 2, 11, 60 }, { 6, 23, 30 }, { 0, 0, 30 }, { 0, 9, 45 }, { 4, 16, 20 },
  };
  gint64 listed = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (lh_count_table_get (report->busy_minutes, expected[i][0], expected[i][1]), ==, expected[i][2]);
      g_assert_cmpint (lh_count_table_get (report->busy_people, expected[i][0], expected[i][1]), ==, 1);
      listed += expected[i][2];
    }
  /* Nothing anywhere else. */
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 7, 24), ==, listed);
  g_assert_cmpint (listed, ==, 230);
}

static void
test_walk_ups_and_guests (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsageReport) report = lh_usage_report (f->ts->store, f->centre, FROM, TO, NOW, &error);

  g_assert_no_error (error);
  /* Booked: the one across the start, Wednesday's, Monday's, now's. */
  g_assert_cmpint (lh_count_table_get (report->sittings, 0, 0), ==, 4);
  g_assert_cmpint (lh_count_table_get (report->sittings, 0, 1), ==, 1);
  g_assert_cmpint (lh_count_table_get (report->sittings, 0, 2), ==, 5);
  /* The guest's hour is apart from staff's. */
  g_assert_cmpint (report->guests, ==, 1);
  g_assert_cmpint (report->guest_minutes, ==, 60);
}

static gint64
count_rows (LhStore *store, const char *sql)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, NULL);
  gboolean has_row = FALSE;

  g_assert_true (lh_store_step (store, stmt, &has_row, NULL));
  g_assert_true (has_row);
  return sqlite3_column_int64 (stmt, 0);
}

/* Schema 42 keeps whether a sitting was a walk-up with the sitting: a
 * centre's sittings from before it are marked from their bookings, the
 * database marks each new one, and a booking cannot stop being one. */
static void
test_walk_ups_kept_with_sittings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsageReport) report = NULL;
  g_autoptr(LhStmt) unmark = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->ts->store);
  g_assert_cmpint (sqlite3_open (f->ts->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, LH_TEST_UNDO_REQUEST_FIRST_DECISION LH_TEST_UNDO_REPORT_READS
                                 "PRAGMA user_version = 41", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->ts->store = lh_store_open (f->ts->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_store_get_schema_version (f->ts->store), ==, lh_store_get_latest_version ());

  report = lh_usage_report (f->ts->store, f->centre, FROM, TO, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_count_table_get (report->sittings, 0, 0), ==, 4);
  g_assert_cmpint (lh_count_table_get (report->sittings, 0, 1), ==, 1);
  g_clear_pointer (&report, lh_usage_report_free);

  /* Amira walks up to PC 2 on Thursday morning. */
  sittings_add (f->ts->store, f->amira, f->pc2, MONDAY + 3 * DAY + 9 * HOUR, MONDAY + 3 * DAY + 10 * HOUR, TRUE);
  report = lh_usage_report (f->ts->store, f->centre, FROM, TO, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_count_table_get (report->sittings, 0, 1), ==, 2);
  g_assert_cmpint (count_rows (f->ts->store, "SELECT count(*) FROM usage_sessions WHERE walk_up = 1"), ==, 2);
  unmark = lh_store_prepare (f->ts->store, "UPDATE bookings SET walk_up = 0", &error);
  g_assert_no_error (error);
  g_assert_false (lh_store_exec (f->ts->store, unmark, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_rows (f->ts->store, "SELECT count(*) FROM bookings WHERE walk_up = 1"), ==, 2);
}

/* The people behind each minutes figure decide what is hidden: at a
 * threshold of 2, a week at a PC that one person used is hidden, and so
 * is enough beside it that it cannot be worked back from the totals. */
static void
test_people_behind_minutes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsageReport) report = lh_usage_report (f->ts->store, f->centre, FROM, TO, NOW, &error);

  g_assert_no_error (error);
  /* Cells: Amira and Ben; Amira alone; Ben alone; Ben and Amira. */
  g_assert_cmpint (lh_count_table_get (report->minutes, 0, 1), ==, 15);
  lh_count_table_suppress (report->minutes, 2);
  g_assert_true (lh_count_table_is_suppressed (report->minutes, 0, 1));
  g_assert_true (lh_count_table_is_suppressed (report->minutes, 1, 0));
  /* Each row and column now holds two hidden figures. */
  g_assert_true (lh_count_table_is_suppressed (report->minutes, 0, 0));
  g_assert_true (lh_count_table_is_suppressed (report->minutes, 1, 1));
  /* The totals come from both: shown. */
  g_assert_false (lh_count_table_is_suppressed (report->minutes, 0, 2));
  g_assert_false (lh_count_table_is_suppressed (report->minutes, 2, 0));
  g_assert_false (lh_count_table_is_suppressed (report->minutes, 2, 2));

  /* When in the week: each hour had one person, each weekday one, but
   * the whole period two. */
  lh_count_table_suppress (report->busy_minutes, 2);
  g_assert_true (lh_count_table_is_suppressed (report->busy_minutes, 2, 10));
  g_assert_true (lh_count_table_is_suppressed (report->busy_minutes, 2, 24));
  g_assert_false (lh_count_table_is_suppressed (report->busy_minutes, 7, 24));
}

/* A centre half an hour off UTC: its busy hours are its own hours. */
static void
test_local_hours (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsageReport) report = NULL;
  /* Thursday 26 November, 10:00 to 11:30 in Kolkata (from 04:30 UTC). */
  gint64 thursday_ten = FROM + DAY + 4 * HOUR + 30 * MINUTE;

  g_time_zone_unref (f->centre->tz);
  f->centre->tz = g_time_zone_new_identifier ("Asia/Kolkata");
  sittings_add (f->ts->store, f->ben, f->pc2, thursday_ten, thursday_ten + 90 * MINUTE, FALSE);
  report = lh_usage_report (f->ts->store, f->centre, FROM, TO, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 3, 9), ==, 0);
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 3, 10), ==, 60);
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 3, 11), ==, 30);
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 3, 12), ==, 0);
}

static void
test_refused_and_plan (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsageReport) report = lh_usage_report (f->ts->store, f->centre, TO, FROM, NOW, &error);

  g_assert_null (report);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  /* The sittings are an index range by start for each person, whatever
   * the history, and the index alone: no booking is looked up, and they
   * come person by person without a sort. */
  lh_test_assert_plan (f->ts->store, LH_USAGE_REPORT_SITTINGS_SQL,
                       "SEARCH u USING COVERING INDEX usage_by_person_start (person_id=? AND started_at>? AND "
                       "started_at<?)");
  lh_test_assert_plan_lacks (f->ts->store, LH_USAGE_REPORT_SITTINGS_SQL, "bookings");
  lh_test_assert_plan_lacks (f->ts->store, LH_USAGE_REPORT_SITTINGS_SQL, "TEMP B-TREE");
}

/* The night the clocks go back in London (Sunday 25 October 2026): a
 * sitting from 00:30 BST to 02:00 GMT sits through the 01:00 hour twice. */
static void
test_clocks_go_back (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsageReport) report = NULL;
  /* Monday 19 October, 00:00 BST, to Monday 2 November, 00:00 GMT. */
  gint64 from = 1792364400, to = 1793577600;
  /* Sunday 25 October, 00:30 BST (23:30 UTC on Saturday). */
  gint64 start = 1792884600;

  sittings_add (f->ts->store, f->ben, f->pc2, start, start + 150 * MINUTE, FALSE);
  report = lh_usage_report (f->ts->store, f->centre, from, to, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_weeks, ==, 2);
  g_assert_cmpint (lh_count_table_get (report->minutes, 0, 1), ==, 150);
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 5, 23), ==, 0);
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 6, 0), ==, 30);
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 6, 1), ==, 120);
  g_assert_cmpint (lh_count_table_get (report->busy_minutes, 6, 2), ==, 0);
  g_assert_cmpint (lh_count_table_get (report->busy_people, 6, 1), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/report-usage/weeks-and-pcs", test_weeks_and_pcs);
  ADD ("/lh/report-usage/busy-hours", test_busy_hours);
  ADD ("/lh/report-usage/walk-ups-and-guests", test_walk_ups_and_guests);
  ADD ("/lh/report-usage/walk-ups-kept-with-sittings", test_walk_ups_kept_with_sittings);
  ADD ("/lh/report-usage/people-behind-minutes", test_people_behind_minutes);
  ADD ("/lh/report-usage/local-hours", test_local_hours);
  ADD ("/lh/report-usage/clocks-go-back", test_clocks_go_back);
  ADD ("/lh/report-usage/refused-and-plan", test_refused_and_plan);
  return g_test_run ();
}
