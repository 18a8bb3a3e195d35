-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 11: advice from union learning reps (ULRs). Drop-in
-- sessions with a take-a-ticket queue, appointment slots, requests, their
-- outcomes and private notes, learning plans, the annual learning MOT, and
-- ULR facility time.
--
-- Every free text about a learner (their note, a ULR's notes, plan items,
-- MOT summaries) is a libsodium secretbox (nonce then ciphertext) sealed
-- with the notes key, which is kept in a file apart from this database: a
-- copy of the database alone reveals none of it.

CREATE TABLE advice_dropins (
  id           INTEGER PRIMARY KEY,
  place        TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 100),
  start_at     INTEGER NOT NULL,
  end_at       INTEGER NOT NULL,
  opened_by    INTEGER NOT NULL REFERENCES people (id),
  created_at   INTEGER NOT NULL,
  closed_at    INTEGER,                                   -- NULL: not closed early
  next_ticket  INTEGER NOT NULL DEFAULT 1,
  CHECK (end_at > start_at)
);
CREATE INDEX advice_dropins_by_time ON advice_dropins (end_at);

-- The ULRs who staff a drop-in, each at a desk, each with the queue length
-- past which they want to be told (0: never).
CREATE TABLE advice_dropin_ulrs (
  dropin_id    INTEGER NOT NULL REFERENCES advice_dropins (id),
  ulr_id       INTEGER NOT NULL REFERENCES people (id),
  desk         TEXT NOT NULL CHECK (length(desk) BETWEEN 1 AND 40),
  alert_length INTEGER NOT NULL DEFAULT 0 CHECK (alert_length BETWEEN 0 AND 100),
  PRIMARY KEY (dropin_id, ulr_id)
);
CREATE INDEX advice_dropin_ulrs_by_ulr ON advice_dropin_ulrs (ulr_id);

-- Times a ULR offers for a one-to-one appointment.
CREATE TABLE advice_slots (
  id           INTEGER PRIMARY KEY,
  ulr_id       INTEGER NOT NULL REFERENCES people (id),
  start_at     INTEGER NOT NULL,
  end_at       INTEGER NOT NULL,
  place        TEXT NOT NULL DEFAULT '' CHECK (length(place) <= 100),
  created_by   INTEGER NOT NULL REFERENCES people (id),
  created_at   INTEGER NOT NULL,
  CHECK (end_at > start_at)
);
CREATE INDEX advice_slots_by_time ON advice_slots (start_at);

CREATE TRIGGER advice_slots_no_overlap
BEFORE INSERT ON advice_slots
WHEN EXISTS (
  SELECT 1 FROM advice_slots s
  WHERE s.ulr_id = NEW.ulr_id AND s.start_at < NEW.end_at AND s.end_at > NEW.start_at)
BEGIN
  SELECT RAISE (ABORT, 'the ULR already offers a slot then');
END;

-- learner_id, contact and note become NULL when retention anonymises a
-- request: the topic, outcome and times stay, for the committee's counts.
CREATE TABLE advice_requests (
  id           INTEGER PRIMARY KEY,
  learner_id   INTEGER REFERENCES people (id),
  topic        TEXT NOT NULL,
  mode         TEXT NOT NULL CHECK (mode IN ('queue', 'appointment')),
  contact      TEXT CHECK (contact IN ('here', 'phone', 'email', 'at-work')),
  note         BLOB,                                      -- sealed
  dropin_id    INTEGER REFERENCES advice_dropins (id),
  ticket       INTEGER,
  slot_id      INTEGER REFERENCES advice_slots (id),
  ulr_id       INTEGER REFERENCES people (id),            -- the ULR who took it
  desk         TEXT,
  status       TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'started', 'done',
                                               'no-show', 'left', 'unseen')),
  created_at   INTEGER NOT NULL,
  called_at    INTEGER,
  started_at   INTEGER,
  ended_at     INTEGER,
  CHECK ((mode = 'queue') = (dropin_id IS NOT NULL AND ticket IS NOT NULL)),
  CHECK (mode = 'queue' OR slot_id IS NOT NULL),
  UNIQUE (dropin_id, ticket)
);
CREATE INDEX advice_requests_by_learner ON advice_requests (learner_id);
CREATE INDEX advice_requests_by_ulr ON advice_requests (ulr_id);
CREATE INDEX advice_requests_queue ON advice_requests (dropin_id, status, ticket);
-- A slot is for one request that is still going.
CREATE UNIQUE INDEX advice_requests_one_per_slot ON advice_requests (slot_id)
  WHERE slot_id IS NOT NULL AND status IN ('waiting', 'called', 'started', 'done');

