/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migration 0032 (equality answers, workforce profile): back to
 * schema 31. */
#pragma once

#define LH_TEST_UNDO_EQUALITY \
  "DROP TABLE equality_answers; DROP TABLE workforce_profile; "
