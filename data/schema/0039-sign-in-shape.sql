-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 39 (issue 15): the keypad asks, before anyone signs in,
-- whether every staff number that can sign in has one length. Answered
-- from these two partial indexes in a few steps, where a GROUP BY read
-- every person, guests of past years included, at each welcome page.
CREATE INDEX people_sign_in_by_length ON people (length(staff_number))
  WHERE sponsor_id IS NULL AND pin_hash IS NOT NULL;
CREATE INDEX people_sign_in_not_digits ON people (sponsor_id)
  WHERE staff_number GLOB '*[^0-9]*' AND sponsor_id IS NULL AND pin_hash IS NOT NULL;
