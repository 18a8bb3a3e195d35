/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-bookings"

#include "lh-bookings-private.h"

#include "lh-error.h"
#include "lh-faults.h"
#include "lh-people.h"
#include "lh-rules.h"
#include "lh-secret.h"
#include "lh-time.h"
#include "lh-time-off.h"

void
lh_booking_free (LhBooking *booking)
{
  g_free (booking->resource_name);
  g_free (booking->resource_kind);
  g_free (booking->status);
  g_free (booking->calendar_key);
  g_free (booking);
}

/* The opening periods of the local day starting at midnight, as times.
 * With through_midnight, a period open until midnight runs on into the
 * next day's period that opens at midnight (a centre open round the
 * clock, or into a night shift), so that time can be booked across it. */
GArray *
lh_bookings_open_intervals (const LhResource *resource, const LhCentre *centre, gint64 midnight,
                            gboolean through_midnight)
{
  GArray *open = g_array_new (FALSE, FALSE, sizeof (LhInterval));
  int weekday = lh_time_local_weekday (midnight, centre->tz);
  int next_weekday = weekday % 7 + 1;
  gint64 next_midnight = lh_time_next_midnight (midnight, centre->tz);

  for (guint i = 0; i < resource->hours->len; i++)
    {
      const LhOpeningPeriod *p = &g_array_index (resource->hours, LhOpeningPeriod, i);
      LhInterval interval;

      if (p->weekday != weekday)
        continue;
      interval.start = lh_time_at_local_minute (midnight, p->opens_minute, centre->tz);
      interval.end = lh_time_at_local_minute (midnight, p->closes_minute, centre->tz);
      for (guint j = 0; through_midnight && p->closes_minute == 24 * 60 && j < resource->hours->len; j++)
        {
          const LhOpeningPeriod *q = &g_array_index (resource->hours, LhOpeningPeriod, j);

          if (q->weekday == next_weekday && q->opens_minute == 0)
            interval.end = lh_time_at_local_minute (next_midnight, q->closes_minute, centre->tz);
        }
      g_array_append_val (open, interval);
    }
  return open;
}

/* The rules of the booking itself: its length, how far ahead, opening
 * hours and closures. rules are those in force at its start; horizon_days
 * those in force now. */
static gboolean
check_rules (LhStore *store, const LhCentre *centre, const LhRules *rules, int horizon_days,
             const LhResource *resource, gint64 start, gint64 end, gint64 now, GError **error)
{
  g_autoptr(GArray) open = NULL;
  g_autofree char *date = NULL;
  g_autofree char *closed = NULL;
  g_autoptr(GError) local_error = NULL;

  if (end <= start)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The end must be after the start");
      lh_error_set_reason (error, "period-reversed");
      return FALSE;
    }
  if (start < now - LH_BOOKING_GRACE_SECONDS)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That time has already passed");
      lh_error_set_reason (error, "time-passed");
      return FALSE;
    }
  if (start > now + (gint64) horizon_days * 24 * 3600)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "Bookings can be made up to %d days ahead", horizon_days);
      lh_error_set_reason (error, "beyond-horizon");
      lh_error_add_number (error, "horizon_days", horizon_days);
      return FALSE;
    }
  if (end - start < (gint64) rules->min_booking_minutes * 60)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "A booking must be at least %d minutes long", rules->min_booking_minutes);
      lh_error_set_reason (error, "booking-too-short");
      lh_error_add_number (error, "min_minutes", rules->min_booking_minutes);
      return FALSE;
    }
  if (end - start > (gint64) rules->max_booking_minutes * 60)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "A booking can be at most %d minutes long", rules->max_booking_minutes);
      lh_error_set_reason (error, "booking-too-long");
      lh_error_add_number (error, "max_minutes", rules->max_booking_minutes);
      return FALSE;
    }
  date = lh_time_format_date (start, centre->tz);
  closed = lh_closures_reason (store, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (closed != NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The centre is closed on %s (%s)", date, closed);
      lh_error_set_reason (error, "centre-closed");
      return FALSE;
    }

  open = lh_bookings_open_intervals (resource, centre, lh_time_local_midnight (start, centre->tz), TRUE);
  for (guint i = 0; i < open->len; i++)
    {
      const LhInterval *o = &g_array_index (open, LhInterval, i);

      if (o->start <= start && end <= o->end)
        return TRUE;
    }
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s is not open for all of that time",
               resource->name);
  lh_error_set_reason (error, "outside-hours");
  return FALSE;
}

