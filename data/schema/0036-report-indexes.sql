-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 36: the indexes the committee's report reads by time
-- carry every column it reads of them, so that each read is the index
-- alone, not a table lookup per row: on a centre of 5,000 staff those
-- lookups were most of the report (issue 14).
-- The time-off ledger by time: LH_ENTITLEMENT_LEDGER_SQL.
DROP INDEX time_off_ledger_by_time;
CREATE INDEX time_off_ledger_by_time
  ON time_off_ledger (at, person_id, category, kind, booked_delta, taken_delta, own_delta);
-- Sittings by start: usage (with their booking), equality's learners and
-- equipment usage.
DROP INDEX usage_by_start;
CREATE INDEX usage_by_start ON usage_sessions (started_at, resource_id, person_id, ended_at, booking_id);
