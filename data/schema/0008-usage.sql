-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 8: who actually used which PC, and for how long.
--
-- Signing in on a PC's own kiosk checks its booking in, or starts walk-up
-- use, which holds the PC with a booking marked walk_up. A PC booking not
-- checked in within the hold time is released: cancelled, with released_at.

ALTER TABLE bookings ADD COLUMN checked_in_at INTEGER;
ALTER TABLE bookings ADD COLUMN walk_up INTEGER NOT NULL DEFAULT 0 CHECK (walk_up IN (0, 1));
ALTER TABLE bookings ADD COLUMN released_at INTEGER;

-- The no-shows still to release, soonest first.
CREATE INDEX bookings_awaiting_check_in ON bookings (start_at)
  WHERE status = 'booked' AND checked_in_at IS NULL;

-- Minutes of hold are part of the dated rules.
ALTER TABLE rule_versions ADD COLUMN hold_minutes INTEGER NOT NULL DEFAULT 15
  CHECK (hold_minutes BETWEEN 5 AND 120);

-- One row per sitting at a PC, from sign-in to its end. The planned end is
-- its booking's end_at (extending a session extends its booking).
CREATE TABLE usage_sessions (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES people (id),
  resource_id     INTEGER NOT NULL REFERENCES resources (id),
  booking_id      INTEGER NOT NULL REFERENCES bookings (id),
  device_id       INTEGER NOT NULL REFERENCES devices (id),
  session_id      INTEGER NOT NULL REFERENCES sessions (id),
  started_at      INTEGER NOT NULL,
  ended_at        INTEGER,                                  -- NULL: in use now
  end_reason      TEXT CHECK (end_reason IN ('sign-out', 'idle', 'booking-end', 'closing',
                                             'heartbeat-lost', 'moved', 'replaced', 'revoked')),
  CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- A PC has one person at it, and a person sits at one PC.
CREATE UNIQUE INDEX usage_one_per_pc ON usage_sessions (resource_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX usage_one_per_person ON usage_sessions (person_id) WHERE ended_at IS NULL;
CREATE INDEX usage_by_start ON usage_sessions (started_at, resource_id);
CREATE INDEX usage_by_session ON usage_sessions (session_id);
