/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lh-bookings.h"
#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-groups.h"
#include "lh-people.h"

/* Monday 23 November 2026, 12:00 in London (UTC in winter). */
#define NOW      1795435200
#define HOUR     3600
#define DAY      (24 * HOUR)
#define WEDNESDAY (NOW - 12 * HOUR + 2 * DAY)

typedef struct
{
  LhTestStore *ts;
  LhCentre    *centre;
  gint64       ulr;
  gint64       learners[5];
  gint64       room;
} Fixture;

static gint64
add_person (LhStore *store, const char *staff, guint roles)
{
  LhPerson person = { .staff_number = (char *) staff, .name = (char *) staff, .hours_per_week = 30, .roles = roles };
  gint64 id;

  g_assert_true (lh_people_save (store, &person, NOW, &id, NULL, NULL));
  return id;
}

static void
setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GArray) hours = lh_opening_hours_parse ("Mon-Fri 09:00-17:00", NULL);

  f->ts = lh_test_store_new ();
  f->centre = lh_centre_new_default ();
  f->ulr = add_person (f->ts->store, "U1", LH_ROLE_LEARNER | LH_ROLE_ULR);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *staff = g_strdup_printf ("L%d", i);
      f->learners[i] = add_person (f->ts->store, staff, LH_ROLE_LEARNER);
    }
  g_assert_true (lh_resources_add (f->ts->store, "Group room", "room", 12, &f->room, NULL));
  g_assert_true (lh_resources_set_hours (f->ts->store, f->room, (LhOpeningPeriod *) hours->data, hours->len, NULL));
}

static void
teardown (Fixture *f, gconstpointer data)
{
  lh_centre_free (f->centre);
  lh_test_store_free (f->ts);
}

static LhGroupSession *
create (Fixture *f, int capacity, int weeks, GError **error)
{
  return lh_groups_create (f->ts->store, f->centre, f->ulr, f->room, "Maths together", "Fractions",
                           WEDNESDAY + 13 * HOUR, WEDNESDAY + 15 * HOUR, capacity, weeks, NOW, error);
}

static void
test_weekly_series (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupSession) first = create (f, 8, 3, &error);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (first->room, ==, "Group room");
  all = lh_groups_list (f->ts->store, NOW, NOW + 30 * DAY, 0, &error);
  g_assert_cmpuint (all->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      LhGroupSession *s = g_ptr_array_index (all, i);
      g_assert_cmpint (s->start_at, ==, WEDNESDAY + 13 * HOUR + i * 7 * DAY);
      g_assert_cmpint (s->series_id, ==, first->id);
    }
}

