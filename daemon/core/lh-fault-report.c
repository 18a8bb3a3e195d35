/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reporting a fault: which item (or PC) the report is of, the kiosk's
 * rate limit, opening a fault or joining the open one, and the reporters'
 * notes the admin reads. Each refusal carries a reason for the kiosk. */
#define G_LOG_DOMAIN "lh-faults"

#include "lh-faults.h"

#include "lh-admin-notices.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-faults-private.h"
#include "lh-text.h"

/* Attempts are kept only as long as the rate limit looks back. */
#define RATE_WINDOW_SECONDS 60

void
lh_fault_note_free (LhFaultNote *note)
{
  g_free (note->text);
  g_free (note);
}

gboolean
lh_faults_set_item_status (LhStore *store, gint64 item_id, const char *status, GError **error)
{
  g_autoptr(LhStmt) update = lh_store_prepare (store, "UPDATE equipment SET status = ?2 WHERE id = ?1", error);

  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, item_id);
  sqlite3_bind_text (update, 2, status, -1, SQLITE_STATIC);
  return lh_store_exec (store, update, error);
}

static gboolean
refuse (GError **error, int code, const char *reason, const char *message)
{
  g_set_error_literal (error, LH_ERROR, code, message);
  lh_error_set_reason (error, reason);
  return FALSE;
}

/* A kiosk may not flood the list, nor probe asset tags: a few attempts a
 * minute, refused ones too. Written in its own transaction, so that the
 * report's refusal does not roll the attempt back. An attempt refused
 * here is not kept: a kiosk holds at most the limit's rows. */
static gboolean
count_attempt (LhStore *store, gint64 device_id, gint64 now, GError **error)
{
  g_autoptr(LhTransaction) tx = lh_store_begin (store, error);
  g_autoptr(LhStmt) forget = NULL;
  g_autoptr(LhStmt) count = NULL;
  g_autoptr(LhStmt) insert = NULL;
  gboolean has_row;

  if (tx == NULL)
    return FALSE;
  forget = lh_store_prepare (store, "DELETE FROM fault_attempts WHERE device_id = ?1 AND at <= ?2", error);
  if (forget == NULL)
    return FALSE;
  sqlite3_bind_int64 (forget, 1, device_id);
  sqlite3_bind_int64 (forget, 2, now - RATE_WINDOW_SECONDS);
  count = lh_store_exec (store, forget, error)
          ? lh_store_prepare (store, "SELECT count(*) FROM fault_attempts WHERE device_id = ?1 AND at > ?2", error)
          : NULL;
  if (count == NULL)
    return FALSE;
  sqlite3_bind_int64 (count, 1, device_id);
  sqlite3_bind_int64 (count, 2, now - RATE_WINDOW_SECONDS);
  if (!lh_store_step (store, count, &has_row, error))
    return FALSE;
  if (sqlite3_column_int (count, 0) >= LH_FAULT_REPORTS_PER_MINUTE)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_LOCKED,
                   "This kiosk has just sent %d fault reports; please wait a minute", LH_FAULT_REPORTS_PER_MINUTE);
      lh_error_set_reason (error, "too-many-reports");
      return FALSE;
    }
  insert = lh_store_prepare (store, "INSERT INTO fault_attempts (device_id, at) VALUES (?1, ?2)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, device_id);
  sqlite3_bind_int64 (insert, 2, now);
  return lh_store_exec (store, insert, error) && lh_transaction_commit (tx, error);
}

/* Refuses a kiosk a new fault once LH_FAULTS_OPENED_PER_HOUR were opened
 * within the hour: each opens a notice for the admins. Counted over the
 * open faults' index, so repaired ones free room again. */
static gboolean
check_centre_rate (LhStore *store, gint64 now, GError **error)
{
  g_autoptr(LhStmt) count = lh_store_prepare (store,
                                              "SELECT count(*) FROM faults INDEXED BY faults_open_by_age "
                                              "WHERE repaired_at IS NULL AND reported_at > ?1", error);
  gboolean has_row;

  if (count == NULL)
    return FALSE;
  sqlite3_bind_int64 (count, 1, now - 3600);
  if (!lh_store_step (store, count, &has_row, error))
    return FALSE;
  if (sqlite3_column_int (count, 0) >= LH_FAULTS_OPENED_PER_HOUR)
    return refuse (error, LH_ERROR_LOCKED, "too-many-reports-centre",
                   "Many faults have just been reported here; please tell the centre's staff");
  return TRUE;
}

