/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-assessments"

#include "lh-assessments.h"

#include "lh-bookings.h"
#include "lh-error.h"
#include "lh-people.h"
#include "lh-time-off.h"
#include "lh-time.h"

void
lh_assessment_slot_free (LhAssessmentSlot *slot)
{
  g_free (slot->subject);
  g_free (slot->assessor_name);
  g_free (slot->place);
  g_free (slot->learner_name);
  g_free (slot);
}

gboolean
lh_assessment_subject_check (const char *subject, GError **error)
{
  if (g_strcmp0 (subject, "english") == 0 || g_strcmp0 (subject, "maths") == 0 ||
      g_strcmp0 (subject, "esol") == 0)
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "An assessment is in english, maths or esol");
  lh_error_set_reason (error, "subject-unknown");
  return FALSE;
}

/* ?1 is the person asking: the learner shows only to them and the assessor. */
#define SLOT_SELECT \
  "SELECT s.id, s.subject, s.assessor_id, a.name, s.start_at, s.end_at, s.place, " \
  "s.learner_id IS NOT NULL, s.learner_id = ?1, " \
  "CASE WHEN ?1 IN (s.learner_id, s.assessor_id) THEN s.learner_id END, " \
  "CASE WHEN ?1 IN (s.learner_id, s.assessor_id) THEN l.name END " \
  "FROM assessment_slots s JOIN people a ON a.id = s.assessor_id " \
  "LEFT JOIN people l ON l.id = s.learner_id "

static LhAssessmentSlot *
slot_from_row (LhStmt *stmt)
{
  LhAssessmentSlot *slot = g_new0 (LhAssessmentSlot, 1);

  slot->id = sqlite3_column_int64 (stmt, 0);
  slot->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  slot->assessor_id = sqlite3_column_int64 (stmt, 2);
  slot->assessor_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  slot->start_at = sqlite3_column_int64 (stmt, 4);
  slot->end_at = sqlite3_column_int64 (stmt, 5);
  slot->place = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  slot->taken = sqlite3_column_int (stmt, 7) != 0;
  slot->mine = sqlite3_column_int (stmt, 8) != 0;
  slot->learner_id = sqlite3_column_int64 (stmt, 9);
  slot->learner_name = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  return slot;
}

static LhAssessmentSlot *
get_slot (LhStore *store, gint64 slot_id, gint64 person_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, SLOT_SELECT "WHERE s.id = ?2 AND s.status = 'open'", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, slot_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no assessment %" G_GINT64_FORMAT, slot_id);
      lh_error_set_reason (error, "assessment-not-found");
      return NULL;
    }
  return slot_from_row (stmt);
}

