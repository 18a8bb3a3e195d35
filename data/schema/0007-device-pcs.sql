-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 7: a kiosk device may be the kiosk of one PC, and says it
-- is alive with heartbeats, so that a PC whose kiosk went silent shows as
-- offline, never as in use.

ALTER TABLE devices ADD COLUMN resource_id INTEGER REFERENCES resources (id);
ALTER TABLE devices ADD COLUMN heartbeat_at INTEGER;
CREATE UNIQUE INDEX devices_one_per_pc ON devices (resource_id)
  WHERE resource_id IS NOT NULL AND revoked = 0;
