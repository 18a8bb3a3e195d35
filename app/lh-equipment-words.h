/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the admin's Equipment page: a fault's age, item, category
 * and who sees to it; an item's kind, status and history; and refusals,
 * from the daemon's reason codes. Whole sentences, so that translators
 * never glue words. Functions returning char * return a new string
 * (transfer full); const char * ones a translated constant. */
#pragma once

#include "lh-client-equipment.h"

G_BEGIN_DECLS

/* "Reported today", "Reported 6 days ago", "Reported 3 weeks ago". */
char       *lh_equipment_format_age        (GDateTime          *reported_at,
                                            GDateTime          *now);
/* "PC 5 (LC-0005)", or "Headset LC-0241" for an item that is no PC. */
char       *lh_equipment_format_fault_item (const LhOpenFault  *fault);
/* "Keyboard or mouse" */
const char *lh_equipment_category_words    (const char         *category);
/* "Reported 3 times", "Out of use until repaired" … in one line. */
char       *lh_equipment_format_reports    (const LhOpenFault  *fault);
/* "Assigned to Site IT, J. Smith" or "Nobody is seeing to it yet" */
char       *lh_equipment_format_assigned   (const LhOpenFault  *fault);
/* A heading of the inventory: "Computer: 8 items". */
char       *lh_equipment_format_kind_heading (const char       *kind,
                                              guint             count);
/* "Computer", "Lockable cabinet" */
const char *lh_equipment_kind_words        (const char         *kind);
/* "Working", "Faulty", "In repair", "Retired" */
const char *lh_equipment_status_words      (const char         *status);
/* "LC-0001, Desktop PC, 16 GB, PC 1" */
char       *lh_equipment_format_item       (const LhEquipmentItem *item);
/* A row of history: "3 Dec, 10:15: Faulty. Flickers (J. Admin)". */
char       *lh_equipment_format_event      (const LhItemEvent  *event);
/* Above the list: "2 open faults, oldest first." */
char       *lh_equipment_format_open_faults (guint              n_faults);
/* Told once it is done. */
char       *lh_equipment_format_assigned_toast (const LhOpenFault *fault);
char       *lh_equipment_format_repaired_toast (const LhOpenFault *fault);
char       *lh_equipment_format_status_toast   (const LhEquipmentItem *item);
/* Why it could not be done, from the problem's reason code. */
char       *lh_equipment_format_refusal    (const GError       *error);

/* Told once the admin's form is saved: "LC-0301 is in the inventory now.",
 * and how many bookings its PC link moved or cancelled. */
char       *lh_equipment_format_saved_toast (const LhItemDetail *detail,
                                             gboolean            added);
/* Why the admin's form could not be saved, from the reason code; the
 * limit of a text too long is the daemon's. */
char       *lh_equipment_format_edit_refusal (const GError     *error);

G_END_DECLS
