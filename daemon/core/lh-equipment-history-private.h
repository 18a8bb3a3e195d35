/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statement of lh_equipment_history_newest(), shared with the test
 * of its query plan. */
#pragma once

/* ?1 the item, ?2 how many rows: the item's index read backwards. */
#define LH_EQUIPMENT_HISTORY_NEWEST_SQL \
  "SELECT at, what, status, note, actor_name FROM equipment_events " \
  "WHERE equipment_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2"
