-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1: people, kiosk devices, sign-in sessions, resources with
-- opening hours, and bookings. Times are Unix seconds (UTC).

CREATE TABLE people (
  id              INTEGER PRIMARY KEY,
  staff_number    TEXT NOT NULL UNIQUE CHECK (length(staff_number) BETWEEN 1 AND 32),
  name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  department      TEXT NOT NULL DEFAULT '',
  work_pattern    TEXT NOT NULL DEFAULT '',
  hours_per_week  REAL NOT NULL CHECK (hours_per_week >= 0 AND hours_per_week <= 100),
  roles           INTEGER NOT NULL CHECK (roles BETWEEN 0 AND 15),  -- LhRole bits
  pin_hash        TEXT,                                            -- Argon2id, or NULL: cannot sign in
  failed_pins     INTEGER NOT NULL DEFAULT 0,
  locked_until    INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);

CREATE TABLE devices (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  token_hash      BLOB NOT NULL UNIQUE,                            -- BLAKE2b of the token
  created_at      INTEGER NOT NULL,
  last_seen_at    INTEGER,
  revoked         INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);

CREATE TABLE sessions (
  id              INTEGER PRIMARY KEY,
  token_hash      BLOB NOT NULL UNIQUE,
  person_id       INTEGER NOT NULL REFERENCES people (id),
  device_id       INTEGER NOT NULL REFERENCES devices (id),
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  ended_at        INTEGER
);
CREATE INDEX sessions_by_person ON sessions (person_id);

CREATE TABLE resources (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  kind            TEXT NOT NULL CHECK (kind IN ('pc', 'room')),
  capacity        INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Local wall-clock minutes in the centre's time zone; a day may have several
-- periods, and a day without any is closed.
CREATE TABLE opening_hours (
  resource_id     INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
  weekday         INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens_minute    INTEGER NOT NULL CHECK (opens_minute BETWEEN 0 AND 1439),
  closes_minute   INTEGER NOT NULL CHECK (closes_minute BETWEEN 1 AND 1440),
  CHECK (opens_minute < closes_minute),
  PRIMARY KEY (resource_id, weekday, opens_minute)
);

CREATE TABLE bookings (
  id              INTEGER PRIMARY KEY,
  resource_id     INTEGER NOT NULL REFERENCES resources (id),
  person_id       INTEGER NOT NULL REFERENCES people (id),
  start_at        INTEGER NOT NULL,
  end_at          INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
  created_at      INTEGER NOT NULL,
  cancelled_at    INTEGER,
  CHECK (end_at > start_at)
);
CREATE INDEX bookings_by_resource_time ON bookings (resource_id, start_at, end_at) WHERE status = 'booked';
CREATE INDEX bookings_by_person ON bookings (person_id, end_at);

-- The database itself refuses an overlapping booking of a resource, whatever
-- code path writes it: the rules check first to give a plain answer, this
-- makes sure nothing can slip past them.
CREATE TRIGGER bookings_no_overlap_insert
BEFORE INSERT ON bookings
WHEN NEW.status = 'booked' AND EXISTS (
  SELECT 1 FROM bookings b
  WHERE b.resource_id = NEW.resource_id AND b.status = 'booked'
    AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at)
BEGIN
  SELECT RAISE (ABORT, 'booking overlaps another booking of this resource');
END;

CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF resource_id, start_at, end_at, status ON bookings
WHEN NEW.status = 'booked' AND EXISTS (
  SELECT 1 FROM bookings b
  WHERE b.id <> NEW.id AND b.resource_id = NEW.resource_id AND b.status = 'booked'
    AND b.start_at < NEW.end_at AND b.end_at > NEW.start_at)
BEGIN
  SELECT RAISE (ABORT, 'booking overlaps another booking of this resource');
END;