/* Guests may use the PCs; rooms are for the centre's staff (learning
 * reps and admins), or held for a group by its leader: a learner's own
 * time is at a computer. As sign-in's may.book_rooms says. */
static gboolean
check_who_may_book (LhStore *store, gint64 person_id, const LhResource *resource,
                    LhBookingPurpose purpose, GError **error)
{
  g_autoptr(LhPerson) person = lh_people_get (store, person_id, error);

  if (person == NULL)
    return FALSE;
  if (person->sponsor_id != 0 && !g_str_equal (resource->kind, "pc"))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "Guests can book a computer; %s is for staff", resource->name);
      lh_error_set_reason (error, "staff-only");
      return FALSE;
    }
  if (purpose == LH_BOOKING_FOR_SELF && !g_str_equal (resource->kind, "pc") &&
      !lh_bookings_may_book_rooms (person))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "%s is booked by learning reps and admins", resource->name);
      lh_error_set_reason (error, "rooms-for-reps");
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_bookings_may_book_rooms (const LhPerson *person)
{
  g_return_val_if_fail (person != NULL, FALSE);

  return person->sponsor_id == 0 && (person->roles & (LH_ROLE_ULR | LH_ROLE_ADMIN)) != 0;
}

static gboolean
check_one_limit (const char *period, int minutes_limit, int bookings_limit,
                 int booked_minutes, int booked_count, int new_minutes, GError **error)
{
  if (minutes_limit > 0 && booked_minutes + new_minutes > minutes_limit)
    {
      g_autofree char *limit = lh_time_format_duration (minutes_limit);
      g_autofree char *booked = lh_time_format_duration (booked_minutes);

      if (booked_minutes > 0)
        g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                     "You can book up to %s a %s, and you already have %s booked. "
                     "Try a shorter time, or another %s", limit, period, booked, period);
      else
        g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                     "You can book up to %s a %s. Try a shorter time", limit, period);
      lh_error_set_reason (error, g_str_equal (period, "day") ? "daily-limit" : "weekly-limit");
      lh_error_add_number (error, "limit_minutes", minutes_limit);
      lh_error_add_number (error, "booked_minutes", booked_minutes);
      lh_error_add_number (error, "asked_minutes", new_minutes);
      return FALSE;
    }
  if (bookings_limit > 0 && booked_count + 1 > bookings_limit)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "You can make %d booking%s a %s, and you have made them. Try another %s",
                   bookings_limit, bookings_limit == 1 ? "" : "s", period, period);
      lh_error_set_reason (error, g_str_equal (period, "day") ? "daily-bookings-limit" : "weekly-bookings-limit");
      lh_error_add_number (error, "limit_bookings", bookings_limit);
      return FALSE;
    }
  return TRUE;
}

/* Limits per person per day and per (Monday to Sunday) week, by the rules
 * in force at the start. Inside the write transaction, so two bookings at
 * once cannot both squeeze under a limit. */
static gboolean
check_limits (LhStore *store, const LhCentre *centre, const LhRules *rules, gint64 person_id,
              gint64 start, gint64 end, GError **error)
{
  gint64 day = lh_time_local_midnight (start, centre->tz);
  gint64 week = lh_time_add_days (day, 1 - lh_time_local_weekday (start, centre->tz), centre->tz);
  gint64 next_day = lh_time_next_midnight (day, centre->tz);
  gint64 next_week = lh_time_add_days (week, 7, centre->tz);
  int new_minutes = (int) ((end - start) / 60);
  int minutes, count;

  if (rules->max_minutes_per_day > 0 || rules->max_bookings_per_day > 0)
    if (!lh_bookings_count_booked (store, person_id, day, next_day, &minutes, &count, error) ||
        !check_one_limit ("day", rules->max_minutes_per_day, rules->max_bookings_per_day,
                          minutes, count, new_minutes, error))
      return FALSE;
  if (rules->max_minutes_per_week > 0 || rules->max_bookings_per_week > 0)
    if (!lh_bookings_count_booked (store, person_id, week, next_week, &minutes, &count, error) ||
        !check_one_limit ("week", rules->max_minutes_per_week, rules->max_bookings_per_week,
                          minutes, count, new_minutes, error))
      return FALSE;
  return TRUE;
}

