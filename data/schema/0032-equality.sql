-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 32 (issue 14).
--
-- A learner's equality self-declaration, stored apart from identity: the
-- holder is a keyed hash (BLAKE2b, keyed with the notes key, which is
-- never in the database) of the person's id, so a copy of this file alone
-- cannot tie an answer to anyone. No foreign key, no name, no time.
-- A factor left unanswered has no row (not the same as prefer-not-to-say).
CREATE TABLE equality_answers (
  holder  BLOB NOT NULL CHECK (length(holder) = 32),
  factor  TEXT NOT NULL CHECK (length(factor) BETWEEN 1 AND 40),
  grp     TEXT NOT NULL CHECK (length(grp) BETWEEN 1 AND 40),
  PRIMARY KEY (holder, factor)
) WITHOUT ROWID;

-- The workforce's make-up from the last roster import with equality
-- columns: counts only, never a person's value.
CREATE TABLE workforce_profile (
  factor  TEXT NOT NULL CHECK (length(factor) BETWEEN 1 AND 40),
  grp     TEXT NOT NULL CHECK (length(grp) BETWEEN 1 AND 40),
  people  INTEGER NOT NULL CHECK (people >= 0),
  PRIMARY KEY (factor, grp)
) WITHOUT ROWID;
