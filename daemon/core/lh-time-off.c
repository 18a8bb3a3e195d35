/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving time off: a booking's request, its approval or rejection,
 * an admin's decision (cancelling and settling are in lh-time-off-settle.c,
 * an admin's adjustments in lh-time-off-adjust.c). Every movement is a new
 * ledger entry. */
#define G_LOG_DOMAIN "lh-time-off"

#include "lh-time-off-private.h"

#include "lh-error.h"
#include "lh-people.h"
#include "lh-text.h"
#include "lh-time.h"

#define REASON_MAX_CHARS 200

static const struct
{
  const char *category;
  const char *activity;
  const char *column;
} sources[] = {
  [LH_TIME_OFF_FOR_BOOKING] = { "learning", "centre-learning", "booking_id" },
  [LH_TIME_OFF_FOR_GROUP_PLACE] = { "learning", "group-study", "group_place_id" },
  [LH_TIME_OFF_FOR_ASSESSMENT] = { "assessment", "skills-for-life", "assessment_slot_id" },
};

static int
minutes_between (gint64 start, gint64 end)
{
  return (int) ((end - start + 30) / 60);
}

/* Who a person is in the audit trail, as they are now. */
static void
actor_of (const LhPerson *person, LhActor *out_actor, char **out_name)
{
  *out_name = g_strdup_printf ("%s (%s)", person->name, person->staff_number);
  *out_actor = (LhActor) { person->id, *out_name };
}

gboolean
lh_time_off_person_actor (LhStore *store, gint64 person_id, LhActor *out_actor, char **out_name, GError **error)
{
  g_autoptr(LhPerson) person = NULL;

  *out_actor = (LhActor) { 0, LH_TIME_OFF_DAEMON_ACTOR };
  *out_name = NULL;
  if (person_id == 0)
    return TRUE;
  person = lh_people_get (store, person_id, error);
  if (person == NULL)
    return FALSE;
  actor_of (person, out_actor, out_name);
  return TRUE;
}

LhTimeOffRequest *
lh_time_off_get_request (LhStore *store, gint64 request_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_TIME_OFF_REQUEST_SELECT "WHERE r.id = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, request_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no time-off request %" G_GINT64_FORMAT,
                   request_id);
      lh_error_set_reason (error, "time-off-not-found");
      return NULL;
    }
  return lh_time_off_request_from_row (stmt);
}

LhTimeOffRequest *
lh_time_off_get_for (LhStore *store, LhTimeOffSource source, gint64 source_id, GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (source <= LH_TIME_OFF_FOR_ASSESSMENT, NULL);

  /* A slot given back may be booked again by someone else: the latest. */
  sql = g_strdup_printf (LH_TIME_OFF_REQUEST_SELECT "WHERE r.%s = ?1 ORDER BY r.id DESC LIMIT 1",
                         sources[source].column);
  stmt = lh_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, source_id);
  if (!lh_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;
  return lh_time_off_request_from_row (stmt);
}

LhTimeOffRequest *
lh_time_off_get_for_group (LhStore *store, gint64 group_session_id, gint64 person_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store,
                           LH_TIME_OFF_REQUEST_SELECT
                           "JOIN group_places gp ON gp.id = r.group_place_id "
                           "WHERE gp.group_session_id = ?1 AND gp.person_id = ?2 "
                           "AND gp.status IN ('booked', 'waiting')", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, group_session_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!lh_store_step (store, stmt, &has_row, error) || !has_row)
    return NULL;
  return lh_time_off_request_from_row (stmt);
}

gboolean
lh_time_off_set_status (LhStore *store, gint64 request_id, const char *status, gboolean decided, gint64 now,
                        GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "UPDATE time_off_requests SET status = ?2, "
                                             "paid_before = paid_before OR status = 'approved', "
                                             "decided_at = CASE WHEN ?3 THEN ?4 ELSE decided_at END "
                                             "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_text (stmt, 2, status, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, decided);
  sqlite3_bind_int64 (stmt, 4, now);
  return lh_store_exec (store, stmt, error);
}

