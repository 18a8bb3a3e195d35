-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 21: the centre's equipment (issue 13). The learning
-- agreement fixes the minimum kit of each kind and says the employer
-- maintains it; the committee checks the working items against it.

-- An item's kind never changes (a desk does not become a chair): what is
-- counted against the agreement at any moment follows from its status.
CREATE TABLE equipment (
  id           INTEGER PRIMARY KEY,
  asset_tag    TEXT NOT NULL UNIQUE CHECK (length(asset_tag) BETWEEN 1 AND 40),
  kind         TEXT NOT NULL CHECK (kind IN ('computer', 'monitor', 'desk', 'chair', 'lockable-cabinet',
                                             'headset', 'printer', 'accessibility', 'other')),
  description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 200),
  location     TEXT NOT NULL DEFAULT '' CHECK (length(location) <= 100),
  status       TEXT NOT NULL CHECK (status IN ('working', 'faulty', 'in-repair', 'retired')),
  resource_id  INTEGER REFERENCES resources (id),          -- a computer: the bookable PC it is
  created_at   INTEGER NOT NULL,
  CHECK (resource_id IS NULL OR kind = 'computer')
);
-- A bookable PC is one computer at a time (a retired one is replaced).
CREATE UNIQUE INDEX equipment_by_pc ON equipment (resource_id)
  WHERE resource_id IS NOT NULL AND status <> 'retired';

-- Each item's history: it was added, its status changed, its details were
-- edited (and, later, faults, repairs and checks). `status` is the item's
-- status from `at` on, so the items working at any moment of a period are
-- counted from these rows alone.
CREATE TABLE equipment_events (
  id            INTEGER PRIMARY KEY,
  equipment_id  INTEGER NOT NULL REFERENCES equipment (id),
  at            INTEGER NOT NULL,
  what          TEXT NOT NULL CHECK (what IN ('added', 'status', 'edited', 'fault', 'repaired', 'checked')),
  status        TEXT NOT NULL CHECK (status IN ('working', 'faulty', 'in-repair', 'retired')),
  note          TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  actor_id      INTEGER REFERENCES people (id),           -- NULL: learnhubd or learnhubctl
  actor_name    TEXT NOT NULL
);
CREATE INDEX equipment_events_by_item ON equipment_events (equipment_id, at);
CREATE INDEX equipment_events_by_time ON equipment_events (at);

-- The agreement's minimum kit (kind=count;… of the kinds it names) and
-- the longest a fault may stay open before it is overdue.
ALTER TABLE terms_versions ADD COLUMN equipment_minimums TEXT NOT NULL DEFAULT ''
  CHECK (length(equipment_minimums) <= 400);
ALTER TABLE terms_versions ADD COLUMN fault_days_at_most INTEGER NOT NULL DEFAULT 7
  CHECK (fault_days_at_most BETWEEN 1 AND 365);
