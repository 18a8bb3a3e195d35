-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5: guests. The agreement opens the centre to staff's
-- family and friends: a guest is a person with a sponsor, who registered
-- them and answers for them.

ALTER TABLE people ADD COLUMN sponsor_id INTEGER REFERENCES people (id);
CREATE INDEX people_by_sponsor ON people (sponsor_id) WHERE sponsor_id IS NOT NULL;
