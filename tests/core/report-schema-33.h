/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes schema 34 (the report sections' indexes and the time-off
 * decision term) for the upgrade tests, before any older schema's undoing:
 * reserved 32 and 33 add nothing. */
#pragma once

#define LH_TEST_UNDO_REPORT_SECTIONS \
  "DROP INDEX time_off_ledger_by_time; DROP INDEX time_off_requests_by_creation; DROP INDEX people_ulrs; " \
  "DROP INDEX facility_time_by_start; DROP INDEX faults_repaired_at; " \
  "ALTER TABLE terms_versions DROP COLUMN decide_within_days; "
