/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The equipment inventory: adding and editing items, their status, and
 * the history that every change writes (the CSV import is in
 * lh-equipment-import.c). */
#define G_LOG_DOMAIN "lh-equipment"

#include <string.h>

#include "lh-equipment.h"
#include "lh-equipment-save-private.h"

#include "lh-error.h"
#include "lh-faults.h"
#include "lh-text.h"

const char * const lh_equipment_kinds[] = {
  "computer", "monitor", "desk", "chair", "lockable-cabinet", "headset", "printer", "accessibility", "other", NULL,
};

const char * const lh_equipment_statuses[] = { "working", "faulty", "in-repair", "retired", NULL };

gboolean
lh_equipment_editable (const LhEquipment *item)
{
  return !g_str_equal (item->status, "retired");
}

#define EQUIPMENT_SELECT \
  "SELECT e.id, e.asset_tag, e.kind, e.description, e.location, e.status, coalesce(e.resource_id, 0), " \
  "r.name, e.created_at FROM equipment e LEFT JOIN resources r ON r.id = e.resource_id "

void
lh_equipment_free (LhEquipment *item)
{
  g_free (item->asset_tag);
  g_free (item->kind);
  g_free (item->description);
  g_free (item->location);
  g_free (item->status);
  g_free (item->resource_name);
  g_free (item);
}

void
lh_equipment_event_free (LhEquipmentEvent *event)
{
  g_free (event->what);
  g_free (event->status);
  g_free (event->note);
  g_free (event->actor_name);
  g_free (event);
}

static char *
column_dup (LhStmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static LhEquipment *
item_from_row (LhStmt *stmt)
{
  LhEquipment *item = g_new0 (LhEquipment, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->asset_tag = column_dup (stmt, 1);
  item->kind = column_dup (stmt, 2);
  item->description = column_dup (stmt, 3);
  item->location = column_dup (stmt, 4);
  item->status = column_dup (stmt, 5);
  item->resource_id = sqlite3_column_int64 (stmt, 6);
  item->resource_name = column_dup (stmt, 7);
  item->created_at = sqlite3_column_int64 (stmt, 8);
  return item;
}

G_STATIC_ASSERT (G_N_ELEMENTS (lh_equipment_kinds) == LH_EQUIPMENT_N_KINDS + 1);

int
lh_equipment_kind_index (const char *kind)
{
  for (int i = 0; kind != NULL && lh_equipment_kinds[i] != NULL; i++)
    if (g_str_equal (lh_equipment_kinds[i], kind))
      return i;
  return -1;
}

gboolean
lh_equipment_kind_check (const char *kind, GError **error)
{
  return lh_text_one_of (lh_equipment_kinds, kind, "kind of equipment", error);
}

gboolean
lh_equipment_status_check (const char *status, GError **error)
{
  return lh_text_one_of (lh_equipment_statuses, status, "status", error);
}

static gboolean
is_bookable_pc (LhStore *store, gint64 resource_id, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "SELECT kind = 'pc' AND active FROM resources WHERE id = ?1",
                                             error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, resource_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (!has_row || sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Resource %" G_GINT64_FORMAT " is not a bookable PC",
                   resource_id);
      lh_error_set_reason (error, "pc-unknown");
      return FALSE;
    }
  return TRUE;
}

/* A text member checked with its reason: too long (with its limit, for
 * the kiosk to say) or not one line of text. */
static gboolean
text_field_check (const char *text, guint max_chars, const char *field, const char *what, const char *invalid_reason,
                  GError **error)
{
  if (lh_text_check (text, -1, LH_TEXT_LINE, max_chars, what, error))
    return TRUE;
  if (g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) > (glong) max_chars)
    lh_error_set_too_long (error, field, max_chars);
  else
    lh_error_set_reason (error, invalid_reason);
  return FALSE;
}

/* A label typed on a touch keyboard: "lc-0201" is the item LC-0201, not a
 * new one. Compared here rather than by a unique NOCASE index, which could
 * not be built over a centre's tags that already differ only in case; the
 * plain index (0030) keeps it an index range. Asked of new items only, so
 * that such old ones can still be edited and retired. */
