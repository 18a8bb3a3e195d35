/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-meetings"

#include "lh-meetings.h"

#include "lh-committee-private.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time.h"

static void
attendee_free (LhMeetingAttendee *attendee)
{
  g_free (attendee->name);
  g_free (attendee);
}

void
lh_meeting_free (LhMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->place);
  g_free (meeting->notes);
  g_free (meeting->report_first_day);
  g_free (meeting->report_last_day);
  g_clear_pointer (&meeting->attendees, g_ptr_array_unref);
  g_free (meeting);
}

static gboolean
check_fields (gint64 starts_at, const char *place, const char *notes, gint64 now, GError **error)
{
  return (starts_at == 0 || lh_committee_time_check (starts_at, now, "meeting's time", error)) &&
         (place == NULL ||
          lh_committee_text_check (place, LH_TEXT_LINE, LH_MEETING_PLACE_MAX_CHARS, TRUE, "place", "place-invalid",
                                   error)) &&
         (notes == NULL ||
          lh_committee_text_check (notes, LH_TEXT_LINES, LH_MEETING_NOTES_MAX_CHARS, FALSE, "notes", "notes-invalid",
                                   error));
}

LhMeeting *
lh_meetings_add (LhStore *store, gint64 starts_at, const char *place, const char *notes, gint64 now, GError **error)
{
  g_autoptr(LhStmt) insert = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (starts_at == 0)
    {
      g_set_error_literal (error, LH_ERROR, LH_ERROR_INVALID, "The meeting's time is missing");
      lh_error_set_reason (error, "date-invalid");
      return NULL;
    }
  if (place == NULL)
    place = "";
  if (!check_fields (starts_at, place, notes != NULL ? notes : "", now, error))
    return NULL;
  insert = lh_store_prepare (store,
                             "INSERT INTO committee_meetings (starts_at, place, notes, created_at) "
                             "VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_int64 (insert, 1, starts_at);
  sqlite3_bind_text (insert, 2, place, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, notes != NULL ? notes : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 4, now);
  if (!lh_store_exec (store, insert, error))
    return NULL;
  return lh_meetings_get (store, lh_store_last_insert_id (store), error);
}

static gpointer
attendee_from_row (LhStmt *stmt)
{
  LhMeetingAttendee *attendee = g_new0 (LhMeetingAttendee, 1);

  attendee->person_id = sqlite3_column_int64 (stmt, 0);
  attendee->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return attendee;
}

static gboolean
load_attendees (LhStore *store, LhMeeting *meeting, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_MEETING_ATTENDEES_SQL, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting->id);
  sqlite3_bind_int (stmt, 2, LH_MEETING_ATTENDEES_MAX);
  meeting->attendees = lh_store_collect (store, stmt, attendee_from_row, (GDestroyNotify) attendee_free, error);
  return meeting->attendees != NULL;
}

static gpointer
meeting_from_row (LhStmt *stmt)
{
  LhMeeting *meeting = g_new0 (LhMeeting, 1);

  meeting->id = sqlite3_column_int64 (stmt, 0);
  meeting->starts_at = sqlite3_column_int64 (stmt, 1);
  meeting->place = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  meeting->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  meeting->report_first_day = lh_committee_dup_column (stmt, 4);
  meeting->report_last_day = lh_committee_dup_column (stmt, 5);
  return meeting;
}

static GPtrArray *
collect_meetings (LhStore *store, LhStmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) meetings = lh_store_collect (store, stmt, meeting_from_row, (GDestroyNotify) lh_meeting_free,
                                                    error);

  if (meetings == NULL)
    return NULL;
  for (guint i = 0; i < meetings->len; i++)
    if (!load_attendees (store, g_ptr_array_index (meetings, i), error))
      return NULL;
  return g_steal_pointer (&meetings);
}

LhMeeting *
lh_meetings_get (LhStore *store, gint64 meeting_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, "SELECT " LH_MEETING_COLUMNS " FROM committee_meetings WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  meetings = collect_meetings (store, stmt, error);
  if (meetings == NULL)
    return NULL;
  if (meetings->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No meeting %" G_GINT64_FORMAT, meeting_id);
      lh_error_set_reason (error, "meeting-not-found");
      return NULL;
    }
  return g_ptr_array_steal_index (meetings, 0);
}