LhAssessmentSlot *
lh_assessments_offer (LhStore *store, gint64 created_by, gint64 assessor_id, const char *subject,
                      gint64 start, gint64 end, const char *place, gint64 now, GError **error)
{
  g_autoptr(LhPerson) assessor = NULL;
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (!lh_assessment_subject_check (subject, error))
    return NULL;
  if (start < now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That time has already passed");
      lh_error_set_reason (error, "time-passed");
      return NULL;
    }
  if (end - start < LH_ASSESSMENT_MIN_MINUTES * 60 || end - start > LH_ASSESSMENT_MAX_MINUTES * 60)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "An assessment takes %d to %d minutes",
                   LH_ASSESSMENT_MIN_MINUTES, LH_ASSESSMENT_MAX_MINUTES);
      lh_error_set_reason (error, "assessment-length");
      lh_error_add_number (error, "min_minutes", LH_ASSESSMENT_MIN_MINUTES);
      lh_error_add_number (error, "max_minutes", LH_ASSESSMENT_MAX_MINUTES);
      return NULL;
    }
  if (place == NULL)
    place = "";
  if (!g_utf8_validate (place, -1, NULL) || g_utf8_strlen (place, -1) > 100)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The place has up to 100 characters");
      lh_error_set_too_long (error, "place", 100);
      return NULL;
    }
  assessor = lh_people_get (store, assessor_id, error);
  if (assessor == NULL)
    return NULL;
  if (!(assessor->roles & LH_ROLE_ULR))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s is not a union learning rep", assessor->name);
      lh_error_set_reason (error, "not-a-ulr");
      return NULL;
    }
  insert = lh_store_prepare (store,
                             "INSERT INTO assessment_slots (subject, assessor_id, start_at, end_at, place, "
                             "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_text (insert, 1, subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 2, assessor_id);
  sqlite3_bind_int64 (insert, 3, start);
  sqlite3_bind_int64 (insert, 4, end);
  sqlite3_bind_text (insert, 5, place, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 6, created_by);
  sqlite3_bind_int64 (insert, 7, now);
  if (!lh_store_exec (store, insert, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s already has an assessment then", assessor->name);
          lh_error_set_reason (error, "assessor-busy");
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return get_slot (store, lh_store_last_insert_id (store), created_by, error);
}

GPtrArray *
lh_assessments_list (LhStore *store, gint64 from, gint64 to, gint64 person_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* A taken slot's subject and time, beside the approver's "who, the
   * day, the length", would say what someone needs to learn: only its
   * learner and its assessor see it. */
  stmt = lh_store_prepare (store,
                           SLOT_SELECT "WHERE s.status = 'open' AND s.start_at >= ?2 AND s.start_at < ?3 "
                           "AND (s.learner_id IS NULL OR ?1 IN (s.learner_id, s.assessor_id)) "
                           "ORDER BY s.start_at, s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  return lh_store_collect (store, stmt, (LhRowFunc) slot_from_row, (GDestroyNotify) lh_assessment_slot_free,
                           error);
}

/* One assessment per subject at a time, and no clash with their other
 * bookings. */
static gboolean
check_learner_free (LhStore *store, const LhCentre *centre, const LhAssessmentSlot *slot,
                    gint64 person_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) same = lh_store_prepare (store,
                                             "SELECT start_at FROM assessment_slots WHERE learner_id = ?1 "
                                             "AND subject = ?2 AND status = 'open' AND end_at > ?3", error);
  g_autoptr(LhStmt) clash = NULL;
  gboolean has_row;

  if (same == NULL)
    return FALSE;
  sqlite3_bind_int64 (same, 1, person_id);
  sqlite3_bind_text (same, 2, slot->subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (same, 3, now);
  if (!lh_store_step (store, same, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_autofree char *date = lh_time_format_date (sqlite3_column_int64 (same, 0), centre->tz);

      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   "You already have this assessment booked on %s; cancel that one first to move it", date);
      lh_error_set_reason (error, "assessment-mine-already");
      return FALSE;
    }
  clash = lh_store_prepare (store,
                            "SELECT r.name FROM bookings b JOIN resources r ON r.id = b.resource_id "
                            "WHERE b.person_id = ?1 AND b.status = 'booked' AND b.start_at > ?4 "
                            "AND b.start_at < ?3 AND b.end_at > ?2 "
                            "UNION ALL SELECT 'another assessment' FROM assessment_slots WHERE learner_id = ?1 "
                            "AND status = 'open' AND start_at < ?3 AND end_at > ?2 LIMIT 1", error);
  if (clash == NULL)
    return FALSE;
  sqlite3_bind_int64 (clash, 1, person_id);
  sqlite3_bind_int64 (clash, 2, slot->start_at);
  sqlite3_bind_int64 (clash, 3, slot->end_at);
  sqlite3_bind_int64 (clash, 4, slot->start_at - LH_BOOKING_MAX_SECONDS);
  if (!lh_store_step (store, clash, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "You have %s booked at that time",
                   (const char *) sqlite3_column_text (clash, 0));
      lh_error_set_reason (error, "own-clash");
      return FALSE;
    }
  return TRUE;
}

LhAssessmentSlot *
lh_assessments_book (LhStore *store, const LhCentre *centre, gint64 slot_id, gint64 person_id,
                     gint64 now, GError **error)
{
  return lh_assessments_book_paid (store, centre, slot_id, person_id, FALSE, now, error);
}

LhAssessmentSlot *
lh_assessments_book_paid (LhStore *store, const LhCentre *centre, gint64 slot_id, gint64 person_id,
                          gboolean paid, gint64 now, GError **error)
{
  g_autoptr(LhTimeOffRequest) request = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhAssessmentSlot) slot = NULL;
  g_autoptr(LhPerson) person = NULL;
  g_autoptr(LhStmt) take = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  slot = get_slot (store, slot_id, person_id, error);
  person = slot != NULL ? lh_people_get (store, person_id, error) : NULL;
  if (person == NULL)
    return NULL;
  if (person->sponsor_id != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "Assessments are for staff; guests can book a computer");
      lh_error_set_reason (error, "staff-only");
      return NULL;
    }
  if (slot->assessor_id == person_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "You are the assessor of that slot");
      lh_error_set_reason (error, "own-assessment");
      return NULL;
    }
  if (slot->start_at <= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That assessment has already started");
      lh_error_set_reason (error, "assessment-started");
      return NULL;
    }
  if (slot->taken)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   slot->mine ? "You have booked it already" : "Someone has just booked that one");
      lh_error_set_reason (error, slot->mine ? "assessment-mine-already" : "assessment-taken");
      return NULL;
    }
  if (!check_learner_free (store, centre, slot, person_id, now, error))
    return NULL;
  /* Only a free slot is taken: of two at once, one changes a row. */
  take = lh_store_prepare (store,
                           "UPDATE assessment_slots SET learner_id = ?2, booked_at = ?3 "
                           "WHERE id = ?1 AND learner_id IS NULL AND status = 'open'", error);
  if (take == NULL)
    return NULL;
  sqlite3_bind_int64 (take, 1, slot_id);
  sqlite3_bind_int64 (take, 2, person_id);
  sqlite3_bind_int64 (take, 3, now);
  if (!lh_store_exec (store, take, error))
    return NULL;
  if (lh_store_changes (store) != 1)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Someone has just booked that one");
      lh_error_set_reason (error, "assessment-taken");
      return NULL;
    }
  request = lh_time_off_request_locked (store, centre, person_id, LH_TIME_OFF_FOR_ASSESSMENT, slot_id,
                                        slot->start_at, slot->end_at, paid, now, error);
  if (request == NULL)
    return NULL;
  g_clear_pointer (&slot, lh_assessment_slot_free);
  slot = get_slot (store, slot_id, person_id, error);
  if (slot == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&slot);
}

gboolean
lh_assessments_cancel (LhStore *store, gint64 slot_id, gint64 person_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhAssessmentSlot) slot = NULL;
  g_autoptr(LhStmt) give_back = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  slot = get_slot (store, slot_id, person_id, error);
  if (slot == NULL)
    return FALSE;
  if (!slot->mine)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You have no assessment %" G_GINT64_FORMAT, slot_id);
      lh_error_set_reason (error, "assessment-not-found");
      return FALSE;
    }
  if (slot->start_at <= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "That assessment has already started");
      lh_error_set_reason (error, "assessment-started");
      return FALSE;
    }
  give_back = lh_store_prepare (store,
                                "UPDATE assessment_slots SET learner_id = NULL, booked_at = NULL WHERE id = ?1",
                                error);
  if (give_back == NULL)
    return FALSE;
  sqlite3_bind_int64 (give_back, 1, slot_id);
  return lh_store_exec (store, give_back, error) &&
         lh_time_off_cancel_locked (store, LH_TIME_OFF_FOR_ASSESSMENT, slot_id, "given back by the learner",
                                    person_id, now, error) &&
         lh_transaction_commit (tx, error);
}
