-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 38 (issue 15): how a person likes the kiosk, kept for
-- the person (not the session) so that it comes back at their next
-- sign-in on any kiosk, and the next person starts from the centre's
-- defaults. No row: the centre's defaults. language NULL: the kiosk's
-- own language. The languages are those the kiosk has catalogues for.
CREATE TABLE person_settings (
  person_id      INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
  language       TEXT CHECK (language IN ('en', 'pl', 'ro', 'ar')),
  large_text     INTEGER NOT NULL DEFAULT 0 CHECK (large_text IN (0, 1)),
  high_contrast  INTEGER NOT NULL DEFAULT 0 CHECK (high_contrast IN (0, 1)),
  updated_at     INTEGER NOT NULL
) WITHOUT ROWID;
