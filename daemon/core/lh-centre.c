/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-centre"

#include "lh-centre.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "lh-error.h"

#define GROUP "centre"

static gboolean
set_timezone (LhCentre *centre, const char *identifier, GError **error)
{
  GTimeZone *tz = g_time_zone_new_identifier (identifier);

  if (tz == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("[centre] timezone: “%s” is not a known time zone"), identifier);
      return FALSE;
    }
  g_clear_pointer (&centre->tz, g_time_zone_unref);
  g_free (centre->timezone_id);
  centre->tz = tz;
  centre->timezone_id = g_strdup (identifier);
  return TRUE;
}

LhCentre *
lh_centre_new_default (void)
{
  LhCentre *centre = g_new0 (LhCentre, 1);

  if (!set_timezone (centre, "Europe/London", NULL))
    {
      /* A machine without time zone data still works, in UTC. */
      centre->tz = g_time_zone_new_utc ();
      centre->timezone_id = g_strdup ("UTC");
    }
  centre->name = g_strdup ("the learning centre");
  centre->min_booking_minutes = 15;
  centre->max_booking_minutes = 120;
  centre->session_minutes = 30;
  centre->horizon_days = 60;
  centre->advice_retention_months = 24;
  centre->idle_seconds = 60;
  centre->idle_long_page_seconds = 150;
  centre->idle_warning_seconds = 30;
  return centre;
}

static gboolean
read_int (GKeyFile *key_file, const char *key, int min, int max, int *value, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  int v;

  if (!g_key_file_has_key (key_file, GROUP, key, NULL))
    return TRUE;
  v = g_key_file_get_integer (key_file, GROUP, key, &local_error);
  if (local_error != NULL || v < min || v > max)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("[centre] %s must be a whole number from %d to %d"), key, min, max);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

LhCentre *
lh_centre_new_from_key_file (GKeyFile *key_file, GError **error)
{
  g_autoptr(LhCentre) centre = lh_centre_new_default ();
  g_autofree char *tz = g_key_file_get_string (key_file, GROUP, "timezone", NULL);
  g_autofree char *name = g_key_file_get_string (key_file, GROUP, "name", NULL);
  g_autofree char *public_url = g_key_file_get_string (key_file, GROUP, "public-url", NULL);

  if (tz != NULL && !set_timezone (centre, tz, error))
    return NULL;
  if (name != NULL)
    {
      g_strstrip (name);
      if (name[0] == '\0' || g_utf8_strlen (name, -1) > 100)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[centre] name must have 1 to 100 characters"));
          return NULL;
        }
      g_free (centre->name);
      centre->name = g_steal_pointer (&name);
    }
  if (public_url != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (g_strstrip (public_url), G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL ||
          (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       _("[centre] public-url must be an address such as https://learning.example.org:8443"));
          return NULL;
        }
      /* Links are made by appending their path. */
      while (g_str_has_suffix (public_url, "/"))
        public_url[strlen (public_url) - 1] = '\0';
      centre->public_url = g_steal_pointer (&public_url);
    }
  if (!read_int (key_file, "min-booking-minutes", 5, 24 * 60, &centre->min_booking_minutes, error) ||
      !read_int (key_file, "max-booking-minutes", 5, 24 * 60, &centre->max_booking_minutes, error) ||
      !read_int (key_file, "session-minutes", 1, 24 * 60, &centre->session_minutes, error) ||
      !read_int (key_file, "horizon-days", 1, 366, &centre->horizon_days, error) ||
      !read_int (key_file, "advice-retention-months", 1, 120, &centre->advice_retention_months, error) ||
      !read_int (key_file, "pin-digits", 4, 8, &centre->pin_digits, error) ||
      !read_int (key_file, "idle-seconds", 10, 60 * 60, &centre->idle_seconds, error) ||
      !read_int (key_file, "idle-long-page-seconds", 10, 60 * 60, &centre->idle_long_page_seconds, error) ||
      !read_int (key_file, "idle-warning-seconds", LH_CENTRE_MIN_IDLE_WARNING_SECONDS, 10 * 60,
                 &centre->idle_warning_seconds, error))
    return NULL;
  if (centre->idle_long_page_seconds < centre->idle_seconds)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("[centre] idle-long-page-seconds is less than idle-seconds"));
      return NULL;
    }
  if (centre->min_booking_minutes > centre->max_booking_minutes)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("[centre] min-booking-minutes is more than max-booking-minutes"));
      return NULL;
    }
  return g_steal_pointer (&centre);
}

void
lh_centre_free (LhCentre *centre)
{
  g_clear_pointer (&centre->tz, g_time_zone_unref);
  g_free (centre->timezone_id);
  g_free (centre->name);
  g_free (centre->public_url);
  g_clear_pointer (&centre->note_key, lh_note_key_free);
  g_free (centre);
}
