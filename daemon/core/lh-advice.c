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

static gboolean
name_check (const char * const *names, const char *name, const char *what, GError **error)
{
  g_autofree char *list = NULL;

  if (name != NULL && g_strv_contains (names, name))
    return TRUE;
  list = g_strjoinv (", ", (char **) names);
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s is one of %s", what, list);
  return FALSE;
}

gboolean
lh_advice_topic_check (const char *topic, GError **error)
{
  return name_check (lh_advice_topics, topic, "topic", error);
}

gboolean
lh_advice_outcome_check (const char *outcome, GError **error)
{
  return name_check (lh_advice_outcomes, outcome, "outcome", error);
}

gboolean
lh_advice_contact_check (const char *contact, GError **error)
{
  return name_check (lh_advice_contacts, contact, "way to reach you", error);
}

void
lh_advice_request_free (LhAdviceRequest *request)
{
  g_free (request->learner_name);
  g_free (request->topic);
  g_free (request->mode);
  g_free (request->contact);
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

/* ---- shared with the other advice modules -------------------------------- */

gboolean
lh_advice_text_check (const char *text, int max_chars, gboolean optional, const char *what, GError **error)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "The %s is not UTF-8 text", what);
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (text));
  if (!optional && trimmed[0] == '\0')
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s is empty", what);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s has up to %d characters", what, max_chars);
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_advice_bind_sealed (LhStmt *stmt, int column, const LhCentre *centre, const char *text, GError **error)
{
  g_autoptr(GBytes) sealed = NULL;
  gsize size;
  const void *data;

  if (text == NULL || text[0] == '\0')
    {
      sqlite3_bind_null (stmt, column);
      return TRUE;
    }
  if (centre->note_key == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "There is no notes key to seal a note with");
      return FALSE;
    }
  sealed = lh_note_key_seal (centre->note_key, text);
  data = g_bytes_get_data (sealed, &size);
  sqlite3_bind_blob (stmt, column, data, (int) size, SQLITE_TRANSIENT);
  return TRUE;
}

gboolean
lh_advice_column_open (LhStmt *stmt, int column, const LhCentre *centre, char **out_text, GError **error)
{
  const void *data = sqlite3_column_blob (stmt, column);
  gsize size = sqlite3_column_bytes (stmt, column);

  *out_text = NULL;
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return TRUE;
  if (centre->note_key == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "There is no notes key to open a note with");
      return FALSE;
    }
  *out_text = lh_note_key_open_text (centre->note_key, data, size, error);
  return *out_text != NULL;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static LhAdviceRequest *
request_from_row (LhStmt *stmt, const LhCentre *centre, GError **error)
{
  g_autoptr(LhAdviceRequest) request = g_new0 (LhAdviceRequest, 1);
  const char *outcomes = (const char *) sqlite3_column_text (stmt, 21);

  request->id = sqlite3_column_int64 (stmt, 0);
  request->learner_id = sqlite3_column_int64 (stmt, 1);
  request->learner_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  request->topic = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  request->mode = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  request->contact = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  if (!lh_advice_column_open (stmt, 6, centre, &request->note, error))
    return NULL;
  request->status = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  request->dropin_id = sqlite3_column_int64 (stmt, 8);
  request->ticket = sqlite3_column_int (stmt, 9);
  request->place = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  request->slot_id = sqlite3_column_int64 (stmt, 11);
  request->start_at = sqlite3_column_int64 (stmt, 12);
  request->end_at = sqlite3_column_int64 (stmt, 13);
  request->ulr_id = sqlite3_column_int64 (stmt, 14);
  request->ulr_name = g_strdup ((const char *) sqlite3_column_text (stmt, 15));
  request->desk = g_strdup ((const char *) sqlite3_column_text (stmt, 16));
  request->created_at = sqlite3_column_int64 (stmt, 17);
  request->called_at = sqlite3_column_int64 (stmt, 18);
  request->started_at = sqlite3_column_int64 (stmt, 19);
  request->ended_at = sqlite3_column_int64 (stmt, 20);
  request->outcomes = outcomes != NULL ? g_strsplit (outcomes, ",", -1) : g_new0 (char *, 1);
  /* group_concat() promises no order; people read them in one. */
  qsort (request->outcomes, g_strv_length (request->outcomes), sizeof (char *), compare_strings);
  return g_steal_pointer (&request);
}

