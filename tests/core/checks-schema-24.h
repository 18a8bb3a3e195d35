/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migration 0025 (checks and admin notices): back to schema 24. */
#pragma once

#define LH_TEST_UNDO_CHECKS \
  "DROP INDEX sessions_live_by_device; " \
  "DROP TABLE admin_notices; DROP TABLE equipment_checks_done; DROP TABLE equipment_checks; "
