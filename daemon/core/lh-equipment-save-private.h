/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one save of an item, shared by lh-equipment.c (learnhubctl, the
 * CSV import, a status) and lh-equipment-edit.c (the admin's kiosk), so
 * that every way in keeps the same rules. */
#pragma once

#include "lh-equipment.h"

G_BEGIN_DECLS

/* lh_equipment_save(), appending to moves (element-type LhFaultMove) the
 * bookings of the PCs it takes out of order. */
gboolean lh_equipment_save_moving (LhStore                 *store,
                                   const LhCentre          *centre,
                                   const LhEquipmentFields *fields,
                                   const LhEquipmentActor  *actor,
                                   const char              *note,
                                   gint64                   now,
                                   gboolean                *out_created,
                                   GPtrArray               *moves,
                                   GError                 **error);

G_END_DECLS
