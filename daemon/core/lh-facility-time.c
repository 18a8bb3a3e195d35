/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-facility-time"

#include "lh-facility-time.h"

#include "lh-advice-private.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-terms.h"
#include "lh-time-off.h"
#include "lh-time.h"

#define MANUAL_MAX_MINUTES (12 * 60)

static const char * const manual_activities[] = { "training", "meeting", "promotion", "other", NULL };

void
lh_facility_entry_free (LhFacilityEntry *entry)
{
  g_free (entry->activity);
  g_free (entry->note);
  g_free (entry);
}

void
lh_facility_summary_free (LhFacilitySummary *summary)
{
  g_clear_pointer (&summary->entries, g_ptr_array_unref);
  g_free (summary);
}

#define ENTRY_SELECT \
  "SELECT id, activity, start_at, minutes, note, dropin_id IS NOT NULL OR request_id IS NOT NULL " \
  "FROM facility_time "

static LhFacilityEntry *
entry_from_row (LhStmt *stmt)
{
  LhFacilityEntry *entry = g_new0 (LhFacilityEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->activity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  entry->start_at = sqlite3_column_int64 (stmt, 2);
  entry->minutes = sqlite3_column_int (stmt, 3);
  entry->note = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  entry->automatic = sqlite3_column_int (stmt, 5) != 0;
  return entry;
}

static gboolean
insert_entry (LhStore *store, gint64 ulr_id, const char *activity, gint64 start, int minutes, gint64 dropin_id,
              gint64 request_id, const char *note, gint64 now, GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT INTO facility_time (ulr_id, activity, start_at, minutes, "
                                               "dropin_id, request_id, note, created_at) "
                                               "VALUES (?1, ?2, ?3, ?4, nullif(?5, 0), nullif(?6, 0), ?7, ?8)",
                                               error);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, ulr_id);
  sqlite3_bind_text (insert, 2, activity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 3, start);
  sqlite3_bind_int (insert, 4, minutes);
  sqlite3_bind_int64 (insert, 5, dropin_id);
  sqlite3_bind_int64 (insert, 6, request_id);
  sqlite3_bind_text (insert, 7, note != NULL ? note : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 8, now);
  /* Facility time is time off like any other: into the ledger with it. */
  return lh_store_exec (store, insert, error) &&
         lh_time_off_log_facility_locked (store, ulr_id, lh_store_last_insert_id (store), activity, start, minutes,
                                          now, error);
}

/* Narrows [*start, *end) to the part before, between or after the ULR's
 * entries that it overlaps: one person's time is never counted twice.
 * Entries last at most a day, so those that overlap start in
 * (*start - day, *end): a range of facility_time_by_ulr. */
static gboolean
clip_to_free (LhStore *store, gint64 ulr_id, gint64 *start, gint64 *end, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT start_at, start_at + 60 * minutes FROM facility_time "
                                             "WHERE ulr_id = ?1 AND start_at > ?2 - 86400 AND start_at < ?3 "
                                             "AND start_at + 60 * minutes > ?2 ORDER BY start_at", error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ulr_id);
  sqlite3_bind_int64 (stmt, 2, *start);
  sqlite3_bind_int64 (stmt, 3, *end);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      gint64 from = sqlite3_column_int64 (stmt, 0);
      gint64 to = sqlite3_column_int64 (stmt, 1);

      if (from <= *start)
        *start = MAX (*start, to);
      else if (from < *end)
        {
          *end = from;
          break;
        }
    }
  return ok;
}