static gboolean
tag_free_in_any_case (LhStore *store, const char *asset_tag, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT asset_tag, kind FROM equipment INDEXED BY equipment_by_tag_nocase "
                                             "WHERE asset_tag = ?1 COLLATE NOCASE LIMIT 1", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, asset_tag, -1, SQLITE_STATIC);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "The asset tag %s is already %s's (%s)", asset_tag,
                   (const char *) sqlite3_column_text (stmt, 1), (const char *) sqlite3_column_text (stmt, 0));
      lh_error_set_reason (error, "asset-tag-taken");
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_equipment_fields_check (LhStore *store, const LhEquipmentFields *fields, GError **error)
{
  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (fields->asset_tag == NULL || lh_text_is_blank (fields->asset_tag))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The asset tag is empty");
      lh_error_set_reason (error, "asset-tag-invalid");
      return FALSE;
    }
  if (!text_field_check (fields->asset_tag, LH_ASSET_TAG_MAX_CHARS, "asset_tag", "the asset tag",
                         "asset-tag-invalid", error))
    return FALSE;
  /* "LC-0201 " typed on a touch keyboard would be a second item. */
  if (g_unichar_isspace (g_utf8_get_char (fields->asset_tag)) ||
      g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (fields->asset_tag + strlen (fields->asset_tag)))))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The asset tag starts or ends with a space");
      lh_error_set_reason (error, "asset-tag-invalid");
      return FALSE;
    }
  if (!lh_equipment_kind_check (fields->kind, error))
    {
      lh_error_set_reason (error, "kind-unknown");
      return FALSE;
    }
  if (fields->status != NULL && !lh_equipment_status_check (fields->status, error))
    {
      lh_error_set_reason (error, "status-unknown");
      return FALSE;
    }
  if (!text_field_check (fields->description != NULL ? fields->description : "", LH_EQUIPMENT_DESCRIPTION_MAX_CHARS,
                         "description", "the description", "text-invalid", error) ||
      !text_field_check (fields->location != NULL ? fields->location : "", LH_EQUIPMENT_LOCATION_MAX_CHARS,
                         "location", "the location", "text-invalid", error))
    return FALSE;
  if (fields->resource_id > 0 && !g_str_equal (fields->kind, "computer"))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Only a computer can be a bookable PC, not a %s",
                   fields->kind);
      lh_error_set_reason (error, "pc-not-computer");
      return FALSE;
    }
  return TRUE;
}

gboolean
lh_equipment_add_event (LhStore *store, gint64 item_id, const char *what, const char *status, const char *note,
                        const LhEquipmentActor *actor, gint64 now, GError **error)
{
  /* The item's PC as it is now (written after the item): usage per PC
   * reads which computer a PC was from these rows (0030). */
  g_autoptr(LhStmt) insert = lh_store_prepare (store,
                                               "INSERT INTO equipment_events (equipment_id, at, what, status, note, "
                                               "actor_id, actor_name, resource_id) "
                                               "VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, 0), ?7, "
                                               "(SELECT resource_id FROM equipment WHERE id = ?1))",
                                               error);

  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, item_id);
  sqlite3_bind_int64 (insert, 2, now);
  sqlite3_bind_text (insert, 3, what, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, note != NULL ? note : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 6, actor->actor_id);
  sqlite3_bind_text (insert, 7, actor->actor_name, -1, SQLITE_STATIC);
  return lh_store_exec (store, insert, error);
}

LhEquipment *
lh_equipment_get (LhStore *store, const char *asset_tag, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, EQUIPMENT_SELECT "WHERE e.asset_tag = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, asset_tag, -1, SQLITE_STATIC);
  if (!lh_store_step (store, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, "There is no item with the asset tag “%s”", asset_tag);
      return NULL;
    }
  return item_from_row (stmt);
}

GPtrArray *
lh_equipment_list (LhStore *store, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_equipment_free);
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  stmt = lh_store_prepare (store, EQUIPMENT_SELECT "ORDER BY e.kind, e.asset_tag", error);
  if (stmt == NULL)
    return NULL;
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    g_ptr_array_add (items, item_from_row (stmt));
  return ok ? g_steal_pointer (&items) : NULL;
}

