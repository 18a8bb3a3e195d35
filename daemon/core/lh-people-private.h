/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's queries that tests check the plan of. */
#pragma once

/* The shortest and longest staff number that can sign in (guests aside),
 * and whether any has a non-digit: three reads of a partial index each
 * (0039-sign-in-shape.sql), however many people and guests there are. */
#define LH_PEOPLE_SIGN_IN_SHAPE_SQL \
  "SELECT (SELECT min(length(staff_number)) FROM people " \
  "         WHERE sponsor_id IS NULL AND pin_hash IS NOT NULL), " \
  "       (SELECT max(length(staff_number)) FROM people " \
  "         WHERE sponsor_id IS NULL AND pin_hash IS NOT NULL), " \
  "       EXISTS (SELECT 1 FROM people WHERE staff_number GLOB '*[^0-9]*' " \
  "                 AND sponsor_id IS NULL AND pin_hash IS NOT NULL)"