/* One answer for "no such item" and "retired" to anyone but an admin, so
 * that a kiosk learns nothing of the inventory by asking. */
static gboolean
refuse_unknown (GError **error)
{
  return refuse (error, LH_ERROR_NOT_FOUND, "item-unknown", "There is no such item to report");
}

static gboolean
bookable_pc (LhStore *store, gint64 resource_id, gboolean *out_bookable, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT kind = 'pc' AND active FROM resources WHERE id = ?1",
                                             error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  *out_bookable = has_row && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The computer that is the PC, or NULL (and no error) when the inventory
 * has none. */
static gboolean
computer_of_pc (LhStore *store, gint64 resource_id, LhEquipment **out_item, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT asset_tag FROM equipment "
                                             "WHERE resource_id = ?1 AND status <> 'retired'", error);
  gboolean has_row;

  *out_item = NULL;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row)
    return TRUE;
  *out_item = lh_equipment_get (store, (const char *) sqlite3_column_text (stmt, 0), error);
  return *out_item != NULL;
}

/* What the report is of: the item by asset tag, or the PC (resource_id,
 * by default the reporting kiosk's) with its computer, or with none when
 * the inventory has none (*out_item NULL, *out_pc set). */
static gboolean
find_target (LhStore *store, const char *asset_tag, gint64 resource_id, const LhFaultReporter *reporter,
             gint64 reporter_pc, LhEquipment **out_item, gint64 *out_pc, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhEquipment) item = NULL;
  gboolean bookable;

  if (asset_tag != NULL)
    {
      item = lh_equipment_get (store, asset_tag, &local_error);
      if (item == NULL && !g_error_matches (local_error, LH_ERROR, LH_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!reporter->admin && (item == NULL || g_str_equal (item->status, "retired")))
        return refuse_unknown (error);
      if (item == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          lh_error_set_reason (error, "item-unknown");
          return FALSE;
        }
      if (g_str_equal (item->status, "retired"))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s is retired", item->asset_tag);
          lh_error_set_reason (error, "item-retired");
          return FALSE;
        }
      *out_pc = item->resource_id;
      *out_item = g_steal_pointer (&item);
      return TRUE;
    }
  if (resource_id == 0)
    resource_id = reporter_pc;
  if (resource_id == 0)
    return refuse (error, LH_ERROR_INVALID, "item-not-named", "Say which item is broken: its asset tag or its PC");
  if (!bookable_pc (store, resource_id, &bookable, error))
    return FALSE;
  if (!bookable)
    return reporter->admin ? refuse (error, LH_ERROR_NOT_FOUND, "item-unknown", "There is no such PC")
                           : refuse_unknown (error);
  *out_pc = resource_id;
  return computer_of_pc (store, resource_id, out_item, error);
}

static gboolean
find_open (LhStore *store, gint64 item_id, gint64 pc, const char *category, gint64 *out_id, gboolean *out_stops,
           GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             item_id != 0
                                             ? "SELECT id, stops_use FROM faults WHERE equipment_id = ?1 "
                                               "AND category = ?2 AND repaired_at IS NULL"
                                             : "SELECT id, stops_use FROM faults WHERE resource_id = ?1 "
                                               "AND category = ?2 AND repaired_at IS NULL", error);
  gboolean has_row;

  *out_id = 0;
  *out_stops = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item_id != 0 ? item_id : pc);
  sqlite3_bind_text (stmt, 2, category, -1, SQLITE_STATIC);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      *out_stops = sqlite3_column_int (stmt, 1) != 0;
    }
  return TRUE;
}

static gboolean
open_fault (LhStore *store, gint64 item_id, gint64 pc, const char *category, gboolean stops, gint64 now,
            gint64 *out_id, GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT INTO faults (equipment_id, resource_id, category, stops_use, "
                                               "reported_at) VALUES (nullif(?1, 0), nullif(?2, 0), ?3, ?4, ?5)",
                                               error);

  if (insert == NULL)
    return FALSE;
  /* An inventory item's fault names the item, not its PC. */
  sqlite3_bind_int64 (insert, 1, item_id);
  sqlite3_bind_int64 (insert, 2, item_id != 0 ? 0 : pc);
  sqlite3_bind_text (insert, 3, category, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 4, stops ? 1 : 0);
  sqlite3_bind_int64 (insert, 5, now);
  if (!lh_store_exec (store, insert, error))
    return FALSE;
  *out_id = lh_store_last_insert_id (store);
  return TRUE;
}

