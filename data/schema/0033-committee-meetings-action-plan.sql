-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 33 (issue 14).
--
-- The joint learning committee's meetings and its action plan. Nothing
-- here is about a learner: who attended is committee members (by person)
-- or the provider's staff (by name), and notes are kept short.
CREATE TABLE committee_meetings (
  id           INTEGER PRIMARY KEY,
  starts_at    INTEGER NOT NULL,
  place        TEXT NOT NULL,
  notes        TEXT NOT NULL DEFAULT '',
  -- The period of the site report tabled at it (YYYY-MM-DD, last day
  -- included), or neither.
  report_first_day TEXT,
  report_last_day  TEXT,
  created_at   INTEGER NOT NULL,
  CHECK ((report_first_day IS NULL) = (report_last_day IS NULL))
);
CREATE INDEX committee_meetings_by_start ON committee_meetings (starts_at, id);

CREATE TABLE committee_attendees (
  meeting_id INTEGER NOT NULL REFERENCES committee_meetings (id),
  person_id  INTEGER REFERENCES people (id),
  name       TEXT,
  CHECK ((person_id IS NULL) <> (name IS NULL))
);
-- A meeting's attendees are read by this; the partial ones keep each
-- person and each name once.
CREATE INDEX committee_attendees_by_meeting ON committee_attendees (meeting_id);
CREATE UNIQUE INDEX committee_attendees_by_person ON committee_attendees (meeting_id, person_id)
  WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX committee_attendees_by_name ON committee_attendees (meeting_id, name)
  WHERE name IS NOT NULL;

CREATE TABLE action_objectives (
  id          INTEGER PRIMARY KEY,
  number      INTEGER NOT NULL UNIQUE,
  activity    TEXT NOT NULL,
  by_whom     TEXT NOT NULL,
  due_day     TEXT NOT NULL,            -- YYYY-MM-DD
  outcomes    TEXT NOT NULL DEFAULT '',
  next_steps  TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
  created_at  INTEGER NOT NULL
);

-- Every change of an objective, a field at a time (its creation is one
-- row with field 'created'): the plan as it stood on any day is the
-- present one with the later changes undone.
CREATE TABLE action_objective_changes (
  id           INTEGER PRIMARY KEY,
  objective_id INTEGER NOT NULL REFERENCES action_objectives (id),
  changed_at   INTEGER NOT NULL,
  changed_by   INTEGER REFERENCES people (id),   -- NULL: learnhubctl
  field        TEXT NOT NULL,
  old_value    TEXT,
  new_value    TEXT
);
CREATE INDEX action_objective_changes_by_objective
  ON action_objective_changes (objective_id, changed_at, id);
