-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 24: faults of a PC with no computer in the inventory, and
-- a kiosk's report attempts (issue 13).

-- A fault is of an inventory item, or, when the PC has no computer in the
-- inventory (none imported yet, retired, unlinked), of the PC itself: a
-- worker at it can still say it is broken. SQLite relaxes NOT NULL only by
-- rebuilding the table; the deferred check lets the reports' references
-- wait for the rebuilt rows.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE faults_before_24 AS SELECT * FROM faults;
DROP TABLE faults;
CREATE TABLE faults (
  id            INTEGER PRIMARY KEY,
  equipment_id  INTEGER REFERENCES equipment (id),         -- NULL: a PC with no computer in the inventory
  resource_id   INTEGER REFERENCES resources (id),         -- that PC; NULL for an inventory item
  category      TEXT NOT NULL CHECK (category IN ('programs', 'internet', 'keyboard-mouse', 'screen', 'sound',
                                                  'printer', 'other')),
  stops_use     INTEGER NOT NULL CHECK (stops_use IN (0, 1)),
  reported_at   INTEGER NOT NULL,
  reports       INTEGER NOT NULL DEFAULT 1 CHECK (reports >= 1),
  assigned_to   TEXT NOT NULL DEFAULT '' CHECK (length(assigned_to) <= 100),
  repaired_at   INTEGER,
  overdue_told_at INTEGER,                                  -- the admins were told it is overdue
  CHECK ((equipment_id IS NULL) <> (resource_id IS NULL))
);
INSERT INTO faults (id, equipment_id, category, stops_use, reported_at, reports, assigned_to, repaired_at,
                    overdue_told_at)
  SELECT id, equipment_id, category, stops_use, reported_at, reports, assigned_to, repaired_at, overdue_told_at
  FROM temp.faults_before_24;
DROP TABLE temp.faults_before_24;
CREATE UNIQUE INDEX faults_open_by_item ON faults (equipment_id, category) WHERE repaired_at IS NULL;
CREATE INDEX faults_open_by_age ON faults (reported_at) WHERE repaired_at IS NULL;
CREATE UNIQUE INDEX faults_open_by_pc ON faults (resource_id, category)
  WHERE repaired_at IS NULL AND resource_id IS NOT NULL;

-- `reports` counts reporters, not taps: whether a kiosk reported the
-- fault already is one look-up. The admin reads the latest notes.
CREATE INDEX fault_reports_by_reporter ON fault_reports (fault_id, device_id);
CREATE INDEX fault_reports_noted ON fault_reports (fault_id, at) WHERE note <> '';

-- Every report a kiosk sends, refused ones too, for its rate limit: a
-- kiosk cannot probe asset tags without limit. Only the last minute's are
-- kept.
CREATE TABLE fault_attempts (
  id         INTEGER PRIMARY KEY,
  device_id  INTEGER NOT NULL REFERENCES devices (id),
  at         INTEGER NOT NULL
);
CREATE INDEX fault_attempts_by_device ON fault_attempts (device_id, at);