gboolean
lh_meetings_edit (LhStore *store, gint64 meeting_id, const LhMeetingEdit *edit, gint64 now, GError **error)
{
  g_autoptr(LhMeeting) meeting = NULL;
  g_autoptr(LhStmt) update = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  meeting = lh_meetings_get (store, meeting_id, error);
  if (meeting == NULL || !check_fields (edit->starts_at, edit->place, edit->notes, now, error))
    return FALSE;
  update = lh_store_prepare (store,
                             "UPDATE committee_meetings SET starts_at = ?2, place = ?3, notes = ?4 WHERE id = ?1",
                             error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, meeting_id);
  sqlite3_bind_int64 (update, 2, edit->starts_at != 0 ? edit->starts_at : meeting->starts_at);
  sqlite3_bind_text (update, 3, edit->place != NULL ? edit->place : meeting->place, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 4, edit->notes != NULL ? edit->notes : meeting->notes, -1, SQLITE_STATIC);
  return lh_store_exec (store, update, error);
}

gboolean
lh_meetings_attend (LhStore *store, gint64 meeting_id, gint64 person_id, const char *name, GError **error)
{
  g_autoptr(LhMeeting) meeting = NULL;
  g_autoptr(LhStmt) insert = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail ((person_id == 0) != (name == NULL), FALSE);

  meeting = lh_meetings_get (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;
  if (person_id != 0)
    {
      g_autoptr(LhPerson) person = lh_people_get (store, person_id, NULL);

      if (person == NULL || (person->roles & LH_ROLE_COMMITTEE) == 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Person %" G_GINT64_FORMAT " is not on the committee",
                       person_id);
          lh_error_set_reason (error, "attendee-not-member");
          return FALSE;
        }
    }
  else if (!lh_committee_text_check (name, LH_TEXT_LINE, LH_MEETING_NAME_MAX_CHARS, TRUE, "name", "name-invalid",
                                     error))
    return FALSE;
  if (meeting->attendees->len >= LH_MEETING_ATTENDEES_MAX)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "A meeting records at most %d people",
                   LH_MEETING_ATTENDEES_MAX);
      lh_error_set_reason (error, "too-many-attendees");
      return FALSE;
    }
  insert = lh_store_prepare (store,
                             "INSERT OR IGNORE INTO committee_attendees (meeting_id, person_id, name) "
                             "VALUES (?1, nullif(?2, 0), ?3)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, meeting_id);
  sqlite3_bind_int64 (insert, 2, person_id);
  if (name != NULL)
    sqlite3_bind_text (insert, 3, name, -1, SQLITE_STATIC);
  return lh_store_exec (store, insert, error);
}

gboolean
lh_meetings_table_report (LhStore *store, GTimeZone *tz, gint64 meeting_id, const char *first_day,
                          const char *last_day, gint64 now, GError **error)
{
  g_autoptr(LhMeeting) meeting = NULL;
  g_autoptr(LhStmt) update = NULL;
  gint64 first, last;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  meeting = lh_meetings_get (store, meeting_id, error);
  if (meeting == NULL ||
      !lh_committee_day_check (first_day, tz, now, "report's first day", &first, error) ||
      !lh_committee_day_check (last_day, tz, now, "report's last day", &last, error))
    return FALSE;
  if (last < first)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The report's period ends (%s) before it starts (%s)",
                   last_day, first_day);
      lh_error_set_reason (error, "period-invalid");
      return FALSE;
    }
  update = lh_store_prepare (store,
                             "UPDATE committee_meetings SET report_first_day = ?2, report_last_day = ?3 WHERE id = ?1",
                             error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, meeting_id);
  sqlite3_bind_text (update, 2, first_day, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, last_day, -1, SQLITE_STATIC);
  return lh_store_exec (store, update, error);
}

GPtrArray *
lh_meetings_list (LhStore *store, gint64 from, gint64 to, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, LH_MEETINGS_LIST_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  sqlite3_bind_int (stmt, 3, LH_MEETINGS_MAX);
  return collect_meetings (store, stmt, error);
}

LhMeeting *
lh_meetings_next (LhStore *store, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) meetings = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, LH_MEETINGS_NEXT_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  meetings = collect_meetings (store, stmt, error);
  if (meetings == NULL || meetings->len == 0)
    return NULL;
  return g_ptr_array_steal_index (meetings, 0);
}
