/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-rules"

#include "lh-rules.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "lh-error.h"
#include "lh-time.h"

#define RULES_COLUMNS \
  "valid_from, min_booking_minutes, max_booking_minutes, horizon_days, max_minutes_per_day, " \
  "max_minutes_per_week, max_bookings_per_day, max_bookings_per_week, hold_minutes"

static void
rules_from_row (LhStmt *stmt, LhRules *rules)
{
  rules->valid_from = sqlite3_column_int64 (stmt, 0);
  rules->min_booking_minutes = sqlite3_column_int (stmt, 1);
  rules->max_booking_minutes = sqlite3_column_int (stmt, 2);
  rules->horizon_days = sqlite3_column_int (stmt, 3);
  rules->max_minutes_per_day = sqlite3_column_int (stmt, 4);
  rules->max_minutes_per_week = sqlite3_column_int (stmt, 5);
  rules->max_bookings_per_day = sqlite3_column_int (stmt, 6);
  rules->max_bookings_per_week = sqlite3_column_int (stmt, 7);
  rules->hold_minutes = sqlite3_column_int (stmt, 8);
}

gboolean
lh_rules_at (LhStore *store, const LhCentre *centre, gint64 t, LhRules *out_rules, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (centre != NULL && out_rules != NULL, FALSE);

  stmt = lh_store_prepare (store,
                           "SELECT " RULES_COLUMNS " FROM rule_versions WHERE valid_from <= ?1 "
                           "ORDER BY valid_from DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, t);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      rules_from_row (stmt, out_rules);
      return TRUE;
    }
  memset (out_rules, 0, sizeof *out_rules);
  out_rules->min_booking_minutes = centre->min_booking_minutes;
  out_rules->max_booking_minutes = centre->max_booking_minutes;
  out_rules->horizon_days = centre->horizon_days;
  out_rules->hold_minutes = LH_RULES_DEFAULT_HOLD_MINUTES;
  return TRUE;
}

gboolean
lh_rules_add_version (LhStore *store, const LhRules *rules, const char *created_by, gint64 now,
                      GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  if (rules->valid_from < now - 60)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("New rules can start today or later, not in the past"));
      return FALSE;
    }
  if (rules->min_booking_minutes < 5 || rules->max_booking_minutes > 24 * 60 ||
      rules->min_booking_minutes > rules->max_booking_minutes ||
      rules->horizon_days < 1 || rules->horizon_days > 366 ||
      rules->max_minutes_per_day < 0 || rules->max_minutes_per_week < 0 ||
      rules->max_bookings_per_day < 0 || rules->max_bookings_per_week < 0 ||
      rules->hold_minutes < 5 || rules->hold_minutes > 120)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   _("Booking lengths run from 5 minutes to a day, the shortest no longer than the "
                   "longest; bookings may be made 1 to 366 days ahead; limits are 0 (none) or more; "
                   "a booking is held 5 to 120 minutes for its person to arrive"));
      return FALSE;
    }
  stmt = lh_store_prepare (store,
                           "INSERT INTO rule_versions (" RULES_COLUMNS ", created_at, created_by) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rules->valid_from);
  sqlite3_bind_int (stmt, 2, rules->min_booking_minutes);
  sqlite3_bind_int (stmt, 3, rules->max_booking_minutes);
  sqlite3_bind_int (stmt, 4, rules->horizon_days);
  sqlite3_bind_int (stmt, 5, rules->max_minutes_per_day);
  sqlite3_bind_int (stmt, 6, rules->max_minutes_per_week);
  sqlite3_bind_int (stmt, 7, rules->max_bookings_per_day);
  sqlite3_bind_int (stmt, 8, rules->max_bookings_per_week);
  sqlite3_bind_int (stmt, 9, rules->hold_minutes);
  sqlite3_bind_int64 (stmt, 10, now);
  sqlite3_bind_text (stmt, 11, created_by, -1, SQLITE_TRANSIENT);
  if (!lh_store_exec (store, stmt, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, _("Rules already start at that moment"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

GArray *
lh_rules_list (LhStore *store, GError **error)
{
  g_autoptr(GArray) versions = g_array_new (FALSE, FALSE, sizeof (LhRules));
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT " RULES_COLUMNS " FROM rule_versions ORDER BY valid_from",
                                             error);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      LhRules rules;

      rules_from_row (stmt, &rules);
      g_array_append_val (versions, rules);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&versions);
}

static gboolean
check_date (const char *date, GError **error)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 unused;

  return lh_time_parse_date (date, utc, &unused, error);
}

gboolean
lh_closures_add (LhStore *store, const char *date, const char *reason, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!check_date (date, error))
    return FALSE;
  if (reason == NULL || reason[0] == '\0' || g_utf8_strlen (reason, -1) > 200 ||
      !g_utf8_validate (reason, -1, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Say why the centre is closed, in up to 200 characters");
      return FALSE;
    }
  stmt = lh_store_prepare (store, "INSERT INTO closures (date, reason) VALUES (?1, ?2) "
                                  "ON CONFLICT (date) DO UPDATE SET reason = excluded.reason", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, reason, -1, SQLITE_TRANSIENT);
  return lh_store_exec (store, stmt, error);
}

char *
lh_closures_reason (LhStore *store, const char *date, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT reason FROM closures WHERE date = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
  if (!lh_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

GPtrArray *
lh_closures_list (LhStore *store, const char *from_date, GError **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT date, reason FROM closures WHERE date >= ?1 ORDER BY date",
                                             error);
  g_autoptr(GError) local_error = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from_date, -1, SQLITE_TRANSIENT);
  while (lh_store_step (store, stmt, &has_row, &local_error) && has_row)
    {
      g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&list);
}
