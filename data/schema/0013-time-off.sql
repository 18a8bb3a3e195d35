-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 13: paid time off for learning. A request is what a
-- booking (a PC, a group place, an assessment) asks of a learner's time;
-- the ledger records every movement of anyone's time off, and is never
-- edited or deleted: a correction is a new entry. Durations are whole
-- minutes; `at` is when the time falls, which decides its agreement year.

-- What the roster tells about a person's time off: how many days their
-- hours are spread over (for showing hours as days), and whether the
-- apprentice and ESOL entitlements are theirs.
ALTER TABLE people ADD COLUMN days_per_week REAL NOT NULL DEFAULT 5
  CHECK (days_per_week > 0 AND days_per_week <= 7);
ALTER TABLE people ADD COLUMN apprentice INTEGER NOT NULL DEFAULT 0 CHECK (apprentice IN (0, 1));
ALTER TABLE people ADD COLUMN esol_learner INTEGER NOT NULL DEFAULT 0 CHECK (esol_learner IN (0, 1));

-- status: 'pending' (waits for the employer's contact point), 'approved',
-- 'rejected' (the booking stands, in the learner's own time), 'own' (own
-- time from the start), 'cancelled' (its booking was), 'taken' (settled
-- from actual use once its time was over).
CREATE TABLE time_off_requests (
  id                 INTEGER PRIMARY KEY,
  person_id          INTEGER NOT NULL REFERENCES people (id),
  category           TEXT NOT NULL CHECK (category IN ('learning', 'assessment', 'esol', 'apprentice')),
  activity           TEXT NOT NULL CHECK (length(activity) BETWEEN 1 AND 40),
  paid               INTEGER NOT NULL CHECK (paid IN (0, 1)),
  booking_id         INTEGER REFERENCES bookings (id),
  group_place_id     INTEGER REFERENCES group_places (id),
  assessment_slot_id INTEGER REFERENCES assessment_slots (id),
  start_at           INTEGER NOT NULL,
  end_at             INTEGER NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'own',
                                                     'cancelled', 'taken')),
  paid_before        INTEGER NOT NULL DEFAULT 0,  -- 1: was approved paid time when settled
  decided_at         INTEGER,                     -- approved or rejected by an admin
  decision_seen_at   INTEGER,                     -- the learner has been told
  created_at         INTEGER NOT NULL,
  CHECK (end_at > start_at),
  CHECK ((booking_id IS NOT NULL) + (group_place_id IS NOT NULL) + (assessment_slot_id IS NOT NULL) = 1)
);
CREATE INDEX time_off_requests_by_person ON time_off_requests (person_id, start_at);
CREATE INDEX time_off_requests_by_status ON time_off_requests (status, end_at)
  WHERE status IN ('pending', 'approved', 'rejected', 'own');
CREATE UNIQUE INDEX time_off_requests_one_per_booking ON time_off_requests (booking_id)
  WHERE booking_id IS NOT NULL;
CREATE UNIQUE INDEX time_off_requests_one_per_place ON time_off_requests (group_place_id)
  WHERE group_place_id IS NOT NULL;
CREATE INDEX time_off_requests_by_slot ON time_off_requests (assessment_slot_id)
  WHERE assessment_slot_id IS NOT NULL;

-- Every movement. kind: 'requested', 'approved', 'rejected', 'cancelled',
-- 'taken', 'adjusted'. Each entry says what it does to the four sums a
-- balance is made of, so that a balance is one indexed sum:
--   pending_delta  paid time asked for, waiting for a decision
--   booked_delta   paid time approved, not yet taken
--   taken_delta    paid time used (or, for 'adjusted', added or taken back)
--   own_delta      the learner's own time used, which matched time matches
-- actor_name is who did it, as they were then ("Priya Shah (100006)",
-- "learnhubctl, user root", "learnhubd").
CREATE TABLE time_off_ledger (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES people (id),
  category        TEXT NOT NULL CHECK (category IN ('learning', 'assessment', 'esol', 'apprentice',
                                                    'facility')),
  kind            TEXT NOT NULL CHECK (kind IN ('requested', 'approved', 'rejected', 'cancelled',
                                                'taken', 'adjusted')),
  at              INTEGER NOT NULL,
  minutes         INTEGER NOT NULL CHECK (minutes BETWEEN -527040 AND 527040),
  pending_delta   INTEGER NOT NULL DEFAULT 0,
  booked_delta    INTEGER NOT NULL DEFAULT 0,
  taken_delta     INTEGER NOT NULL DEFAULT 0,
  own_delta       INTEGER NOT NULL DEFAULT 0,
  request_id      INTEGER REFERENCES time_off_requests (id),
  facility_id     INTEGER REFERENCES facility_time (id),
  reason          TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
  actor_id        INTEGER REFERENCES people (id),
  actor_name      TEXT NOT NULL CHECK (length(actor_name) BETWEEN 1 AND 200),
  recorded_at     INTEGER NOT NULL
);
CREATE INDEX time_off_ledger_by_person ON time_off_ledger (person_id, at);
-- Settling a PC booking reads its sittings, each time housekeeping runs.
CREATE INDEX usage_by_booking ON usage_sessions (booking_id);
CREATE INDEX time_off_ledger_by_request ON time_off_ledger (request_id) WHERE request_id IS NOT NULL;

CREATE TRIGGER time_off_ledger_never_edited
BEFORE UPDATE ON time_off_ledger
BEGIN
  SELECT RAISE (ABORT, 'the time-off ledger is never edited: add a correcting entry');
END;

CREATE TRIGGER time_off_ledger_never_deleted
BEFORE DELETE ON time_off_ledger
BEGIN
  SELECT RAISE (ABORT, 'the time-off ledger is never deleted from');
END;

-- ULR facility time already logged goes into the ledger too.
INSERT INTO time_off_ledger (person_id, category, kind, at, minutes, taken_delta, facility_id,
                             reason, actor_name, recorded_at)
  SELECT ulr_id, 'facility', 'taken', start_at, minutes, minutes, id, activity, 'learnhubd', created_at
  FROM facility_time;