/* The refusal of paid time beyond what is left, in plain words. */
static void
set_over_entitlement (GError **error, const char *category, const LhTimeOffCategory *balance,
                      const LhTimeOffBalance *year, int asked, GTimeZone *tz)
{
  g_autofree char *left = lh_time_format_duration (MAX (balance->remaining_minutes, 0));
  g_autofree char *needed = lh_time_format_duration (asked);
  g_autofree char *last_day = lh_time_format_long_date (year->year_end - 12 * 3600, tz);

  if (balance->remaining_minutes <= 0)
    g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                 "You have no %s left this agreement year (to %s), and this needs %s. "
                 "You can book it in your own time.",
                 lh_time_off_category_words (category), last_day, needed);
  else
    g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                 "You have %s of %s left this agreement year (to %s), and this needs %s. "
                 "You can book it in your own time, or choose a shorter time.",
                 left, lh_time_off_category_words (category), last_day, needed);
  lh_error_set_reason (error, "paid-time-exhausted");
  lh_error_add_number (error, "left_minutes", MAX (balance->remaining_minutes, 0));
  lh_error_add_number (error, "asked_minutes", asked);
}

static gboolean
check_paid (LhStore *store, const LhCentre *centre, const LhPerson *person, LhTimeOffSource source, gint64 start,
            int minutes, gboolean *out_auto, GError **error)
{
  const char *category = sources[source].category;
  g_auto(LhTerms) terms = { 0 };
  LhTimeOffBalance balance;
  const LhTimeOffCategory *left = NULL;

  if (person->sponsor_id != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "Paid time off is for staff; a guest books in their own time");
      lh_error_set_reason (error, "staff-only");
      return FALSE;
    }
  if (!lh_terms_at (store, start, &terms, error))
    return FALSE;
  /* Assessment time is its own entitlement; the rest draws on paid
   * learning time for the activities the agreement lists. */
  if (source != LH_TIME_OFF_FOR_ASSESSMENT && !lh_terms_pays_for (&terms, sources[source].activity))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "The learning agreement does not give paid time for %s; book it in your own time",
                   source == LH_TIME_OFF_FOR_BOOKING ? "time on a computer" : "group study");
      lh_error_set_reason (error, "not-paid-activity");
      return FALSE;
    }
  if (!lh_time_off_balance (store, centre, person->id, start, &balance, error))
    return FALSE;
  for (guint i = 0; i < balance.n_categories; i++)
    if (g_strcmp0 (balance.categories[i].category, category) == 0)
      left = &balance.categories[i];
  g_assert (left != NULL);
  if (left->remaining_minutes < minutes)
    {
      set_over_entitlement (error, category, left, &balance, minutes, centre->tz);
      return FALSE;
    }
  *out_auto = terms.auto_approve;
  return TRUE;
}

