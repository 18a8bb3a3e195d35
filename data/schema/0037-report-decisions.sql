-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 37: the report's decisions query
-- (LH_REPORT_TIME_OFF_REQUESTS_SQL) reads indexes alone. On a centre of
-- 5,000 staff over five years it read 565,000 requests, each a table
-- lookup, and for each the ledger by request, a table lookup per entry
-- to find its first decision, then that entry again (issue 14).
-- Requests by creation carry what the report reads of them.
DROP INDEX time_off_requests_by_creation;
CREATE INDEX time_off_requests_by_creation
  ON time_off_requests (created_at, paid, category, person_id);
-- The decisions and cancellations of each request, in order, with what
-- the report reads of them. The chain of = joined by OR, not IN (…):
-- see 0015-check-or-chains.sql; the query spells the same chain.
CREATE INDEX time_off_ledger_decisions
  ON time_off_ledger (request_id, id, kind, recorded_at, actor_id, actor_name)
  WHERE kind = 'approved' OR kind = 'rejected' OR kind = 'cancelled';
