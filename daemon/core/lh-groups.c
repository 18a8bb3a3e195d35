/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-groups"

#include "lh-groups.h"

#include "lh-bookings.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time-off.h"
#include "lh-time.h"

void
lh_group_session_free (LhGroupSession *session)
{
  g_free (session->room);
  g_free (session->title);
  g_free (session->topic);
  g_free (session);
}

/* One row per session, with its counts and the given person's place. */
#define SESSION_COLUMNS \
  "SELECT g.id, coalesce(g.series_id, g.id), b.resource_id, r.name, g.title, g.topic, b.start_at, " \
  "b.end_at, g.capacity, " \
  "(SELECT count(*) FROM group_places p WHERE p.group_session_id = g.id AND p.status = 'booked'), " \
  "(SELECT count(*) FROM group_places p WHERE p.group_session_id = g.id AND p.status = 'waiting'), " \
  "(SELECT p.status FROM group_places p WHERE p.group_session_id = g.id AND p.person_id = ?1 " \
  "   AND p.status IN ('booked', 'waiting')), " \
  "(SELECT count(*) FROM group_places p, group_places mine WHERE mine.group_session_id = g.id " \
  "   AND mine.person_id = ?1 AND mine.status = 'waiting' AND p.group_session_id = g.id " \
  "   AND p.status = 'waiting' AND p.id <= mine.id) "
#define SESSION_SELECT \
  SESSION_COLUMNS "FROM group_sessions g JOIN bookings b ON b.id = g.booking_id " \
  "JOIN resources r ON r.id = b.resource_id "

static LhGroupSession *
session_from_row (LhStmt *stmt)
{
  LhGroupSession *session = g_new0 (LhGroupSession, 1);
  const char *mine = (const char *) sqlite3_column_text (stmt, 11);

  session->id = sqlite3_column_int64 (stmt, 0);
  session->series_id = sqlite3_column_int64 (stmt, 1);
  session->resource_id = sqlite3_column_int64 (stmt, 2);
  session->room = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  session->title = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  session->topic = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  session->start_at = sqlite3_column_int64 (stmt, 6);
  session->end_at = sqlite3_column_int64 (stmt, 7);
  session->capacity = sqlite3_column_int (stmt, 8);
  session->booked = sqlite3_column_int (stmt, 9);
  session->waiting = sqlite3_column_int (stmt, 10);
  session->my_place = g_strcmp0 (mine, "booked") == 0 ? LH_PLACE_BOOKED :
                      g_strcmp0 (mine, "waiting") == 0 ? LH_PLACE_WAITING : LH_PLACE_NONE;
  session->my_position = sqlite3_column_int (stmt, 12);
  return session;
}

static gboolean
check_text (const char *what, const char *text, glong max, gboolean required, GError **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > max ||
      (required && text[0] == '\0'))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s has %s%ld characters",
                   what, required ? "1 to " : "up to ", max);
      if (required && text != NULL && text[0] == '\0')
        lh_error_set_reason (error, "text-empty");
      else
        lh_error_set_too_long (error, what, (guint) max);
      return FALSE;
    }
  return TRUE;
}

static LhGroupSession *
get_session (LhStore *store, gint64 session_id, gint64 person_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, SESSION_SELECT "WHERE g.id = ?2", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, session_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no group session %" G_GINT64_FORMAT,
                   session_id);
      lh_error_set_reason (error, "group-not-found");
      return NULL;
    }
  return session_from_row (stmt);
}