GPtrArray *
lh_equipment_list_page (LhStore *store, gboolean include_retired, gint64 after_id, guint limit, GError **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(LhEquipment) after = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);
  g_return_val_if_fail (limit > 0, NULL);

  if (after_id != 0)
    {
      after = lh_equipment_get_by_id (store, after_id, error);
      if (after == NULL)
        return NULL;
    }
  /* An index range from the last item shown: of the items in use only
   * (0028), or of every item ever (0026). */
  stmt = lh_store_prepare (store,
                           include_retired
                           ? EQUIPMENT_SELECT "WHERE (e.kind, e.asset_tag) > (?1, ?2) "
                             "ORDER BY e.kind, e.asset_tag LIMIT ?3"
                           : EQUIPMENT_SELECT "WHERE e.status <> 'retired' AND (e.kind, e.asset_tag) > (?1, ?2) "
                             "ORDER BY e.kind, e.asset_tag LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, after != NULL ? after->kind : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, after != NULL ? after->asset_tag : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, (gint64) limit + 1);
  return lh_store_collect (store, stmt, (LhRowFunc) item_from_row, (GDestroyNotify) lh_equipment_free, error);
}

gboolean
lh_equipment_status_chosen (LhStore *store, const LhEquipment *item, gboolean *out_chosen, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT status FROM equipment_events WHERE equipment_id = ?1 "
                                             "AND what IN ('added', 'status') ORDER BY at DESC, id DESC LIMIT 1",
                                             error);
  gboolean has_row;

  *out_chosen = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  /* A fault writes a "fault" row: a status that differs from the last
   * one chosen was set by a fault since. */
  *out_chosen = has_row && g_str_equal ((const char *) sqlite3_column_text (stmt, 0), item->status);
  return TRUE;
}

/* The asset tag was looked up before the write, so a conflict is the
 * other unique index: the PC's. */
static gboolean
pc_taken_error (gint64 resource_id, GError *local_error, GError **error)
{
  if (!g_error_matches (local_error, LH_ERROR, LH_ERROR_CONFLICT))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_error_free (local_error);
  g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
               "Another working item is already PC %" G_GINT64_FORMAT "; retire it first", resource_id);
  lh_error_set_reason (error, "pc-has-computer");
  return FALSE;
}

/* The PC a save leaves the item linked to (0: none). */
static gint64
resource_after (const LhEquipmentFields *fields, gint64 old_resource_id)
{
  if (fields->resource_id == 0)
    return old_resource_id;
  return fields->resource_id == LH_EQUIPMENT_NO_PC ? 0 : fields->resource_id;
}

/* The PCs whose computer changed are checked against the one rule: one
 * now out of order keeps no booking. */
static gboolean
move_bookings_of (LhStore *store, const LhCentre *centre, gint64 old_resource_id, gint64 resource_id, gint64 now,
                  GPtrArray *moves, GError **error)
{
  return lh_faults_move_if_out_of_order_locked (store, centre, resource_id, now, moves, error) &&
         (old_resource_id == resource_id ||
          lh_faults_move_if_out_of_order_locked (store, centre, old_resource_id, now, moves, error));
}

/* A computer newly linked to a PC takes over the PC's own open faults,
 * so the PC has one fault per problem. */
static gboolean
adopt_pc_faults (LhStore *store, const char *asset_tag, gint64 old_resource_id, const LhEquipmentActor *actor,
                 gint64 now, GError **error)
{
  g_autoptr(LhEquipment) item = lh_equipment_get (store, asset_tag, error);

  if (item == NULL)
    return FALSE;
  if (item->resource_id == 0 || item->resource_id == old_resource_id || g_str_equal (item->status, "retired"))
    return TRUE;
  return lh_faults_adopt_pc_faults_locked (store, item, actor, now, error);
}

