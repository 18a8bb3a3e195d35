-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 6: each person's private calendar feed of their bookings,
-- opened (by a phone's calendar, which cannot sign in) with a key only they
-- are shown.

ALTER TABLE people ADD COLUMN calendar_key TEXT;
UPDATE people SET calendar_key = lower(hex(randomblob(24)));
CREATE UNIQUE INDEX people_by_calendar_key ON people (calendar_key);
CREATE TRIGGER people_calendar_key AFTER INSERT ON people
WHEN NEW.calendar_key IS NULL
BEGIN
  UPDATE people SET calendar_key = lower(hex(randomblob(24))) WHERE id = NEW.id;
END;
