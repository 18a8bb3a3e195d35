/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-history.h"

#include <gio/gio.h>

#include "lh-demo-resources.h"
#include "lh-rules.h"
#include "lh-time.h"

#define DAY (24 * 3600)

gboolean
lh_demo_read_terms (const LhCentre *centre, LhTerms *out_terms, GError **error)
{
  /* Named, not looked up globally: a static library's resource is
   * registered only if something refers to it. */
  g_autoptr(GBytes) bytes = g_resource_lookup_data (lh_demo_get_resource (), "/org/learnhub/demo/terms.conf", 0,
                                                    error);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  return bytes != NULL && g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, error) &&
         lh_terms_from_key_file (key_file, centre->tz, out_terms, error);
}

gint64
lh_demo_history_first_day (const LhCentre *centre, guint years, gint64 now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) here = g_date_time_to_timezone (utc, centre->tz);
  g_autoptr(GDateTime) back = g_date_time_add_years (here, -(int) years);

  return lh_time_local_midnight (g_date_time_to_unix (back), centre->tz);
}

static GDateTime *
local_date (const LhCentre *centre, gint64 t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t + 12 * 3600);

  return g_date_time_to_timezone (utc, centre->tz);
}

static gint64
midnight_of (const LhCentre *centre, int year, int month, int day)
{
  g_autoptr(GDateTime) date = g_date_time_new (centre->tz, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (date);
}

/* The agreement as first signed, at the start of its year before the
 * history began, and a review a year before the one the demo runs on:
 * each imported as of its own date, as an admin would have. */
static gboolean
add_terms (LhStore *store, const LhCentre *centre, gint64 first_day, GError **error)
{
  g_auto(LhTerms) terms = { 0 };
  g_autoptr(GDateTime) first = local_date (centre, first_day);
  g_autoptr(GDateTime) current = NULL;
  int year;
  gint64 review;

  if (!lh_demo_read_terms (centre, &terms, error))
    return FALSE;
  if (first_day >= terms.valid_from)
    return TRUE;  /* the demo's own terms cover it all */
  current = local_date (centre, terms.valid_from);
  year = g_date_time_get_year (first) - (g_date_time_get_month (first) < terms.year_start_month);
  review = midnight_of (centre, g_date_time_get_year (current) - 1, g_date_time_get_month (current),
                        g_date_time_get_day_of_month (current));

  g_free (terms.name);
  terms.name = g_strdup_printf ("Riverside Depot Learning Agreement %d", year);
  terms.valid_from = midnight_of (centre, year, terms.year_start_month, 1);
  terms.paid_learning_minutes = 37 * 60 + 30;
  terms.matched_cap_minutes = 10 * 60;
  terms.ulr_facility_minutes_per_week = 4 * 60;
  if (!lh_terms_add_version (store, centre, &terms, "demo", first_day, error))
    return FALSE;
  if (review <= terms.valid_from)
    return TRUE;
  g_free (terms.name);
  terms.name = g_strdup_printf ("Riverside Depot Learning Agreement %d (reviewed)", year);
  terms.valid_from = review;
  terms.paid_learning_minutes = 45 * 60;
  terms.matched_cap_minutes = 15 * 60;
  terms.ulr_facility_minutes_per_week = 5 * 60;
  return lh_terms_add_version (store, centre, &terms, "demo", review, error);
}

/* Rules as a centre changes them: cautious at first, then a longer day
 * and week once the PCs were less in demand than feared. */
static gboolean
add_rules (LhStore *store, const LhCentre *centre, gint64 first_day, gint64 recent_start, GError **error)
{
  LhRules rules = {
    .valid_from = first_day,
    .min_booking_minutes = 15, .max_booking_minutes = 120, .horizon_days = 30,
    .max_minutes_per_day = 180, .max_minutes_per_week = 360,
    .hold_minutes = 15,
  };

  if (!lh_rules_add_version (store, &rules, "demo", first_day, error))
    return FALSE;
  rules.valid_from = lh_time_local_midnight (first_day + (recent_start - first_day) / 2, centre->tz);
  rules.horizon_days = 60;
  rules.max_minutes_per_day = 240;
  rules.max_minutes_per_week = 480;
  return rules.valid_from <= first_day || lh_rules_add_version (store, &rules, "demo", rules.valid_from, error);
}

static gboolean
close_on (LhStore *store, const LhCentre *centre, gint64 from, gint64 until, int year, int month, int day,
          const char *reason, GError **error)
{
  gint64 t = midnight_of (centre, year, month, day);
  g_autofree char *date = NULL;

  if (t < from || t >= until)
    return TRUE;
  date = lh_time_format_date (t, centre->tz);
  return lh_closures_add (store, date, reason, error);
}

/* The Monday n weeks after the first Monday of the month (n < 0: from
 * the last Monday). */
static int
monday_of (int year, int month, int n)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, month, year);

  if (n < 0)
    g_date_set_day (date, g_date_get_days_in_month (month, year));
  while (g_date_get_weekday (date) != G_DATE_MONDAY)
    n < 0 ? g_date_subtract_days (date, 1) : g_date_add_days (date, 1);
  if (n > 0)
    g_date_add_days (date, 7 * n);
  return g_date_get_day (date);
}

