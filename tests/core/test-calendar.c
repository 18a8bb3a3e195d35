/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <libical/ical.h>

#include "lh-calendar.h"

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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/calendar/booking-round-trip", test_booking_round_trip);
  return g_test_run ();
}
