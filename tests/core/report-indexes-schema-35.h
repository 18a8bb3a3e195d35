/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migrations 0041 (sittings by person), 0040 (the audit log),
 * 0039 (the sign-in shape's indexes), 0038 (person settings), 0037 (the
 * report's decisions query, covered) and 0036 (the
 * ledger by time and sittings by start, covering the report's reads):
 * back to schema 35, first in every test that takes a database back to
 * an older schema. */
#pragma once

#define LH_TEST_UNDO_REPORT_INDEXES \
  "DROP INDEX usage_by_person_start; " \
  "DROP TABLE audit_log; " \
  "DROP INDEX people_sign_in_by_length; DROP INDEX people_sign_in_not_digits; " \
  "DROP TABLE person_settings; " \
  "DROP INDEX time_off_ledger_decisions; DROP INDEX time_off_requests_by_creation; " \
  "CREATE INDEX time_off_requests_by_creation ON time_off_requests (created_at); " \
  "DROP INDEX time_off_ledger_by_time; CREATE INDEX time_off_ledger_by_time ON time_off_ledger (at); " \
  "DROP INDEX usage_by_start; CREATE INDEX usage_by_start ON usage_sessions (started_at, resource_id); "
