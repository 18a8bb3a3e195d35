/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migration 0035 (released bookings by start): back to schema 34,
 * first in every test that takes a database back to an older schema. */
#pragma once

#define LH_TEST_UNDO_RELEASED_BOOKINGS \
  "DROP INDEX bookings_released_by_start; "
