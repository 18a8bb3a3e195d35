-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 19: calendar keys are kept only as hashes (issue 12), as
-- session tokens are, so that a copy of the database opens no one's
-- calendar. SQLite cannot compute the daemon's hash, and the plain keys
-- may linger in free pages and backups, so every old key stops working:
-- a booking's link is shown when it is made, and a person asks for a new
-- feed link (POST /api/v1/me/calendar-feed) whenever they need one.

DROP TRIGGER people_calendar_key;
DROP INDEX bookings_by_calendar_key;
DROP INDEX people_by_calendar_key;
ALTER TABLE bookings DROP COLUMN calendar_key;
ALTER TABLE people DROP COLUMN calendar_key;
ALTER TABLE bookings ADD COLUMN calendar_key_hash BLOB;
ALTER TABLE people ADD COLUMN calendar_key_hash BLOB;
