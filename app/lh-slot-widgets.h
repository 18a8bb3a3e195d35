/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The buttons of the Book a computer page: days, slots and a row of
 * slots per PC. A slot button carries its LhSlot (unowned) as the object
 * data "lh-slot". */
#pragma once

#include <gtk/gtk.h>

#include "lh-slots.h"

G_BEGIN_DECLS

/* "10:00" over "Free", "Taken", "Yours", "On PC 4", "Out of order",
 * "Not answering" or "In use now"; with_name: "PC 4" over "10:00 to
 * 11:00". Only free slots can be pressed. */
GtkWidget *lh_slot_button_new  (const LhSlot *slot,
                                gboolean      with_name);
/* The resource's name, how the daemon says it is now ("Out of order just
 * now", "Not answering just now", "In use now"; now: the daemon's clock),
 * what to expect of a PC
 * whose kiosk is offline (on any day), and its slots; clicked is connected to each slot button's
 * "clicked" (only free ones can be pressed). */
GtkWidget *lh_resource_row_new (const LhResourceDay *resource,
                                GPtrArray           *slots,
                                GDateTime           *now,
                                GCallback            clicked,
                                gpointer             user_data);
/* "Tomorrow" over "24 Nov", as a toggle button. */
GtkWidget *lh_day_button_new   (GDateTime *day,
                                GDateTime *now);

/* "All week" over "Mon to Sun", as a toggle button like a day's. */
GtkWidget *lh_week_button_new  (void);

/* Empties a GtkBox or a GtkFlowBox. */
void       lh_remove_children  (GtkWidget *parent);
/* Appends to a flow box, leaving the focus to the child itself. */
void       lh_flow_box_append  (GtkFlowBox *box,
                                GtkWidget  *child);

G_END_DECLS