/* A join counts a reporter once: a kiosk tapping again, or the admin's
 * tools (no kiosk) reporting again, does not make the fault look worse. */
static gboolean
join_fault (LhStore *store, gint64 fault_id, gint64 device_id, gboolean stops, GError **error)
{
  g_autoptr(LhStmt) seen = lh_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM fault_reports "
                                             "WHERE fault_id = ?1 AND device_id IS nullif(?2, 0))", error);
  g_autoptr(LhStmt) update = NULL;
  gboolean has_row;

  if (seen == NULL)
    return FALSE;
  sqlite3_bind_int64 (seen, 1, fault_id);
  sqlite3_bind_int64 (seen, 2, device_id);
  if (!lh_store_step (store, seen, &has_row, error))
    return FALSE;
  /* A report at the PC confirms one made from elsewhere. */
  update = lh_store_prepare (store, "UPDATE faults SET reports = reports + ?2, stops_use = stops_use OR ?3 "
                             "WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, fault_id);
  sqlite3_bind_int (update, 2, sqlite3_column_int (seen, 0) != 0 ? 0 : 1);
  sqlite3_bind_int (update, 3, stops ? 1 : 0);
  return lh_store_exec (store, update, error);
}

static gboolean
add_report (LhStore *store, gint64 fault_id, gint64 device_id, const char *note, gint64 now, GError **error)
{
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT INTO fault_reports (fault_id, device_id, at, note) "
                                               "VALUES (?1, nullif(?2, 0), ?3, ?4)", error);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, fault_id);
  sqlite3_bind_int64 (insert, 2, device_id);
  sqlite3_bind_int64 (insert, 3, now);
  sqlite3_bind_text (insert, 4, note, -1, SQLITE_STATIC);
  return lh_store_exec (store, insert, error);
}

/* The item's history gets a row when a fault opens or changes its status;
 * a repeated report is only counted, and its note kept with the reports. */
static gboolean
write_history (LhStore *store, const LhEquipment *item, const char *category, const char *note,
               const char *status, gint64 now, GError **error)
{
  static const LhEquipmentActor kiosk = { 0, "a kiosk" };
  g_autofree char *history_note = note[0] != '\0' ? g_strdup_printf ("%s: %s", category, note)
                                                  : g_strdup (category);

  /* The history keeps at most a note's length. */
  if (g_utf8_strlen (history_note, -1) > LH_EQUIPMENT_NOTE_MAX_CHARS)
    *g_utf8_offset_to_pointer (history_note, LH_EQUIPMENT_NOTE_MAX_CHARS) = '\0';
  return lh_equipment_add_event (store, item->id, "fault", status, history_note, &kiosk, now, error);
}

/* A PC's kiosk reports its own PC: anyone sitting at one could otherwise
 * take any item out of use. Decided before anything else is looked up, so
 * that its refusal is the same whether what it named exists or not. */
static gboolean
check_own_pc (LhStore *store, const char *asset_tag, gint64 resource_id, gint64 reporter_pc, GError **error)
{
  g_autoptr(LhEquipment) own = NULL;

  if (asset_tag != NULL && !computer_of_pc (store, reporter_pc, &own, error))
    return FALSE;
  if ((resource_id != 0 && resource_id != reporter_pc) ||
      (asset_tag != NULL && (own == NULL || !g_str_equal (own->asset_tag, asset_tag))))
    return refuse (error, LH_ERROR_INVALID, "not-this-pc", "A PC's kiosk reports only that PC");
  return TRUE;
}

static gboolean
check_request (const char *asset_tag, gint64 resource_id, const char *category, const char *note, GError **error)
{
  if (!lh_fault_category_check (category, error))
    {
      lh_error_set_reason (error, "category-unknown");
      return FALSE;
    }
  if (!lh_text_check (note, -1, LH_TEXT_LINES, LH_EQUIPMENT_NOTE_MAX_CHARS, "the note", error))
    {
      lh_error_set_reason (error, "note-invalid");
      return FALSE;
    }
  if (asset_tag != NULL && resource_id != 0)
    return refuse (error, LH_ERROR_INVALID, "item-named-twice",
                   "Name the item by its asset tag or by its PC, not both");
  return TRUE;
}