static LhBooking *
booking_from_row (LhStmt *stmt)
{
  LhBooking *booking = g_new0 (LhBooking, 1);

  booking->id = sqlite3_column_int64 (stmt, 0);
  booking->resource_id = sqlite3_column_int64 (stmt, 1);
  booking->person_id = sqlite3_column_int64 (stmt, 2);
  booking->start_at = sqlite3_column_int64 (stmt, 3);
  booking->end_at = sqlite3_column_int64 (stmt, 4);
  booking->created_at = sqlite3_column_int64 (stmt, 5);
  booking->status = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  booking->resource_name = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  booking->resource_kind = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  booking->checked_in_at = sqlite3_column_int64 (stmt, 9);
  booking->walk_up = sqlite3_column_int (stmt, 10) != 0;
  return booking;
}

#define BOOKING_SELECT \
  "SELECT b.id, b.resource_id, b.person_id, b.start_at, b.end_at, b.created_at, b.status, " \
  "r.name, r.kind, coalesce (b.checked_in_at, 0), b.walk_up " \
  "FROM bookings b JOIN resources r ON r.id = b.resource_id "

LhBooking *
lh_bookings_insert_locked (LhStore *store, gint64 person_id, const LhResource *resource,
                           gint64 start, gint64 end, gint64 now, gboolean walk_up, GError **error)
{
  g_autoptr(LhStmt) insert = NULL;
  g_autofree char *calendar_key = NULL;
  guint8 key_hash[LH_TOKEN_HASH_SIZE];
  LhBooking *booking;

  /* A walk-up starts in use, so it is checked in from its first second. */
  insert = lh_store_prepare (store,
                             "INSERT INTO bookings (resource_id, person_id, start_at, end_at, created_at, "
                             "calendar_key_hash, walk_up, checked_in_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN ?7 THEN ?5 END)", error);
  if (insert == NULL)
    return NULL;
  /* Only its hash is kept: the key is given out once, in this booking. */
  calendar_key = lh_token_generate (key_hash);
  sqlite3_bind_int64 (insert, 1, resource->id);
  sqlite3_bind_int64 (insert, 2, person_id);
  sqlite3_bind_int64 (insert, 3, start);
  sqlite3_bind_int64 (insert, 4, end);
  sqlite3_bind_int64 (insert, 5, now);
  sqlite3_bind_blob (insert, 6, key_hash, sizeof key_hash, SQLITE_STATIC);
  sqlite3_bind_int (insert, 7, walk_up ? 1 : 0);
  if (!lh_store_exec (store, insert, error))
    return NULL;

  booking = g_new0 (LhBooking, 1);
  booking->id = lh_store_last_insert_id (store);
  booking->resource_id = resource->id;
  booking->person_id = person_id;
  booking->start_at = start;
  booking->end_at = end;
  booking->created_at = now;
  booking->status = g_strdup ("booked");
  booking->resource_name = g_strdup (resource->name);
  booking->resource_kind = g_strdup (resource->kind);
  booking->calendar_key = g_steal_pointer (&calendar_key);
  booking->walk_up = walk_up;
  booking->checked_in_at = walk_up ? now : 0;
  return booking;
}

