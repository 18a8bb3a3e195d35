/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The committee's meetings: read by the committee and the admins (who
 * book the room and prepare the report tabled; nothing here is about a
 * learner), added and recorded by the committee. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-error.h"
#include "lh-meetings.h"
#include "lh-people.h"
#include "lh-time.h"

/* The default list: a year back to a year ahead; at most three years
 * (eighteen meetings, well inside LH_MEETINGS_MAX). */
#define LIST_FROM_DAYS (-366)
#define LIST_DAYS      732
#define LIST_MAX_DAYS  1098

static const char * const add_members[] = { "starts_at", "place", "notes", NULL };
static const char * const edit_members[] = {
  "starts_at", "place", "notes", "attendee_ids", "attendee_names", "report", NULL
};

static void
add_meeting (JsonBuilder *builder, const LhMeeting *meeting, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  lh_json_add_int (builder, "id", meeting->id);
  lh_json_add_time (builder, "starts_at", meeting->starts_at, tz);
  lh_json_add_string (builder, "place", meeting->place);
  lh_json_add_string (builder, "notes", meeting->notes);
  json_builder_set_member_name (builder, "report");
  if (meeting->report_first_day != NULL)
    {
      json_builder_begin_object (builder);
      lh_json_add_string (builder, "first_day", meeting->report_first_day);
      lh_json_add_string (builder, "last_day", meeting->report_last_day);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (guint i = 0; i < meeting->attendees->len; i++)
    {
      const LhMeetingAttendee *attendee = g_ptr_array_index (meeting->attendees, i);

      json_builder_begin_object (builder);
      lh_json_add_id_or_null (builder, "person_id", attendee->person_id);
      lh_json_add_string (builder, "name", attendee->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
reply_meeting (LhRequest *request, guint status, const LhMeeting *meeting)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_meeting (builder, meeting, request->centre->tz);
  lh_request_reply_builder (request, status, builder);
}

/* Takes error; its reason, unless it has one already. */
static void
reply_refusal (LhRequest *request, GError *taken_error, const char *reason)
{
  g_autoptr(GError) error = taken_error;

  lh_error_set_reason (&error, reason);
  lh_request_reply_error (request, error);
}

/* Every member is one of members: any other is the caller's mistake. */
gboolean
lh_routes_check_members (JsonObject *object, const char * const *members, GError **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (members, l->data))
      {
        g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“%s” is not a member of this body",
                     (const char *) l->data);
        return FALSE;
      }
  return TRUE;
}

/* An optional string member: absent or null leaves *out_value NULL. */
gboolean
lh_routes_optional_string (JsonObject *object, const char *member, const char **out_value, GError **error)
{
  *out_value = NULL;
  return !lh_json_has (object, member) || lh_json_get_string (object, member, out_value, error);
}

/* An optional time member: absent or null leaves *out_at 0. */
static gboolean
optional_time (JsonObject *object, const char *member, gint64 *out_at, GError **error)
{
  const char *text = NULL;

  *out_at = 0;
  if (!lh_routes_optional_string (object, member, &text, error))
    return FALSE;
  if (text != NULL && !lh_time_parse_iso (text, out_at, error))
    {
      lh_error_set_reason (error, "date-invalid");
      return FALSE;
    }
  return TRUE;
}

void
lh_route_list_meetings (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(LhMeeting) next = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 from, to;

  if (!lh_request_query_period (request, LIST_FROM_DAYS, LIST_DAYS, LIST_MAX_DAYS, &from, &to, &error) ||
      (meetings = lh_meetings_list (request->store, from, to, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  next = lh_meetings_next (request->store, request->now, &error);
  if (error != NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "meetings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < meetings->len; i++)
    add_meeting (builder, g_ptr_array_index (meetings, i), request->centre->tz);
  json_builder_end_array (builder);
  /* For the committee's home page, whatever the period asked. */
  json_builder_set_member_name (builder, "next");
  if (next != NULL)
    add_meeting (builder, next, request->centre->tz);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_routes_publish_committee_changed (LhEventHub *events, const char *kind)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_event_hub_publish_to_committee (events, "committee-changed", data);
}

void
lh_route_add_meeting (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhMeeting) meeting = NULL;
  const char *place = NULL, *notes = NULL;
  JsonObject *object;
  gint64 starts_at = 0;

  body = lh_request_body_object (request, &error);
  object = body != NULL ? json_node_get_object (body) : NULL;
  if (object == NULL || !lh_routes_check_members (object, add_members, &error) ||
      !lh_json_get_string (object, "place", &place, &error) ||
      !lh_routes_optional_string (object, "notes", &notes, &error))
    {
      reply_refusal (request, g_steal_pointer (&error), "body-invalid");
      return;
    }
  if (!optional_time (object, "starts_at", &starts_at, &error) ||
      (meeting = lh_meetings_add (request->store, starts_at, place, notes, request->now, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  g_message ("Committee member %" G_GINT64_FORMAT " added meeting %" G_GINT64_FORMAT, request->session.person_id,
             meeting->id);
  lh_routes_publish_committee_changed (request->events, "meetings");
  reply_meeting (request, 201, meeting);
}

/* "attendee_ids": people on the committee; "attendee_names": others. */
static gboolean
record_attendees (LhRequest *request, JsonObject *object, GError **error)
{
  JsonArray *ids = lh_json_has (object, "attendee_ids") ? json_object_get_array_member (object, "attendee_ids")
                                                         : NULL;
  JsonArray *names = lh_json_has (object, "attendee_names")
                     ? json_object_get_array_member (object, "attendee_names") : NULL;

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    if (!lh_meetings_attend (request->store, request->path_id, json_array_get_int_element (ids, i), NULL, error))
      return FALSE;
  for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
    if (!lh_meetings_attend (request->store, request->path_id, 0, json_array_get_string_element (names, i), error))
      return FALSE;
  return TRUE;
}

/* The arrays hold what they say, before anything is stored. */
static gboolean
check_attendee_arrays (JsonObject *object, GError **error)
{
  const char *members[] = { "attendee_ids", "attendee_names" };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonNode *node = json_object_get_member (object, members[m]);
      JsonArray *array;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        goto bad;
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != (m == 0 ? G_TYPE_INT64 : G_TYPE_STRING) ||
              (m == 0 && json_node_get_int (element) <= 0))
            goto bad;
        }
      continue;
bad:
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“%s” is an array of %s", members[m],
                   m == 0 ? "person ids" : "names");
      return FALSE;
    }
  return TRUE;
}

void
lh_route_edit_meeting (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhMeeting) meeting = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  LhMeetingEdit edit = { 0 };
  const char *first_day = NULL, *last_day = NULL;
  JsonObject *object, *report = NULL;

  body = lh_request_body_object (request, &error);
  object = body != NULL ? json_node_get_object (body) : NULL;
  if (object != NULL && lh_json_has (object, "report"))
    {
      JsonNode *node = json_object_get_member (object, "report");

      report = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      if (report == NULL)
        g_set_error_literal (&error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“report” is {first_day, last_day}");
    }
  if (object == NULL || error != NULL || !lh_routes_check_members (object, edit_members, &error) ||
      !lh_routes_optional_string (object, "place", &edit.place, &error) ||
      !lh_routes_optional_string (object, "notes", &edit.notes, &error) ||
      !check_attendee_arrays (object, &error) ||
      (report != NULL && (!lh_json_get_string (report, "first_day", &first_day, &error) ||
                          !lh_json_get_string (report, "last_day", &last_day, &error))))
    {
      reply_refusal (request, g_steal_pointer (&error), "body-invalid");
      return;
    }
  /* All of it, or none. */
  tx = lh_store_begin (request->store, &error);
  if (tx == NULL || !optional_time (object, "starts_at", &edit.starts_at, &error) ||
      !lh_meetings_edit (request->store, request->path_id, &edit, request->now, &error) ||
      !record_attendees (request, object, &error) ||
      (report != NULL && !lh_meetings_table_report (request->store, request->centre->tz, request->path_id,
                                                    first_day, last_day, request->now, &error)) ||
      !lh_transaction_commit (tx, &error) ||
      (meeting = lh_meetings_get (request->store, request->path_id, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_routes_publish_committee_changed (request->events, "meetings");
  reply_meeting (request, 200, meeting);
}

/* Who is on the committee, for ticking who attended: ids and names only,
 * read by the committee alone. */
void
lh_route_committee_members (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = lh_people_list_with_role (request->store, LH_ROLE_COMMITTEE, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (members == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "members");
  json_builder_begin_array (builder);
  for (guint i = 0; i < members->len; i++)
    {
      const LhPerson *member = g_ptr_array_index (members, i);

      json_builder_begin_object (builder);
      lh_json_add_int (builder, "id", member->id);
      lh_json_add_string (builder, "name", member->name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