LhTimeOffRequest *
lh_time_off_request_locked (LhStore *store, const LhCentre *centre, gint64 person_id, LhTimeOffSource source,
                            gint64 source_id, gint64 start, gint64 end, gboolean paid, gint64 now,
                            GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(LhStmt) insert = NULL;
  int minutes = minutes_between (start, end);
  gboolean auto_approve = FALSE;
  gint64 request_id;
  LhLedgerWrite entry = { 0 };
  g_autofree char *actor_name = NULL;
  g_autoptr(LhPerson) person = NULL;
  LhActor actor;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (source <= LH_TIME_OFF_FOR_ASSESSMENT, NULL);
  g_return_val_if_fail (!paid || centre != NULL, NULL);
  g_return_val_if_fail (end > start, NULL);

  person = lh_people_get (store, person_id, error);
  if (person == NULL)
    return NULL;
  actor_of (person, &actor, &actor_name);
  if (paid && !check_paid (store, centre, person, source, start, minutes, &auto_approve, error))
    return NULL;
  sql = g_strdup_printf ("INSERT INTO time_off_requests (person_id, category, activity, paid, %s, start_at, "
                         "end_at, status, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                         sources[source].column);
  insert = lh_store_prepare (store, sql, error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_int64 (insert, 1, person_id);
  sqlite3_bind_text (insert, 2, sources[source].category, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, sources[source].activity, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, paid);
  sqlite3_bind_int64 (insert, 5, source_id);
  sqlite3_bind_int64 (insert, 6, start);
  sqlite3_bind_int64 (insert, 7, end);
  sqlite3_bind_text (insert, 8, !paid ? "own" : auto_approve ? "approved" : "pending", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 9, now);
  if (!lh_store_exec (store, insert, error))
    return NULL;
  request_id = lh_store_last_insert_id (store);

  entry.person_id = person_id;
  entry.category = sources[source].category;
  entry.kind = "requested";
  entry.at = start;
  entry.minutes = minutes;
  entry.pending_delta = paid ? minutes : 0;
  entry.request_id = request_id;
  entry.reason = paid ? "work time" : "own time";
  entry.actor_id = actor.actor_id;
  entry.actor_name = actor.name;
  if (!lh_time_off_ledger_add (store, &entry, now, error))
    return NULL;
  if (paid && auto_approve)
    {
      entry.actor_id = 0;
      entry.actor_name = NULL;
      entry.kind = "approved";
      entry.pending_delta = -minutes;
      entry.booked_delta = minutes;
      entry.reason = "within the entitlement: approved at once";
      if (!lh_time_off_ledger_add (store, &entry, now, error))
        return NULL;
    }
  return lh_time_off_get_request (store, request_id, error);
}

gboolean
lh_time_off_check_reason (const char *reason, gboolean required, GError **error)
{
  if (required && lh_text_is_blank (reason))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Give a reason, so that the learner knows why");
      return FALSE;
    }
  if (reason != NULL && (!g_utf8_validate (reason, -1, NULL) || g_utf8_strlen (reason, -1) > REASON_MAX_CHARS))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Keep the reason to %d characters", REASON_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

LhTimeOffRequest *
lh_time_off_decide (LhStore *store, gint64 request_id, gboolean approve, const char *reason,
                    const LhActor *actor, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhTimeOffRequest) request = NULL;
  LhLedgerWrite entry = { 0 };

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL && actor->name != NULL, NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  request = lh_time_off_get_request (store, request_id, error);
  if (request == NULL)
    return NULL;
  if (g_strcmp0 (request->status, "pending") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "That request is not waiting for a decision: it is %s",
                   request->status);
      lh_error_set_reason (error, "already-decided");
      return NULL;
    }
  if (actor->actor_id != 0 && actor->actor_id == request->person_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_FORBIDDEN, "Your own request is for another admin to decide");
      return NULL;
    }
  if (!lh_time_off_check_reason (reason, !approve, error))
    return NULL;
  entry.person_id = request->person_id;
  entry.category = request->category;
  entry.kind = approve ? "approved" : "rejected";
  entry.at = request->start_at;
  entry.minutes = request->minutes;
  entry.pending_delta = -request->minutes;
  entry.booked_delta = approve ? request->minutes : 0;
  entry.request_id = request->id;
  entry.reason = reason;
  entry.actor_id = actor->actor_id;
  entry.actor_name = actor->name;
  if (!lh_time_off_ledger_add (store, &entry, now, error) ||
      !lh_time_off_set_status (store, request->id, approve ? "approved" : "rejected", TRUE, now, error))
    return NULL;
  g_clear_pointer (&request, lh_time_off_request_free);
  request = lh_time_off_get_request (store, request_id, error);
  if (request == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  lh_time_off_request_hide_need (request);
  return g_steal_pointer (&request);
}

gboolean
lh_time_off_log_facility_locked (LhStore *store, gint64 ulr_id, gint64 facility_id, const char *activity,
                                 gint64 start, int minutes, gint64 now, GError **error)
{
  LhLedgerWrite entry = {
    .person_id = ulr_id,
    .category = "facility",
    .kind = "taken",
    .at = start,
    .minutes = minutes,
    .taken_delta = minutes,
    .facility_id = facility_id,
    .reason = activity,
  };

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  return lh_time_off_ledger_add (store, &entry, now, error);
}
