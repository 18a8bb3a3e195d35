/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's paid time off section against figures worked out by hand:
 * entitlement as the quarter's share of the agreement year, pro-rated
 * for a part-timer; granted, taken and adjusted time; requests waiting
 * now; and requests decided late, or left undecided, by the terms'
 * decide-within-days. */
#include "time-off-fixture.h"
#include "lh-report-entitlement.h"
#include "lh-report-sections.h"
#include "report-indexes-schema-35.h"

typedef struct
{
  const char *table;
  guint       row;
  guint       column;
  gint64      value;
  gint64      people;   /* -1: a table of counts */
} Expected;

/* The columns of "decisions". */
enum { NEEDED_DECISION_COLUMN, DECIDED_LATE_COLUMN, NOT_DECIDED_COLUMN };

static LhReportTable *
find_table (LhReportSection *section, const char *id)
{
  for (guint t = 0; t < section->tables->len; t++)
    {
      LhReportTable *table = g_ptr_array_index (section->tables, t);

      if (g_str_equal (table->id, id))
        return table;
    }
  g_assert_not_reached ();
}

/* Books paid time at PC 1 made `ahead` days before, for the admin to
 * decide: the request. */
static LhTimeOffRequest *
request (Fixture *f, gint64 person, const char *day, int minutes, int ahead)
{
  g_autoptr(GError) error = NULL;
  gint64 start = date (f, day) + 10 * HOUR;
  g_autoptr(LhBooking) booking = lh_bookings_create_paid (f->ts->store, f->centre, person, f->pc1, start,
                                                          start + minutes * MINUTE, TRUE, start - ahead * DAY,
                                                          &error);
  LhTimeOffRequest *made;

  g_assert_no_error (error);
  made = lh_time_off_get_for (f->ts->store, LH_TIME_OFF_FOR_BOOKING, booking->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (made->status, ==, "pending");
  return made;
}

static void
approve (Fixture *f, const LhTimeOffRequest *made, gint64 at)
{
  g_autoptr(GError) error = NULL;
  const LhActor admin = TEST_ADMIN;
  g_autoptr(LhTimeOffRequest) decided = lh_time_off_decide (f->ts->store, made->id, TRUE, NULL, &admin, at,
                                                            &error);

  g_assert_no_error (error);
  g_assert_nonnull (decided);
}

/* The quarter July to September 2026, with now on 30 September at noon. */
static LhReportSection *
quarter (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  LhReportSection *section = lh_report_section_time_off (f->ts->store, f->centre, date (f, "2026-07-01"),
                                                         date (f, "2026-10-01"),
                                                         date (f, "2026-09-30") + 12 * HOUR, &error);

  g_assert_no_error (error);
  g_assert_nonnull (section);
  return section;
}

static void
fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTimeOffRequest) on_time = request (f, f->amira, "2026-07-06", 60, 1);
  g_autoptr(LhTimeOffRequest) late = request (f, f->pat, "2026-07-20", 120, 10);
  g_autoptr(LhTimeOffRequest) undecided = request (f, f->amira, "2026-08-03", 30, 10);
  g_autoptr(LhTimeOffRequest) overdue = request (f, f->amira, "2026-10-02", 60, 11);
  g_autoptr(LhTimeOffRequest) waiting = request (f, f->pat, "2026-10-05", 60, 7);
  const LhActor admin = TEST_ADMIN;

  /* Decided the next morning, within the 5 days; 45 minutes used. */
  approve (f, on_time, on_time->created_at + 23 * HOUR);
  sit (f, on_time->start_at, on_time->start_at + 45 * MINUTE);
  /* Decided a week after it was asked: late. Pat never came. */
  approve (f, late, late->created_at + 7 * DAY);
  /* Nobody decided it: learnhubd settles it when its time is over. */
  housekeep (f, undecided->end_at + HOUR);
  /* An exam day recorded by the admin. */
  g_assert_true (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "assessment", 90,
                                     date (f, "2026-08-10") + 9 * HOUR, "Maths exam", &admin,
                                     date (f, "2026-08-11"), &error));
  g_assert_no_error (error);
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  /* Entitlement: 92 days of a 365-day year. Amira 3150 * 92 / 365 = 794,
   * Pat half of it, 397; assessment 450 * 92 / 365 = 113 each. */
  static const Expected expected[] = {
    { "minutes-by-category", 0, 0, 794 + 397, 2 },
    { "minutes-by-category", 0, 1, 60 + 120, 2 },
    { "minutes-by-category", 0, 2, 45, 1 },
    { "minutes-by-category", 1, 0, 226, 2 },
    { "minutes-by-category", 1, 1, 90, 1 },
    { "minutes-by-category", 1, 2, 90, 1 },
    { "minutes-by-category", 2, 0, 0, 0 },
    { "minutes-by-category", 3, 2, 0, 0 },
    { "matched-time", 0, 0, 0, 0 },
    { "matched-time", 0, 1, 0, 0 },
    /* One department, "": learning granted, taken; assessment. */
    { "minutes-by-department", 0, 0, 180, 2 },
    { "minutes-by-department", 0, 1, 45, 1 },
    { "minutes-by-department", 0, 2, 90, 1 },
    { "minutes-by-department", 0, 3, 90, 1 },
    /* Waiting now: the two October ones. */
    { "requests-waiting", 0, 0, 2, -1 },
    { "requests-waiting", 1, 0, 0, -1 },
    { "requests-waiting", 4, 0, 2, -1 },
    /* Five waited for a decision; one decided late; the one learnhubd
     * settled and the one past its 5 days are not decided in time. */
    { "decisions", 0, 0, 5, -1 },
    { "decisions", 0, 1, 1, -1 },
    { "decisions", 0, 2, 2, -1 },
    { "decisions", 4, 2, 2, -1 },
  };
  g_autoptr(LhReportSection) section = NULL;
  LhReportTable *table;

  fill (f);
  section = quarter (f);
  g_assert_cmpstr (section->id, ==, "time-off");
  table = find_table (section, "minutes-by-department");
  g_assert_cmpuint (table->row_keys->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (table->row_labels, 0), ==, "No department");
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      table = find_table (section, expected[i].table);
      g_test_message ("%s (%u, %u)", expected[i].table, expected[i].row, expected[i].column);
      g_assert_cmpint (lh_count_table_get (table->counts, expected[i].row, expected[i].column), ==,
                       expected[i].value);
      g_assert_true (table->about_people);
    }
}

