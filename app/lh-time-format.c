/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-time-format"

#include "lh-time-format.h"

#include <glib/gi18n.h>

char *
lh_format_clock (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: a time of day, as a g_date_time_format() pattern */
  return g_date_time_format (time, _("%H:%M"));
}

char *
lh_format_day_long (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: a full date without the year, as a g_date_time_format()
   * pattern, e.g. "Tuesday 24 November" */
  return g_date_time_format (time, _("%A %-d %B"));
}

char *
lh_format_day_short (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: a short date, as a g_date_time_format() pattern,
   * e.g. "Tue 24 Nov" */
  return g_date_time_format (time, _("%a %-d %b"));
}

gboolean
lh_same_day (GDateTime *a,
             GDateTime *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* "Today", "Tomorrow", else the weekday as pattern (translated) says. */
static char *
day_name (GDateTime  *day,
          GDateTime  *now,
          const char *weekday_pattern)
{
  g_autoptr(GDateTime) tomorrow = NULL;

  g_return_val_if_fail (day != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (lh_same_day (day, now))
    return g_strdup (_("Today"));
  tomorrow = g_date_time_add_days (now, 1);
  if (lh_same_day (day, tomorrow))
    return g_strdup (_("Tomorrow"));
  return g_date_time_format (day, weekday_pattern);
}

char *
lh_format_day_name (GDateTime *day,
                    GDateTime *now)
{
  /* Translators: a weekday name, as a g_date_time_format() pattern */
  return day_name (day, now, _("%A"));
}

char *
lh_format_day_name_short (GDateTime *day,
                          GDateTime *now)
{
  /* Translators: a weekday's name on a day button, as a
   * g_date_time_format() pattern: "%A" (full) where the names are short,
   * "%a" (the locale's abbreviation) where a long one ("poniedziałek")
   * would not fit eight buttons in a row; not where abbreviations are
   * too terse (Arabic's are one letter) */
  return day_name (day, now, C_("a day button's weekday", "%A"));
}

char *
lh_format_duration (int minutes)
{
  int hours = minutes / 60;
  int rest = minutes % 60;
  g_autofree char *hours_text = NULL;
  g_autofree char *minutes_text = NULL;

  if (hours > 0)
    hours_text = g_strdup_printf (ngettext ("%d hour", "%d hours", hours), hours);
  if (rest > 0 || hours == 0)
    minutes_text = g_strdup_printf (ngettext ("%d minute", "%d minutes", rest), rest);

  if (hours_text != NULL && minutes_text != NULL)
    /* Translators: "1 hour" and "30 minutes" together */
    return g_strdup_printf (C_("duration", "%s %s"), hours_text, minutes_text);
  if (hours_text != NULL)
    return g_steal_pointer (&hours_text);
  return g_steal_pointer (&minutes_text);
}

char *
lh_format_slot_long (const char *resource_name,
                     GDateTime  *start,
                     GDateTime  *end)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (resource_name != NULL, NULL);
  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  day = lh_format_day_long (start);
  from = lh_format_clock (start);
  to = lh_format_clock (end);
  /* Translators: "PC 4, Tuesday 24 November, 10:00 to 11:00" */
  return g_strdup_printf (_("%s, %s, %s to %s"), resource_name, day, from, to);
}

char *
lh_format_booking_short (const LhBooking *booking)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (booking != NULL, NULL);

  day = lh_format_day_short (booking->start);
  from = lh_format_clock (booking->start);
  to = lh_format_clock (booking->end);
  /* Translators: "PC 4 · Tue 24 Nov · 10:00–11:00" */
  return g_strdup_printf (_("%s · %s · %s–%s"), booking->resource_name, day, from, to);
}

GDateTime *
lh_day_start (GDateTime *time,
              int        days)
{
  g_autoptr(GDateTime) midnight = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  midnight = g_date_time_new (g_date_time_get_timezone (time),
                              g_date_time_get_year (time),
                              g_date_time_get_month (time),
                              g_date_time_get_day_of_month (time), 0, 0, 0);
  return g_date_time_add_days (midnight, days);
}

int
lh_minutes_between (GDateTime *start,
                    GDateTime *end)
{
  g_return_val_if_fail (start != NULL && end != NULL, 0);

  return (int) (g_date_time_difference (end, start) / G_TIME_SPAN_MINUTE);
}
