/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define TOMORROW (NOW - 12 * HOUR + 24 * HOUR)   /* Tuesday 00:00 */

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       amira, ben;
  gint64       pc1, pc2;
} Fixture;

static gint64
add_person (LhStore *store, const char *staff, const char *name)
{
  LhPerson person = { .staff_number = (char *) staff, .name = (char *) name,
                      .hours_per_week = 37.5, .roles = LH_ROLE_LEARNER };
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (lh_people_save (store, &person, NOW, &id, NULL, &error));
  return id;
}

static gint64
add_pc (LhStore *store, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 08:00-20:00", &error);
  gint64 id;

  g_assert_true (lh_resources_add (store, name, "pc", 1, &id, &error));
  g_assert_true (lh_resources_set_hours (store, id, (LhOpeningPeriod *) hours->data, hours->len, &error));
  g_assert_no_error (error);
  return id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->amira = add_person (f->ts->store, "1", "Amira");
  f->ben = add_person (f->ts->store, "2", "Ben");
  f->pc1 = add_pc (f->ts->store, "PC 1");
  f->pc2 = add_pc (f->ts->store, "PC 2");
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhBooking *
book (Fixture *f, gint64 person, gint64 pc, gint64 start, gint64 end, GError **error)
{
  return lh_bookings_create (f->ts->store, f->centre, person, pc, start, end, NOW, error);
}

static void
test_books_free_slot (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);
  g_autoptr(GPtrArray) mine = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (booking->id, >, 0);
  g_assert_cmpstr (booking->resource_name, ==, "PC 1");
  mine = lh_bookings_list_upcoming (f->ts->store, f->amira, NOW, &error);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpint (((LhBooking *) g_ptr_array_index (mine, 0))->id, ==, booking->id);
}

static void
test_overlap_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) first = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);
  g_autoptr(LhBooking) clash = book (f, f->ben, f->pc1, TOMORROW + 10 * HOUR + 1800, TOMORROW + 12 * HOUR, &error);
  g_autoptr(LhBooking) after = NULL;

  g_assert_null (clash);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "PC 1 is booked from 10:00 to 11:00");
  g_clear_error (&error);

  /* Back to back is fine. */
  after = book (f, f->ben, f->pc1, TOMORROW + 11 * HOUR, TOMORROW + 12 * HOUR, &error);
  g_assert_no_error (error);
}

static void
test_own_overlap_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) first = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);
  g_autoptr(LhBooking) second = book (f, f->amira, f->pc2, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);

  g_assert_null (second);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "You already have PC 1"));
}

static void
assert_refused (Fixture *f, gint64 start, gint64 end, const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, start, end, &error);

  g_assert_null (booking);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_rules (Fixture *f, gconstpointer data)
{
  gint64 saturday = TOMORROW + 4 * 24 * HOUR;

  assert_refused (f, TOMORROW + 19 * HOUR + 1800, TOMORROW + 20 * HOUR + 1800, "not open");
  assert_refused (f, TOMORROW + 7 * HOUR, TOMORROW + 8 * HOUR + 1800, "not open");
  assert_refused (f, saturday + 10 * HOUR, saturday + 11 * HOUR, "not open");
  assert_refused (f, NOW - 2 * HOUR, NOW - HOUR, "already passed");
  assert_refused (f, TOMORROW + 10 * HOUR, TOMORROW + 12 * HOUR + 60, "at most 120 minutes");
  assert_refused (f, TOMORROW + 10 * HOUR, TOMORROW + 10 * HOUR + 600, "at least 15 minutes");
  assert_refused (f, TOMORROW + 11 * HOUR, TOMORROW + 10 * HOUR, "after the start");
  assert_refused (f, NOW + 90 * 24 * HOUR, NOW + 90 * 24 * HOUR + HOUR, "days ahead");
}

static void
test_limits_inclusive (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) two_hours = book (f, f->amira, f->pc1, TOMORROW + 18 * HOUR, TOMORROW + 20 * HOUR, &error);
  g_autoptr(LhBooking) just_started = book (f, f->ben, f->pc2, NOW - 30, NOW + HOUR, &error);

  g_assert_no_error (error);
  g_assert_nonnull (two_hours);
  g_assert_nonnull (just_started);
}

static void
test_configured_maximum (Fixture *f, gconstpointer data)
{
  f->centre->max_booking_minutes = 60;
  assert_refused (f, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR + 1800, "at most 60 minutes");
}

