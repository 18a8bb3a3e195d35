/* SPDX-License-Identifier: GPL-3.0-or-later */
/* At the ULR's desk: calling the next ticket, starting, finishing with
 * outcomes, marking a no-show. */
#define G_LOG_DOMAIN "lh-advice"

#include "lh-advice.h"

#include "lh-advice-private.h"
#include "lh-error.h"
#include "lh-dropins.h"
#include "lh-facility-time.h"

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
      lh_error_set_reason (error, "finish-first");
      lh_error_add_number (error, "ticket", sqlite3_column_int (stmt, 0));
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
      lh_error_set_reason (error, "not-at-dropin");
      return NULL;
    }
  for (guint i = 0; i < dropin->ulrs->len; i++)
    {
      LhDropinUlr *ulr = g_ptr_array_index (dropin->ulrs, i);
      if (ulr->ulr_id == ulr_id)
        desk = ulr->desk;
    }
  /* Calling a ticket is being there. */
  if (!check_hands_free (store, ulr_id, error) || !lh_dropins_mark_here (store, dropin->id, ulr_id, now, error))
    return NULL;
  next = lh_store_prepare (store,
                           "SELECT id FROM advice_requests WHERE dropin_id = ?1 AND status = 'waiting' "
                           "AND learner_id <> ?2 ORDER BY ticket LIMIT 1", error);
  if (next == NULL)
    return NULL;
  sqlite3_bind_int64 (next, 1, dropin->id);
  /* A ULR in the queue themself is seen by a colleague. */
  sqlite3_bind_int64 (next, 2, ulr_id);
  if (!lh_store_step (store, next, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "Nobody is waiting");
      lh_error_set_reason (error, "nobody-waiting");
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
      lh_error_set_reason (error, "ticket-taken");
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
      lh_error_set_reason (error, "request-not-found");
      return NULL;
    }
  return g_steal_pointer (&request);
}

/* An appointment may start a little early, as people arrive. */
#define APPOINTMENT_EARLY_SECONDS (15 * 60)

/* Called, or an appointment whose time has come: the ULR may start it
 * (an appointment from a quarter of an hour before) or mark it a no-show
 * (from its start on: before then, the learner may still come). */
static gboolean
check_startable (const LhAdviceRequest *request, gboolean no_show, gint64 now, GError **error)
{
  gboolean appointment = g_strcmp0 (request->mode, "appointment") == 0;

  if (g_strcmp0 (request->status, "called") == 0)
    return TRUE;
  if (appointment && g_strcmp0 (request->status, "waiting") == 0)
    {
      if (now >= request->start_at - (no_show ? 0 : APPOINTMENT_EARLY_SECONDS))
        return TRUE;
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   no_show ? "The appointment has not begun: they may still come"
                           : "It is too early to start that appointment");
      lh_error_set_reason (error, no_show ? "appointment-not-begun" : "too-early-to-start");
      return FALSE;
    }
  g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
               g_strcmp0 (request->status, "waiting") == 0 ? "Call that ticket first"
                                                           : "That request has started or is over");
  lh_error_set_reason (error, g_strcmp0 (request->status, "waiting") == 0 ? "call-first" : "request-over");
  return FALSE;
}

static LhAdviceRequest *
move_own (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 ulr_id, gboolean no_show,
          const char *sql, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhAdviceRequest) request = NULL;

  if (tx == NULL)
    return NULL;
  request = get_own (store, centre, request_id, ulr_id, now, error);
  if (request == NULL || !check_startable (request, no_show, now, error) ||
      !lh_advice_move_request (store, request_id, sql, now, error))
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
  return move_own (store, centre, request_id, ulr_id, FALSE,
                   "UPDATE advice_requests SET status = 'started', started_at = ?2 "
                   "WHERE id = ?1 AND status IN ('called', 'waiting')", now, error);
}

LhAdviceRequest *
lh_advice_no_show (LhStore *store, const LhCentre *centre, gint64 request_id, gint64 ulr_id, gint64 now,
                   GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  return move_own (store, centre, request_id, ulr_id, TRUE,
                   "UPDATE advice_requests SET status = 'no-show', ended_at = ?2 "
                   "WHERE id = ?1 AND status IN ('called', 'waiting')", now, error);
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
      lh_error_set_reason (error, "outcome-missing");
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
      lh_error_set_reason (error, "start-first");
      return NULL;
    }
  if (!lh_advice_move_request (store, request_id,
                     "UPDATE advice_requests SET status = 'done', ended_at = ?2 WHERE id = ?1 AND status = 'started'",
                     now, error) ||
      /* The outcomes are sealed with the topic and contact: one value. */
      !lh_advice_reseal (store, centre, request->id, request->topic, request->contact,
                         request->contact_detail, outcomes, error))
    return NULL;
  if (!lh_advice_text_is_blank (note))
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
