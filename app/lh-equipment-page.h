/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Equipment, for the centre's admin: the open faults oldest first, each
 * with its age, item, category, how often it was reported and who sees
 * to it, with big Assign and Repaired buttons; the scheduled checks,
 * soonest due first, each recorded done with its result and a note; and
 * the inventory by kind, where an item opens its status, the statuses
 * the daemon says it can be given (each confirmed, with a note when the
 * daemon asks for one) and its newest history. */
#pragma once

#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_EQUIPMENT_PAGE (lh_equipment_page_get_type ())
G_DECLARE_FINAL_TYPE (LhEquipmentPage, lh_equipment_page, LH, EQUIPMENT_PAGE, LhPage)

/* Whether the person keeps the equipment (an admin who is not a guest);
 * the page is never opened for anyone else. */
gboolean lh_equipment_page_is_for  (const LhPerson  *person);
/* Opens the page afresh: the list, loaded. */
void     lh_equipment_page_load    (LhEquipmentPage *self);
void     lh_equipment_page_reset   (LhEquipmentPage *self);
/* Back within the page: TRUE if it went back a step itself. */
gboolean lh_equipment_page_go_back (LhEquipmentPage *self);

G_END_DECLS