int
lh_advice_service_minutes (LhStore *store, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT count(*), avg(ended_at - started_at) FROM advice_requests "
                                             "WHERE mode = 'queue' AND status = 'done' AND ended_at > ?1", error);
  gboolean has_row;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, now - 90 * 24 * 3600);
  if (!lh_store_step (store, stmt, &has_row, error))
    return -1;
  /* A couple of conversations say little about the next. */
  if (sqlite3_column_int (stmt, 0) < 3)
    return LH_ADVICE_DEFAULT_SERVICE_MINUTES;
  return MAX (1, (int) ((sqlite3_column_double (stmt, 1) + 59) / 60));
}

static int
n_ulrs_of (LhStore *store, gint64 dropin_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT count(*) FROM advice_dropin_ulrs WHERE dropin_id = ?1",
                                             error);
  gboolean has_row;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return -1;
  return MAX (1, sqlite3_column_int (stmt, 0));
}

/* The people ahead, and the wait they make, shared between the ULRs. */
static int
estimate_wait (int people, int service_minutes, int n_ulrs)
{
  return (people * service_minutes + n_ulrs - 1) / n_ulrs;
}

static gboolean
fill_position (LhStore *store, LhAdviceRequest *request, int service_minutes, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;
  int n_ulrs;

  if (g_strcmp0 (request->status, "waiting") != 0 || g_strcmp0 (request->mode, "queue") != 0)
    return TRUE;
  stmt = lh_store_prepare (store,
                           "SELECT count(*) FROM advice_requests WHERE dropin_id = ?1 AND status = 'waiting' "
                           "AND ticket < ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request->dropin_id);
  sqlite3_bind_int (stmt, 2, request->ticket);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  request->position = sqlite3_column_int (stmt, 0) + 1;
  n_ulrs = n_ulrs_of (store, request->dropin_id, error);
  if (n_ulrs < 0)
    return FALSE;
  request->wait_minutes = estimate_wait (request->position - 1, service_minutes, n_ulrs);
  return TRUE;
}

GPtrArray *
lh_advice_collect_requests (LhStore *store, const LhCentre *centre, LhStmt *stmt, gint64 now, GError **error)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_advice_request_free);
  int service_minutes = -1;
  gboolean has_row = FALSE;
  gboolean ok;

  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhAdviceRequest *request = request_from_row (stmt, centre, error);

      if (request == NULL)
        return NULL;
      g_ptr_array_add (requests, request);
    }
  if (!ok)
    return NULL;
  for (guint i = 0; i < requests->len; i++)
    {
      LhAdviceRequest *request = g_ptr_array_index (requests, i);

      if (g_strcmp0 (request->status, "waiting") == 0 && service_minutes < 0 &&
          (service_minutes = lh_advice_service_minutes (store, now, error)) < 0)
        return NULL;
      if (!fill_position (store, request, service_minutes, error))
        return NULL;
    }
  return g_steal_pointer (&requests);
}

LhAdviceRequest *
lh_advice_request_get_unchecked (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 now,
                                 GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, LH_ADVICE_REQUEST_SELECT "WHERE r.id = ?1", error);
  g_autoptr(GPtrArray) found = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, request_id);
  found = lh_advice_collect_requests (store, centre, stmt, now, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no advice request %" G_GINT64_FORMAT,
                   request_id);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
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
      return FALSE;
    }
  return TRUE;
}

/* The drop-in to join: the one asked for, if it is on today and not over;
 * else the one open now, else the next one today. */
