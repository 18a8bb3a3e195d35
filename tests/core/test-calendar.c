/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <libical/ical.h>

#include "lh-calendar.h"
#include "lh-core-test.h"
#include "lh-error.h"
#include "lh-people.h"

#define NOW 1795435200

/* What we write, libical reads back as the same event. */
static void
test_booking_round_trip (void)
{
  LhBooking booking = {
    .id = 42, .resource_id = 4, .person_id = 7,
    .start_at = 1795514400, .end_at = 1795518000, .created_at = 1795435200,
    .resource_name = (char *) "PC 4", .resource_kind = (char *) "pc",
    .status = (char *) "booked", .calendar_key = (char *) "k",
  };
  g_autofree char *text = lh_calendar_for_booking (&booking, "Riverside Learning Centre");
  icalcomponent *calendar = icalparser_parse_string (text);
  icalcomponent *event;

  g_assert_nonnull (calendar);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, "booking-42@learnhub");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "PC 4 at Riverside Learning Centre");
  g_assert_cmpint (icaltime_as_timet (icalcomponent_get_dtstart (event)), ==, 1795514400);
  g_assert_cmpint (icaltime_as_timet (icalcomponent_get_dtend (event)), ==, 1795518000);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpint (icalcomponent_check_restrictions (calendar), ==, 1);
  icalcomponent_free (calendar);
}

static gboolean
opens (LhStore *store, gint64 person_id, const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPerson) person = lh_people_get_by_calendar_key (store, person_id, key, &error);

  if (person == NULL)
    g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
  return person != NULL;
}

/* A feed key opens its own person's feed until a new one is made, and
 * the database holds only its hash. A person has none until they ask. */
static void
test_feed_keys (void)
{
  g_autoptr(LhTestStore) ts = lh_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 amira = lh_test_add_person (ts->store, "100001", "Amira Khan", LH_ROLE_LEARNER, NOW);
  gint64 other = lh_test_add_person (ts->store, "100002", "Samira Khan", LH_ROLE_LEARNER, NOW);
  g_autofree char *first = NULL, *second = NULL, *theirs = NULL;
  g_autoptr(LhStmt) stored = NULL;

  g_assert_false (opens (ts->store, amira, ""));
  first = lh_calendar_new_feed_key (ts->store, amira, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (first), >=, 32);
  g_assert_true (opens (ts->store, amira, first));

  stored = lh_store_prepare (ts->store, "SELECT count(*) FROM people WHERE id = ?1 "
                                        "AND length (calendar_key_hash) = 32 AND instr (calendar_key_hash, ?2) = 0",
                             &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stored, 1, amira);
  sqlite3_bind_text (stored, 2, first, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stored), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stored, 0), ==, 1);

  second = lh_calendar_new_feed_key (ts->store, amira, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_false (opens (ts->store, amira, first));
  g_assert_true (opens (ts->store, amira, second));

  /* Another person's key opens only theirs. */
  theirs = lh_calendar_new_feed_key (ts->store, other, &error);
  g_assert_no_error (error);
  g_assert_false (opens (ts->store, amira, theirs));
  g_assert_false (opens (ts->store, other, second));
  g_assert_true (opens (ts->store, other, theirs));

  g_assert_null (lh_calendar_new_feed_key (ts->store, 9999, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/calendar/booking-round-trip", test_booking_round_trip);
  g_test_add_func ("/lh/calendar/feed-keys", test_feed_keys);
  return g_test_run ();
}
