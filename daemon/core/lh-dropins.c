/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-dropins"

#include "lh-dropins.h"

#include "lh-advice-private.h"
#include "lh-error.h"
#include "lh-facility-time.h"
#include "lh-people.h"

#define DROPIN_MAX_SECONDS (10 * 3600)
/* A ULR who opens a drop-in a little late may start it when it began;
 * any earlier would let a queue, and facility time, reach into the past. */
#define DROPIN_LATE_SECONDS (15 * 60)
/* Drop-ins are set up for up to half a year ahead (learnhubctl's 26
 * weeks); a year leaves room, and nothing lasts beyond it. */
#define DROPIN_AHEAD_SECONDS (366 * 24 * 3600)

void
lh_dropin_ulr_free (LhDropinUlr *ulr)
{
  g_free (ulr->name);
  g_free (ulr->desk);
  g_free (ulr);
}

void
lh_dropin_free (LhDropin *dropin)
{
  g_free (dropin->place);
  g_clear_pointer (&dropin->ulrs, g_ptr_array_unref);
  g_free (dropin);
}

static gboolean
check_place (const char *place, gboolean optional, GError **error)
{
  return lh_advice_text_check (place, 100, optional, "place", error);
}

/* ---- drop-ins ----------------------------------------------------------- */

static gboolean
read_ulrs (LhStore *store, LhDropin *dropin, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT u.ulr_id, p.name, u.desk, u.alert_length, "
                                             "coalesce(u.joined_at, 0) "
                                             "FROM advice_dropin_ulrs u JOIN people p ON p.id = u.ulr_id "
                                             "WHERE u.dropin_id = ?1 ORDER BY u.desk", error);
  gboolean has_row = FALSE;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dropin->id);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhDropinUlr *ulr = g_new0 (LhDropinUlr, 1);

      ulr->ulr_id = sqlite3_column_int64 (stmt, 0);
      ulr->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      ulr->desk = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      ulr->alert_length = sqlite3_column_int (stmt, 3);
      ulr->joined_at = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (dropin->ulrs, ulr);
    }
  return ok && lh_advice_count_waiting (store, dropin->id, &dropin->n_waiting, error);
}

#define DROPIN_SELECT "SELECT id, place, start_at, end_at, coalesce(closed_at, 0) FROM advice_dropins "

static LhDropin *
dropin_from_row (LhStmt *stmt)
{
  LhDropin *dropin = g_new0 (LhDropin, 1);

  dropin->id = sqlite3_column_int64 (stmt, 0);
  dropin->place = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  dropin->start_at = sqlite3_column_int64 (stmt, 2);
  dropin->end_at = sqlite3_column_int64 (stmt, 3);
  dropin->closed_at = sqlite3_column_int64 (stmt, 4);
  dropin->ulrs = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_dropin_ulr_free);
  return dropin;
}

/* The (bound) statement's drop-ins, each with its ULRs. */
static GPtrArray *
collect_dropins (LhStore *store, LhStmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) dropins = lh_store_collect (store, stmt, (LhRowFunc) dropin_from_row,
                                                   (GDestroyNotify) lh_dropin_free, error);

  if (dropins == NULL)
    return NULL;
  for (guint i = 0; i < dropins->len; i++)
    if (!read_ulrs (store, g_ptr_array_index (dropins, i), error))
      return NULL;
  return g_steal_pointer (&dropins);
}

LhDropin *
lh_dropins_get (LhStore *store, gint64 dropin_id, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, DROPIN_SELECT "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  found = collect_dropins (store, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no drop-in %" G_GINT64_FORMAT, dropin_id);
      lh_error_set_reason (error, "dropin-not-found");
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

GPtrArray *
lh_dropins_list (LhStore *store, gint64 from, gint64 to, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store,
                           DROPIN_SELECT "WHERE closed_at IS NULL AND end_at > ?1 AND start_at < ?2 "
                           "ORDER BY start_at, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  return collect_dropins (store, stmt, error);
}