static gint64
find_dropin (LhStore *store, const LhCentre *centre, gint64 dropin_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT id FROM advice_dropins WHERE closed_at IS NULL "
                                             "AND end_at > ?1 AND start_at < ?2 AND (?3 = 0 OR id = ?3) "
                                             "ORDER BY start_at, id LIMIT 1", error);
  gint64 tomorrow = lh_time_next_midnight (lh_time_local_midnight (now, centre->tz), centre->tz);
  gboolean has_row;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, tomorrow);
  sqlite3_bind_int64 (stmt, 3, dropin_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return 0;
  if (has_row)
    return sqlite3_column_int64 (stmt, 0);
  if (dropin_id != 0)
    {
      g_autoptr(LhDropin) dropin = lh_dropins_get (store, dropin_id, error);

      if (dropin != NULL)
        g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That drop-in is not on today, or is over");
      return 0;
    }
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
               "There is no drop-in today; you can book a time with a ULR instead");
  return 0;
}

static gint64
insert_queued (LhStore *store, const LhCentre *centre, gint64 learner_id, const char *topic, const char *contact,
               const char *note, gint64 dropin_id, gint64 now, GError **error)
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
                             "INSERT INTO advice_requests (learner_id, topic, mode, contact, note, dropin_id, ticket, "
                             "status, created_at) VALUES (?1, ?2, 'queue', ?3, ?4, ?5, ?6, 'waiting', ?7)", error);
  if (advance == NULL || insert == NULL)
    return 0;
  sqlite3_bind_int64 (advance, 1, dropin_id);
  sqlite3_bind_int64 (insert, 1, learner_id);
  sqlite3_bind_text (insert, 2, topic, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, contact, -1, SQLITE_TRANSIENT);
  if (!lh_advice_bind_sealed (insert, 4, centre, note, error))
    return 0;
  sqlite3_bind_int64 (insert, 5, dropin_id);
  sqlite3_bind_int (insert, 6, ticket);
  sqlite3_bind_int64 (insert, 7, now);
  if (!lh_store_exec (store, advance, error) || !lh_store_exec (store, insert, error))
    return 0;
  return lh_store_last_insert_id (store);
}

static gint64
insert_appointment (LhStore *store, const LhCentre *centre, gint64 learner_id, const char *topic,
                    const char *contact, const char *note, gint64 slot_id, gint64 now, GError **error)
{
  g_autoptr(LhAdviceSlot) slot = lh_advice_slots_get (store, slot_id, learner_id, error);
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(GError) local_error = NULL;

  if (slot == NULL)
    return 0;
  if (slot->start_at <= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That time has already begun");
      return 0;
    }
  if (slot->ulr_id == learner_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "That is your own time for advice");
      return 0;
    }
  if (slot->taken)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   slot->mine ? "You have booked that time already" : "Someone has just booked that time");
      return 0;
    }
  insert = lh_store_prepare (store,
                             "INSERT INTO advice_requests (learner_id, topic, mode, contact, note, slot_id, ulr_id, "
                             "status, created_at) VALUES (?1, ?2, 'appointment', ?3, ?4, ?5, ?6, 'waiting', ?7)",
                             error);
  if (insert == NULL)
    return 0;
  sqlite3_bind_int64 (insert, 1, learner_id);
  sqlite3_bind_text (insert, 2, topic, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (insert, 3, contact, -1, SQLITE_TRANSIENT);
  if (!lh_advice_bind_sealed (insert, 4, centre, note, error))
    return 0;
  sqlite3_bind_int64 (insert, 5, slot_id);
  sqlite3_bind_int64 (insert, 6, slot->ulr_id);
  sqlite3_bind_int64 (insert, 7, now);
  /* The one-request-per-slot index settles a race the check above lost. */
  if (!lh_store_exec (store, insert, &local_error))
    {
      if (g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
        g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Someone has just booked that time");
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  return lh_store_last_insert_id (store);
}

LhAdviceRequest *
lh_advice_request_create (LhStore *store, const LhCentre *centre, gint64 learner_id, const char *topic,
                          const char *mode, const char *contact, const char *note, gint64 dropin_id,
                          gint64 slot_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhPerson) learner = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;
  gboolean queue = g_strcmp0 (mode, "queue") == 0;
  gint64 id;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (centre != NULL, NULL);

  if (!lh_advice_topic_check (topic, error) || !lh_advice_contact_check (contact, error) ||
      !lh_advice_text_check (note, LH_ADVICE_NOTE_MAX_CHARS, TRUE, "note", error))
    return NULL;
  if (!queue && g_strcmp0 (mode, "appointment") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Ask to join the queue or for an appointment");
      return NULL;
    }
  if (!queue && slot_id <= 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Choose a time for the appointment");
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
      return NULL;
    }
  if (queue)
    {
      if (!check_not_queued (store, learner_id, error) ||
          (dropin_id = find_dropin (store, centre, dropin_id, now, error)) == 0)
        return NULL;
      id = insert_queued (store, centre, learner_id, topic, contact, note, dropin_id, now, error);
    }
  else
    id = insert_appointment (store, centre, learner_id, topic, contact, note, slot_id, now, error);
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
        g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no advice request %" G_GINT64_FORMAT,
                     request_id);
      return NULL;
    }
  return g_steal_pointer (&request);
}

