/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the advice modules share: sealed texts, checks, and reading
 * requests with their queue positions. */
#define G_LOG_DOMAIN "lh-advice"

#include "lh-advice-private.h"
#include "lh-error.h"
#include "lh-people.h"

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
      lh_error_set_reason (error, "text-empty");
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > max_chars)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s has up to %d characters", what, max_chars);
      lh_error_set_reason (error, "text-too-long");
      lh_error_set_max_chars (error, max_chars);
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_advice_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
lh_advice_bind_sealed (LhStmt *stmt, int column, const LhCentre *centre, const char *text, GError **error)
{
  g_autoptr(GBytes) sealed = NULL;
  gsize size;
  const void *data;

  if (lh_advice_text_is_blank (text))
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

static LhAdviceRequest *
request_from_row (LhStmt *stmt, const LhCentre *centre, GError **error)
{
  g_autoptr(LhAdviceRequest) request = g_new0 (LhAdviceRequest, 1);

  request->id = sqlite3_column_int64 (stmt, 0);
  request->learner_id = sqlite3_column_int64 (stmt, 1);
  request->learner_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  if (!lh_advice_column_open_what (stmt, 3, centre, &request->topic, &request->contact, &request->contact_detail,
                                   &request->outcomes, error))
    return NULL;
  request->mode = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  if (!lh_advice_column_open (stmt, 5, centre, &request->note, error))
    return NULL;
  request->status = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  request->dropin_id = sqlite3_column_int64 (stmt, 7);
  request->ticket = sqlite3_column_int (stmt, 8);
  request->place = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  request->slot_id = sqlite3_column_int64 (stmt, 10);
  request->start_at = sqlite3_column_int64 (stmt, 11);
  request->end_at = sqlite3_column_int64 (stmt, 12);
  request->ulr_id = sqlite3_column_int64 (stmt, 13);
  request->ulr_name = g_strdup ((const char *) sqlite3_column_text (stmt, 14));
  request->desk = g_strdup ((const char *) sqlite3_column_text (stmt, 15));
  request->created_at = sqlite3_column_int64 (stmt, 16);
  request->called_at = sqlite3_column_int64 (stmt, 17);
  request->started_at = sqlite3_column_int64 (stmt, 18);
  request->ended_at = sqlite3_column_int64 (stmt, 19);
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

int
lh_advice_n_ulrs (LhStore *store, gint64 dropin_id, GError **error)
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
int
lh_advice_estimate_wait (int people, int service_minutes, int n_ulrs)
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
  n_ulrs = lh_advice_n_ulrs (store, request->dropin_id, error);
  if (n_ulrs < 0)
    return FALSE;
  request->wait_minutes = lh_advice_estimate_wait (request->position - 1, service_minutes, n_ulrs);
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
      lh_error_set_reason (error, "request-not-found");
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/* Runs sql, an UPDATE of request ?1 at time ?2 guarded by its status;
 * FALSE with LH_ERROR_CONFLICT if another request moved it first. */
gboolean
lh_advice_move_request (LhStore *store, gint64 request_id, const char *sql, gint64 now, GError **error)
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
      lh_error_set_reason (error, "request-changed");
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_advice_check_ulr (LhStore *store, gint64 person_id, GError **error)
{
  g_autoptr(LhPerson) person = lh_people_get (store, person_id, NULL);

  /* One answer for nobody and for someone who is not a ULR, naming no
   * one: an id must not turn into a name here. */
  if (person == NULL || !(person->roles & LH_ROLE_ULR))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "Person %" G_GINT64_FORMAT " is not one of the centre's union learning reps", person_id);
      lh_error_set_reason (error, "not-a-ulr");
      return FALSE;
    }
  return TRUE;
}