static gboolean
insert_item (LhStore *store, const LhCentre *centre, const LhEquipmentFields *fields,
             const LhEquipmentActor *actor, const char *note, gint64 now, GPtrArray *moves, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhStmt) insert = NULL;
  const char *status = fields->status != NULL ? fields->status : "working";
  gint64 resource_id = resource_after (fields, 0);

  if (resource_id != 0 && !is_bookable_pc (store, resource_id, error))
    return FALSE;
  insert = lh_store_prepare (store,
                             "INSERT INTO equipment (asset_tag, kind, description, location, "
                             "status, resource_id, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, 0), ?7)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, fields->asset_tag, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, fields->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, fields->description != NULL ? fields->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, fields->location != NULL ? fields->location : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 6, resource_id);
  sqlite3_bind_int64 (insert, 7, now);
  if (!lh_store_exec (store, insert, &local_error))
    return pc_taken_error (resource_id, g_steal_pointer (&local_error), error);
  return lh_equipment_add_event (store, lh_store_last_insert_id (store), "added", status, note, actor, now, error) &&
         adopt_pc_faults (store, fields->asset_tag, 0, actor, now, error) &&
         move_bookings_of (store, centre, 0, resource_id, now, moves, error);
}

/* A fault that stops use is what keeps the item from working: its
 * repair, not a status, puts it back. */
static gboolean
check_no_fault_stops_use (LhStore *store, const LhEquipment *item, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store,
                                             "SELECT id, category FROM faults WHERE equipment_id = ?1 "
                                             "AND repaired_at IS NULL AND stops_use", error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT,
                   "%s has an open fault that stops its use (fault %" G_GINT64_FORMAT ", %s): "
                   "record its repair to put it back in service", item->asset_tag,
                   (gint64) sqlite3_column_int64 (stmt, 0), sqlite3_column_text (stmt, 1));
      lh_error_set_reason (error, "fault-open");
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_item (LhStore *store, const LhCentre *centre, const LhEquipment *old, const LhEquipmentFields *fields,
             const LhEquipmentActor *actor, const char *note, gint64 now, GPtrArray *moves, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhStmt) update = NULL;
  const char *status = fields->status != NULL ? fields->status : old->status;
  const char *description = fields->description != NULL ? fields->description : old->description;
  const char *location = fields->location != NULL ? fields->location : old->location;
  gint64 resource_id = resource_after (fields, old->resource_id);
  gboolean status_changed = !g_str_equal (status, old->status);
  gboolean edited = !g_str_equal (description, old->description) || !g_str_equal (location, old->location) ||
                    resource_id != old->resource_id;

  if (!g_str_equal (fields->kind, old->kind))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "%s is a %s, and an item's kind does not change: retire it and add a new one",
                   old->asset_tag, old->kind);
      lh_error_set_reason (error, "kind-unchanged");
      return FALSE;
    }
  /* The PC is checked only when the link changes: the computer of a PC
   * since deactivated can still be retired or marked faulty. */
  if (resource_id != old->resource_id && resource_id != 0 && !is_bookable_pc (store, resource_id, error))
    return FALSE;
  if (status_changed && g_str_equal (status, "working") && !check_no_fault_stops_use (store, old, error))
    return FALSE;
  update = lh_store_prepare (store,
                             "UPDATE equipment SET description = ?2, location = ?3, status = ?4, "
                             "resource_id = nullif(?5, 0) WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, old->id);
  sqlite3_bind_text (update, 2, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 3, location, -1, SQLITE_STATIC);
  sqlite3_bind_text (update, 4, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 5, resource_id);
  if (!lh_store_exec (store, update, &local_error))
    return pc_taken_error (resource_id, g_steal_pointer (&local_error), error);
  if (edited && !lh_equipment_add_event (store, old->id, "edited", status, note, actor, now, error))
    return FALSE;
  if (status_changed && !lh_equipment_add_event (store, old->id, "status", status, note, actor, now, error))
    return FALSE;
  if (status_changed && g_str_equal (status, "retired") &&
      !lh_faults_close_for_retired_locked (store, old->id, actor, now, error))
    return FALSE;
  return adopt_pc_faults (store, old->asset_tag, old->resource_id, actor, now, error) &&
         move_bookings_of (store, centre, old->resource_id, resource_id, now, moves, error);
}