LhFacilityEntry *
lh_facility_time_add (LhStore *store, gint64 ulr_id, const char *activity, gint64 start, int minutes,
                      const char *note, gint64 now, GError **error)
{
  g_autoptr(LhPerson) ulr = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  gboolean has_row;
  gint64 facility_id;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (activity == NULL || !g_strv_contains (manual_activities, activity))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "Add training, meeting, promotion or other time; drop-ins and appointments log themselves");
      lh_error_set_reason (error, "activity-unknown");
      return NULL;
    }
  if (minutes < 1 || minutes > MANUAL_MAX_MINUTES)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Log 1 minute to 12 hours at a time");
      lh_error_set_reason (error, "facility-length");
      lh_error_add_number (error, "min_minutes", 1);
      lh_error_add_number (error, "max_minutes", MANUAL_MAX_MINUTES);
      return NULL;
    }
  if (start > now || start < now - 366 * 24 * 3600)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Log time from the past year, not the future");
      lh_error_set_reason (error, "facility-date");
      return NULL;
    }
  if (!lh_advice_text_check (note, 200, TRUE, "note", error))
    return NULL;
  ulr = lh_people_get (store, ulr_id, error);
  if (ulr == NULL)
    return NULL;
  if (!(ulr->roles & LH_ROLE_ULR))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Facility time is for union learning reps");
      lh_error_set_reason (error, "not-a-ulr");
      return NULL;
    }
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  {
    gint64 free_start = start, free_end = start + (gint64) minutes * 60;

    if (!clip_to_free (store, ulr_id, &free_start, &free_end, error))
      return NULL;
    if (free_start != start || free_end != start + (gint64) minutes * 60)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "You have facility time logged for some of that time already");
        lh_error_set_reason (error, "facility-overlap");
        return NULL;
      }
  }
  if (!insert_entry (store, ulr_id, activity, start, minutes, 0, 0, note, now, error))
    return NULL;
  /* The ledger entry was inserted last: the entry's id comes from it. */
  facility_id = lh_store_last_insert_id (store);
  stmt = lh_store_prepare (store, ENTRY_SELECT "WHERE id = (SELECT facility_id FROM time_off_ledger WHERE id = ?1)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, facility_id);
  if (!lh_store_step (store, stmt, &has_row, error) || !lh_transaction_commit (tx, error))
    return NULL;
  return entry_from_row (stmt);
}

gboolean
lh_facility_time_log (LhStore *store, gint64 ulr_id, const char *activity, gint64 start, gint64 end,
                      gint64 dropin_id, gint64 request_id, gint64 now, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  int minutes;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  /* What is not counted already (an appointment in the middle of a
   * drop-in, say, keeps its own time). */
  if (!clip_to_free (store, ulr_id, &start, &end, error))
    return FALSE;
  minutes = (int) MIN ((end - start + 30) / 60, 24 * 60);
  if (minutes < 1)
    return TRUE;
  /* Logged once: a second time (a retried close) is no error. */
  if (!insert_entry (store, ulr_id, activity, start, minutes, dropin_id, request_id, "", now, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

LhFacilitySummary *
lh_facility_time_summary (LhStore *store, const LhCentre *centre, gint64 ulr_id, gint64 at, GError **error)
{
  g_autoptr(LhFacilitySummary) summary = g_new0 (LhFacilitySummary, 1);
  g_autoptr(LhStmt) stmt = NULL;
  g_auto(LhTerms) terms = { 0 };
  gint64 today, week_end, year_end;
  int weeks;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  /* The week and the agreement year, each by the terms in force then. */
  if (!lh_terms_at (store, at, &terms, error))
    return NULL;
  today = lh_time_local_midnight (at, centre->tz);
  summary->week_start = lh_time_add_days (today, 1 - lh_time_local_weekday (at, centre->tz), centre->tz);
  week_end = lh_time_add_days (summary->week_start, 7, centre->tz);
  summary->year_start = lh_terms_year_start (&terms, at, centre->tz);
  {
    g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (summary->year_start);
    g_autoptr(GDateTime) here = g_date_time_to_timezone (start, centre->tz);
    g_autoptr(GDateTime) next = g_date_time_add_years (here, 1);

    year_end = g_date_time_to_unix (next);
  }
  summary->week_agreed_minutes = terms.ulr_facility_minutes_per_week;
  /* A year of weeks, at the weekly figure. */
  weeks = (int) ((year_end - summary->year_start + 3 * 24 * 3600) / (7 * 24 * 3600));
  summary->year_agreed_minutes = terms.ulr_facility_minutes_per_week * weeks;
  if (!lh_time_off_facility_minutes (store, ulr_id, summary->week_start, week_end, &summary->week_minutes, error) ||
      !lh_time_off_facility_minutes (store, ulr_id, summary->year_start, year_end, &summary->year_minutes, error))
    return NULL;
  stmt = lh_store_prepare (store,
                           ENTRY_SELECT "WHERE ulr_id = ?1 AND start_at >= ?2 AND start_at < ?3 "
                           "ORDER BY start_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ulr_id);
  sqlite3_bind_int64 (stmt, 2, summary->week_start);
  sqlite3_bind_int64 (stmt, 3, week_end);
  summary->entries = lh_store_collect (store, stmt, (LhRowFunc) entry_from_row,
                                       (GDestroyNotify) lh_facility_entry_free, error);
  if (summary->entries == NULL)
    return NULL;
  return g_steal_pointer (&summary);
}
