-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 12: the learning agreement's terms as dated versions. A
-- period is always judged by the version in force in it; a review of the
-- agreement adds a version from a date and never rewrites the past.
-- Durations are whole minutes.

CREATE TABLE terms_versions (
  id                          INTEGER PRIMARY KEY,
  valid_from                  INTEGER NOT NULL UNIQUE,  -- local midnight of the day it comes in
  created_at                  INTEGER NOT NULL,
  created_by                  TEXT NOT NULL,
  name                        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  year_start_month            INTEGER NOT NULL CHECK (year_start_month BETWEEN 1 AND 12),
  -- paid time off for learning, per learner per agreement year, full time
  paid_learning_minutes       INTEGER NOT NULL CHECK (paid_learning_minutes BETWEEN 0 AND 527040),
  paid_activities             TEXT NOT NULL,              -- ';'-separated activity names
  full_time_minutes_per_week  INTEGER NOT NULL CHECK (full_time_minutes_per_week BETWEEN 60 AND 4800),
  pro_rata                    INTEGER NOT NULL CHECK (pro_rata IN (0, 1)),
  matched_time                INTEGER NOT NULL CHECK (matched_time IN (0, 1)),
  matched_cap_minutes         INTEGER NOT NULL CHECK (matched_cap_minutes BETWEEN 0 AND 527040),
  esol_taught_minutes         INTEGER NOT NULL CHECK (esol_taught_minutes BETWEEN 0 AND 527040),
  assessment_minutes          INTEGER NOT NULL CHECK (assessment_minutes BETWEEN 0 AND 527040),
  apprentice_study_days       INTEGER NOT NULL CHECK (apprentice_study_days BETWEEN 0 AND 366),
  ulr_facility_minutes_per_week INTEGER NOT NULL CHECK (ulr_facility_minutes_per_week BETWEEN 0 AND 2400),
  auto_approve                INTEGER NOT NULL CHECK (auto_approve IN (0, 1)),
  suppression_threshold       INTEGER NOT NULL CHECK (suppression_threshold BETWEEN 1 AND 100)
);