/* Runs sql, an UPDATE of request ?1 at time ?2 guarded by its status;
 * FALSE with LH_ERROR_CONFLICT if another request moved it first. */
static gboolean
move_request (LhStore *store, gint64 request_id, const char *sql, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!lh_store_exec (store, stmt, error))
    return FALSE;
  if (lh_store_changes (store) != 1)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "That request has just changed; look again");
      return FALSE;
    }
  return TRUE;
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
  stmt = lh_store_prepare (store, "SELECT status FROM advice_requests WHERE id = ?1 AND learner_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, request_id);
  sqlite3_bind_int64 (stmt, 2, learner_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You have no advice request %" G_GINT64_FORMAT, request_id);
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "waiting") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "A ULR has called you already, or it is over");
      return FALSE;
    }
  return move_request (store, request_id,
                       "UPDATE advice_requests SET status = 'left', ended_at = ?2 "
                       "WHERE id = ?1 AND status = 'waiting'", now, error) &&
         lh_transaction_commit (tx, error);
}

/* ---- at the desk ------------------------------------------------------ */

static gboolean
check_hands_free (LhStore *store, gint64 ulr_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT ticket FROM advice_requests WHERE ulr_id = ?1 AND mode = 'queue' "
                                             "AND status IN ('called', 'started')", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ulr_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Finish ticket %d first, or mark it a no-show",
                   sqlite3_column_int (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

LhAdviceRequest *
lh_advice_call_next (LhStore *store, const LhCentre *centre, gint64 dropin_id, gint64 ulr_id, gint64 now,
                     GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhDropin) dropin = NULL;
  g_autoptr(LhStmt) next = NULL;
  g_autoptr(LhStmt) call = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;
  const char *desk = NULL;
  gboolean has_row;
  gint64 request_id;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* BEGIN IMMEDIATE: of two ULRs calling at once, the second reads the
   * queue after the first has taken its ticket. */
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  dropin = lh_dropins_current_for_ulr (store, ulr_id, now, error);
  if (dropin == NULL)
    return NULL;
  if (dropin_id != 0 && dropin->id != dropin_id)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You are not at drop-in %" G_GINT64_FORMAT " now",
                   dropin_id);
      return NULL;
    }
  for (guint i = 0; i < dropin->ulrs->len; i++)
    {
      LhDropinUlr *ulr = g_ptr_array_index (dropin->ulrs, i);
      if (ulr->ulr_id == ulr_id)
        desk = ulr->desk;
    }
  if (!check_hands_free (store, ulr_id, error))
    return NULL;
  next = lh_store_prepare (store,
                           "SELECT id FROM advice_requests WHERE dropin_id = ?1 AND status = 'waiting' "
                           "ORDER BY ticket LIMIT 1", error);
  if (next == NULL)
    return NULL;
  sqlite3_bind_int64 (next, 1, dropin->id);
  if (!lh_store_step (store, next, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Nobody is waiting");
      return NULL;
    }
  request_id = sqlite3_column_int64 (next, 0);
  call = lh_store_prepare (store,
                           "UPDATE advice_requests SET status = 'called', ulr_id = ?2, desk = ?3, called_at = ?4 "
                           "WHERE id = ?1 AND status = 'waiting'", error);
  if (call == NULL)
    return NULL;
  sqlite3_bind_int64 (call, 1, request_id);
  sqlite3_bind_int64 (call, 2, ulr_id);
  sqlite3_bind_text (call, 3, desk, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (call, 4, now);
  if (!lh_store_exec (store, call, error))
    return NULL;
  if (lh_store_changes (store) != 1)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Another ULR has just called that ticket; call again");
      return NULL;
    }
  request = lh_advice_request_get_unchecked (store, centre, request_id, now, error);
  if (request == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&request);
}

