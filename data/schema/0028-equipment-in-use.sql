-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 28 (issue 13): the inventory in use listed a page at a
-- time by kind, reading no retired item, however many the years leave.
-- Dropping the table (tests' reverts) drops this with it.
CREATE INDEX equipment_in_use_by_kind ON equipment (kind, asset_tag) WHERE status <> 'retired';