LhBooking *
lh_bookings_create_locked (LhStore *store, const LhCentre *centre, gint64 person_id,
                           gint64 resource_id, gint64 start, gint64 end, gint64 now,
                           LhBookingPurpose purpose, GError **error)
{
  g_autoptr(LhResource) resource = NULL;
  LhRules rules, rules_now;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  resource = lh_resources_get (store, resource_id, error);
  if (resource == NULL || !check_who_may_book (store, person_id, resource, purpose, error) ||
      !lh_faults_check_in_order (store, resource->id, resource->name, error) ||
      !lh_rules_at (store, centre, start, &rules, error) ||
      !lh_rules_at (store, centre, now, &rules_now, error) ||
      !check_rules (store, centre, &rules, rules_now.horizon_days, resource, start, end, now, error) ||
      !lh_bookings_check_free (store, centre, resource, person_id, start, end, error))
    return NULL;
  /* A room held for a group is the centre's time, not the leader's own. */
  if (purpose == LH_BOOKING_FOR_SELF && !check_limits (store, centre, &rules, person_id, start, end, error))
    return NULL;
  return lh_bookings_insert_locked (store, person_id, resource, start, end, now, FALSE, error);
}

/* Seconds the person may still book in the day and week holding start. */
static gboolean
minutes_left (LhStore *store, const LhCentre *centre, const LhRules *rules, gint64 person_id,
              gint64 start, gint64 *out_seconds, GError **error)
{
  gint64 day = lh_time_local_midnight (start, centre->tz);
  gint64 week = lh_time_add_days (day, 1 - lh_time_local_weekday (start, centre->tz), centre->tz);
  int minutes, count;

  *out_seconds = G_MAXINT64;
  if (rules->max_minutes_per_day > 0)
    {
      if (!lh_bookings_count_booked (store, person_id, day, lh_time_next_midnight (day, centre->tz),
                                     &minutes, &count, error))
        return FALSE;
      *out_seconds = MIN (*out_seconds, (gint64) (rules->max_minutes_per_day - minutes) * 60);
    }
  if (rules->max_minutes_per_week > 0)
    {
      if (!lh_bookings_count_booked (store, person_id, week, lh_time_add_days (week, 7, centre->tz),
                                     &minutes, &count, error))
        return FALSE;
      *out_seconds = MIN (*out_seconds, (gint64) (rules->max_minutes_per_week - minutes) * 60);
    }
  *out_seconds = MAX (*out_seconds, 0);
  return TRUE;
}

gboolean
lh_bookings_free_until (LhStore *store, const LhCentre *centre, gint64 person_id,
                        const LhResource *resource, gint64 booking_start, gint64 from,
                        gint64 except_id, gint64 *out_until, LhFreeBound *out_bound, GError **error)
{
  g_autoptr(GArray) open = NULL;
  g_autofree char *date = lh_time_format_date (from, centre->tz);
  g_autofree char *closed = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 until = from, closing, next, longest, left;
  LhFreeBound bound = LH_FREE_CLOSED;
  LhRules rules;

  *out_until = from;
  if (out_bound != NULL)
    *out_bound = LH_FREE_CLOSED;
  closed = lh_closures_reason (store, date, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (closed != NULL)
    return TRUE;
  open = lh_bookings_open_intervals (resource, centre, lh_time_local_midnight (from, centre->tz), TRUE);
  for (guint i = 0; i < open->len; i++)
    {
      const LhInterval *o = &g_array_index (open, LhInterval, i);

      if (o->start <= from && from < o->end)
        until = o->end;
    }
  if (until == from)
    return TRUE;
  closing = until;
  if (!lh_rules_at (store, centre, booking_start, &rules, error) ||
      !minutes_left (store, centre, &rules, person_id, booking_start, &left, error) ||
      !lh_bookings_next_start (store, resource->id, person_id, except_id, from, closing, &next, error))
    return FALSE;
  longest = booking_start + (gint64) rules.max_booking_minutes * 60;
  /* The nearest bound wins. */
  bound = LH_FREE_CLOSING;
  if (next < until)
    until = next, bound = LH_FREE_BOOKED;
  if (longest < until)
    until = longest, bound = LH_FREE_LONGEST;
  if (left < until - from)
    until = from + left, bound = LH_FREE_ALLOWANCE;
  *out_until = MAX (until, from);
  if (out_bound != NULL)
    *out_bound = bound;
  return TRUE;
}

LhBooking *
lh_bookings_create (LhStore *store, const LhCentre *centre, gint64 person_id,
                    gint64 resource_id, gint64 start, gint64 end, gint64 now, GError **error)
{
  return lh_bookings_create_paid (store, centre, person_id, resource_id, start, end, FALSE, now, error);
}

LhBooking *
lh_bookings_create_paid (LhStore *store, const LhCentre *centre, gint64 person_id, gint64 resource_id,
                         gint64 start, gint64 end, gboolean paid, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhBooking) booking = NULL;
  g_autoptr(LhTimeOffRequest) request = NULL;

  if (tx == NULL)
    return NULL;
  booking = lh_bookings_create_locked (store, centre, person_id, resource_id, start, end, now,
                                       LH_BOOKING_FOR_SELF, error);
  if (booking == NULL)
    return NULL;
  request = lh_time_off_request_locked (store, centre, person_id, LH_TIME_OFF_FOR_BOOKING, booking->id,
                                        start, end, paid, now, error);
  if (request == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&booking);
}