/* The request, if ulr_id took it: anyone else's reads as not there. */
static LhAdviceRequest *
get_own (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 ulr_id, gint64 now, GError **error)
{
  g_autoptr(LhAdviceRequest) request = lh_advice_request_get_unchecked (store, centre, request_id, now, error);

  if (request == NULL)
    return NULL;
  if (request->ulr_id != ulr_id || request->learner_id == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You have no advice request %" G_GINT64_FORMAT,
                   request_id);
      return NULL;
    }
  return g_steal_pointer (&request);
}

/* Called, or an appointment still to come: the ULR may start it or mark
 * it a no-show. */
static gboolean
check_startable (const LhAdviceRequest *request, GError **error)
{
  if (g_strcmp0 (request->status, "called") == 0 ||
      (g_strcmp0 (request->status, "waiting") == 0 && g_strcmp0 (request->mode, "appointment") == 0))
    return TRUE;
  g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
               g_strcmp0 (request->status, "waiting") == 0 ? "Call that ticket first"
                                                           : "That request has started or is over");
  return FALSE;
}

static LhAdviceRequest *
move_own (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 ulr_id, const char *sql, gint64 now,
          GError **error)
{
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhAdviceRequest) request = NULL;

  if (tx == NULL)
    return NULL;
  request = get_own (store, centre, request_id, ulr_id, now, error);
  if (request == NULL || !check_startable (request, error) || !move_request (store, request_id, sql, now, error))
    return NULL;
  g_clear_pointer (&request, lh_advice_request_free);
  request = lh_advice_request_get_unchecked (store, centre, request_id, now, error);
  if (request == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&request);
}

LhAdviceRequest *
lh_advice_start (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 ulr_id, gint64 now,
                 GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  return move_own (store, centre, request_id, ulr_id,
                   "UPDATE advice_requests SET status = 'started', started_at = ?2 "
                   "WHERE id = ?1 AND status IN ('called', 'waiting')", now, error);
}

LhAdviceRequest *
lh_advice_no_show (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 ulr_id, gint64 now,
                   GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  return move_own (store, centre, request_id, ulr_id,
                   "UPDATE advice_requests SET status = 'no-show', ended_at = ?2 "
                   "WHERE id = ?1 AND status IN ('called', 'waiting')", now, error);
}

static gboolean
insert_outcomes (LhStore *store, gint64 request_id, const char * const *outcomes, GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT OR IGNORE INTO advice_outcomes (request_id, outcome) "
                                               "VALUES (?1, ?2)", error);

  if (insert == NULL)
    return FALSE;
  for (guint i = 0; outcomes[i] != NULL; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, request_id);
      sqlite3_bind_text (insert, 2, outcomes[i], -1, SQLITE_TRANSIENT);
      if (!lh_store_exec (store, insert, error))
        return FALSE;
    }
  return TRUE;
}

LhAdviceRequest *
lh_advice_finish (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 ulr_id,
                  const char * const *outcomes, const char *note, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhAdviceRequest) request = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (outcomes == NULL || outcomes[0] == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Choose at least one outcome");
      return NULL;
    }
  for (guint i = 0; outcomes[i] != NULL; i++)
    if (!lh_advice_outcome_check (outcomes[i], error))
      return NULL;
  if (!lh_advice_text_check (note, LH_ADVICE_NOTE_MAX_CHARS, TRUE, "note", error))
    return NULL;
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  request = get_own (store, centre, request_id, ulr_id, now, error);
  if (request == NULL)
    return NULL;
  if (g_strcmp0 (request->status, "started") != 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Start it before you finish it");
      return NULL;
    }
  if (!move_request (store, request_id,
                     "UPDATE advice_requests SET status = 'done', ended_at = ?2 WHERE id = ?1 AND status = 'started'",
                     now, error) ||
      !insert_outcomes (store, request_id, outcomes, error))
    return NULL;
  if (note != NULL && note[0] != '\0')
    {
      g_autoptr(LhAdviceNote) added = lh_advice_note_add (store, centre, request->learner_id, ulr_id, request_id,
                                                          note, now, error);
      if (added == NULL)
        return NULL;
    }
  /* A drop-in's time is logged whole when it closes; an appointment's
   * here, as booked. */
  if (g_strcmp0 (request->mode, "appointment") == 0 &&
      !lh_facility_time_log (store, ulr_id, "appointment", request->start_at, request->end_at, 0, request_id,
                             now, error))
    return NULL;
  g_clear_pointer (&request, lh_advice_request_free);
  request = lh_advice_request_get_unchecked (store, centre, request_id, now, error);
  if (request == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&request);
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

