/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admin's form for an item of the inventory, on the Equipment page:
 * a new item (asset tag, kind, description, place, and for a computer
 * the bookable PC it is), or the details of one (all but its asset tag
 * and kind, which never change). It holds no rule: the daemon checks
 * what is sent, and a refusal is shown in the form's own words. */
#pragma once

#include <gtk/gtk.h>

#include "lh-client-equipment.h"

G_BEGIN_DECLS

#define LH_TYPE_EQUIPMENT_FORM (lh_equipment_form_get_type ())
G_DECLARE_FINAL_TYPE (LhEquipmentForm, lh_equipment_form, LH, EQUIPMENT_FORM, GtkBox)

/* Signals: "save" when Save is tapped, "back" when Back is. */
GtkWidget *lh_equipment_form_new        (void);

/* Empty, for a new item; kinds (nullable) the daemon's, and pcs
 * (element-type LhPcChoice) to choose from. */
void       lh_equipment_form_show_new   (LhEquipmentForm       *self,
                                         const char * const    *kinds,
                                         GPtrArray             *pcs);
/* Filled with the item's details, to edit them. */
void       lh_equipment_form_show_edit  (LhEquipmentForm       *self,
                                         const LhEquipmentItem *item,
                                         GPtrArray             *pcs);
/* The item being edited, or 0 for a new one. */
gint64     lh_equipment_form_get_item_id (LhEquipmentForm      *self);
/* What the form says; the strings are the form's, valid until it
 * changes. FALSE, with a message shown, while something needed is
 * missing (the asset tag or the kind of a new item). */
gboolean   lh_equipment_form_get_changes (LhEquipmentForm      *self,
                                          LhEquipmentChanges   *out_changes);
/* While it is being sent: nothing can be tapped. */
void       lh_equipment_form_set_busy    (LhEquipmentForm      *self,
                                          gboolean              busy);
/* Offline, or while the page is busy: Save cannot be tapped. */
void       lh_equipment_form_set_can_save (LhEquipmentForm    *self,
                                           gboolean            can_save);
/* message (nullable: hide it), read out at once. */
void       lh_equipment_form_show_error  (LhEquipmentForm      *self,
                                          const char           *message);

G_END_DECLS
