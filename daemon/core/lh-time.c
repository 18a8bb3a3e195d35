/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-time"

#include "lh-time.h"

#include <stdlib.h>
#include <string.h>

#include "lh-error.h"

/* Seconds added to the real clock, read once: tests set the moment they
 * need (tests/lh-test-clock.c) and every process they start inherits it,
 * so a demo, its daemon and the test agree on "now" to the second. */
static gint64
clock_offset (void)
{
  static gsize once = 0;
  static gint64 offset = 0;

  if (g_once_init_enter (&once))
    {
      const char *text = g_getenv (LH_TIME_OFFSET_VARIABLE);
      char *end = NULL;

      if (text != NULL && *text != '\0')
        {
          gint64 value = g_ascii_strtoll (text, &end, 10);

          if (end != NULL && *end == '\0')
            offset = value;
          else
            g_warning ("%s is not a whole number of seconds; the clock is not moved",
                       LH_TIME_OFFSET_VARIABLE);
        }
      g_once_init_leave (&once, 1);
    }
  return offset;
}

gint64
lh_time_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC + clock_offset ();
}

gint64
lh_time_clock_offset (void)
{
  return clock_offset ();
}

static GDateTime *
local_date_time (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);

  if (utc == NULL)
    return NULL;
  return g_date_time_to_timezone (utc, tz);
}

char *
lh_time_format_iso (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = local_date_time (unix_seconds, tz);

  g_return_val_if_fail (dt != NULL, NULL);
  /* RFC 3339: "Z", or an offset with a colon ("+01:00"); GLib's own ISO
   * format writes "+01", which many clients refuse. */
  if (g_date_time_get_utc_offset (dt) == 0)
    return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

gboolean
lh_time_parse_iso (const char *text, gint64 *out_unix_seconds, GError **error)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (out_unix_seconds != NULL, FALSE);

  /* A NULL default zone makes GLib refuse times without an offset, which is
   * what we want: a kiosk in the wrong zone must not book the wrong hour. */
  if (text != NULL && strlen (text) <= 64)
    dt = g_date_time_new_from_iso8601 (text, NULL);
  /* The input is not echoed: it may be anything, even invalid UTF-8. */
  if (dt == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "A time must have an offset, such as 2026-11-24T10:00:00Z");
      return FALSE;
    }
  /* Nothing learnhub keeps lies outside these years, and GLib cannot
   * write out a time near the end of year 9999 in every zone. */
  if (g_date_time_get_year (dt) < LH_TIME_FIRST_YEAR || g_date_time_get_year (dt) > LH_TIME_LAST_YEAR)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "A time lies between the years %d and %d",
                   LH_TIME_FIRST_YEAR, LH_TIME_LAST_YEAR);
      return FALSE;
    }
  *out_unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

gboolean
lh_time_parse_date (const char *text, GTimeZone *tz, gint64 *out_midnight, GError **error)
{
  g_autoptr(GDateTime) dt = NULL;
  gboolean digits = text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  g_return_val_if_fail (out_midnight != NULL, FALSE);

  /* Exactly YYYY-MM-DD: sscanf alone would take signs and spaces too. */
  for (int i = 0; digits && i < 10; i++)
    digits = i == 4 || i == 7 || g_ascii_isdigit (text[i]);
  if (digits)
    {
      int y = atoi (text), m = atoi (text + 5), d = atoi (text + 8);

      if (g_date_valid_dmy (d, m, y) && y >= LH_TIME_FIRST_YEAR && y <= LH_TIME_LAST_YEAR)
        dt = g_date_time_new (tz, y, m, d, 0, 0, 0);
    }
  if (dt == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "A date looks like 2026-11-24");
      return FALSE;
    }
  *out_midnight = g_date_time_to_unix (dt);
  return TRUE;
}

gint64
lh_time_local_midnight (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = local_date_time (unix_seconds, tz);
  g_autoptr(GDateTime) midnight = NULL;

  g_return_val_if_fail (dt != NULL, 0);
  midnight = g_date_time_new (tz,
                              g_date_time_get_year (dt),
                              g_date_time_get_month (dt),
                              g_date_time_get_day_of_month (dt), 0, 0, 0);
  return g_date_time_to_unix (midnight);
}

gint64
lh_time_at_local_minute (gint64 midnight, int minute_of_day, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = local_date_time (midnight, tz);
  g_autoptr(GDateTime) at = NULL;

  g_return_val_if_fail (dt != NULL, 0);
  if (minute_of_day >= 24 * 60)
    return lh_time_next_midnight (midnight, tz) + (minute_of_day - 24 * 60) * 60;
  /* Built from the wall clock, so 09:00 stays 09:00 on the day the clocks
   * change. */
  at = g_date_time_new (tz,
                        g_date_time_get_year (dt),
                        g_date_time_get_month (dt),
                        g_date_time_get_day_of_month (dt),
                        minute_of_day / 60, minute_of_day % 60, 0);
  return g_date_time_to_unix (at);
}

int
lh_time_local_weekday (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = local_date_time (unix_seconds, tz);

  g_return_val_if_fail (dt != NULL, 1);
  return g_date_time_get_day_of_week (dt);
}

char *
lh_time_format_hhmm (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = local_date_time (unix_seconds, tz);

  g_return_val_if_fail (dt != NULL, NULL);
  return g_date_time_format (dt, "%H:%M");
}

gint64
lh_time_next_midnight (gint64 midnight, GTimeZone *tz)
{
  /* Noon of the same day plus a day always lands on the next date. */
  return lh_time_local_midnight (midnight + 36 * 3600, tz);
}

gint64
lh_time_add_days (gint64 midnight, int n, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = local_date_time (midnight, tz);
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) at_midnight = NULL;

  g_return_val_if_fail (dt != NULL, midnight);
  moved = g_date_time_add_days (dt, n);
  at_midnight = g_date_time_new (tz, g_date_time_get_year (moved), g_date_time_get_month (moved),
                                 g_date_time_get_day_of_month (moved), 0, 0, 0);
  return g_date_time_to_unix (at_midnight);
}

char *
lh_time_format_date (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = local_date_time (unix_seconds, tz);

  g_return_val_if_fail (dt != NULL, NULL);
  return g_date_time_format (dt, "%Y-%m-%d");
}

char *
lh_time_format_long_date (gint64 unix_seconds, GTimeZone *tz)
{
  g_autoptr(GDateTime) dt = local_date_time (unix_seconds, tz);

  g_return_val_if_fail (dt != NULL, NULL);
  return g_date_time_format (dt, "%-d %B %Y");
}

char *
lh_time_format_duration (int minutes)
{
  int h = minutes / 60, m = minutes % 60;

  if (h == 0)
    return g_strdup_printf ("%d minute%s", m, m == 1 ? "" : "s");
  if (m == 0)
    return g_strdup_printf ("%d hour%s", h, h == 1 ? "" : "s");
  return g_strdup_printf ("%d hour%s %d minute%s", h, h == 1 ? "" : "s", m, m == 1 ? "" : "s");
}
