-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 29 (issue 13): a PC's repaired faults that stopped its
-- use, by repair time, so that usage per PC finds the time it was out of
-- order over a period as an index range, however many faults the years
-- leave. Repaired ones only: the open ones have faults_open_by_pc, which
-- the out-of-order rule must keep using. Dropping the table (tests'
-- reverts) drops this with it.
CREATE INDEX faults_repaired_by_pc ON faults (resource_id, repaired_at)
  WHERE stops_use AND repaired_at IS NOT NULL;