/* The term is the agreement's: with 10 days, the week-late decision and
 * the 9-day-old request are on time. */
static void
test_decide_within_days (Fixture *f, gconstpointer data)
{
  g_auto(LhTerms) terms = { 0 };
  g_autoptr(LhReportSection) section = NULL;
  LhReportTable *decisions;

  /* New terms from the quarter's first day, added that day. */
  base_terms (f, &terms, "2026-07-01");
  terms.auto_approve = FALSE;
  terms.decide_within_days = 10;
  add_terms (f, &terms, date (f, "2026-07-01"));
  fill (f);
  section = quarter (f);
  decisions = find_table (section, "decisions");
  g_assert_cmpint (lh_count_table_get (decisions->counts, 0, 1), ==, 0);
  /* Only the one learnhubd settled. */
  g_assert_cmpint (lh_count_table_get (decisions->counts, 0, 2), ==, 1);
}

/* What ended a request's wait is its first decision, not a later
 * cancellation; and a request made earlier but numbered later (a clock
 * set back) is still matched with its own decision. */
/* A request approved in time and cancelled the next day, and one made
 * earlier but numbered after it, decided late: two waited for a
 * decision, one was decided late. */
static void
first_decisions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  /* Made on 18 August, numbered first. */
  g_autoptr(LhTimeOffRequest) cancelled = request (f, f->amira, "2026-08-20", 60, 2);
  /* Made on 12 July, numbered after it. */
  g_autoptr(LhTimeOffRequest) late = request (f, f->pat, "2026-07-15", 60, 3);

  g_assert_cmpint (late->id, >, cancelled->id);
  g_assert_cmpint (late->created_at, <, cancelled->created_at);
  /* Approved within the hour, then cancelled the next day by Amira. */
  approve (f, cancelled, cancelled->created_at + HOUR);
  g_assert_true (lh_bookings_cancel (f->ts->store, f->amira, cancelled->booking_id, cancelled->created_at + DAY,
                                     NULL, NULL, &error));
  g_assert_no_error (error);
  /* Approved a week after it was asked, past the 5 days. */
  approve (f, late, late->created_at + 7 * DAY);
}

static void
assert_first_decision_counts (Fixture *f)
{
  g_autoptr(LhReportSection) section = quarter (f);
  LhReportTable *decisions = find_table (section, "decisions");

  g_assert_cmpint (lh_count_table_get (decisions->counts, 0, NEEDED_DECISION_COLUMN), ==, 2);
  g_assert_cmpint (lh_count_table_get (decisions->counts, 0, DECIDED_LATE_COLUMN), ==, 1);
  g_assert_cmpint (lh_count_table_get (decisions->counts, 0, NOT_DECIDED_COLUMN), ==, 0);
}

