-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4: work-based group study sessions, with a place for each
-- learner up to the capacity and a waiting list beyond it.

CREATE TABLE group_sessions (
  id           INTEGER PRIMARY KEY,
  booking_id   INTEGER NOT NULL UNIQUE REFERENCES bookings (id),  -- holds the room
  series_id    INTEGER,                                         -- first session of a weekly series
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  topic        TEXT NOT NULL DEFAULT '' CHECK (length(topic) <= 200),
  capacity     INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 200),
  status       TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  created_at   INTEGER NOT NULL
);

-- status: 'booked' (a place), 'waiting' (in line, by id), 'left'.
-- promoted_at is set when a waiting place became booked; seen_at when the
-- learner has been told.
CREATE TABLE group_places (
  id               INTEGER PRIMARY KEY,
  group_session_id INTEGER NOT NULL REFERENCES group_sessions (id),
  person_id        INTEGER NOT NULL REFERENCES people (id),
  status           TEXT NOT NULL CHECK (status IN ('booked', 'waiting', 'left')),
  created_at       INTEGER NOT NULL,
  promoted_at      INTEGER,
  seen_at          INTEGER
);
CREATE UNIQUE INDEX group_places_one_each ON group_places (group_session_id, person_id)
  WHERE status IN ('booked', 'waiting');
CREATE INDEX group_places_by_person ON group_places (person_id, status);

-- Never more booked places than the capacity, whatever writes them.
CREATE TRIGGER group_places_capacity_insert
BEFORE INSERT ON group_places
WHEN NEW.status = 'booked' AND
     (SELECT count(*) FROM group_places WHERE group_session_id = NEW.group_session_id AND status = 'booked')
     >= (SELECT capacity FROM group_sessions WHERE id = NEW.group_session_id)
BEGIN
  SELECT RAISE (ABORT, 'the group session is full');
END;

CREATE TRIGGER group_places_capacity_update
BEFORE UPDATE OF status ON group_places
WHEN NEW.status = 'booked' AND OLD.status <> 'booked' AND
     (SELECT count(*) FROM group_places WHERE group_session_id = NEW.group_session_id AND status = 'booked')
     >= (SELECT capacity FROM group_sessions WHERE id = NEW.group_session_id)
BEGIN
  SELECT RAISE (ABORT, 'the group session is full');
END;
