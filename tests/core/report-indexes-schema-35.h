/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Undoes migrations 0043 (each request's first decision kept with it),
 * 0042 (the report's reads: walk-ups kept with the sitting, the
 * ledger's movements), 0041 (sittings by person), 0040
 * (the audit log), 0039 (the sign-in shape's indexes), 0038 (person
 * settings), 0037 (the report's decisions query, covered) and 0036 (the
 * ledger by time and sittings by start, covering the report's reads):
 * back to schema 35, first in every test that takes a database back to
 * an older schema. */
#pragma once

/* Migration 0043 alone: back to schema 42 (its user_version aside). */
#define LH_TEST_UNDO_REQUEST_FIRST_DECISION \
  "DROP INDEX time_off_requests_by_creation; " \
  "CREATE INDEX time_off_requests_by_creation ON time_off_requests (created_at, paid, category, person_id); " \
  "CREATE INDEX time_off_ledger_decisions ON time_off_ledger (request_id, id, kind, recorded_at, actor_id, " \
  "  actor_name) WHERE kind = 'approved' OR kind = 'rejected' OR kind = 'cancelled'; " \
  "DROP TRIGGER time_off_requests_first_decision; " \
  "ALTER TABLE time_off_requests DROP COLUMN first_decision_at; " \
  "ALTER TABLE time_off_requests DROP COLUMN first_decision_by_daemon; " \
  "ALTER TABLE time_off_requests DROP COLUMN first_decision; "

/* Migration 0042 alone: back to schema 41 (its user_version aside). */
#define LH_TEST_UNDO_REPORT_READS \
  "DROP INDEX time_off_ledger_own_learning; DROP INDEX time_off_ledger_movements; " \
  "CREATE INDEX time_off_ledger_by_time " \
  "  ON time_off_ledger (at, person_id, category, kind, booked_delta, taken_delta, own_delta); " \
  "DROP TRIGGER bookings_walk_up_never_changes; DROP TRIGGER usage_sessions_walk_up; " \
  "DROP INDEX usage_by_person_start; DROP INDEX usage_by_start; ALTER TABLE usage_sessions DROP COLUMN walk_up; " \
  "CREATE INDEX usage_by_start ON usage_sessions (started_at, resource_id, person_id, ended_at, booking_id); " \
  "CREATE INDEX usage_by_person_start ON usage_sessions (person_id, started_at); "

#define LH_TEST_UNDO_REPORT_INDEXES \
  LH_TEST_UNDO_REQUEST_FIRST_DECISION \
  LH_TEST_UNDO_REPORT_READS \
  "DROP INDEX usage_by_person_start; " \
  "DROP TABLE audit_log; " \
  "DROP INDEX people_sign_in_by_length; DROP INDEX people_sign_in_not_digits; " \
  "DROP TABLE person_settings; " \
  "DROP INDEX time_off_ledger_decisions; DROP INDEX time_off_requests_by_creation; " \
  "CREATE INDEX time_off_requests_by_creation ON time_off_requests (created_at); " \
  "DROP INDEX time_off_ledger_by_time; CREATE INDEX time_off_ledger_by_time ON time_off_ledger (at); " \
  "DROP INDEX usage_by_start; CREATE INDEX usage_by_start ON usage_sessions (started_at, resource_id); "
