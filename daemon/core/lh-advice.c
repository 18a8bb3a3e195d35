/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-advice"

#include "lh-advice.h"

#include <stdlib.h>
#include <string.h>

#include "lh-advice-private.h"
#include "lh-advice-record.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-people.h"
#include "lh-text.h"
#include "lh-time.h"

const char * const lh_advice_topics[] = {
  "english-maths", "esol", "digital", "courses-funding", "apprenticeships", "higher-education",
  "careers", "time-to-train", "dyslexia", "learning-mot", "other", NULL,
};

const char * const lh_advice_outcomes[] = {
  "signposted-course", "assessment-booked", "learning-plan-agreed", "referred-careers-service",
  "funding-advice", "time-to-train-explained", "follow-up-booked", "other", NULL,
};

const char * const lh_advice_contacts[] = { "here", "phone", "email", "at-work", NULL };

gboolean
lh_advice_topic_check (const char *topic, GError **error)
{
  if (lh_text_one_of (lh_advice_topics, topic, "topic", error))
    return TRUE;
  lh_error_set_reason (error, "topic-unknown");
  return FALSE;
}

gboolean
lh_advice_outcome_check (const char *outcome, GError **error)
{
  if (lh_text_one_of (lh_advice_outcomes, outcome, "outcome", error))
    return TRUE;
  lh_error_set_reason (error, "outcome-unknown");
  return FALSE;
}

gboolean
lh_advice_contact_check (const char *contact, GError **error)
{
  if (lh_text_one_of (lh_advice_contacts, contact, "way to reach you", error))
    return TRUE;
  lh_error_set_reason (error, "contact-unknown");
  return FALSE;
}

void
lh_advice_request_free (LhAdviceRequest *request)
{
  g_free (request->learner_name);
  g_free (request->topic);
  g_free (request->mode);
  g_free (request->contact);
  g_free (request->contact_detail);
  g_free (request->note);
  g_free (request->status);
  g_free (request->place);
  g_free (request->ulr_name);
  g_free (request->desk);
  g_strfreev (request->outcomes);
  g_free (request);
}

void
lh_queue_free (LhQueue *queue)
{
  for (guint i = 0; i < queue->serving->len; i++)
    g_free (g_array_index (queue->serving, LhQueueCall, i).desk);
  g_array_unref (queue->serving);
  g_array_unref (queue->waiting);
  g_free (queue->place);
  g_free (queue);
}

/* ---- asking -------------------------------------------------------------- */

static gboolean
check_not_queued (LhStore *store, gint64 learner_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT ticket FROM advice_requests WHERE learner_id = ?1 "
                                             "AND mode = 'queue' AND status IN ('waiting', 'called', 'started')",
                                             error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "You are in the queue already, with ticket %d",
                   sqlite3_column_int (stmt, 0));
      lh_error_set_reason (error, "already-queued");
      lh_error_add_number (error, "ticket", sqlite3_column_int (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

/* The drop-in to join: the one asked for, if it is on today and not over;
 * else the one open now, else the next one today. When more than one is
 * open now the learner chooses: never a queue picked for them that
 * someone could have opened alongside the real one. */
static gint64
find_dropin (LhStore *store, const LhCentre *centre, gint64 dropin_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT id, start_at <= ?1 FROM advice_dropins WHERE closed_at IS NULL "
                                             "AND end_at > ?1 AND start_at < ?2 AND (?3 = 0 OR id = ?3) "
                                             "ORDER BY start_at, id LIMIT 2", error);
  gint64 tomorrow = lh_time_next_midnight (lh_time_local_midnight (now, centre->tz), centre->tz);
  gboolean has_row;
  gint64 id;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, tomorrow);
  sqlite3_bind_int64 (stmt, 3, dropin_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return 0;
  if (has_row)
    {
      gboolean first_open = sqlite3_column_int (stmt, 1) != 0;

      id = sqlite3_column_int64 (stmt, 0);
      if (!lh_store_step (store, stmt, &has_row, error))
        return 0;
      if (has_row && first_open && sqlite3_column_int (stmt, 1) != 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                       "More than one drop-in is on now: choose the one to join");
          lh_error_set_reason (error, "choose-dropin");
          return 0;
        }
      return id;
    }
  if (dropin_id != 0)
    {
      g_autoptr(LhDropin) dropin = lh_dropins_get (store, dropin_id, error);

      if (dropin != NULL)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That drop-in is not on today, or is over");
          lh_error_set_reason (error, "dropin-not-on");
        }
      return 0;
    }
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
               "There is no drop-in today; you can book a time with a ULR instead");
  lh_error_set_reason (error, "no-dropin-today");
  return 0;
}

