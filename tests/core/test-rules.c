/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-rules.h"
#include "lh-time.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define DAY      (24 * HOUR)
#define TUESDAY  (NOW - 12 * HOUR + DAY)   /* Tuesday 24th, 00:00 */

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       person;
  gint64       pcs[3];
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  LhPerson person = { .staff_number = "1", .name = "Amira", .hours_per_week = 37.5, .roles = LH_ROLE_LEARNER };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Sun 07:00-21:00", &error);

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  g_assert_true (lh_people_save (f->ts->store, &person, NOW, &f->person, NULL, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("PC %d", i + 1);
      g_assert_true (lh_resources_add (f->ts->store, name, "pc", 1, &f->pcs[i], &error));
      g_assert_true (lh_resources_set_hours (f->ts->store, f->pcs[i], (LhOpeningPeriod *) hours->data,
                                             hours->len, &error));
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhRules
rules_from (Fixture *f, gint64 valid_from)
{
  LhRules rules;

  g_assert_true (lh_rules_at (f->ts->store, f->centre, valid_from, &rules, NULL));
  rules.valid_from = valid_from;
  return rules;
}

static gboolean
book (Fixture *f, int pc, gint64 start, int minutes, GError **error)
{
  g_autoptr(LhBooking) booking = lh_bookings_create (f->ts->store, f->centre, f->person, f->pcs[pc],
                                                     start, start + minutes * 60, NOW, error);
  return booking != NULL;
}

static void
test_versions_by_date (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LhRules now, rules = rules_from (f, NOW);
  LhRules later;

  g_assert_cmpint (rules.valid_from, ==, NOW);
  g_assert_cmpint (rules.max_booking_minutes, ==, 120);   /* the configured default */

  rules.max_minutes_per_day = 180;
  g_assert_true (lh_rules_add_version (f->ts->store, &rules, "test", NOW, &error));
  rules.valid_from = NOW + 7 * DAY;
  rules.max_booking_minutes = 60;
  g_assert_true (lh_rules_add_version (f->ts->store, &rules, "test", NOW, &error));

  g_assert_true (lh_rules_at (f->ts->store, f->centre, NOW + DAY, &now, &error));
  g_assert_cmpint (now.max_booking_minutes, ==, 120);
  g_assert_cmpint (now.max_minutes_per_day, ==, 180);
  g_assert_true (lh_rules_at (f->ts->store, f->centre, NOW + 8 * DAY, &later, &error));
  g_assert_cmpint (later.max_booking_minutes, ==, 60);
  g_assert_cmpint (later.max_minutes_per_day, ==, 180);
}

/* What was agreed for the past stays as it was. */
static void
test_past_cannot_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LhRules rules = rules_from (f, NOW - DAY);

  g_assert_false (lh_rules_add_version (f->ts->store, &rules, "test", NOW, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

/* The refusal's stable reason, and the numbers the kiosk words it with
 * (name NULL: not checked), in the order given. */
static void
assert_reason (const GError *error, const char *reason, const char *name, gint64 value, const char *name2,
               gint64 value2)
{
  guint n_numbers;
  const LhErrorNumber *numbers = lh_error_get_numbers (error, &n_numbers);

  g_assert_cmpstr (lh_error_get_reason (error), ==, reason);
  if (name != NULL)
    {
      g_assert_cmpuint (n_numbers, >=, 1);
      g_assert_cmpstr (numbers[0].name, ==, name);
      g_assert_cmpint (numbers[0].value, ==, value);
    }
  if (name2 != NULL)
    {
      g_assert_cmpuint (n_numbers, >=, 2);
      g_assert_cmpstr (numbers[1].name, ==, name2);
      g_assert_cmpint (numbers[1].value, ==, value2);
    }
}

/* A booking is judged by the rules in force when it takes place. */
static void
test_booking_judged_by_its_date (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LhRules rules = rules_from (f, TUESDAY + 7 * DAY);

  rules.max_booking_minutes = 60;
  g_assert_true (lh_rules_add_version (f->ts->store, &rules, "test", NOW, &error));

  g_assert_true (book (f, 0, TUESDAY + 10 * HOUR, 90, &error));
  g_assert_false (book (f, 0, TUESDAY + 7 * DAY + 10 * HOUR, 90, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at most 60 minutes"));
  assert_reason (error, "booking-too-long", "max_minutes", 60, NULL, 0);
}

static void
test_day_minutes_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LhRules rules = rules_from (f, NOW);

  rules.max_minutes_per_day = 150;
  g_assert_true (lh_rules_add_version (f->ts->store, &rules, "test", NOW, &error));
  g_assert_true (book (f, 0, TUESDAY + 9 * HOUR, 120, &error));
  g_assert_false (book (f, 1, TUESDAY + 14 * HOUR, 60, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "You can book up to 2 hours 30 minutes a day, and you already have "
                                       "2 hours booked. Try a shorter time, or another day");
  assert_reason (error, "daily-limit", "limit_minutes", 150, "booked_minutes", 120);
  g_clear_error (&error);
  /* What fits still fits; another day is a new day. */
  g_assert_true (book (f, 1, TUESDAY + 14 * HOUR, 30, &error));
  g_assert_true (book (f, 1, TUESDAY + DAY + 14 * HOUR, 120, &error));
}

static void
test_week_bookings_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LhRules rules = rules_from (f, NOW);
  gint64 next_monday = TUESDAY + 6 * DAY;

  rules.max_bookings_per_week = 2;
  g_assert_true (lh_rules_add_version (f->ts->store, &rules, "test", NOW, &error));
  g_assert_true (book (f, 0, TUESDAY + 9 * HOUR, 60, &error));
  g_assert_true (book (f, 0, TUESDAY + 4 * DAY + 9 * HOUR, 60, &error));   /* Saturday */
  g_assert_false (book (f, 0, TUESDAY + 5 * DAY + 9 * HOUR, 60, &error));  /* Sunday: same week */
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 bookings a week"));
  assert_reason (error, "weekly-bookings-limit", "limit_bookings", 2, NULL, 0);
  g_clear_error (&error);
  g_assert_true (book (f, 0, next_monday + 9 * HOUR, 60, &error));          /* a new week */
}

/* A cancelled booking gives its time back to the limit. */
static void
test_cancel_frees_limit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  LhRules rules = rules_from (f, NOW);
  g_autoptr(LhBooking) first = NULL;

  rules.max_bookings_per_day = 1;
  g_assert_true (lh_rules_add_version (f->ts->store, &rules, "test", NOW, &error));
  first = lh_bookings_create (f->ts->store, f->centre, f->person, f->pcs[0], TUESDAY + 9 * HOUR,
                              TUESDAY + 10 * HOUR, NOW, &error);
  g_assert_nonnull (first);
  g_assert_false (book (f, 1, TUESDAY + 12 * HOUR, 60, &error));
  g_clear_error (&error);
  g_assert_true (lh_bookings_cancel (f->ts->store, f->person, first->id, NOW, NULL, NULL, &error));
  g_assert_true (book (f, 1, TUESDAY + 12 * HOUR, 60, &error));
}

static void
test_closure (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *reason = NULL;
  const LhResourceDay *pc1;

  g_assert_true (lh_closures_add (f->ts->store, "2026-11-24", "Staff training day", &error));
  g_assert_false (book (f, 0, TUESDAY + 10 * HOUR, 60, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The centre is closed on 2026-11-24 (Staff training day)");
  g_clear_error (&error);

  days = lh_bookings_availability (f->ts->store, f->centre, TUESDAY, f->person, NOW, &error);
  pc1 = g_ptr_array_index (days, 0);
  g_assert_cmpuint (pc1->open->len, ==, 0);
  g_assert_cmpuint (pc1->free->len, ==, 0);
  reason = lh_closures_reason (f->ts->store, "2026-11-24", &error);
  g_assert_cmpstr (reason, ==, "Staff training day");

  g_assert_false (lh_closures_add (f->ts->store, "24/11/2026", "x", &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/rules/versions-by-date", test_versions_by_date);
  ADD ("/lh/rules/past-cannot-change", test_past_cannot_change);
  ADD ("/lh/rules/booking-judged-by-its-date", test_booking_judged_by_its_date);
  ADD ("/lh/rules/day-minutes-limit", test_day_minutes_limit);
  ADD ("/lh/rules/week-bookings-limit", test_week_bookings_limit);
  ADD ("/lh/rules/cancel-frees-limit", test_cancel_frees_limit);
  ADD ("/lh/rules/closure", test_closure);
  return g_test_run ();
}
