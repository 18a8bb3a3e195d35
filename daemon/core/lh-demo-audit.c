/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-demo"

#include "lh-demo-audit.h"

/* Each statement reads what the demo made and records who did it then,
 * with the codes and roles the API records (daemon/api/lh-audit-routes.c):
 * 2 is a ULR, 4 the committee, 8 an admin. Advice work names neither the
 * learner nor the request. */
#define FIRST_WITH_ROLE(bit) "(SELECT id FROM people WHERE roles & " #bit " ORDER BY id LIMIT 1)"

static const char * const entries[] = {
  "INSERT INTO audit_log (at, actor_id, actor_roles, action, subject_id) "
  "SELECT decided_at, " FIRST_WITH_ROLE (8) ", 8, "
  "       CASE status WHEN 'rejected' THEN 'time-off-rejected' ELSE 'time-off-approved' END, id "
  "FROM time_off_requests WHERE decided_at IS NOT NULL AND status IN ('approved', 'taken', 'rejected')",

  "INSERT INTO audit_log (at, actor_id, actor_roles, action, subject_id) "
  "SELECT created_at, created_by, 2, 'assessment-slot-offered', id FROM assessment_slots "
  "WHERE created_by IS NOT NULL",

  "INSERT INTO audit_log (at, actor_id, actor_roles, action) "
  "SELECT coalesce(ended_at, called_at), ulr_id, 2, "
  "       CASE status WHEN 'no-show' THEN 'advice-no-show' ELSE 'advice-finished' END "
  "FROM advice_requests WHERE status IN ('done', 'no-show') AND ulr_id IS NOT NULL "
  "AND coalesce(ended_at, called_at) IS NOT NULL",

  "INSERT INTO audit_log (at, actor_id, actor_roles, action, subject_id) "
  "SELECT repaired_at, " FIRST_WITH_ROLE (8) ", 8, 'fault-repaired', id FROM faults "
  "WHERE repaired_at IS NOT NULL",

  "INSERT INTO audit_log (at, actor_id, actor_roles, action, subject_id) "
  "SELECT at, actor_id, 8, CASE what WHEN 'checked' THEN 'equipment-check-done' ELSE 'equipment-status-set' END, "
  "       equipment_id "
  "FROM equipment_events WHERE actor_id IS NOT NULL AND what IN ('status', 'checked')",

  "INSERT INTO audit_log (at, actor_id, actor_roles, action, subject_id) "
  /* The demo makes its meetings at once; the committee set each one up a
   * fortnight ahead. */
  "SELECT min(created_at, starts_at - 14 * 86400), " FIRST_WITH_ROLE (4) ", 4, 'meeting-added', id "
  "FROM committee_meetings",

  "INSERT INTO audit_log (at, actor_id, actor_roles, action, subject_id) "
  "SELECT created_at, " FIRST_WITH_ROLE (2) ", 2, 'group-session-added', id FROM group_sessions",
};

gboolean
lh_demo_add_audit (LhStore *store, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autoptr(LhStmt) stmt = lh_store_prepare (store, entries[i], error);

      if (stmt == NULL || !lh_store_exec (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}
