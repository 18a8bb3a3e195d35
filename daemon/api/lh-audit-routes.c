/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-audit-routes.h"

#include "lh-audit.h"

/* names_subject FALSE: the path's id or the new id would point at a
 * learner's advice (their request, record, or the learner), so the entry
 * says only what kind of work a ULR did, and when. */
static const struct
{
  const char *method;
  const char *path;
  const char *action;
  gboolean    names_subject;
} actions[] = {
  { "POST", "/api/v1/group-sessions", "group-session-added", TRUE },
  { "POST", "/api/v1/assessment-slots", "assessment-slot-offered", TRUE },
  { "POST", "/api/v1/time-off/requests/{id}/approve", "time-off-approved", TRUE },
  { "POST", "/api/v1/time-off/requests/{id}/reject", "time-off-rejected", TRUE },
  { "POST", "/api/v1/dropins", "dropin-opened", TRUE },
  { "POST", "/api/v1/dropins/here", "dropin-opened-here", TRUE },
  { "POST", "/api/v1/dropins/{id}/close", "dropin-closed", TRUE },
  { "POST", "/api/v1/dropins/{id}/alert", "dropin-alert-sent", TRUE },
  { "POST", "/api/v1/advice-slots", "advice-slot-offered", TRUE },
  { "POST", "/api/v1/advice-requests/{id}/start", "advice-started", FALSE },
  { "POST", "/api/v1/advice-requests/{id}/no-show", "advice-no-show", FALSE },
  { "POST", "/api/v1/advice-requests/{id}/finish", "advice-finished", FALSE },
  { "POST", "/api/v1/queue/next", "queue-next-called", FALSE },
  { "POST", "/api/v1/learners/{id}/notes", "advice-note-added", FALSE },
  { "POST", "/api/v1/learners/{id}/plan-items", "plan-item-added", FALSE },
  { "POST", "/api/v1/learners/{id}/mots", "learning-mot-recorded", FALSE },
  { "POST", "/api/v1/learners/{id}/record/deletion", "record-deletion-confirmed", FALSE },
  { "POST", "/api/v1/me/facility-time", "facility-time-recorded", TRUE },
  { "POST", "/api/v1/equipment", "equipment-added", TRUE },
  { "POST", "/api/v1/equipment/checks/{id}/done", "equipment-check-done", TRUE },
  { "PATCH", "/api/v1/equipment/{id}", "equipment-edited", TRUE },
  { "POST", "/api/v1/equipment/{id}/status", "equipment-status-set", TRUE },
  { "POST", "/api/v1/admin-notices/{id}/dismiss", "admin-notice-dismissed", TRUE },
  { "POST", "/api/v1/faults/{id}/assign", "fault-assigned", TRUE },
  { "POST", "/api/v1/faults/{id}/repaired", "fault-repaired", TRUE },
  { "POST", "/api/v1/committee/meetings", "meeting-added", TRUE },
  { "PATCH", "/api/v1/committee/meetings/{id}", "meeting-edited", TRUE },
  { "POST", "/api/v1/committee/action-plan", "objective-added", TRUE },
  { "PATCH", "/api/v1/committee/action-plan/{id}", "objective-edited", TRUE },
};

gboolean
lh_audit_route_is_audited (const LhRoute *route)
{
  return !g_str_equal (route->method, "GET") &&
         (route->roles & LH_AUDIT_ROLES) != 0 && (route->roles & LH_ROLE_LEARNER) == 0;
}

const char *
lh_audit_route_action (const LhRoute *route, gboolean *names_subject)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_str_equal (actions[i].method, route->method) && g_str_equal (actions[i].path, route->path))
      {
        *names_subject = actions[i].names_subject;
        return actions[i].action;
      }
  return NULL;
}

/* The thing changed: the path's id, or what a 201 made. */
static gint64
subject_of (LhRequest *request)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (request->path_id > 0)
    return request->path_id;
  if (soup_server_message_get_status (request->msg) != SOUP_STATUS_CREATED)
    return 0;
  body = soup_message_body_flatten (soup_server_message_get_response_body (request->msg));
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) || !json_object_has_member (json_node_get_object (root), "id"))
    return 0;
  return json_object_get_int_member (json_node_get_object (root), "id");
}

gboolean
lh_audit_request (LhRequest *request, const LhRoute *route, GError **error)
{
  guint status = soup_server_message_get_status (request->msg);
  gboolean names_subject = FALSE;
  const char *action = request->audit_action;
  guint roles = request->session.roles & LH_AUDIT_ROLES;

  if (status < 200 || status > 299 || !lh_store_in_transaction (request->store))
    return TRUE;
  if (action == NULL)
    {
      if (!lh_audit_route_is_audited (route))
        return TRUE;
      action = lh_audit_route_action (route, &names_subject);
      roles = route->roles & request->session.roles;
      /* A route added without its action is still recorded. */
      if (action == NULL)
        action = "change";
    }
  return lh_audit_record (request->store, request->now, request->session.person_id, roles, NULL, action,
                          names_subject ? subject_of (request) : 0, error);
}