/* ---- the display -------------------------------------------------------- */

static gboolean
fill_queue (LhStore *store, LhQueue *queue, int service_minutes, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT ticket, status, desk FROM advice_requests WHERE dropin_id = ?1 "
                                             "AND status IN ('waiting', 'called', 'started') ORDER BY ticket", error);
  gboolean has_row = FALSE;
  gboolean ok;
  int n_ulrs;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, queue->dropin_id);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      int ticket = sqlite3_column_int (stmt, 0);

      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "waiting") == 0)
        g_array_append_val (queue->waiting, ticket);
      else
        {
          LhQueueCall call = { ticket, g_strdup ((const char *) sqlite3_column_text (stmt, 2)) };
          g_array_append_val (queue->serving, call);
        }
    }
  if (!ok)
    return FALSE;
  n_ulrs = n_ulrs_of (store, queue->dropin_id, error);
  if (n_ulrs < 0)
    return FALSE;
  queue->wait_minutes = estimate_wait ((int) queue->waiting->len, service_minutes, n_ulrs);
  return TRUE;
}

GPtrArray *
lh_advice_queues (LhStore *store, const LhCentre *centre, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) queues = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_queue_free);
  gint64 tomorrow;
  gboolean has_row = FALSE;
  gboolean ok;
  int service_minutes;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  service_minutes = lh_advice_service_minutes (store, now, error);
  if (service_minutes < 0)
    return NULL;
  tomorrow = lh_time_next_midnight (lh_time_local_midnight (now, centre->tz), centre->tz);
  stmt = lh_store_prepare (store,
                           "SELECT id, place, start_at, end_at FROM advice_dropins WHERE closed_at IS NULL "
                           "AND end_at > ?1 AND start_at < ?2 ORDER BY start_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, tomorrow);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhQueue *queue = g_new0 (LhQueue, 1);

      queue->dropin_id = sqlite3_column_int64 (stmt, 0);
      queue->place = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      queue->start_at = sqlite3_column_int64 (stmt, 2);
      queue->end_at = sqlite3_column_int64 (stmt, 3);
      queue->open = queue->start_at <= now;
      queue->serving = g_array_new (FALSE, FALSE, sizeof (LhQueueCall));
      queue->waiting = g_array_new (FALSE, FALSE, sizeof (int));
      g_ptr_array_add (queues, queue);
    }
  if (!ok)
    return NULL;
  for (guint i = 0; i < queues->len; i++)
    if (!fill_queue (store, g_ptr_array_index (queues, i), service_minutes, error))
      return NULL;
  return g_steal_pointer (&queues);
}

gboolean
lh_advice_count_waiting (LhStore *store, gint64 dropin_id, int *out_waiting, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT count(*) FROM advice_requests WHERE dropin_id = ?1 "
                                             "AND status = 'waiting'", error);
  gboolean has_row;

  g_return_val_if_fail (out_waiting != NULL, FALSE);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_waiting = sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
lh_advice_send_home (LhStore *store, gint64 dropin_id, gint64 at, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "UPDATE advice_requests SET status = 'unseen', ended_at = ?2 "
                                             "WHERE dropin_id = ?1 AND status IN ('waiting', 'called')", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  sqlite3_bind_int64 (stmt, 2, at);
  return lh_store_exec (store, stmt, error);
}