gboolean
lh_equipment_save_moving (LhStore *store, const LhCentre *centre, const LhEquipmentFields *fields,
                          const LhEquipmentActor *actor, const char *note, gint64 now, gboolean *out_created,
                          GPtrArray *moves, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhEquipment) old = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (actor != NULL && actor->actor_name != NULL, FALSE);

  if (!lh_equipment_fields_check (store, fields, error))
    return FALSE;
  if (note != NULL && !lh_text_check (note, -1, LH_TEXT_LINE, LH_EQUIPMENT_NOTE_MAX_CHARS, "the note", error))
    {
      lh_error_set_reason (error, "note-invalid");
      return FALSE;
    }
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  old = lh_equipment_get (store, fields->asset_tag, &local_error);
  if (old == NULL && !g_error_matches (local_error, LH_ERROR, LH_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!(old == NULL ? tag_free_in_any_case (store, fields->asset_tag, error) &&
                      insert_item (store, centre, fields, actor, note, now, moves, error)
                    : update_item (store, centre, old, fields, actor, note, now, moves, error)))
    return FALSE;
  if (out_created != NULL)
    *out_created = old == NULL;
  return lh_transaction_commit (tx, error);
}

gboolean
lh_equipment_save (LhStore *store, const LhCentre *centre, const LhEquipmentFields *fields,
                   const LhEquipmentActor *actor, const char *note, gint64 now, gboolean *out_created, GError **error)
{
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);

  return lh_equipment_save_moving (store, centre, fields, actor, note, now, out_created, moves, error);
}

gboolean
lh_equipment_set_status (LhStore *store, const LhCentre *centre, const char *asset_tag, const char *status,
                         const char *note, const LhEquipmentActor *actor, gint64 now, GError **error)
{
  return lh_equipment_change_status (store, centre, asset_tag, status, note, actor, now, NULL, error);
}

gboolean
lh_equipment_change_status (LhStore *store, const LhCentre *centre, const char *asset_tag, const char *status,
                            const char *note, const LhEquipmentActor *actor, gint64 now, GPtrArray **out_moves,
                            GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);
  LhEquipmentFields fields = { 0 };

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (!lh_equipment_status_check (status, error))
    return FALSE;
  /* Why an item stopped working is what the repairer and the committee
   * need to know. */
  if (!g_str_equal (status, "working") && lh_text_is_blank (note))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "Say why the item is %s", status);
      lh_error_set_reason (error, "note-required");
      return FALSE;
    }
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  item = lh_equipment_get (store, asset_tag, error);
  if (item == NULL)
    return FALSE;
  if (g_str_equal (item->status, status))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s is already %s", asset_tag, status);
      lh_error_set_reason (error, "status-unchanged");
      return FALSE;
    }
  fields = (LhEquipmentFields) { item->asset_tag, item->kind, NULL, NULL, status, 0 };
  if (!lh_equipment_save_moving (store, centre, &fields, actor, note, now, NULL, moves, error) ||
      !lh_transaction_commit (tx, error))
    return FALSE;
  if (out_moves != NULL)
    *out_moves = g_steal_pointer (&moves);
  return TRUE;
}

GPtrArray *
lh_equipment_history (LhStore *store, const char *asset_tag, GError **error)
{
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_equipment_event_free);
  gboolean has_row = FALSE;
  gboolean ok;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  item = lh_equipment_get (store, asset_tag, error);
  stmt = item != NULL ? lh_store_prepare (store,
                                          "SELECT at, what, status, note, actor_name FROM equipment_events "
                                          "WHERE equipment_id = ?1 ORDER BY at, id", error) : NULL;
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item->id);
  while ((ok = lh_store_step (store, stmt, &has_row, error)) && has_row)
    {
      LhEquipmentEvent *event = g_new0 (LhEquipmentEvent, 1);

      event->at = sqlite3_column_int64 (stmt, 0);
      event->what = column_dup (stmt, 1);
      event->status = column_dup (stmt, 2);
      event->note = column_dup (stmt, 3);
      event->actor_name = column_dup (stmt, 4);
      g_ptr_array_add (events, event);
    }
  return ok ? g_steal_pointer (&events) : NULL;
}
