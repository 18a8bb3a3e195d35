/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migration 0021 (equipment): back to schema 20, with no
 * inventory and terms without the minimum kit. */
#pragma once

#define LH_TEST_UNDO_EQUIPMENT \
  "DROP TABLE equipment_events; DROP TABLE equipment; " \
  "ALTER TABLE terms_versions DROP COLUMN equipment_minimums; " \
  "ALTER TABLE terms_versions DROP COLUMN fault_days_at_most; "
