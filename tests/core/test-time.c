/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-error.h"
#include "lh-time.h"

static void
test_iso_needs_offset (void)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 0;

  g_assert_true (lh_time_parse_iso ("2026-11-24T10:00:00Z", &t, &error));
  g_assert_cmpint (t, ==, 1795514400);
  g_assert_true (lh_time_parse_iso ("2026-11-24T11:00:00+01:00", &t, &error));
  g_assert_cmpint (t, ==, 1795514400);
  g_assert_false (lh_time_parse_iso ("2026-11-24T10:00:00", &t, &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lh_time_parse_iso ("tomorrow", &t, &error));
  g_clear_error (&error);
  g_assert_false (lh_time_parse_iso ("99999-01-01T00:00:00Z", &t, &error));
}

static void
test_date_strict (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GError) error = NULL;
  gint64 midnight;

  g_assert_true (lh_time_parse_date ("2026-07-01", tz, &midnight, &error));
  /* BST: local midnight is 23:00 UTC the day before. */
  g_assert_cmpint (midnight, ==, 1782860400);
  g_assert_false (lh_time_parse_date ("2026-02-30", tz, &midnight, &error));
  g_clear_error (&error);
  g_assert_false (lh_time_parse_date ("2026-7-1", tz, &midnight, &error));
  g_clear_error (&error);
  g_assert_false (lh_time_parse_date ("2026-07-01x", tz, &midnight, &error));
  g_clear_error (&error);
  g_assert_false (lh_time_parse_date ("2026-12-+1", tz, &midnight, &error));
  g_clear_error (&error);
  g_assert_false (lh_time_parse_date ("2026-12- 1", tz, &midnight, &error));
  g_clear_error (&error);
  g_assert_false (lh_time_parse_date ("\xff\xfe" "2026-1-1", tz, &midnight, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* RFC 3339 offsets: Z in winter, +01:00 (with the colon) in summer. */
static void
test_format_rfc3339 (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autofree char *winter = lh_time_format_iso (1795514400, tz);
  g_autofree char *summer = lh_time_format_iso (1782896400, tz);

  g_assert_cmpstr (winter, ==, "2026-11-24T10:00:00Z");
  g_assert_cmpstr (summer, ==, "2026-07-01T10:00:00+01:00");
}

/* On the day the clocks go forward, 09:00 is still 09:00 on the wall and
 * the day is 23 hours long. */
static void
test_daylight_saving_day (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  gint64 midnight, nine, next;
  g_autofree char *hhmm = NULL;

  g_assert_true (lh_time_parse_date ("2026-03-29", tz, &midnight, NULL));
  nine = lh_time_at_local_minute (midnight, 9 * 60, tz);
  hhmm = lh_time_format_hhmm (nine, tz);
  g_assert_cmpstr (hhmm, ==, "09:00");
  next = lh_time_next_midnight (midnight, tz);
  g_assert_cmpint (next - midnight, ==, 23 * 3600);
  g_assert_cmpint (lh_time_local_weekday (midnight, tz), ==, 7);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/time/iso-needs-offset", test_iso_needs_offset);
  g_test_add_func ("/lh/time/date-strict", test_date_strict);
  g_test_add_func ("/lh/time/daylight-saving-day", test_daylight_saving_day);
  g_test_add_func ("/lh/time/format-rfc3339", test_format_rfc3339);
  return g_test_run ();
}
