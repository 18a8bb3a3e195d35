-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 14: every per-request query reads a range of an index that
-- does not grow with the years kept (issue 11).
--
-- A booking is never longer than a day (rule_versions caps
-- max_booking_minutes at 1440, and more time at a PC stops at it), so the
-- bookings that overlap [s, e) all start in (s - 86400, e): a range bounded
-- on both sides. The triggers below hold every writer to that day.

-- A person's bookings by start: the clash with their own bookings, the next
-- one, and the limits per day and week, each a range of a day or a week.
-- end_at makes the sums of the limits covering.
CREATE INDEX bookings_by_person_start ON bookings (person_id, start_at, end_at) WHERE status = 'booked';

-- The overlap triggers, bounded from below by the longest booking.
DROP TRIGGER bookings_no_overlap_insert;
CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status = 'booked' AND EXISTS (
  SELECT 1 FROM bookings b
  WHERE b.resource_id = NEW.resource_id AND b.status = 'booked'
    AND b.start_at > NEW.start_at - 86400 AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at)
BEGIN
  SELECT RAISE (ABORT, 'booking overlaps another booking of this resource');
END;

DROP TRIGGER bookings_no_overlap_update;
CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF resource_id, start_at, end_at, status ON bookings
WHEN NEW.status = 'booked' AND EXISTS (
  SELECT 1 FROM bookings b
  WHERE b.id <> NEW.id AND b.resource_id = NEW.resource_id AND b.status = 'booked'
    AND b.start_at > NEW.start_at - 86400 AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at)
BEGIN
  SELECT RAISE (ABORT, 'booking overlaps another booking of this resource');
END;

-- What the bounds above rely on, whatever writes.
CREATE TRIGGER bookings_at_most_a_day_insert
BEFORE INSERT ON bookings
WHEN NEW.end_at - NEW.start_at > 86400
BEGIN
  SELECT RAISE (ABORT, 'a booking is at most a day long');
END;

CREATE TRIGGER bookings_at_most_a_day_update
BEFORE UPDATE OF start_at, end_at ON bookings
WHEN NEW.end_at - NEW.start_at > 86400
BEGIN
  SELECT RAISE (ABORT, 'a booking is at most a day long');
END;

-- A person's sessions by expiry: where their open sessions are (events for
-- one person), without reading every sign-in they ever made.
DROP INDEX sessions_by_person;
CREATE INDEX sessions_by_person ON sessions (person_id, expires_at);

-- Drop-ins still open: closing them at their end and the next to close,
-- without reading every drop-in ever held.
CREATE INDEX advice_dropins_open ON advice_dropins (end_at) WHERE closed_at IS NULL;

-- The queue's wait estimate: the tickets done lately.
CREATE INDEX advice_requests_done_in_queue ON advice_requests (ended_at)
  WHERE mode = 'queue' AND status = 'done';

-- A learner's or a ULR's ticket still going, not their whole history.
CREATE INDEX advice_requests_live_by_learner ON advice_requests (learner_id)
  WHERE status IN ('waiting', 'called', 'started');
CREATE INDEX advice_requests_live_by_ulr ON advice_requests (ulr_id)
  WHERE status IN ('called', 'started');

-- A session's places by status: the capacity triggers and promotion from
-- the waiting list count or pick within one session.
CREATE INDEX group_places_by_session ON group_places (group_session_id, status);

-- Promotions a person has not seen yet.
CREATE INDEX group_places_unseen ON group_places (person_id)
  WHERE promoted_at IS NOT NULL AND seen_at IS NULL;

-- A learner's assessment slots by end: the ones still to come.
DROP INDEX assessment_slots_by_learner;
CREATE INDEX assessment_slots_by_learner ON assessment_slots (learner_id, end_at) WHERE learner_id IS NOT NULL;

-- A person's time off not yet settled (My time off), and decisions they
-- have not been told of, not every request they ever made.
CREATE INDEX time_off_requests_live_by_person ON time_off_requests (person_id, start_at)
  WHERE status IN ('pending', 'approved', 'rejected', 'own');
CREATE INDEX time_off_requests_unseen ON time_off_requests (person_id)
  WHERE decided_at IS NOT NULL AND decision_seen_at IS NULL;