static gint64
insert_queued (LhStore *store, const LhCentre *centre, gint64 learner_id, const char *topic, const char *contact,
               const char *detail, const char *note, gint64 dropin_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) take = lh_store_prepare (store, "SELECT next_ticket FROM advice_dropins WHERE id = ?1", error);
  g_autoptr(LhStmt) advance = NULL;
  g_autoptr(LhStmt) insert = NULL;
  gboolean has_row;
  int ticket;

  if (take == NULL)
    return 0;
  sqlite3_bind_int64 (take, 1, dropin_id);
  if (!lh_store_step (store, take, &has_row, error))
    return 0;
  ticket = sqlite3_column_int (take, 0);
  advance = lh_store_prepare (store, "UPDATE advice_dropins SET next_ticket = next_ticket + 1 WHERE id = ?1", error);
  insert = lh_store_prepare (store,
                             "INSERT INTO advice_requests (learner_id, sealed, mode, note, dropin_id, ticket, "
                             "status, created_at) VALUES (?1, ?2, 'queue', ?3, ?4, ?5, 'waiting', ?6)", error);
  if (advance == NULL || insert == NULL)
    return 0;
  sqlite3_bind_int64 (advance, 1, dropin_id);
  sqlite3_bind_int64 (insert, 1, learner_id);
  if (!lh_advice_bind_what (insert, 2, centre, topic, contact, detail, NULL, error) ||
      !lh_advice_bind_sealed (insert, 3, centre, note, error))
    return 0;
  sqlite3_bind_int64 (insert, 4, dropin_id);
  sqlite3_bind_int (insert, 5, ticket);
  sqlite3_bind_int64 (insert, 6, now);
  if (!lh_store_exec (store, advance, error) || !lh_store_exec (store, insert, error))
    return 0;
  return lh_store_last_insert_id (store);
}

static gint64
insert_appointment (LhStore *store, const LhCentre *centre, gint64 learner_id, const char *topic,
                    const char *contact, const char *detail, const char *note, gint64 slot_id, gint64 now, GError **error)
{
  g_autoptr(LhAdviceSlot) slot = lh_advice_slots_get (store, slot_id, learner_id, error);
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(GError) local_error = NULL;

  if (slot == NULL)
    return 0;
  if (slot->start_at <= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That time has already begun");
      lh_error_set_reason (error, "slot-begun");
      return 0;
    }
  if (slot->ulr_id == learner_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That is your own time for advice");
      lh_error_set_reason (error, "own-slot");
      return 0;
    }
  if (slot->taken)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   slot->mine ? "You have booked that time already" : "Someone has just booked that time");
      lh_error_set_reason (error, slot->mine ? "slot-mine-already" : "slot-taken");
      return 0;
    }
  insert = lh_store_prepare (store,
                             "INSERT INTO advice_requests (learner_id, sealed, mode, note, slot_id, ulr_id, "
                             "status, created_at) VALUES (?1, ?2, 'appointment', ?3, ?4, ?5, 'waiting', ?6)",
                             error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, learner_id);
  if (!lh_advice_bind_what (insert, 2, centre, topic, contact, detail, NULL, error) ||
      !lh_advice_bind_sealed (insert, 3, centre, note, error))
    return 0;
  sqlite3_bind_int64 (insert, 4, slot_id);
  sqlite3_bind_int64 (insert, 5, slot->ulr_id);
  sqlite3_bind_int64 (insert, 6, now);
  /* The one-request-per-slot index settles a race the check above lost. */
  if (!lh_store_exec (store, insert, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Someone has just booked that time");
          lh_error_set_reason (error, "slot-taken");
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return lh_store_last_insert_id (store);
}

LhAdviceRequest *
lh_advice_request_create (LhStore *store, const LhCentre *centre, gint64 learner_id, const char *topic,
                          const char *mode, const char *contact, const char *contact_detail, const char *note,
                          gint64 dropin_id,
                          gint64 slot_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhPerson) learner = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;
  g_autofree char *detail = NULL;
  gboolean queue = g_strcmp0 (mode, "queue") == 0;
  gint64 id;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  if (!lh_advice_topic_check (topic, error) || !lh_advice_contact_check (contact, error) ||
      !lh_advice_contact_detail_check (contact, contact_detail, &detail, error) ||
      !lh_advice_text_check (note, LH_ADVICE_NOTE_MAX_CHARS, TRUE, "note", error))
    return NULL;
  if (!queue && g_strcmp0 (mode, "appointment") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Ask to join the queue or for an appointment");
      lh_error_set_reason (error, "request-kind-missing");
      return NULL;
    }
  if (!queue && slot_id <= 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Choose a time for the appointment");
      lh_error_set_reason (error, "slot-missing");
      return NULL;
    }
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  learner = lh_people_get (store, learner_id, error);
  if (learner == NULL)
    return NULL;
  if (learner->sponsor_id != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Advice from a ULR is for staff");
      lh_error_set_reason (error, "staff-only");
      return NULL;
    }
  if (queue)
    {
      if (!check_not_queued (store, learner_id, error) ||
          (dropin_id = find_dropin (store, centre, dropin_id, now, error)) == 0)
        return NULL;
      id = insert_queued (store, centre, learner_id, topic, contact, detail, note, dropin_id, now, error);
    }
  else
    id = insert_appointment (store, centre, learner_id, topic, contact, detail, note, slot_id, now, error);
  if (id == 0)
    return NULL;
  request = lh_advice_request_get_unchecked (store, centre, id, now, error);
  if (request == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&request);
}

