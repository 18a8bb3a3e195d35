-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 31 (issue 13).
--
-- A PC's fault closed because the computer linked to the PC took it over
-- stays the PC's history up to the link (usage per PC reads it), but it
-- was never repaired: it names the fault that carries it on.
ALTER TABLE faults ADD COLUMN joined_into INTEGER REFERENCES faults (id);

-- Asset tags are one label whatever the case (lh-equipment.c): a new
-- tag that differs from an item's only in case is looked up through this.
-- Not unique: a centre's tags may already differ only in case.
-- Dropping the tables (tests' reverts) drops both of these with them.
CREATE INDEX equipment_by_tag_nocase ON equipment (asset_tag COLLATE NOCASE);
