-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 20: who asked about what is sealed (issue 12). A request's
-- topic, the way to reach the learner and the outcomes become one
-- secretbox per request (advice_requests.sealed), sealed with the notes
-- key and padded to one size, so that a copy of the database alone tells
-- no one who asked about what, nor how many outcomes a request had.
--
-- Migrations run without the key: the plain values wait in
-- advice_unsealed until learnhubd or learnhubctl opens the database with
-- the key (lh_advice_store_open()), which seals them, drops the table and
-- scrubs the WAL, in one go. Every later migration runs before that, with
-- advice_unsealed still there: one that changes advice_requests must keep
-- request_id's rows, and must not assume sealed is set (0022's triggers
-- refuse only new NULLs). Since schema 22, only learnhubd seals them.

ALTER TABLE advice_requests ADD COLUMN sealed BLOB;

CREATE TABLE advice_unsealed (
  request_id   INTEGER PRIMARY KEY REFERENCES advice_requests (id),
  topic        TEXT NOT NULL,
  contact      TEXT,
  outcomes     TEXT                                       -- comma-separated
);
INSERT INTO advice_unsealed (request_id, topic, contact, outcomes)
  SELECT r.id, r.topic, r.contact,
         (SELECT group_concat (o.outcome, ',') FROM advice_outcomes o WHERE o.request_id = r.id)
    FROM advice_requests r;

ALTER TABLE advice_requests DROP COLUMN topic;
ALTER TABLE advice_requests DROP COLUMN contact;
DROP TABLE advice_outcomes;

-- The committee's counts read the requests asked in a period.
CREATE INDEX advice_requests_by_time ON advice_requests (created_at);
