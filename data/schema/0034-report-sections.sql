-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 34 (issue 14): what the committee's report sections read
-- as index ranges, and how soon a request for paid time off must be
-- decided.

-- [time-off] decide-within-days: a request decided later, or still not
-- decided by then, is late, and the committee sees how many.
ALTER TABLE terms_versions ADD COLUMN decide_within_days INTEGER NOT NULL DEFAULT 5
  CHECK (decide_within_days BETWEEN 1 AND 365);

-- A period's time off, granted and taken, by when the time fell.
CREATE INDEX time_off_ledger_by_time ON time_off_ledger (at);
-- The requests made in a period, for whether they were decided in time.
CREATE INDEX time_off_requests_by_creation ON time_off_requests (created_at);
-- Faults open at a period's end that were repaired since.
CREATE INDEX faults_repaired_at ON faults (repaired_at) WHERE repaired_at IS NOT NULL;
-- The centre's ULRs, not the whole roster, and whoever logged facility
-- time in a period (a ULR who has since stood down).
CREATE INDEX people_ulrs ON people (id) WHERE (roles & 2) <> 0;
CREATE INDEX facility_time_by_start ON facility_time (start_at);
