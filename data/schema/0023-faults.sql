-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 23: faults reported from a PC or the desk (issue 13).
-- A worker reports without signing in, so no report names a person.

-- One open fault per item and category: a second report joins it.
CREATE TABLE faults (
  id            INTEGER PRIMARY KEY,
  equipment_id  INTEGER NOT NULL REFERENCES equipment (id),
  category      TEXT NOT NULL CHECK (category IN ('programs', 'internet', 'keyboard-mouse', 'screen', 'sound',
                                                  'printer', 'other')),
  stops_use     INTEGER NOT NULL CHECK (stops_use IN (0, 1)),
  reported_at   INTEGER NOT NULL,
  reports       INTEGER NOT NULL DEFAULT 1 CHECK (reports >= 1),
  assigned_to   TEXT NOT NULL DEFAULT '' CHECK (length(assigned_to) <= 100),
  repaired_at   INTEGER,
  overdue_told_at INTEGER                                   -- the admins were told it is overdue
);
CREATE UNIQUE INDEX faults_open_by_item ON faults (equipment_id, category) WHERE repaired_at IS NULL;
CREATE INDEX faults_open_by_age ON faults (reported_at) WHERE repaired_at IS NULL;

-- Each report, by the kiosk it came from: a kiosk may send only a few a
-- minute.
CREATE TABLE fault_reports (
  id         INTEGER PRIMARY KEY,
  fault_id   INTEGER NOT NULL REFERENCES faults (id),
  device_id  INTEGER REFERENCES devices (id),            -- NULL: not from a kiosk
  at         INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500)
);
CREATE INDEX fault_reports_by_device ON fault_reports (device_id, at);
CREATE INDEX fault_reports_by_fault ON fault_reports (fault_id, at);

-- A learner's booking moved off (or cancelled on) a PC out of order,
-- told at their next sign-in.
CREATE TABLE fault_notices (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES people (id),
  booking_id   INTEGER NOT NULL REFERENCES bookings (id),
  from_pc_id   INTEGER NOT NULL REFERENCES resources (id),
  outcome      TEXT NOT NULL CHECK (outcome IN ('moved', 'cancelled')),
  created_at   INTEGER NOT NULL,
  seen_at      INTEGER
);
CREATE INDEX fault_notices_unseen ON fault_notices (person_id) WHERE seen_at IS NULL;
