-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 30 (issue 13): each equipment event records the PC the
-- item was from `at` on, so that usage per PC follows the computer that
-- was there then, not the one linked now (re-linking is a kiosk button).
-- History written before this migration has no such record: it is filled
-- from the current link, so old history follows the current link.
-- Dropping the table (tests' reverts) drops the column and index with it.
ALTER TABLE equipment_events ADD COLUMN resource_id INTEGER REFERENCES resources (id);
UPDATE equipment_events SET resource_id =
  (SELECT e.resource_id FROM equipment e WHERE e.id = equipment_events.equipment_id);
-- The computers that were ever a PC, by the rows that (re)link them.
CREATE INDEX equipment_events_links_by_pc ON equipment_events (resource_id, at)
  WHERE resource_id IS NOT NULL AND what IN ('added', 'edited');
