/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A row of My bookings: an icon for the kind of thing, the facts in one
 * line, its state in another, and the button that gives it back. */
#pragma once

#include <gtk/gtk.h>

#include "lh-mine-item.h"

G_BEGIN_DECLS

/* A GtkListBoxRow for a copy of @item; hold_minutes: the rules' check-in
 * hold, or -1 if not known. */
GtkWidget        *lh_mine_row_new        (const LhMineItem *item,
                                          GDateTime        *now,
                                          int               hold_minutes,
                                          int               early_minutes);
/* (transfer none) what the row shows. */
const LhMineItem *lh_mine_row_get_item   (GtkWidget        *row);
/* (transfer none) (nullable) the button that gives it back: none for a
 * walk-up, which ends when its person signs out at the PC. */
GtkButton        *lh_mine_row_get_button (GtkWidget        *row);

/* The same icon as the home page's tile for that kind of thing, so that
 * a row says what it is without reading. */
const char       *lh_mine_row_icon_name  (const LhMineItem *item);

G_END_DECLS
