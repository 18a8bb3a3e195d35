/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-committee"

#include "lh-committee-private.h"

#include "lh-error.h"
#include "lh-time.h"

#define SECONDS_A_YEAR (G_GINT64_CONSTANT (366) * 24 * 3600)

gboolean
lh_committee_text_check (const char *text, LhTextShape shape, guint max_chars, gboolean required, const char *field,
                         const char *invalid_reason, GError **error)
{
  if (text == NULL || (required && lh_text_is_blank (text)))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s is missing", field);
      lh_error_set_reason (error, invalid_reason);
      return FALSE;
    }
  if (lh_text_check (text, -1, shape, max_chars, field, error))
    return TRUE;
  if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) > (glong) max_chars)
    lh_error_set_too_long (error, field, max_chars);
  else
    lh_error_set_reason (error, invalid_reason);
  return FALSE;
}

gboolean
lh_committee_time_check (gint64 at, gint64 now, const char *what, GError **error)
{
  if (at >= now - LH_COMMITTEE_YEARS_BACK * SECONDS_A_YEAR && at <= now + LH_COMMITTEE_YEARS_AHEAD * SECONDS_A_YEAR)
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s is more than %d years back or %d years ahead", what,
               LH_COMMITTEE_YEARS_BACK, LH_COMMITTEE_YEARS_AHEAD);
  lh_error_set_reason (error, "date-out-of-range");
  return FALSE;
}

gboolean
lh_committee_day_check (const char *day, GTimeZone *tz, gint64 now, const char *what, gint64 *out_midnight,
                        GError **error)
{
  gint64 midnight;

  if (day == NULL || !lh_time_parse_date (day, tz, &midnight, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s is not a day YYYY-MM-DD", what);
      lh_error_set_reason (error, "date-invalid");
      return FALSE;
    }
  if (!lh_committee_time_check (midnight, now, what, error))
    return FALSE;
  if (out_midnight != NULL)
    *out_midnight = midnight;
  return TRUE;
}

char *
lh_committee_dup_column (LhStmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
         ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, column));
}
