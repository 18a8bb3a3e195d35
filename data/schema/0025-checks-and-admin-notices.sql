-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 25: scheduled maintenance checks (a yearly electrical
-- safety test, a six-monthly clean) and the notices kept for the admins
-- (issue 13), so that none is lost when no admin is connected.

-- A check of one item, of every item of a kind, or (neither) of the
-- centre itself. It is due every every_days days or every_months months
-- from the day it was last done.
CREATE TABLE equipment_checks (
  id            INTEGER PRIMARY KEY,
  what          TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 100),
  equipment_id  INTEGER REFERENCES equipment (id),
  kind          TEXT CHECK (kind IN ('computer', 'monitor', 'desk', 'chair', 'lockable-cabinet',
                                     'headset', 'printer', 'accessibility', 'other')),
  every_days    INTEGER NOT NULL DEFAULT 0 CHECK (every_days BETWEEN 0 AND 3660),
  every_months  INTEGER NOT NULL DEFAULT 0 CHECK (every_months BETWEEN 0 AND 120),
  next_due      INTEGER NOT NULL,                           -- the local midnight of the day it is due
  created_at    INTEGER NOT NULL,
  CHECK (equipment_id IS NULL OR kind IS NULL),
  CHECK ((every_days > 0) <> (every_months > 0))
);
CREATE INDEX equipment_checks_by_due ON equipment_checks (next_due);

-- Each time a check was done: by whom, with what result.
CREATE TABLE equipment_checks_done (
  id          INTEGER PRIMARY KEY,
  check_id    INTEGER NOT NULL REFERENCES equipment_checks (id),
  done_at     INTEGER NOT NULL,
  result      TEXT NOT NULL CHECK (result IN ('passed', 'failed')),
  note        TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  actor_id    INTEGER REFERENCES people (id),               -- NULL: learnhubctl
  actor_name  TEXT NOT NULL
);
CREATE INDEX equipment_checks_done_by_check ON equipment_checks_done (check_id, done_at);

-- What the admins are told: a new fault, a fault overdue, a check due
-- soon or overdue. Each is raised once (per due date, for a check) and
-- stays until an admin dismisses it or it clears itself (the fault
-- repaired, the check done). It names items, never a learner.
CREATE TABLE admin_notices (
  id          INTEGER PRIMARY KEY,
  what        TEXT NOT NULL CHECK (what IN ('fault-reported', 'fault-overdue', 'check-due', 'check-overdue')),
  fault_id    INTEGER REFERENCES faults (id),
  check_id    INTEGER REFERENCES equipment_checks (id),
  due_at      INTEGER,                                      -- a check's due date it is about
  created_at  INTEGER NOT NULL,
  cleared_at  INTEGER,
  CHECK ((fault_id IS NULL) <> (check_id IS NULL)),
  CHECK ((check_id IS NULL) = (due_at IS NULL))
);
CREATE UNIQUE INDEX admin_notices_once_per_fault ON admin_notices (fault_id, what) WHERE fault_id IS NOT NULL;
CREATE UNIQUE INDEX admin_notices_once_per_due ON admin_notices (check_id, due_at, what) WHERE check_id IS NOT NULL;
CREATE INDEX admin_notices_open ON admin_notices (created_at) WHERE cleared_at IS NULL;

-- The kiosks where an admin is signed in now hear the admins' news on
-- their own stream: each kiosk's live sessions, by expiry.
CREATE INDEX sessions_live_by_device ON sessions (device_id, expires_at) WHERE ended_at IS NULL;