static gboolean
may_read (LhStore *store, const LhAdviceRequest *request, gint64 viewer_id, GError **error)
{
  gboolean supports = FALSE;

  if (request->learner_id != 0 && request->learner_id == viewer_id)
    return TRUE;
  if (request->learner_id == 0 || !lh_advice_is_supporter (store, request->learner_id, viewer_id, &supports, error))
    return FALSE;
  return supports;
}

LhAdviceRequest *
lh_advice_request_get (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 viewer_id, gint64 now,
                       GError **error)
{
  g_autoptr(LhAdviceRequest) request = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  request = lh_advice_request_get_unchecked (store, centre, request_id, now, error);
  if (request == NULL)
    return NULL;
  if (!may_read (store, request, viewer_id, &local_error))
    {
      /* Not theirs reads exactly as not there. */
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        {
          g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no advice request %" G_GINT64_FORMAT,
                       request_id);
          lh_error_set_reason (error, "request-not-found");
        }
      return NULL;
    }
  return g_steal_pointer (&request);
}

gboolean
lh_advice_request_leave (LhStore *store, gint64 request_id, gint64 learner_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  stmt = lh_store_prepare (store,
                           "SELECT r.status, r.mode = 'appointment' AND s.start_at <= ?3 FROM advice_requests r "
                           "LEFT JOIN advice_slots s ON s.id = r.slot_id WHERE r.id = ?1 AND r.learner_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_int64 (stmt, 2, learner_id);
  sqlite3_bind_int64 (stmt, 3, now);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You have no advice request %" G_GINT64_FORMAT, request_id);
      lh_error_set_reason (error, "request-not-found");
      return FALSE;
    }
  /* Its time has come: the ULR marks whether they came. */
  if (sqlite3_column_int (stmt, 1) != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "That appointment has begun");
      lh_error_set_reason (error, "appointment-begun");
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "waiting") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "A ULR has called you already, or it is over");
      lh_error_set_reason (error, "already-called");
      return FALSE;
    }
  return lh_advice_move_request (store, request_id,
                       "UPDATE advice_requests SET status = 'left', ended_at = ?2 "
                       "WHERE id = ?1 AND status = 'waiting'", now, error) &&
         lh_transaction_commit (tx, error);
}

GPtrArray *
lh_advice_for_ulr (LhStore *store, const LhCentre *centre, gint64 ulr_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store,
                           LH_ADVICE_REQUEST_SELECT
                           "WHERE r.ulr_id = ?1 AND r.learner_id IS NOT NULL AND (r.status IN ('called', 'started') "
                           "OR (r.mode = 'appointment' AND r.status = 'waiting' AND s.end_at > ?2)) "
                           "ORDER BY COALESCE(s.start_at, r.called_at), r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ulr_id);
  sqlite3_bind_int64 (stmt, 2, lh_time_local_midnight (now, centre->tz));
  return lh_advice_collect_requests (store, centre, stmt, now, error);
}

GPtrArray *
lh_advice_open_for_learner (LhStore *store, const LhCentre *centre, gint64 learner_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store,
                           LH_ADVICE_REQUEST_SELECT
                           "WHERE r.learner_id = ?1 AND r.status IN ('waiting', 'called', 'started') "
                           "AND (r.mode = 'queue' OR s.end_at > ?2) ORDER BY COALESCE(s.start_at, r.created_at)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return lh_advice_collect_requests (store, centre, stmt, now, error);
}
