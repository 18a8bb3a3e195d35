/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Group study sessions: the list, setting one up, taking and giving up a
 * place. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-error.h"
#include "lh-groups.h"
#include "lh-people.h"
#include "lh-time-off.h"
#include "lh-time.h"

/* Who changed is never said: every kiosk redraws the counts. */
static void
publish_changed (LhRequest *request, gint64 session_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, session_id);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_event_hub_publish (request->events, "group-session-changed", data, 0);
}

void
lh_route_list_groups (LhRequest *request)
{
  GTimeZone *tz = request->centre->tz;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 from, to;

  if (!lh_request_query_days (request, &from, &to, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  sessions = lh_groups_list (request->store, from, to,
                             request->signed_in ? request->session.person_id : 0, &error);
  if (sessions == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "group_sessions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sessions->len; i++)
    lh_json_add_group_session (builder, g_ptr_array_index (sessions, i), tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_create_group (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGroupSession) session = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *object;
  const char *title;
  const char *topic = "";
  gint64 resource_id, capacity, weeks = 1, start, end;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_int (object, "resource_id", &resource_id, &error) ||
      !lh_json_get_string (object, "title", &title, &error) ||
      (json_object_has_member (object, "topic") && !lh_json_get_string (object, "topic", &topic, &error)) ||
      !lh_json_get_int (object, "capacity", &capacity, &error) ||
      (json_object_has_member (object, "weeks") && !lh_json_get_int (object, "weeks", &weeks, &error)) ||
      !lh_json_get_times (object, &start, &end, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  session = lh_groups_create (request->store, request->centre, request->session.person_id, resource_id,
                              title, topic, start, end, (int) CLAMP (capacity, 0, G_MAXINT),
                              (int) CLAMP (weeks, 0, G_MAXINT), request->now, &error);
  if (session == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_json_add_group_session (builder, session, request->centre->tz);
  lh_request_reply_builder (request, 201, builder);
  publish_changed (request, session->id);
}

static void
publish_promoted (LhRequest *request, gint64 session_id, gint64 person_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "group_session_id");
  json_builder_add_int_value (builder, session_id);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  /* Only to the kiosks where that person is signed in; told again at the
   * next sign-in if away. */
  lh_request_notify_person (request, "waiting-list-promoted", data, person_id);
}

void
lh_route_join_group (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(LhTimeOffRequest) time_off = NULL;
  LhPlaceStatus place;
  gboolean paid;
  int position = 0;

  if (!lh_routes_read_paid_body (request, &paid, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  place = lh_groups_join_paid (request->store, request->centre, request->path_id, request->session.person_id,
                               paid, request->now, &position, &error);
  if (place == LH_PLACE_NONE)
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* NULL if it cannot be read: the place stands all the same. */
  time_off = lh_time_off_get_for_group (request->store, request->path_id, request->session.person_id, NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "group_session_id");
  json_builder_add_int_value (builder, request->path_id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, place == LH_PLACE_BOOKED ? "booked" : "waiting");
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, place == LH_PLACE_WAITING ? position : 0);
  json_builder_set_member_name (builder, "time_off");
  lh_json_add_time_off (builder, time_off, request->centre->tz);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, place == LH_PLACE_BOOKED ? 201 : 202, builder);
  publish_changed (request, request->path_id);
  if (time_off != NULL && g_str_equal (time_off->status, "pending"))
    lh_routes_publish_time_off_pending (request->store, request->events);
}

void
lh_route_leave_group (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  gint64 promoted = 0;
  /* Which place is theirs is core's to know: whether one stopped waiting
   * for a decision shows in the count. */
  guint pending = lh_routes_pending_time_off (request->store);

  if (!lh_groups_leave (request->store, request->path_id, request->session.person_id, request->now,
                        &promoted, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, 204);
  publish_changed (request, request->path_id);
  if (promoted != 0)
    publish_promoted (request, request->path_id, promoted);
  if (lh_routes_pending_time_off (request->store) != pending)
    lh_routes_publish_time_off_pending (request->store, request->events);
}
