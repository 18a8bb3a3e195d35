-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: the centre's booking rules as dated versions, so that a
-- change takes effect from a date and never rewrites the past, and the
-- dates the centre is closed.

CREATE TABLE rule_versions (
  id                     INTEGER PRIMARY KEY,
  valid_from             INTEGER NOT NULL UNIQUE,  -- in force from this time on
  created_at             INTEGER NOT NULL,
  created_by             TEXT NOT NULL,
  min_booking_minutes    INTEGER NOT NULL CHECK (min_booking_minutes BETWEEN 5 AND 1440),
  max_booking_minutes    INTEGER NOT NULL CHECK (max_booking_minutes BETWEEN min_booking_minutes AND 1440),
  horizon_days           INTEGER NOT NULL CHECK (horizon_days BETWEEN 1 AND 366),
  -- 0: no limit
  max_minutes_per_day    INTEGER NOT NULL DEFAULT 0 CHECK (max_minutes_per_day >= 0),
  max_minutes_per_week   INTEGER NOT NULL DEFAULT 0 CHECK (max_minutes_per_week >= 0),
  max_bookings_per_day   INTEGER NOT NULL DEFAULT 0 CHECK (max_bookings_per_day >= 0),
  max_bookings_per_week  INTEGER NOT NULL DEFAULT 0 CHECK (max_bookings_per_week >= 0)
);

-- Local dates (YYYY-MM-DD in the centre's time zone) the centre is shut.
CREATE TABLE closures (
  date    TEXT PRIMARY KEY CHECK (length(date) = 10),
  reason  TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200)
);
