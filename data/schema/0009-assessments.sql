-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 9: skills assessment slots (English, maths, ESOL initial
-- assessment), each for one learner, with a named ULR or assessor. Who
-- booked one is between the learner and the assessor.

CREATE TABLE assessment_slots (
  id           INTEGER PRIMARY KEY,
  subject      TEXT NOT NULL CHECK (subject IN ('english', 'maths', 'esol')),
  assessor_id  INTEGER NOT NULL REFERENCES people (id),
  start_at     INTEGER NOT NULL,
  end_at       INTEGER NOT NULL,
  place        TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 100),
  learner_id   INTEGER REFERENCES people (id),                    -- NULL: still free
  booked_at    INTEGER,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
  created_by   INTEGER NOT NULL REFERENCES people (id),
  created_at   INTEGER NOT NULL,
  CHECK (end_at > start_at),
  CHECK ((learner_id IS NULL) = (booked_at IS NULL))
);
CREATE INDEX assessment_slots_by_time ON assessment_slots (start_at) WHERE status = 'open';
CREATE INDEX assessment_slots_by_learner ON assessment_slots (learner_id) WHERE learner_id IS NOT NULL;

-- An assessor is in one place at a time, whatever code path writes it.
CREATE TRIGGER assessment_slots_no_overlap
BEFORE INSERT ON assessment_slots
WHEN NEW.status = 'open' AND EXISTS (
  SELECT 1 FROM assessment_slots s
  WHERE s.assessor_id = NEW.assessor_id AND s.status = 'open'
    AND s.start_at < NEW.end_at AND s.end_at > NEW.start_at)
BEGIN
  SELECT RAISE (ABORT, 'the assessor already has a slot then');
END;
