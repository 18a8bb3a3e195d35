-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 30 (issue 13).
--
-- A PC's fault closed because the computer linked to the PC took it over
-- stays the PC's history up to the link (usage per PC reads it), but it
-- was never repaired: it names the fault that carries it on.
ALTER TABLE faults ADD COLUMN joined_into INTEGER REFERENCES faults (id);
-- Dropping the table (tests' reverts) drops it with it.