LhFault *
lh_faults_report (LhStore *store, const LhCentre *centre, const char *asset_tag, gint64 resource_id,
                  const LhFaultReporter *reporter, const char *category, const char *note, gint64 now,
                  gboolean *out_joined, GPtrArray **out_moves, GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);
  const char *status = NULL;
  gint64 fault_id;
  gint64 pc = 0;
  gint64 reporter_pc = 0;
  gboolean stops, was_stopping, joined, raised;
  LhFault *fault;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (reporter != NULL, NULL);

  if (note == NULL)
    note = "";
  if (reporter->device_id != 0 && !reporter->admin && !count_attempt (store, reporter->device_id, now, error))
    return NULL;
  if (!check_request (asset_tag, resource_id, category, note, error))
    return NULL;
  tx = lh_store_begin (store, error);
  if (tx == NULL ||
      (reporter->device_id != 0 && !lh_devices_get_pc (store, reporter->device_id, &reporter_pc, error)) ||
      (!reporter->admin && reporter_pc != 0 && !check_own_pc (store, asset_tag, resource_id, reporter_pc, error)) ||
      !find_target (store, asset_tag, resource_id, reporter, reporter_pc, &item, &pc, error))
    return NULL;
  /* Only a report made at the PC itself, or by an admin, takes it out of
   * booking: from any other kiosk, anyone could cancel everyone's
   * bookings on every PC. Such a report is kept for the admin, and the
   * PC stays bookable until it is reported at the PC or by the admin. */
  stops = (lh_fault_category_stops_use (category) || (reporter->admin && reporter->failed_check)) &&
          (reporter->admin || (pc != 0 && reporter_pc == pc));
  if (!find_open (store, item != NULL ? item->id : 0, pc, category, &fault_id, &was_stopping, error))
    return NULL;
  joined = fault_id != 0;
  if (!joined && !reporter->admin && !check_centre_rate (store, now, error))
    return NULL;
  if (joined ? !join_fault (store, fault_id, reporter->device_id, stops, error)
                    : !open_fault (store, item != NULL ? item->id : 0, pc, category, stops, now, &fault_id, error))
    return NULL;
  if (!add_report (store, fault_id, reporter->device_id, note, now, error))
    return NULL;
  /* Kept for the admins in the same transaction: the kiosk's "the
   * centre's admin has been told" holds even when none is connected,
   * and for a report made with learnhubctl too. */
  if (!joined && !lh_admin_notices_raise_fault (store, fault_id, "fault-reported", now, &raised, error))
    return NULL;

  /* A fault that stops use makes a working item faulty, and a PC
   * unbookable from now: its future bookings go elsewhere. A join that
   * changes neither moves nothing again. */
  if (item != NULL)
    {
      status = stops && g_str_equal (item->status, "working") ? "faulty" : item->status;
      if (!g_str_equal (status, item->status) && !lh_faults_set_item_status (store, item->id, status, error))
        return NULL;
      /* A kiosk's note stays with the reports, blanked after the repair:
       * the history is kept for good, and its time and the item's PC
       * would name who wrote it. */
      if ((!joined || !g_str_equal (status, item->status)) &&
          !write_history (store, item, category, reporter->admin ? note : "", status, now, error))
        return NULL;
    }
  if (stops && !was_stopping && pc != 0 && !lh_faults_move_bookings_locked (store, centre, pc, now, moves, error))
    return NULL;
  fault = lh_faults_get (store, fault_id, now, error);
  if (fault == NULL)
    return NULL;
  if (!lh_transaction_commit (tx, error))
    {
      lh_fault_free (fault);
      return NULL;
    }
  if (out_joined != NULL)
    *out_joined = joined;
  if (out_moves != NULL)
    *out_moves = g_steal_pointer (&moves);
  return fault;
}

GPtrArray *
lh_faults_recent_notes (LhStore *store, gint64 fault_id, guint limit, GError **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_note_free);
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT at, note FROM fault_reports "
                                             "WHERE fault_id = ?1 AND note <> '' ORDER BY at DESC, id DESC "
                                             "LIMIT ?2", error);
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, fault_id);
  sqlite3_bind_int (stmt, 2, (int) limit);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhFaultNote *note = g_new0 (LhFaultNote, 1);

      note->at = sqlite3_column_int64 (stmt, 0);
      note->text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (notes, note);
    }
  return ok ? g_steal_pointer (&notes) : NULL;
}
