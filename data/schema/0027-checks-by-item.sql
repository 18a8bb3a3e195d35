-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 27 (issue 13): an item's checks by the item, so that
-- retiring it ends them reading an index range, not every check.
-- Dropping the table (tests' reverts) drops this with it.
CREATE INDEX equipment_checks_by_item ON equipment_checks (equipment_id) WHERE equipment_id IS NOT NULL;