/* What first ended each wait counts, not what came after it. */
static void
test_first_decision_counts (Fixture *f, gconstpointer data)
{
  first_decisions (f);
  assert_first_decision_counts (f);
}

/* Schema 43 keeps each request's first decision with it: a centre's
 * requests from before it get theirs from the ledger. */
static void
test_first_decision_migrated (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  first_decisions (f);
  g_clear_object (&f->ts->store);
  g_assert_cmpint (sqlite3_open (f->ts->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, LH_TEST_UNDO_REQUEST_FIRST_DECISION "PRAGMA user_version = 42", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->ts->store = lh_store_open (f->ts->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lh_store_get_schema_version (f->ts->store), ==, lh_store_get_latest_version ());
  assert_first_decision_counts (f);
}

/* Own time at PC 1 on the day, sat through and settled. */
static void
own_time (Fixture *f, const char *day, int minutes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, day, 10, minutes, FALSE, &error);

  g_assert_no_error (error);
  sit (f, booking->start_at, booking->end_at);
  housekeep (f, booking->end_at + HOUR);
}

/* The section works out the roster's entitlement in bulk: it is the sum
 * of each person's balance's share, whatever the terms: new terms from
 * mid-August, matched time earned under both, ESOL and apprentice time. */
static void
test_entitlement_as_balances (Fixture *f, gconstpointer data)
{
  g_auto(LhTerms) terms = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReportSection) section = NULL;
  g_autoptr(LhStmt) mark = NULL;
  const gint64 people[] = { f->amira, f->pat };
  gint64 from = date (f, "2026-07-01"), to = date (f, "2026-10-01");
  gint64 expected[4] = { 0 }, matched = 0;
  LhReportTable *table;

  mark = lh_store_prepare (f->ts->store, "UPDATE people SET esol_learner = 1, apprentice = 1 WHERE id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (mark, 1, f->pat);
  g_assert_true (lh_store_exec (f->ts->store, mark, &error));
  own_time (f, "2026-07-07", 60);
  base_terms (f, &terms, "2026-08-17");
  terms.paid_learning_minutes = 4500;
  terms.matched_cap_minutes = 120;
  terms.esol_taught_minutes = 2400;
  terms.apprentice_study_days = 10;
  add_terms (f, &terms, date (f, "2026-08-17"));
  own_time (f, "2026-09-08", 45);

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    {
      LhTimeOffBalance balance;
      double share;

      g_assert_true (lh_time_off_balance (f->ts->store, f->centre, people[p], from, &balance, &error));
      g_assert_no_error (error);
      share = (double) (to - from) / (double) (balance.year_end - balance.year_start);
      for (guint i = 0; i < balance.n_categories; i++)
        for (guint c = 0; lh_time_off_categories[c] != NULL; c++)
          if (g_str_equal (balance.categories[i].category, lh_time_off_categories[c]))
            expected[c] += (gint64) (balance.categories[i].entitled_minutes * share + 0.5);
      matched += (gint64) (balance.categories[0].matched_minutes * share + 0.5);
    }
  /* Amira's own time is matched: the figures are not the plain terms'. */
  g_assert_cmpint (matched, >, 0);

  section = quarter (f);
  table = find_table (section, "minutes-by-category");
  for (guint c = 0; c < 4; c++)
    g_assert_cmpint (lh_count_table_get (table->counts, c, 0), ==, expected[c]);
  g_assert_cmpint (lh_count_table_get (table->counts, 2, 0), >, 0);
  g_assert_cmpint (lh_count_table_get (table->counts, 3, 0), >, 0);
  table = find_table (section, "matched-time");
  g_assert_cmpint (lh_count_table_get (table->counts, 0, 0), ==, 60 + 45);
  g_assert_cmpint (lh_count_table_get (table->counts, 0, 1), ==, matched);
}

/* Time recorded in June, taken back in July: the quarter's figure for
 * that person is nothing, never below it. */
static void
test_correction (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhReportSection) section = NULL;
  const LhActor admin = TEST_ADMIN;
  LhReportTable *table;

  g_assert_true (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "assessment", 90,
                                     date (f, "2026-06-10") + 9 * HOUR, "Maths exam", &admin,
                                     date (f, "2026-06-11"), &error));
  g_assert_true (lh_time_off_adjust (f->ts->store, f->centre, f->amira, "assessment", -90,
                                     date (f, "2026-07-10") + 9 * HOUR, "Recorded twice", &admin,
                                     date (f, "2026-07-11"), &error));
  g_assert_no_error (error);
  section = quarter (f);
  table = find_table (section, "minutes-by-category");
  g_assert_cmpint (lh_count_table_get (table->counts, 1, 1), ==, 0);
  g_assert_cmpint (lh_count_table_get (table->counts, 1, 2), ==, 0);
}