static gboolean
check_ulrs (LhStore *store, const LhDropinUlr * const *ulrs, guint n_ulrs, gint64 start, gint64 end,
            GError **error)
{
  g_autoptr(LhStmt) busy = NULL;

  if (n_ulrs == 0 || n_ulrs > LH_DROPIN_MAX_ULRS)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "A drop-in has 1 to %d ULRs", LH_DROPIN_MAX_ULRS);
      lh_error_set_reason (error, "dropin-ulrs");
      lh_error_add_number (error, "max_ulrs", LH_DROPIN_MAX_ULRS);
      return FALSE;
    }
  busy = lh_store_prepare (store,
                           /* Closed ones too: a ULR is at one drop-in at a time, and the
                            * time of one closed early is facility time already. A drop-in
                            * lasts at most DROPIN_MAX_SECONDS, so those that overlap
                            * [?2, ?3) end in (?2, ?3 + max): a range of
                            * advice_dropins_by_time, not every one ever held. */
                           "SELECT p.name FROM advice_dropins d CROSS JOIN advice_dropin_ulrs u "
                           "ON u.dropin_id = d.id AND u.ulr_id = ?1 JOIN people p ON p.id = u.ulr_id "
                           "WHERE d.end_at > ?2 AND d.end_at < ?3 + ?4 AND d.start_at < ?3 "
                           "AND coalesce(d.closed_at, d.end_at) > ?2", error);
  if (busy == NULL)
    return FALSE;
  for (guint i = 0; i < n_ulrs; i++)
    {
      gboolean has_row;

      if (!lh_advice_check_ulr (store, ulrs[i]->ulr_id, error) ||
          !lh_advice_text_check (ulrs[i]->desk, 40, FALSE, "desk", error))
        return FALSE;
      if (ulrs[i]->alert_length < 0 || ulrs[i]->alert_length > 100)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The queue alert is 0 (never) to 100 people");
          lh_error_set_reason (error, "queue-alert-range");
          lh_error_add_number (error, "max_people", 100);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (ulrs[j]->ulr_id == ulrs[i]->ulr_id || g_strcmp0 (ulrs[j]->desk, ulrs[i]->desk) == 0)
          {
            g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Each ULR and each desk comes once");
            lh_error_set_reason (error, "dropin-repeats");
            return FALSE;
          }
      sqlite3_reset (busy);
      sqlite3_bind_int64 (busy, 1, ulrs[i]->ulr_id);
      sqlite3_bind_int64 (busy, 2, start);
      sqlite3_bind_int64 (busy, 3, end);
      sqlite3_bind_int64 (busy, 4, DROPIN_MAX_SECONDS);
      if (!lh_store_step (store, busy, &has_row, error))
        return FALSE;
      if (has_row)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s is at another drop-in then",
                       (const char *) sqlite3_column_text (busy, 0));
          lh_error_set_reason (error, "ulr-busy");
          return FALSE;
        }
    }
  return TRUE;
}

LhDropin *
lh_dropins_open (LhStore *store, gint64 opened_by, const char *place, gint64 start, gint64 end,
                 const LhDropinUlr * const *ulrs, guint n_ulrs, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) insert = NULL;
  g_autoptr(LhStmt) staff = NULL;
  g_autoptr(LhDropin) dropin = NULL;
  gint64 id;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (!check_place (place, FALSE, error))
    return NULL;
  if (end <= start || end <= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "A drop-in ends after it starts, and not in the past");
      lh_error_set_reason (error, "dropin-times");
      return NULL;
    }
  if (end - start > DROPIN_MAX_SECONDS)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "A drop-in lasts at most 10 hours");
      lh_error_set_reason (error, "dropin-too-long");
      lh_error_add_number (error, "max_hours", 10);
      return NULL;
    }
  if (start < now - DROPIN_LATE_SECONDS)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "A drop-in starts at most 15 minutes before it is opened, not earlier");
      lh_error_set_reason (error, "dropin-too-early");
      lh_error_add_number (error, "early_minutes", 15);
      return NULL;
    }
  if (start > now + DROPIN_AHEAD_SECONDS)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Set up drop-ins up to a year ahead");
      lh_error_set_reason (error, "beyond-horizon");
      lh_error_add_number (error, "horizon_days", 366);
      return NULL;
    }
  tx = lh_store_begin (store, error);
  if (tx == NULL || !check_ulrs (store, ulrs, n_ulrs, start, end, error))
    return NULL;
  insert = lh_store_prepare (store,
                             "INSERT INTO advice_dropins (place, start_at, end_at, opened_by, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_text (insert, 1, place, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (insert, 2, start);
  sqlite3_bind_int64 (insert, 3, end);
  sqlite3_bind_int64 (insert, 4, opened_by);
  sqlite3_bind_int64 (insert, 5, now);
  if (!lh_store_exec (store, insert, error))
    return NULL;
  id = lh_store_last_insert_id (store);
  /* Whoever opens it as it starts is there; every other ULR named is there
   * once they say so themselves (lh_dropins_here()). */
  staff = lh_store_prepare (store,
                            "INSERT INTO advice_dropin_ulrs (dropin_id, ulr_id, desk, alert_length, joined_at) "
                            "VALUES (?1, ?2, ?3, ?4, nullif(?5, 0))", error);
  if (staff == NULL)
    return NULL;
  for (guint i = 0; i < n_ulrs; i++)
    {
      g_autofree char *desk = g_strstrip (g_strdup (ulrs[i]->desk));

      sqlite3_reset (staff);
      sqlite3_bind_int64 (staff, 1, id);
      sqlite3_bind_int64 (staff, 2, ulrs[i]->ulr_id);
      sqlite3_bind_text (staff, 3, desk, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (staff, 4, ulrs[i]->alert_length);
      sqlite3_bind_int64 (staff, 5, ulrs[i]->ulr_id == opened_by && start <= now ? start : 0);
      if (!lh_store_exec (store, staff, error))
        return NULL;
    }
  dropin = lh_dropins_get (store, id, error);
  if (dropin == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&dropin);
}

LhDropin *
lh_dropins_current_for_ulr (LhStore *store, gint64 ulr_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store,
                           /* Plan: d from advice_dropins_open (end_at>?), u by its key. */
                           "SELECT d.id FROM advice_dropins d CROSS JOIN advice_dropin_ulrs u "
                           "ON u.dropin_id = d.id AND u.ulr_id = ?1 "
                           "WHERE d.closed_at IS NULL AND d.start_at <= ?2 AND d.end_at > ?2 "
                           "ORDER BY d.start_at LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ulr_id);
  sqlite3_bind_int64 (stmt, 2, now);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You are not at a drop-in open now");
      lh_error_set_reason (error, "not-at-dropin");
      return NULL;
    }
  return lh_dropins_get (store, sqlite3_column_int64 (stmt, 0), error);
}