LhGroupSession *
lh_groups_create (LhStore *store, const LhCentre *centre, gint64 leader_id, gint64 resource_id,
                  const char *title, const char *topic, gint64 start, gint64 end, int capacity,
                  int weeks, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  gint64 first_id = 0;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (!check_text ("title", title, 100, TRUE, error) ||
      !check_text ("topic", topic != NULL ? topic : "", 200, FALSE, error))
    return NULL;
  if (capacity < 1 || capacity > 200 || weeks < 1 || weeks > 26)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "A group has 1 to 200 places and runs for 1 to 26 weeks");
      lh_error_set_reason (error, "group-size");
      lh_error_add_number (error, "max_places", 200);
      lh_error_add_number (error, "max_weeks", 26);
      return NULL;
    }

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  for (int w = 0; w < weeks; w++)
    {
      /* Same wall-clock time each week, across clock changes. */
      gint64 day = lh_time_add_days (lh_time_local_midnight (start, centre->tz), 7 * w, centre->tz);
      gint64 offset = start - lh_time_local_midnight (start, centre->tz);
      gint64 week_start = lh_time_at_local_minute (day, (int) (offset / 60), centre->tz);
      g_autoptr(LhBooking) room = NULL;
      g_autoptr(LhStmt) insert = NULL;

      room = lh_bookings_create_locked (store, centre, leader_id, resource_id, week_start,
                                        week_start + (end - start), now, LH_BOOKING_FOR_GROUP, error);
      if (room == NULL)
        {
          if (weeks > 1)
            {
              g_prefix_error (error, "Week %d: ", w + 1);
              /* Which week, for the kiosk to say so in its words. */
              lh_error_add_number (error, "week", w + 1);
            }
          return NULL;
        }
      insert = lh_store_prepare (store,
                                 "INSERT INTO group_sessions (booking_id, series_id, title, topic, capacity, "
                                 "created_at) VALUES (?1, nullif (?2, 0), ?3, ?4, ?5, ?6)", error);
      if (insert == NULL)
        return NULL;
      sqlite3_bind_int64 (insert, 1, room->id);
      sqlite3_bind_int64 (insert, 2, first_id);
      sqlite3_bind_text (insert, 3, title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, topic != NULL ? topic : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 5, capacity);
      sqlite3_bind_int64 (insert, 6, now);
      if (!lh_store_exec (store, insert, error))
        return NULL;
      if (first_id == 0)
        first_id = lh_store_last_insert_id (store);
    }
  if (!lh_transaction_commit (tx, error))
    return NULL;
  return get_session (store, first_id, leader_id, error);
}

GPtrArray *
lh_groups_list (LhStore *store, gint64 from, gint64 to, gint64 person_id, GError **error)
{
  /* From the rooms' bookings in the range (bookings_by_start, start_at>?
   * AND start_at<?), not every session ever held: a scheduled session's
   * room is always booked (its booking cannot be cancelled alone). */
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             SESSION_COLUMNS
                                             "FROM bookings b CROSS JOIN group_sessions g ON g.booking_id = b.id "
                                             "JOIN resources r ON r.id = b.resource_id "
                                             "WHERE b.status = 'booked' AND g.status = 'scheduled' "
                                             "AND b.start_at >= ?2 AND b.start_at < ?3 ORDER BY b.start_at", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  return lh_store_collect (store, stmt, (LhRowFunc) session_from_row,
                           (GDestroyNotify) lh_group_session_free, error);
}

LhPlaceStatus
lh_groups_join (LhStore *store, gint64 session_id, gint64 person_id, gint64 now,
                int *out_position, GError **error)
{
  return lh_groups_join_paid (store, NULL, session_id, person_id, FALSE, now, out_position, error);
}

LhPlaceStatus
lh_groups_join_paid (LhStore *store, const LhCentre *centre, gint64 session_id, gint64 person_id, gboolean paid,
                     gint64 now, int *out_position, GError **error)
{
  g_autoptr(LhTimeOffRequest) request = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhGroupSession) session = NULL;
  g_autoptr(LhGroupSession) after = NULL;
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(LhStmt) status = NULL;
  gboolean has_row;
  gboolean cancelled;

  g_return_val_if_fail (LH_IS_STORE (store), LH_PLACE_NONE);

  /* The count and the insert in one write transaction: of two learners
   * after the last place, one gets it and the other waits. */
  tx = lh_store_begin (store, error);
  if (tx == NULL || (session = get_session (store, session_id, person_id, error)) == NULL)
    return LH_PLACE_NONE;
  status = lh_store_prepare (store, "SELECT status = 'cancelled' FROM group_sessions WHERE id = ?1", error);
  if (status == NULL)
    return LH_PLACE_NONE;
  sqlite3_bind_int64 (status, 1, session_id);
  if (!lh_store_step (store, status, &has_row, error))
    return LH_PLACE_NONE;
  cancelled = sqlite3_column_int (status, 0) != 0;
  {
    g_autoptr(LhPerson) person = lh_people_get (store, person_id, error);

    if (person == NULL)
      return LH_PLACE_NONE;
    if (person->sponsor_id != 0)
      {
        g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                     "Group study sessions are for staff; a guest can book a computer");
        lh_error_set_reason (error, "staff-only");
        return LH_PLACE_NONE;
      }
  }
  if (cancelled || session->start_at <= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   cancelled ? "That group session was cancelled" : "That group session has already started");
      lh_error_set_reason (error, cancelled ? "group-cancelled" : "group-started");
      return LH_PLACE_NONE;
    }
  if (session->my_place != LH_PLACE_NONE)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   session->my_place == LH_PLACE_BOOKED ? "You already have a place in this group"
                                                        : "You are already on the waiting list");
      lh_error_set_reason (error, session->my_place == LH_PLACE_BOOKED ? "already-in-group" : "already-waiting");
      return LH_PLACE_NONE;
    }
  insert = lh_store_prepare (store,
                             "INSERT INTO group_places (group_session_id, person_id, status, created_at) "
                             "VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return LH_PLACE_NONE;
  sqlite3_bind_int64 (insert, 1, session_id);
  sqlite3_bind_int64 (insert, 2, person_id);
  sqlite3_bind_text (insert, 3, session->booked < session->capacity ? "booked" : "waiting", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, now);
  if (!lh_store_exec (store, insert, error))
    return LH_PLACE_NONE;
  /* A place on the waiting list holds its time off too, so that the
   * place it may get is not refused for want of it. */
  request = lh_time_off_request_locked (store, centre, person_id, LH_TIME_OFF_FOR_GROUP_PLACE,
                                        lh_store_last_insert_id (store), session->start_at, session->end_at, paid,
                                        now, error);
  if (request == NULL)
    return LH_PLACE_NONE;
  after = get_session (store, session_id, person_id, error);
  if (after == NULL || !lh_transaction_commit (tx, error))
    return LH_PLACE_NONE;
  if (out_position != NULL)
    *out_position = after->my_position;
  return after->my_place;
}

