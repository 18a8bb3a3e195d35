-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 35: the bookings released because nobody came, by start,
-- so that the committee's report counts a period's no-shows in one index
-- range rather than a scan of every booking.
CREATE INDEX bookings_released_by_start ON bookings (start_at, person_id) WHERE released_at IS NOT NULL;
