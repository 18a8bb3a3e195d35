-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: each booking gets an unguessable key, so that its
-- calendar file can be opened from a phone (which cannot sign in) by a link
-- only its owner was shown.

ALTER TABLE bookings ADD COLUMN calendar_key TEXT;
UPDATE bookings SET calendar_key = lower(hex(randomblob(24)));
CREATE UNIQUE INDEX bookings_by_calendar_key ON bookings (calendar_key);