static void
test_suppressed (Fixture *f, gconstpointer data)
{
  g_autoptr(LhReport) report = lh_report_new ("Test", "Europe/London", "2026-07-01", "2026-09-30", 5, 0);
  LhReportSection *section;
  LhReportTable *table;

  fill (f);
  section = quarter (f);
  lh_report_add_section (report, section);
  lh_report_suppress (report);
  /* The one late decision, and the minutes taken by one person. */
  table = find_table (section, "decisions");
  g_assert_true (lh_count_table_is_suppressed (table->counts, 0, 1));
  table = find_table (section, "minutes-by-category");
  g_assert_true (lh_count_table_is_suppressed (table->counts, 0, 2));
  /* A zero names nobody. */
  g_assert_false (lh_count_table_is_suppressed (table->counts, 2, 0));
}

/* One person's six requests waiting are one person: hidden, with the
 * total that would give them back. */
static void
test_waiting_hidden_by_people (Fixture *f, gconstpointer data)
{
  static const char * const days[] = {
    "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-12", "2026-10-13", "2026-10-14",
  };
  g_autoptr(LhReport) report = lh_report_new ("Test", "Europe/London", "2026-07-01", "2026-09-30", 5, 0);
  LhReportSection *section;
  LhReportTable *table;
  guint row = G_MAXUINT;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(LhTimeOffRequest) made = request (f, f->amira, days[i], 60, 10);
    }
  section = quarter (f);
  lh_report_add_section (report, section);
  table = find_table (section, "requests-waiting");
  for (guint r = 0; r < lh_count_table_n_rows (table->counts); r++)
    if (lh_count_table_get (table->counts, r, 0) > 0)
      row = r;
  g_assert_cmpuint (row, <, lh_count_table_n_rows (table->counts));
  g_assert_cmpint (lh_count_table_get (table->counts, row, 0), ==, 6);
  g_assert_cmpint (lh_count_table_get_people (table->counts, row, 0), ==, 1);
  lh_report_suppress (report);
  g_assert_true (lh_count_table_is_suppressed (table->counts, row, 0));
  g_assert_true (lh_count_table_is_suppressed (table->counts, lh_count_table_n_rows (table->counts), 0));
}

static void
test_plans (Fixture *f, gconstpointer data)
{
  /* The requests alone, each with its first decision: no ledger. */
  lh_test_assert_plan (f->ts->store, LH_REPORT_TIME_OFF_REQUESTS_SQL,
                       "SEARCH r USING COVERING INDEX time_off_requests_by_creation (created_at>? AND created_at<?)");
  lh_test_assert_plan_lacks (f->ts->store, LH_REPORT_TIME_OFF_REQUESTS_SQL, "ledger");
  lh_test_assert_plan (f->ts->store, LH_ENTITLEMENT_LEDGER_SQL,
                       "SEARCH time_off_ledger USING COVERING INDEX time_off_ledger_movements (at>? AND at<?)");
  lh_test_assert_plan (f->ts->store, LH_ENTITLEMENT_OWN_LEARNING_SQL,
                       "SEARCH time_off_ledger USING COVERING INDEX time_off_ledger_own_learning (at>? AND at<?)");
  lh_test_assert_plan (f->ts->store, LH_REPORT_TIME_OFF_PENDING_SQL,
                       "USING INDEX time_off_requests_by_status");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/report/time-off/figures", Fixture, NULL, setup_approval, test_figures, teardown);
  g_test_add ("/report/time-off/decide-within-days", Fixture, NULL, setup_approval, test_decide_within_days,
              teardown);
  g_test_add ("/report/time-off/entitlement-as-balances", Fixture, NULL, setup, test_entitlement_as_balances,
              teardown);
  g_test_add ("/report/time-off/correction", Fixture, NULL, setup_approval, test_correction, teardown);
  g_test_add ("/report/time-off/suppressed", Fixture, NULL, setup_approval, test_suppressed, teardown);
  g_test_add ("/report/time-off/waiting-hidden-by-people", Fixture, NULL, setup_approval,
              test_waiting_hidden_by_people, teardown);
  g_test_add ("/report/time-off/first-decision-counts", Fixture, NULL, setup_approval, test_first_decision_counts,
              teardown);
  g_test_add ("/report/time-off/first-decision-migrated", Fixture, NULL, setup_approval,
              test_first_decision_migrated, teardown);
  g_test_add ("/report/time-off/plans", Fixture, NULL, setup_approval, test_plans, teardown);
  return g_test_run ();
}
