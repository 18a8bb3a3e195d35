/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /api/v1/audit: the audit log, the admins' alone. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-api-json.h"
#include "lh-audit.h"
#include "lh-routes.h"

/* By default the last 30 days; a quarter at most at once. */
#define AUDIT_DEFAULT_DAYS 30
#define AUDIT_PAGE_DEFAULT 100

static gint64
entry_id_of (gconstpointer row)
{
  return ((const LhAuditEntry *) row)->id;
}

static void
add_entry (JsonBuilder *builder, const LhAuditEntry *entry, GTimeZone *tz)
{
  g_auto(GStrv) roles = lh_roles_to_strv (entry->actor_roles);

  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", entry->id);
  lh_json_add_time (builder, "at", entry->at, tz);
  lh_json_add_string (builder, "action", entry->action);
  lh_json_add_id_or_null (builder, "subject_id", entry->subject_id);
  /* Who: a person signed in at a kiosk, or learnhubctl at the server. */
  json_builder_set_member_name (builder, "by");
  json_builder_begin_object (builder);
  lh_json_add_string (builder, "via", entry->actor_id != 0 ? "kiosk" : "learnhubctl");
  lh_json_add_id_or_null (builder, "person_id", entry->actor_id);
  lh_json_add_string_or_null (builder, "name", entry->actor_name);
  lh_json_add_string_or_null (builder, "system_user", entry->program_user);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; roles[i] != NULL; i++)
    json_builder_add_string_value (builder, roles[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

void
lh_route_audit (LhRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 from, to, after;
  guint limit;

  if (lh_request_query_period (request, 1 - AUDIT_DEFAULT_DAYS, AUDIT_DEFAULT_DAYS, LH_QUERY_MAX_DAYS,
                               &from, &to, &error) &&
      lh_request_query_page (request, AUDIT_PAGE_DEFAULT, LH_AUDIT_PAGE_MAX, &after, &limit, &error))
    {
      entries = lh_audit_list (request->store, from, to, after, limit, &error);
      if (entries == NULL)
        lh_routes_page_cursor_error (&error);
    }
  if (entries == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  lh_routes_end_page (builder, entries, limit, entry_id_of);
  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    add_entry (builder, g_ptr_array_index (entries, i), request->centre->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