static gboolean
staffs (const LhDropin *dropin, gint64 ulr_id)
{
  for (guint i = 0; i < dropin->ulrs->len; i++)
    if (((LhDropinUlr *) g_ptr_array_index (dropin->ulrs, i))->ulr_id == ulr_id)
      return TRUE;
  return FALSE;
}

/* Whoever still waits goes home, each ULR's time there is facility time,
 * and the drop-in is closed at `at`. */
static gboolean
close_at (LhStore *store, const LhDropin *dropin, gint64 at, gint64 now, GError **error)
{
  g_autoptr(LhStmt) close = lh_store_prepare (store, "UPDATE advice_dropins SET closed_at = ?2 WHERE id = ?1",
                                              error);

  if (close == NULL || !lh_advice_send_home (store, dropin->id, at, error))
    return FALSE;
  sqlite3_bind_int64 (close, 1, dropin->id);
  sqlite3_bind_int64 (close, 2, at);
  if (!lh_store_exec (store, close, error))
    return FALSE;
  for (guint i = 0; i < dropin->ulrs->len; i++)
    {
      LhDropinUlr *ulr = g_ptr_array_index (dropin->ulrs, i);
      gint64 from = MAX (dropin->start_at, ulr->joined_at);

      /* Named but never there: no time of theirs to log. */
      if (ulr->joined_at == 0 || at <= from)
        continue;
      if (!lh_facility_time_log (store, ulr->ulr_id, "drop-in", from, at, dropin->id, 0, now, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
lh_dropins_mark_here (LhStore *store, gint64 dropin_id, gint64 ulr_id, gint64 now, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  /* From the start at the earliest: a ULR at their desk before it counts
   * from when it began. */
  stmt = lh_store_prepare (store,
                           "UPDATE advice_dropin_ulrs SET joined_at = "
                           "max(?3, (SELECT start_at FROM advice_dropins WHERE id = ?1)) "
                           "WHERE dropin_id = ?1 AND ulr_id = ?2 AND joined_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  sqlite3_bind_int64 (stmt, 2, ulr_id);
  sqlite3_bind_int64 (stmt, 3, now);
  return lh_store_exec (store, stmt, error);
}

LhDropin *
lh_dropins_here (LhStore *store, gint64 ulr_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(LhDropin) dropin = NULL;
  gboolean has_row;
  gint64 id;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  stmt = lh_store_prepare (store,
                           /* Plan: d from advice_dropins_open (end_at>?), u by its key. Up
                            * to DROPIN_LATE_SECONDS before it starts: a ULR at the desk
                            * early. */
                           "SELECT d.id FROM advice_dropins d CROSS JOIN advice_dropin_ulrs u "
                           "ON u.dropin_id = d.id AND u.ulr_id = ?1 "
                           "WHERE d.closed_at IS NULL AND d.start_at <= ?2 + ?3 AND d.end_at > ?2 "
                           "ORDER BY d.start_at LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ulr_id);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, DROPIN_LATE_SECONDS);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You are not at a drop-in open now");
      lh_error_set_reason (error, "not-at-dropin");
      return NULL;
    }
  id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, lh_stmt_release);
  if (!lh_dropins_mark_here (store, id, ulr_id, now, error))
    return NULL;
  dropin = lh_dropins_get (store, id, error);
  if (dropin == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&dropin);
}

LhDropin *
lh_dropins_close (LhStore *store, gint64 dropin_id, gint64 ulr_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhDropin) dropin = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  dropin = lh_dropins_get (store, dropin_id, error);
  if (dropin == NULL)
    return NULL;
  if (!staffs (dropin, ulr_id))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You are not at drop-in %" G_GINT64_FORMAT, dropin_id);
      lh_error_set_reason (error, "not-at-dropin");
      return NULL;
    }
  if (dropin->closed_at != 0 || dropin->end_at <= now)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "That drop-in has closed already");
      lh_error_set_reason (error, "dropin-closed");
      return NULL;
    }
  if (!lh_dropins_mark_here (store, dropin_id, ulr_id, now, error))
    return NULL;
  g_clear_pointer (&dropin, lh_dropin_free);
  dropin = lh_dropins_get (store, dropin_id, error);
  if (dropin == NULL || !close_at (store, dropin, now, now, error))
    return NULL;
  g_clear_pointer (&dropin, lh_dropin_free);
  dropin = lh_dropins_get (store, dropin_id, error);
  if (dropin == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&dropin);
}