static void
test_unknown_resource (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, 9999, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);

  g_assert_null (booking);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);
  g_autoptr(LhBooking) rebook = NULL;
  g_autoptr(GPtrArray) mine = NULL;

  g_assert_false (lh_bookings_cancel (f->ts->store, f->ben, booking->id, NOW, NULL, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (lh_bookings_cancel (f->ts->store, f->amira, booking->id, NOW, NULL, NULL, &error));
  g_assert_no_error (error);
  mine = lh_bookings_list_upcoming (f->ts->store, f->amira, NOW, &error);
  g_assert_cmpuint (mine->len, ==, 0);

  /* Cancelled twice: no longer there. */
  g_assert_false (lh_bookings_cancel (f->ts->store, f->amira, booking->id, NOW, NULL, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The time is free again for everyone. */
  rebook = book (f, f->ben, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);
  g_assert_no_error (error);
}

static void
test_cancel_ended_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);

  g_assert_false (lh_bookings_cancel (f->ts->store, f->amira, booking->id, TOMORROW + 12 * HOUR, NULL, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
}

/* Even a write that skips the rules cannot double-book: the schema's
 * trigger refuses it. */
static void
test_database_refuses_overlap (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);
  g_autoptr(LhStmt) stmt = lh_store_prepare (f->ts->store,
                                             "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at) "
                                             "VALUES (?1, ?2, ?3, ?4, 0)", &error);

  sqlite3_bind_int64 (stmt, 1, f->pc1);
  sqlite3_bind_int64 (stmt, 2, f->ben);
  sqlite3_bind_int64 (stmt, 3, TOMORROW + 10 * HOUR + 1800);
  sqlite3_bind_int64 (stmt, 4, TOMORROW + 11 * HOUR + 1800);
  g_assert_false (lh_store_exec (f->ts->store, stmt, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
}

static void
test_availability (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhBooking) booking = book (f, f->amira, f->pc1, TOMORROW + 10 * HOUR, TOMORROW + 11 * HOUR, &error);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GPtrArray) today = NULL;
  const LhResourceDay *pc1;
  const LhInterval *free0, *free1;

  days = lh_bookings_availability (f->ts->store, f->centre, TOMORROW, f->amira, NOW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  pc1 = g_ptr_array_index (days, 0);
  g_assert_cmpstr (pc1->resource->name, ==, "PC 1");
  g_assert_cmpuint (pc1->open->len, ==, 1);
  g_assert_cmpuint (pc1->busy->len, ==, 1);
  g_assert_true (g_array_index (pc1->busy, LhBusyInterval, 0).mine);
  g_assert_cmpuint (pc1->free->len, ==, 2);
  free0 = &g_array_index (pc1->free, LhInterval, 0);
  free1 = &g_array_index (pc1->free, LhInterval, 1);
  g_assert_cmpint (free0->start, ==, TOMORROW + 8 * HOUR);
  g_assert_cmpint (free0->end, ==, TOMORROW + 10 * HOUR);
  g_assert_cmpint (free1->start, ==, TOMORROW + 11 * HOUR);
  g_assert_cmpint (free1->end, ==, TOMORROW + 20 * HOUR);

  /* For someone else the same booking is busy, not theirs. */
  g_clear_pointer (&days, g_ptr_array_unref);
  days = lh_bookings_availability (f->ts->store, f->centre, TOMORROW, f->ben, NOW, &error);
  pc1 = g_ptr_array_index (days, 0);
  g_assert_false (g_array_index (pc1->busy, LhBusyInterval, 0).mine);

  /* Today: what has passed is not free. */
  today = lh_bookings_availability (f->ts->store, f->centre, NOW - 12 * HOUR, f->amira, NOW, &error);
  pc1 = g_ptr_array_index (today, 0);
  g_assert_cmpint (g_array_index (pc1->free, LhInterval, 0).start, ==, NOW);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/bookings/books-free-slot", test_books_free_slot);
  ADD ("/lh/bookings/overlap-refused", test_overlap_refused);
  ADD ("/lh/bookings/own-overlap-refused", test_own_overlap_refused);
  ADD ("/lh/bookings/rules", test_rules);
  ADD ("/lh/bookings/limits-inclusive", test_limits_inclusive);
  ADD ("/lh/bookings/configured-maximum", test_configured_maximum);
  ADD ("/lh/bookings/unknown-resource", test_unknown_resource);
  ADD ("/lh/bookings/cancel", test_cancel);
  ADD ("/lh/bookings/cancel-ended-refused", test_cancel_ended_refused);
  ADD ("/lh/bookings/database-refuses-overlap", test_database_refuses_overlap);
  ADD ("/lh/bookings/availability", test_availability);
  return g_test_run ();
}