gboolean
lh_groups_leave (LhStore *store, gint64 session_id, gint64 person_id, gint64 now,
                 gint64 *out_promoted_id, GError **error)
{
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhGroupSession) session = NULL;
  g_autoptr(LhStmt) leave = NULL;
  g_autoptr(LhStmt) promote = NULL;
  gboolean has_row;

  if (out_promoted_id != NULL)
    *out_promoted_id = 0;
  if (tx == NULL || (session = get_session (store, session_id, person_id, error)) == NULL)
    return FALSE;
  if (session->my_place == LH_PLACE_NONE)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You have no place in that group");
      lh_error_set_reason (error, "no-place");
      return FALSE;
    }
  leave = lh_store_prepare (store,
                            "UPDATE group_places SET status = 'left' WHERE group_session_id = ?1 "
                            "AND person_id = ?2 AND status IN ('booked', 'waiting') RETURNING id", error);
  if (leave == NULL)
    return FALSE;
  sqlite3_bind_int64 (leave, 1, session_id);
  sqlite3_bind_int64 (leave, 2, person_id);
  if (!lh_store_step (store, leave, &has_row, error))
    return FALSE;
  if (has_row && !lh_time_off_cancel_locked (store, LH_TIME_OFF_FOR_GROUP_PLACE, sqlite3_column_int64 (leave, 0),
                                             "the learner gave up the place", person_id, now, error))
    return FALSE;
  g_clear_pointer (&leave, lh_stmt_release);

  /* A place freed before the start goes to whoever has waited longest. */
  if (session->my_place == LH_PLACE_BOOKED && session->start_at > now)
    {
      promote = lh_store_prepare (store,
                                  "UPDATE group_places SET status = 'booked', promoted_at = ?2 WHERE id = "
                                  "(SELECT id FROM group_places WHERE group_session_id = ?1 AND status = 'waiting' "
                                  " ORDER BY id LIMIT 1) RETURNING person_id", error);
      if (promote == NULL)
        return FALSE;
      sqlite3_bind_int64 (promote, 1, session_id);
      sqlite3_bind_int64 (promote, 2, now);
      if (!lh_store_step (store, promote, &has_row, error))
        return FALSE;
      if (has_row && out_promoted_id != NULL)
        *out_promoted_id = sqlite3_column_int64 (promote, 0);
      g_clear_pointer (&promote, lh_stmt_release);
    }
  return lh_transaction_commit (tx, error);
}

GPtrArray *
lh_groups_take_promotions (LhStore *store, gint64 person_id, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             SESSION_SELECT
                                             "WHERE g.id IN (SELECT group_session_id FROM group_places "
                                             "WHERE person_id = ?1 AND status = 'booked' AND promoted_at IS NOT NULL "
                                             "AND seen_at IS NULL) AND b.end_at > ?2 ORDER BY b.start_at", error);
  g_autoptr(LhStmt) seen = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, now);
  list = lh_store_collect (store, stmt, (LhRowFunc) session_from_row,
                           (GDestroyNotify) lh_group_session_free, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    return g_steal_pointer (&list);
  seen = lh_store_prepare (store,
                           "UPDATE group_places SET seen_at = ?2 WHERE person_id = ?1 AND promoted_at IS NOT NULL "
                           "AND seen_at IS NULL", error);
  if (seen == NULL)
    return NULL;
  sqlite3_bind_int64 (seen, 1, person_id);
  sqlite3_bind_int64 (seen, 2, now);
  if (!lh_store_exec (store, seen, error))
    return NULL;
  return g_steal_pointer (&list);
}