gboolean
lh_bookings_cancel (LhStore *store, gint64 person_id, gint64 booking_id, gint64 now,
                    gint64 *out_resource_id, gint64 *out_start, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) find = NULL;
  g_autoptr(LhStmt) cancel = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  find = lh_store_prepare (store,
                           "SELECT end_at, resource_id, start_at, "
                           "EXISTS (SELECT 1 FROM group_sessions g WHERE g.booking_id = bookings.id "
                           "        AND g.status = 'scheduled') "
                           "FROM bookings WHERE id = ?1 AND person_id = ?2 AND status = 'booked'",
                           error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_int64 (find, 1, booking_id);
  sqlite3_bind_int64 (find, 2, person_id);
  if (!lh_store_step (store, find, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You have no booking %" G_GINT64_FORMAT, booking_id);
      lh_error_set_reason (error, "booking-not-found");
      return FALSE;
    }
  if (sqlite3_column_int64 (find, 0) <= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "That booking has already ended");
      lh_error_set_reason (error, "booking-ended");
      return FALSE;
    }
  if (sqlite3_column_int (find, 3))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   "That room is held for a group session; cancel the session instead");
      lh_error_set_reason (error, "held-for-group");
      return FALSE;
    }
  if (out_resource_id != NULL)
    *out_resource_id = sqlite3_column_int64 (find, 1);
  if (out_start != NULL)
    *out_start = sqlite3_column_int64 (find, 2);
  cancel = lh_store_prepare (store,
                             "UPDATE bookings SET status = 'cancelled', cancelled_at = ?2 WHERE id = ?1",
                             error);
  if (cancel == NULL)
    return FALSE;
  sqlite3_bind_int64 (cancel, 1, booking_id);
  sqlite3_bind_int64 (cancel, 2, now);
  return lh_store_exec (store, cancel, error) &&
         lh_time_off_cancel_locked (store, LH_TIME_OFF_FOR_BOOKING, booking_id, "cancelled by the learner",
                                    person_id, now, error) &&
         lh_transaction_commit (tx, error);
}

LhBooking *
lh_bookings_get_by_calendar_key (LhStore *store, gint64 booking_id, const char *key, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  guint8 hash[LH_TOKEN_HASH_SIZE];
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store,
                           BOOKING_SELECT
                           "WHERE b.id = ?1 AND b.calendar_key_hash = ?2 AND b.status = 'booked'", error);
  if (stmt == NULL)
    return NULL;
  lh_token_hash (key != NULL ? key : "", hash);
  sqlite3_bind_int64 (stmt, 1, booking_id);
  sqlite3_bind_blob (stmt, 2, hash, sizeof hash, SQLITE_TRANSIENT);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No such calendar");
      lh_error_set_reason (error, "calendar-not-found");
      return NULL;
    }
  return booking_from_row (stmt);
}

GPtrArray *
lh_bookings_list_upcoming (LhStore *store, gint64 person_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             BOOKING_SELECT
                                             "WHERE b.person_id = ?1 AND b.end_at > ?2 AND b.status = 'booked' "
                                             "ORDER BY b.start_at", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return lh_store_collect (store, stmt, (LhRowFunc) booking_from_row, (GDestroyNotify) lh_booking_free, error);
}
