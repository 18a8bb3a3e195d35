/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admin's own edits at the kiosk: a new item (never an update of one
 * with the same asset tag, as an import is), and the details of one item
 * by its id. Both go through the one save, with its rules. */
#define G_LOG_DOMAIN "lh-equipment"

#include "lh-equipment.h"
#include "lh-equipment-save-private.h"

#include "lh-error.h"
#include "lh-faults.h"

LhEquipment *
lh_equipment_add (LhStore *store, const LhCentre *centre, const LhEquipmentFields *fields,
                  const LhEquipmentActor *actor, const char *note, gint64 now, GPtrArray **out_moves, GError **error)
{
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhEquipment) taken = NULL;
  g_autoptr(LhEquipment) item = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  /* The text first: a refusal says what is wrong with it before anything
   * is looked up. */
  if (!lh_equipment_fields_check (store, fields, error))
    return NULL;
  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  taken = lh_equipment_get (store, fields->asset_tag, &local_error);
  if (taken != NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "The asset tag %s is already %s's", fields->asset_tag,
                   taken->kind);
      lh_error_set_reason (error, "asset-tag-taken");
      return NULL;
    }
  if (!g_error_matches (local_error, LH_ERROR, LH_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!lh_equipment_save_moving (store, centre, fields, actor, note, now, NULL, moves, error))
    return NULL;
  item = lh_equipment_get (store, fields->asset_tag, error);
  if (item == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  if (out_moves != NULL)
    *out_moves = g_steal_pointer (&moves);
  return g_steal_pointer (&item);
}

LhEquipment *
lh_equipment_edit (LhStore *store, const LhCentre *centre, gint64 item_id, const LhEquipmentEdit *edit,
                   const LhEquipmentActor *actor, const char *note, gint64 now, GPtrArray **out_moves,
                   GError **error)
{
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhEquipment) old = NULL;
  g_autoptr(LhEquipment) item = NULL;
  LhEquipmentFields fields;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return NULL;
  old = lh_equipment_get_by_id (store, item_id, error);
  if (old == NULL)
    {
      lh_error_set_reason (error, "item-not-found");
      return NULL;
    }
  if (!lh_equipment_editable (old))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_CONFLICT, "%s is retired: add a new item instead", old->asset_tag);
      lh_error_set_reason (error, "item-retired");
      return NULL;
    }
  fields = (LhEquipmentFields) { old->asset_tag, old->kind, edit->description, edit->location, NULL,
                                 edit->resource_id };
  if (!lh_equipment_save_moving (store, centre, &fields, actor, note, now, NULL, moves, error))
    return NULL;
  item = lh_equipment_get_by_id (store, item_id, error);
  if (item == NULL || !lh_transaction_commit (tx, error))
    return NULL;
  if (out_moves != NULL)
    *out_moves = g_steal_pointer (&moves);
  return g_steal_pointer (&item);
}
