-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 26 (issue 13).
-- The equipment's per-request reads as bounded index ranges: the
-- inventory listed by kind, the PCs whose last computer was retired, and
-- the open faults that stop use (read by every availability request).
-- Dropping the tables (tests' reverts) drops these with them.
CREATE INDEX equipment_by_kind ON equipment (kind, asset_tag);
CREATE INDEX equipment_retired_by_pc ON equipment (resource_id)
  WHERE resource_id IS NOT NULL AND status = 'retired';
CREATE INDEX faults_open_stopping_use ON faults (equipment_id)
  WHERE repaired_at IS NULL AND stops_use;