gboolean
lh_dropins_close_ended (LhStore *store, gint64 now, GArray **out_closed, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) ended = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  stmt = lh_store_prepare (store, DROPIN_SELECT "WHERE closed_at IS NULL AND end_at <= ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  ended = collect_dropins (store, stmt, error);
  if (ended == NULL)
    return FALSE;
  for (guint i = 0; i < ended->len; i++)
    {
      LhDropin *dropin = g_ptr_array_index (ended, i);

      if (!close_at (store, dropin, dropin->end_at, now, error))
        return FALSE;
    }
  if (!lh_transaction_commit (tx, error))
    return FALSE;
  if (out_closed != NULL)
    {
      *out_closed = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ended->len);
      for (guint i = 0; i < ended->len; i++)
        g_array_append_val (*out_closed, ((LhDropin *) g_ptr_array_index (ended, i))->id);
    }
  return TRUE;
}

gboolean
lh_dropins_next_end (LhStore *store, gint64 *out_end, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  stmt = lh_store_prepare (store, "SELECT min(end_at) FROM advice_dropins WHERE closed_at IS NULL", error);
  if (stmt == NULL || !lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_end = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
lh_dropins_set_alert (LhStore *store, gint64 dropin_id, gint64 ulr_id, int alert_length, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (alert_length < 0 || alert_length > 100)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The queue alert is 0 (never) to 100 people");
      lh_error_set_reason (error, "queue-alert-range");
      lh_error_add_number (error, "max_people", 100);
      return FALSE;
    }
  stmt = lh_store_prepare (store,
                           "UPDATE advice_dropin_ulrs SET alert_length = ?3 WHERE dropin_id = ?1 AND ulr_id = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  sqlite3_bind_int64 (stmt, 2, ulr_id);
  sqlite3_bind_int (stmt, 3, alert_length);
  if (!lh_store_exec (store, stmt, error))
    return FALSE;
  if (lh_store_changes (store) != 1)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "You are not at drop-in %" G_GINT64_FORMAT, dropin_id);
      lh_error_set_reason (error, "not-at-dropin");
      return FALSE;
    }
  return TRUE;
}

GArray *
lh_dropins_ulrs_to_alert (LhStore *store, gint64 dropin_id, int n_waiting, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store,
                           "SELECT ulr_id FROM advice_dropin_ulrs WHERE dropin_id = ?1 AND alert_length > 0 "
                           "AND alert_length + 1 = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dropin_id);
  sqlite3_bind_int (stmt, 2, n_waiting);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return ok ? g_steal_pointer (&ids) : NULL;
}
