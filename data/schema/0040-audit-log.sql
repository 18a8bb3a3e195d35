-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 40 (issue 16): who changed what, and when. Every change
-- an admin, ULR or committee member makes through the API, and every
-- change made with learnhubctl, readable by admins. An action is a code
-- (what kind of change), never text anyone typed; the thing changed is
-- kept only where naming it tells nothing confidential, so advice work is
-- recorded without its learner or request.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  at           INTEGER NOT NULL,
  actor_id     INTEGER,            -- the person signed in; NULL for learnhubctl
  actor_roles  INTEGER NOT NULL,   -- the roles the change needed (LhRole bits)
  program_user TEXT,               -- learnhubctl: the system user who ran it
  action       TEXT NOT NULL,
  subject_id   INTEGER
);
-- The log is read by period, a page at a time: (at, id) is its order.
CREATE INDEX audit_log_by_time ON audit_log (at);
