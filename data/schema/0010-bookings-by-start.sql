-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 10: a day's bookings of every resource in one index range,
-- for the availability of a whole day.
CREATE INDEX bookings_by_start ON bookings (start_at, resource_id, end_at) WHERE status = 'booked';
