-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 43 (issue 14): each time-off request keeps what first
-- ended its wait for a decision (approved, rejected or cancelled, whether
-- learnhubd did it, and when), set by the database as the ledger records
-- it. The report's "decided late or not at all" read every paid request
-- of the period and then the ledger's decisions of all of them: 1.1
-- million rows for five years on a centre of 5,000 staff. Now it reads
-- the requests alone. The ledger is never edited, and only the first
-- decision is copied, so the copy cannot drift.
ALTER TABLE time_off_requests ADD COLUMN first_decision TEXT
  CHECK (first_decision IS NULL OR first_decision = 'approved' OR first_decision = 'rejected'
         OR first_decision = 'cancelled');
ALTER TABLE time_off_requests ADD COLUMN first_decision_by_daemon INTEGER NOT NULL DEFAULT 0
  CHECK (first_decision_by_daemon = 0 OR first_decision_by_daemon = 1);
ALTER TABLE time_off_requests ADD COLUMN first_decision_at INTEGER;
UPDATE time_off_requests
SET (first_decision, first_decision_by_daemon, first_decision_at) =
    (SELECT l.kind, l.actor_id IS NULL AND l.actor_name = 'learnhubd', l.recorded_at
     FROM time_off_ledger l INDEXED BY time_off_ledger_decisions
     WHERE l.request_id = time_off_requests.id
       AND (l.kind = 'approved' OR l.kind = 'rejected' OR l.kind = 'cancelled')
     ORDER BY l.id LIMIT 1)
WHERE EXISTS (SELECT 1 FROM time_off_ledger l INDEXED BY time_off_ledger_decisions
              WHERE l.request_id = time_off_requests.id
                AND (l.kind = 'approved' OR l.kind = 'rejected' OR l.kind = 'cancelled'));
CREATE TRIGGER time_off_requests_first_decision
AFTER INSERT ON time_off_ledger
WHEN NEW.request_id IS NOT NULL AND (NEW.kind = 'approved' OR NEW.kind = 'rejected' OR NEW.kind = 'cancelled')
BEGIN
  UPDATE time_off_requests
  SET first_decision = NEW.kind, first_decision_by_daemon = (NEW.actor_id IS NULL AND NEW.actor_name = 'learnhubd'),
      first_decision_at = NEW.recorded_at
  WHERE id = NEW.request_id AND first_decision IS NULL;
END;
-- Only the report read the ledger's decisions by request.
DROP INDEX time_off_ledger_decisions;
-- Requests by creation carry everything the report reads of them.
DROP INDEX time_off_requests_by_creation;
CREATE INDEX time_off_requests_by_creation
  ON time_off_requests (created_at, paid, category, person_id, first_decision, first_decision_by_daemon,
                        first_decision_at);
