/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time-off balances: pro-rating, matched time up to its cap, the
 * agreement year a booking falls in, and a year whose terms change. */
#include "time-off-fixture.h"

static void
test_pro_rata (Fixture *f, gconstpointer data)
{
  gint64 at = date (f, "2026-11-24");
  LhTimeOffCategory full = category (f, f->amira, at, "learning");
  LhTimeOffCategory part = category (f, f->pat, at, "learning");
  g_autoptr(GError) error = NULL;
  LhTimeOffBalance balance;

  g_assert_cmpint (full.entitled_minutes, ==, 3150);
  g_assert_cmpint (full.remaining_minutes, ==, 3150);
  /* 18.75 of 37.5 hours a week: half. */
  g_assert_cmpint (part.base_minutes, ==, 1575);
  g_assert_cmpint (part.entitled_minutes, ==, 1575);
  /* Assessment time is not pro-rated. */
  g_assert_cmpint (category (f, f->pat, at, "assessment").entitled_minutes, ==, 450);
  /* Days are of their own hours: 18.75 h over 3 days is 6 h 15 min. */
  g_assert_true (lh_time_off_balance (f->ts->store, f->centre, f->pat, at, &balance, &error));
  g_assert_cmpint (balance.minutes_per_day, ==, 375);
  g_assert_cmpint (balance.year_start, ==, date (f, "2026-04-01"));
  g_assert_cmpint (balance.year_end, ==, date (f, "2027-04-01"));
  /* Neither is an apprentice nor an ESOL learner. */
  g_assert_cmpuint (balance.n_categories, ==, 2);
}

static void
test_matched_time_cap (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) first = book (f, f->amira, "2026-11-24", 10, 60, FALSE, &error);
  g_autoptr(LhBooking) second = book (f, f->amira, "2026-11-25", 10, 60, FALSE, &error);
  gint64 at = date (f, "2026-11-24");
  LhTimeOffCategory learning;

  g_assert_no_error (error);
  /* An hour of own time earns an hour of paid time. */
  sit (f, first->start_at, first->end_at);
  housekeep (f, first->end_at);
  learning = category (f, f->amira, at, "learning");
  g_assert_cmpint (learning.own_minutes, ==, 60);
  g_assert_cmpint (learning.matched_minutes, ==, 60);
  g_assert_cmpint (learning.entitled_minutes, ==, 3150 + 60);
  /* A second hour: only up to the cap of 90 minutes. */
  sit (f, second->start_at, second->end_at);
  housekeep (f, second->end_at);
  learning = category (f, f->amira, at, "learning");
  g_assert_cmpint (learning.own_minutes, ==, 120);
  g_assert_cmpint (learning.matched_minutes, ==, 90);
  g_assert_cmpint (learning.matched_cap_minutes, ==, 90);
  g_assert_cmpint (learning.entitled_minutes, ==, 3150 + 90);
  g_assert_cmpint (learning.remaining_minutes, ==, 3240);
}

static void
test_straddles_agreement_year (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = NULL;
  gint64 start = date (f, "2027-04-01") + 10 * HOUR;

  /* Booked on 30 March for 1 April: the time falls in the new year, and
   * draws on its entitlement, not on the old year's. */
  booking = lh_bookings_create_paid (f->ts->store, f->centre, f->amira, f->pc1, start, start + HOUR, TRUE,
                                     date (f, "2027-03-30") + 10 * HOUR, &error);
  g_assert_no_error (error);
  g_assert_cmpint (category (f, f->amira, date (f, "2027-03-30"), "learning").booked_minutes, ==, 0);
  g_assert_cmpint (category (f, f->amira, date (f, "2027-03-30"), "learning").remaining_minutes, ==, 3150);
  g_assert_cmpint (category (f, f->amira, date (f, "2027-04-01"), "learning").booked_minutes, ==, 60);
  g_assert_cmpint (category (f, f->amira, date (f, "2027-04-01"), "learning").remaining_minutes, ==, 3090);
}

static void
test_terms_change_mid_year (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(LhTerms) review = { 0 };
  g_autoptr(LhBooking) old_period = NULL;
  g_autoptr(LhBooking) new_period = NULL;
  gint64 now = date (f, "2026-09-28") + 9 * HOUR;
  double year = (double) (date (f, "2027-04-01") - date (f, "2026-04-01"));
  double old_share = (double) (date (f, "2026-10-01") - date (f, "2026-04-01")) / year;
  int expected;

  /* Until October, PC time was not paid; the review pays for it, with
   * 75 hours a year, from 1 October. */
  {
    g_autoptr(LhStmt) stmt = lh_store_prepare (f->ts->store,
                                               "UPDATE terms_versions SET paid_activities = 'group-study'",
                                               &error);
    g_assert_true (lh_store_exec (f->ts->store, stmt, &error));
  }
  base_terms (f, &review, "2026-10-01");
  review.paid_learning_minutes = 4500;
  add_terms (f, &review, date (f, "2026-09-20"));

  /* The old period is judged by the old terms. */
  {
    gint64 start = date (f, "2026-09-29") + 10 * HOUR;

    old_period = lh_bookings_create_paid (f->ts->store, f->centre, f->amira, f->pc1, start, start + HOUR, TRUE,
                                          now, &error);
    g_assert_null (old_period);
    g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    gint64 start = date (f, "2026-10-01") + 10 * HOUR;

    new_period = lh_bookings_create_paid (f->ts->store, f->centre, f->amira, f->pc1, start, start + HOUR, TRUE,
                                          now, &error);
    g_assert_no_error (error);
  }
  /* The year's entitlement: each version for the part of the year it
   * was in force. */
  expected = (int) (3150 * old_share + 4500 * (1 - old_share) + 0.5);
  g_assert_cmpint (expected, >, 3150);
  g_assert_cmpint (expected, <, 4500);
  g_assert_cmpint (category (f, f->amira, now, "learning").entitled_minutes, ==, expected);
  g_assert_cmpint (category (f, f->amira, now, "learning").remaining_minutes, ==, expected - 60);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/time-off/balance/" path, Fixture, NULL, setup, fn, teardown)
  ADD ("pro-rata", test_pro_rata);
  ADD ("matched-time-cap", test_matched_time_cap);
  ADD ("straddles-agreement-year", test_straddles_agreement_year);
  ADD ("terms-change-mid-year", test_terms_change_mid_year);
#undef ADD
  return g_test_run ();
}