/* Easter Sunday (the Gregorian computus), as day of March (> 31: April). */
static int
easter_of (int y)
{
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;

  return h + l - 7 * m + 22;
}

/* Christmas and New Year every year up to the demo's last months (the
 * demo adds the next); and before those months, the bank holidays of
 * England and a staff training day each September. */
static gboolean
add_closures (LhStore *store, const LhCentre *centre, gint64 first_day, gint64 recent_start, GError **error)
{
  g_autoptr(GDateTime) first = local_date (centre, first_day);
  g_autoptr(GDateTime) last = local_date (centre, recent_start);
  gint64 end_of_christmas = recent_start + 120 * DAY;

  for (int y = g_date_time_get_year (first); y <= g_date_time_get_year (last); y++)
    {
      int easter = easter_of (y);
      gint64 good_friday = midnight_of (centre, y, 3, 1) + (gint64) (easter - 3) * DAY;
      gint64 easter_monday = midnight_of (centre, y, 3, 1) + (gint64) (easter) * DAY;
      g_autofree char *friday = lh_time_format_date (lh_time_local_midnight (good_friday + 12 * 3600, centre->tz),
                                                     centre->tz);
      g_autofree char *monday = lh_time_format_date (lh_time_local_midnight (easter_monday + 12 * 3600, centre->tz),
                                                     centre->tz);

      if (!close_on (store, centre, first_day, end_of_christmas, y, 12, 25, "Christmas Day", error) ||
          !close_on (store, centre, first_day, end_of_christmas, y, 12, 26, "Boxing Day", error) ||
          !close_on (store, centre, first_day, end_of_christmas, y + 1, 1, 1, "New Year's Day", error) ||
          !close_on (store, centre, first_day, recent_start, y, 5, monday_of (y, 5, 0), "Early May bank holiday",
                     error) ||
          !close_on (store, centre, first_day, recent_start, y, 5, monday_of (y, 5, -1), "Spring bank holiday",
                     error) ||
          !close_on (store, centre, first_day, recent_start, y, 8, monday_of (y, 8, -1), "Summer bank holiday",
                     error) ||
          !close_on (store, centre, first_day, recent_start, y, 9, monday_of (y, 9, 1) + 4, "Staff training day",
                     error))
        return FALSE;
      if (good_friday >= first_day && easter_monday < recent_start &&
          (!lh_closures_add (store, friday, "Good Friday", error) ||
           !lh_closures_add (store, monday, "Easter Monday", error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
lh_demo_add_dated_history (LhStore *store, const LhCentre *centre, gint64 first_day, gint64 recent_start,
                           GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (first_day < recent_start, FALSE);

  return add_terms (store, centre, first_day, error) &&
         add_rules (store, centre, first_day, recent_start, error) &&
         add_closures (store, centre, first_day, recent_start, error);
}
