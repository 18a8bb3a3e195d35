/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The equipment's per-request statements, shared with the tests that
 * check their query plans (so a test never checks a copy). */
#pragma once

/* One rule for "out of order": a PC is out of order while its computer
 * (not retired) is not working or has an open fault that stops its use,
 * and while it has no computer behind it since its last one was retired.
 * A PC that never had a computer in the inventory is bookable: a centre
 * may not have imported its inventory yet. */
#define LH_PC_BROKEN_COMPUTER_WHERE \
  "e.status <> 'working' OR EXISTS (SELECT 1 FROM faults f WHERE f.equipment_id = e.id " \
  "AND f.repaired_at IS NULL AND f.stops_use)"

/* A PC with no computer in the inventory has faults of its own (their
 * resource_id set): one that stops use takes it out all the same. */
#define LH_PC_OWN_FAULT_OR \
  "OR EXISTS (SELECT 1 FROM faults WHERE resource_id = ?1 AND repaired_at IS NULL AND stops_use)"

/* Whether PC ?1 is out of order. */
#define LH_PC_OUT_OF_ORDER_SQL \
  "SELECT EXISTS (SELECT 1 FROM equipment e WHERE e.resource_id = ?1 AND e.status <> 'retired' " \
  "AND (" LH_PC_BROKEN_COMPUTER_WHERE ")) " \
  "OR (NOT EXISTS (SELECT 1 FROM equipment e WHERE e.resource_id = ?1 AND e.status <> 'retired') " \
  "AND EXISTS (SELECT 1 FROM equipment r WHERE r.resource_id = ?1 AND r.status = 'retired')) " \
  LH_PC_OWN_FAULT_OR

/* Every PC out of order: the computers by PC (one row each), their open
 * faults, the retired computers and the PCs' own faults, each through
 * its index (0026). */
#define LH_PCS_OUT_OF_ORDER_SQL \
  "SELECT e.resource_id FROM equipment e WHERE e.resource_id IS NOT NULL AND e.status <> 'retired' " \
  "AND (" LH_PC_BROKEN_COMPUTER_WHERE ") " \
  "UNION SELECT r.resource_id FROM equipment r WHERE r.resource_id IS NOT NULL AND r.status = 'retired' " \
  "AND NOT EXISTS (SELECT 1 FROM equipment e WHERE e.resource_id = r.resource_id AND e.status <> 'retired') " \
  "UNION SELECT resource_id FROM faults WHERE resource_id IS NOT NULL AND repaired_at IS NULL AND stops_use"

/* Compliance: each item's status at ?1 (its latest event at or before),
 * and the changes within (?1, ?2). */
#define LH_COMPLIANCE_START_SQL \
  "SELECT i.id, i.kind, (SELECT e.status FROM equipment_events e " \
  "  WHERE e.equipment_id = i.id AND e.at <= ?1 " \
  "  ORDER BY e.at DESC, e.id DESC LIMIT 1) " \
  "FROM equipment i"
#define LH_COMPLIANCE_CHANGES_SQL \
  "SELECT e.at, e.equipment_id, i.kind, e.status FROM equipment_events e " \
  "JOIN equipment i ON i.id = e.equipment_id " \
  "WHERE e.at > ?1 AND e.at < ?2 ORDER BY e.at, e.id"

/* A PC's times out of order over a period (lh-pc-outages.c), the same
 * rule read back through history. Its computers are those ever linked to
 * it before ?2 (rows that add or re-link an item record its PC, 0030):
 * an index range of the PC's link rows. */
#define LH_PC_OUTAGE_COMPUTERS_SQL \
  "SELECT DISTINCT equipment_id FROM equipment_events WHERE resource_id = ?1 AND at < ?2 " \
  "AND what IN ('added', 'edited')"
/* A computer's status and PC at ?2 (its latest event at or before), and
 * its changes within (?2, ?3): an index range of its own history. */
#define LH_PC_OUTAGE_STATUS_AT_SQL \
  "SELECT status, resource_id FROM equipment_events WHERE equipment_id = ?1 AND at <= ?2 " \
  "ORDER BY at DESC, id DESC LIMIT 1"
#define LH_PC_OUTAGE_CHANGES_SQL \
  "SELECT at, status, resource_id FROM equipment_events WHERE equipment_id = ?1 AND at > ?2 AND at < ?3 " \
  "ORDER BY at, id"
/* The PC's own faults that stop its use (a PC with no computer in the
 * inventory) and reach into [?2, ?3): the open ones through
 * faults_open_by_pc, the repaired ones through faults_repaired_by_pc
 * (0029), each an index range by PC. */
#define LH_PC_OUTAGE_OWN_FAULTS_SQL \
  "SELECT reported_at, NULL FROM faults WHERE resource_id = ?1 AND repaired_at IS NULL AND stops_use " \
  "AND reported_at < ?3 " \
  "UNION ALL SELECT reported_at, repaired_at FROM faults WHERE resource_id = ?1 AND repaired_at > ?2 " \
  "AND stops_use AND reported_at < ?3"