CREATE TABLE advice_outcomes (
  request_id   INTEGER NOT NULL REFERENCES advice_requests (id) ON DELETE CASCADE,
  outcome      TEXT NOT NULL,
  PRIMARY KEY (request_id, outcome)
);

-- A ULR's private notes on a learner, on a request or on the record alone.
CREATE TABLE advice_notes (
  id           INTEGER PRIMARY KEY,
  learner_id   INTEGER NOT NULL REFERENCES people (id),
  request_id   INTEGER REFERENCES advice_requests (id),
  author_id    INTEGER NOT NULL REFERENCES people (id),
  body         BLOB NOT NULL,                             -- sealed
  created_at   INTEGER NOT NULL
);
CREATE INDEX advice_notes_by_learner ON advice_notes (learner_id);

-- ULRs a learner chose to share their record with, beyond those who took
-- one of their requests.
CREATE TABLE advice_shares (
  learner_id   INTEGER NOT NULL REFERENCES people (id),
  ulr_id       INTEGER NOT NULL REFERENCES people (id),
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (learner_id, ulr_id)
);

-- An individual learning plan: goals, and steps towards a goal.
CREATE TABLE learning_plan_items (
  id           INTEGER PRIMARY KEY,
  learner_id   INTEGER NOT NULL REFERENCES people (id),
  goal_id      INTEGER REFERENCES learning_plan_items (id),  -- NULL: a goal
  body         BLOB NOT NULL,                             -- sealed
  due_at       INTEGER,                                   -- local midnight, or NULL
  done_at      INTEGER,
  created_by   INTEGER NOT NULL REFERENCES people (id),
  created_at   INTEGER NOT NULL
);
CREATE INDEX learning_plan_items_by_learner ON learning_plan_items (learner_id);

-- The annual "learning MOT": a learning needs review with a ULR.
CREATE TABLE learning_mots (
  id           INTEGER PRIMARY KEY,
  learner_id   INTEGER NOT NULL REFERENCES people (id),
  ulr_id       INTEGER NOT NULL REFERENCES people (id),
  held_at      INTEGER NOT NULL,
  summary      BLOB NOT NULL,                             -- sealed
  next_due_at  INTEGER NOT NULL,
  created_at   INTEGER NOT NULL
);
CREATE INDEX learning_mots_by_learner ON learning_mots (learner_id);

-- A learner asked for their advice record to be deleted; a ULR confirms.
CREATE TABLE advice_deletion_requests (
  learner_id   INTEGER PRIMARY KEY REFERENCES people (id),
  asked_at     INTEGER NOT NULL
);

-- ULR facility time: paid hours for union learning duties. Drop-ins and
-- appointments are logged by the daemon (one row each, hence the unique
-- indexes); the ULR adds the rest.
CREATE TABLE facility_time (
  id           INTEGER PRIMARY KEY,
  ulr_id       INTEGER NOT NULL REFERENCES people (id),
  activity     TEXT NOT NULL CHECK (activity IN ('drop-in', 'appointment', 'training', 'meeting',
                                                 'promotion', 'other')),
  start_at     INTEGER NOT NULL,
  minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  dropin_id    INTEGER REFERENCES advice_dropins (id),
  request_id   INTEGER REFERENCES advice_requests (id),
  note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  created_at   INTEGER NOT NULL
);
CREATE INDEX facility_time_by_ulr ON facility_time (ulr_id, start_at);
CREATE UNIQUE INDEX facility_time_one_per_dropin ON facility_time (ulr_id, dropin_id)
  WHERE dropin_id IS NOT NULL;
CREATE UNIQUE INDEX facility_time_one_per_request ON facility_time (request_id)
  WHERE request_id IS NOT NULL;
