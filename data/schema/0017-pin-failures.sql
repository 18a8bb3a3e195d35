-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 17: wrong PINs counted beside people, so that guessing is
-- slowed per kiosk and for the whole centre, and a staff number nobody has
-- is locked out exactly as a real one is (people.failed_pins and
-- people.locked_until still count for real people, whose PIN reset clears
-- them). Kept on disk so that a restart does not forget a guesser.
CREATE TABLE pin_failures (
  -- 'device' (subject_key: the device id), 'centre' (subject_key: 0) or
  -- 'staff-number' (subject_key: BLAKE2b of a staff number nobody has, so
  -- that what was typed is not kept).
  subject          TEXT NOT NULL CHECK (subject = 'device' OR subject = 'centre' OR subject = 'staff-number'),
  subject_key      BLOB NOT NULL,
  failures         INTEGER NOT NULL CHECK (failures >= 0),
  last_failure_at  INTEGER NOT NULL,
  blocked_until    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (subject, subject_key)
) WITHOUT ROWID;

-- An unknown staff number's row with no failures left and its lock over
-- says no more than no row at all: these are pruned.
CREATE INDEX pin_failures_spent ON pin_failures (blocked_until)
  WHERE subject = 'staff-number' AND failures = 0;
