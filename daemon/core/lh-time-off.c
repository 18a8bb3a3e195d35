/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Moving time off: a booking's request, its approval or rejection,
 * cancellation, settling from actual use (an admin's adjustments are in
 * lh-time-off-adjust.c). Every movement is a new ledger entry. */
#define G_LOG_DOMAIN "lh-time-off"

#include "lh-time-off-private.h"

#include "lh-error.h"
#include "lh-people.h"
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

static gboolean
person_actor (LhStore *store, gint64 person_id, LhActor *out_actor, char **out_name, GError **error)
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

static LhTimeOffRequest *
get_request (LhStore *store, gint64 request_id, GError **error)
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

static gboolean
set_status (LhStore *store, gint64 request_id, const char *status, gboolean decided, gint64 now, GError **error)
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
  return get_request (store, request_id, error);
}

/* Minutes the sittings of a PC booking used within it, up to `until`. */
static gboolean
booking_used_minutes (LhStore *store, gint64 booking_id, gint64 until, int *out_minutes, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT coalesce(sum(max(0, min(coalesce(u.ended_at, ?2), b.end_at, ?2) "
                                             "  - max(u.started_at, b.start_at))), 0) "
                                             "FROM usage_sessions u JOIN bookings b ON b.id = u.booking_id "
                                             "WHERE u.booking_id = ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, booking_id);
  sqlite3_bind_int64 (stmt, 2, until);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_minutes = (int) ((sqlite3_column_int64 (stmt, 0) + 30) / 60);
  return TRUE;
}

/* Records the request as taken: used minutes, of which paid up to the
 * approved time; the rest, and all of own or rejected time, is own. */
static gboolean
settle_one (LhStore *store, const LhTimeOffRequest *request, int used, gint64 now, GError **error)
{
  gboolean approved = g_strcmp0 (request->status, "approved") == 0;
  LhLedgerWrite entry = {
    .person_id = request->person_id,
    .category = request->category,
    .kind = "taken",
    .at = request->start_at,
    .request_id = request->id,
    .reason = used == 0 ? "not used" : "from actual use",
  };

  if (g_strcmp0 (request->status, "pending") == 0)
    entry.pending_delta = -request->minutes;
  if (approved)
    {
      entry.booked_delta = -request->minutes;
      entry.taken_delta = MIN (used, request->minutes);
      entry.own_delta = used - entry.taken_delta;
      entry.minutes = entry.taken_delta;
    }
  else
    {
      entry.own_delta = used;
      entry.minutes = used;
    }
  /* Own time at an assessment is not learning time to be matched. */
  if (g_strcmp0 (request->category, "learning") != 0)
    entry.own_delta = 0;
  return lh_time_off_ledger_add (store, &entry, now, error) && set_status (store, request->id, "taken", FALSE, now,
                                                                           error);
}

static gboolean
cancel_one (LhStore *store, const LhTimeOffRequest *request, const char *reason, const LhActor *actor, gint64 now,
            GError **error)
{
  LhLedgerWrite entry = {
    .actor_id = actor != NULL ? actor->actor_id : 0,
    .actor_name = actor != NULL ? actor->name : NULL,
    .person_id = request->person_id,
    .category = request->category,
    .kind = "cancelled",
    .at = request->start_at,
    .minutes = request->minutes,
    .request_id = request->id,
    .reason = reason,
  };

  if (g_strcmp0 (request->status, "pending") == 0)
    entry.pending_delta = -request->minutes;
  else if (g_strcmp0 (request->status, "approved") == 0)
    entry.booked_delta = -request->minutes;
  return lh_time_off_ledger_add (store, &entry, now, error) && set_status (store, request->id, "cancelled", FALSE,
                                                                           now, error);
}

static gboolean
is_open (const LhTimeOffRequest *request)
{
  return g_strcmp0 (request->status, "cancelled") != 0 && g_strcmp0 (request->status, "taken") != 0;
}

gboolean
lh_time_off_cancel_locked (LhStore *store, LhTimeOffSource source, gint64 source_id, const char *reason,
                           gint64 by_person_id, gint64 now, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhTimeOffRequest) request = NULL;
  g_autofree char *actor_name = NULL;
  LhActor actor;
  int used = 0;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  request = lh_time_off_get_for (store, source, source_id, &local_error);
  if (request == NULL || !is_open (request))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return local_error == NULL;
    }
  /* A PC booking cancelled once its person has sat at it keeps what
   * they used: nothing used is ever lost from the record. */
  if (source == LH_TIME_OFF_FOR_BOOKING)
    {
      if (!booking_used_minutes (store, source_id, now, &used, error))
        return FALSE;
      if (used > 0)
        return settle_one (store, request, used, now, error);
    }
  if (!person_actor (store, by_person_id, &actor, &actor_name, error))
    return FALSE;
  return cancel_one (store, request, reason, &actor, now, error);
}

/* Whether a group place or an assessment was still held when its time
 * was over: otherwise there is nothing to take. */
static gboolean
still_held (LhStore *store, const LhTimeOffRequest *request, gboolean *out_held, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  if (request->group_place_id != 0)
    stmt = lh_store_prepare (store,
                             "SELECT gp.status = 'booked' AND g.status = 'scheduled' FROM group_places gp "
                             "JOIN group_sessions g ON g.id = gp.group_session_id WHERE gp.id = ?1", error);
  else
    stmt = lh_store_prepare (store,
                             "SELECT learner_id = ?2 AND status = 'open' FROM assessment_slots WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->group_place_id != 0 ? request->group_place_id
                                                            : request->assessment_slot_id);
  sqlite3_bind_int64 (stmt, 2, request->person_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_held = has_row && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Nobody decided it before its time was over: not approved, and the
 * learner is told as of any decision. */
static gboolean
reject_undecided (LhStore *store, const LhTimeOffRequest *request, gint64 now, GError **error)
{
  LhLedgerWrite entry = {
    .person_id = request->person_id,
    .category = request->category,
    .kind = "rejected",
    .at = request->start_at,
    .minutes = request->minutes,
    .pending_delta = -request->minutes,
    .request_id = request->id,
    .reason = "Not decided before the time came, so it counts as your own time",
  };

  return lh_time_off_ledger_add (store, &entry, now, error) &&
         set_status (store, request->id, "rejected", TRUE, now, error);
}

#define DUE_WHERE \
  "FROM time_off_requests r LEFT JOIN bookings b ON b.id = r.booking_id " \
  "WHERE (r.status = 'pending' OR r.status = 'approved' OR r.status = 'rejected' OR r.status = 'own') " \
  "AND NOT EXISTS (SELECT 1 FROM usage_sessions u WHERE u.booking_id = r.booking_id AND u.ended_at IS NULL) "

gboolean
lh_time_off_settle_locked (LhStore *store, gint64 now, guint *out_settled, GError **error)
{
  g_autoptr(LhStmt) due = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  /* A PC booking extended at its PC is over at its new end. */
  /* r.end_at <= ?1 first: the past of time_off_requests_by_status, not
   * the requests still ahead. */
  due = lh_store_prepare (store, "SELECT r.id " DUE_WHERE "AND r.end_at <= ?1 "
                          "AND max(r.end_at, coalesce(b.end_at, 0)) <= ?1",
                          error);
  if (due == NULL)
    return FALSE;
  sqlite3_bind_int64 (due, 1, now);
  while ((ok = lh_store_step (store, due, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (due, 0);

      g_array_append_val (ids, id);
    }
  if (!ok)
    return FALSE;
  g_clear_pointer (&due, lh_stmt_release);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LhTimeOffRequest) request = get_request (store, g_array_index (ids, gint64, i), error);
      gboolean held = TRUE;
      int used = request != NULL ? request->minutes : 0;

      if (request == NULL)
        return FALSE;
      if (g_strcmp0 (request->status, "pending") == 0)
        {
          if (!reject_undecided (store, request, now, error))
            return FALSE;
          g_free (request->status);
          request->status = g_strdup ("rejected");
        }
      if (request->booking_id != 0)
        {
          if (!booking_used_minutes (store, request->booking_id, now, &used, error))
            return FALSE;
        }
      else if (!still_held (store, request, &held, error))
        return FALSE;
      if (!(held ? settle_one (store, request, used, now, error)
                 : cancel_one (store, request, "the place was not held", NULL, now, error)))
        return FALSE;
    }
  if (out_settled != NULL)
    *out_settled = ids->len;
  return TRUE;
}

gboolean
lh_time_off_next_due (LhStore *store, gint64 now, gint64 *out_due, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  /* The housekeeper asks after every change, so this reads no more than
   * a few rows: exactly, the requests past their own end and not settled
   * yet (their booking runs on, or a sitting holds it); of those still
   * ahead, only the first end of each status (each a request's earliest
   * due, as its booking ends no earlier), which is early enough. Plan:
   * time_off_requests_by_status (status=? AND end_at<?), then for each
   * status (status=? AND end_at>?) LIMIT 1. The OR term lets SQLite use
   * that partial index for one status. */
  stmt = lh_store_prepare (store,
                           "SELECT coalesce (min (due), 0) FROM ("
                           "SELECT max(r.end_at, coalesce(b.end_at, 0)) AS due " DUE_WHERE "AND r.end_at <= ?1 "
                           "UNION ALL "
                           "SELECT (SELECT end_at FROM time_off_requests "
                           "        WHERE (status = 'pending' OR status = 'approved' OR status = 'rejected' OR status = 'own') "
                           "        AND status = s.column1 AND end_at > ?1 ORDER BY end_at LIMIT 1) "
                           "FROM (VALUES ('pending'), ('approved'), ('rejected'), ('own')) s)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_due = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
lh_time_off_check_reason (const char *reason, gboolean required, GError **error)
{
  if (required && is_blank (reason))
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
  request = get_request (store, request_id, error);
  if (request == NULL)
    return NULL;
  if (g_strcmp0 (request->status, "pending") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "That request is not waiting for a decision: it is %s",
                   request->status);
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
      !set_status (store, request->id, approve ? "approved" : "rejected", TRUE, now, error))
    return NULL;
  g_clear_pointer (&request, lh_time_off_request_free);
  request = get_request (store, request_id, error);
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
