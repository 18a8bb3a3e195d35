-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 36: the time-off ledger by time carries every column the
-- committee's report reads of it (LH_ENTITLEMENT_LEDGER_SQL), so that the
-- report's read of each agreement year is the index alone, not a table
-- lookup per entry: on a centre of 5,000 staff those lookups were most of
-- the paid time off section (issue 14).
DROP INDEX time_off_ledger_by_time;
CREATE INDEX time_off_ledger_by_time
  ON time_off_ledger (at, person_id, category, kind, booked_delta, taken_delta, own_delta);
