/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migration 0033 (the committee's meetings and action plan): back
 * to schema 32, with neither. */
#pragma once

#define LH_TEST_UNDO_COMMITTEE \
  "DROP TABLE action_objective_changes; DROP TABLE action_objectives; " \
  "DROP TABLE committee_attendees; DROP TABLE committee_meetings; "