/* A clash in any week refuses the whole series. */
static void
test_series_all_or_none (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  /* A learner may not book the room; a learning rep may. */
  g_autoptr(LhBooking) refused = lh_bookings_create (f->ts->store, f->centre, f->learners[0], f->room,
                                                     WEDNESDAY + 14 * DAY + 14 * HOUR,
                                                     WEDNESDAY + 14 * DAY + 15 * HOUR, NOW, &error);
  g_autoptr(LhBooking) in_the_way = NULL;
  g_autoptr(LhGroupSession) series = NULL;

  g_assert_null (refused);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "rooms-for-reps");
  g_clear_error (&error);
  in_the_way = lh_bookings_create (f->ts->store, f->centre, f->ulr, f->room, WEDNESDAY + 14 * DAY + 14 * HOUR,
                                   WEDNESDAY + 14 * DAY + 15 * HOUR, NOW, &error);
  g_assert_no_error (error);
  series = create (f, 8, 3, &error);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_null (series);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_true (g_str_has_prefix (error->message, "Week 3: "));
  g_clear_error (&error);
  all = lh_groups_list (f->ts->store, NOW, NOW + 30 * DAY, 0, &error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_places_then_waiting_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupSession) group = create (f, 2, 1, &error);
  g_autoptr(GPtrArray) promotions = NULL;
  g_autoptr(GPtrArray) again = NULL;
  int position = 0;
  gint64 promoted = -1;

  g_assert_cmpint (lh_groups_join (f->ts->store, group->id, f->learners[0], NOW, &position, &error), ==, LH_PLACE_BOOKED);
  g_assert_cmpint (lh_groups_join (f->ts->store, group->id, f->learners[1], NOW, &position, &error), ==, LH_PLACE_BOOKED);
  g_assert_cmpint (lh_groups_join (f->ts->store, group->id, f->learners[2], NOW, &position, &error), ==, LH_PLACE_WAITING);
  g_assert_cmpint (position, ==, 1);
  g_assert_cmpint (lh_groups_join (f->ts->store, group->id, f->learners[3], NOW, &position, &error), ==, LH_PLACE_WAITING);
  g_assert_cmpint (position, ==, 2);
  g_assert_no_error (error);

  /* Twice is once. */
  g_assert_cmpint (lh_groups_join (f->ts->store, group->id, f->learners[3], NOW, &position, &error), ==, LH_PLACE_NONE);
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "already-waiting");
  g_clear_error (&error);

  /* A place freed goes to whoever waited longest; the next moves up. */
  g_assert_true (lh_groups_leave (f->ts->store, group->id, f->learners[0], NOW + 60, &promoted, &error));
  g_assert_cmpint (promoted, ==, f->learners[2]);
  {
    g_autoptr(GPtrArray) list = lh_groups_list (f->ts->store, NOW, NOW + 7 * DAY, f->learners[3], &error);
    LhGroupSession *s = g_ptr_array_index (list, 0);
    g_assert_cmpint (s->booked, ==, 2);
    g_assert_cmpint (s->waiting, ==, 1);
    g_assert_cmpint (s->my_place, ==, LH_PLACE_WAITING);
    g_assert_cmpint (s->my_position, ==, 1);
  }

  /* The promoted learner is told once. */
  promotions = lh_groups_take_promotions (f->ts->store, f->learners[2], NOW + 120, &error);
  g_assert_cmpuint (promotions->len, ==, 1);
  again = lh_groups_take_promotions (f->ts->store, f->learners[2], NOW + 180, &error);
  g_assert_cmpuint (again->len, ==, 0);

  /* Leaving the waiting list promotes no one. */
  g_assert_true (lh_groups_leave (f->ts->store, group->id, f->learners[3], NOW + 240, &promoted, &error));
  g_assert_cmpint (promoted, ==, 0);
}

static void
test_started_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupSession) group = create (f, 2, 1, &error);

  g_assert_cmpint (lh_groups_join (f->ts->store, group->id, f->learners[0], WEDNESDAY + 13 * HOUR + 60,
                                   NULL, &error), ==, LH_PLACE_NONE);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "group-started");
  g_clear_error (&error);
  g_assert_cmpint (lh_groups_join (f->ts->store, 9999, f->learners[0], NOW, NULL, &error), ==, LH_PLACE_NONE);
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  g_assert_cmpstr (lh_error_get_reason (error), ==, "group-not-found");
}

/* The room held for a group cannot be cancelled as if it were a booking. */
static void
test_room_stays_held (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupSession) group = create (f, 2, 1, &error);
  g_autoptr(GPtrArray) ulr_bookings = lh_bookings_list_upcoming (f->ts->store, f->ulr, NOW, &error);
  LhBooking *room = g_ptr_array_index (ulr_bookings, 0);

  g_assert_false (lh_bookings_cancel (f->ts->store, f->ulr, room->id, NOW, NULL, NULL, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
}

/* Even a write past the rules cannot overfill a group. */
static void
test_database_refuses_overfill (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupSession) group = create (f, 1, 1, &error);
  g_autoptr(LhStmt) stmt = NULL;

  g_assert_cmpint (lh_groups_join (f->ts->store, group->id, f->learners[0], NOW, NULL, &error), ==, LH_PLACE_BOOKED);
  stmt = lh_store_prepare (f->ts->store,
                           "INSERT INTO group_places (group_session_id, person_id, status, created_at) "
                           "VALUES (?1, ?2, 'booked', 0)", &error);
  sqlite3_bind_int64 (stmt, 1, group->id);
  sqlite3_bind_int64 (stmt, 2, f->learners[1]);
  g_assert_false (lh_store_exec (f->ts->store, stmt, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_CONFLICT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/lh/groups/weekly-series", test_weekly_series);
  ADD ("/lh/groups/series-all-or-none", test_series_all_or_none);
  ADD ("/lh/groups/places-then-waiting-list", test_places_then_waiting_list);
  ADD ("/lh/groups/started-refused", test_started_refused);
  ADD ("/lh/groups/room-stays-held", test_room_stays_held);
  ADD ("/lh/groups/database-refuses-overfill", test_database_refuses_overfill);
  return g_test_run ();
}
