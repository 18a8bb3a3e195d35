-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 18: a learner decides who reads their advice record
-- (issue 12). A ULR who took one of their requests reads it as one of
-- their ULRs; the learner can take that away, as they can a share. The
-- last time they did so, per ULR: requests made before it no longer let
-- that ULR in (a later one they take does, and the learner sees it).
CREATE TABLE advice_removals (
  learner_id   INTEGER NOT NULL REFERENCES people (id),
  ulr_id       INTEGER NOT NULL REFERENCES people (id),
  removed_at   INTEGER NOT NULL,
  PRIMARY KEY (learner_id, ulr_id)
);
