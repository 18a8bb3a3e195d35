/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Skills assessment slots: the list, offering one, booking and giving one
 * back. Who booked is told only to the learner and the assessor. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-assessments.h"
#include "lh-error.h"
#include "lh-time-off.h"
#include "lh-time.h"

/* Every kiosk redraws the slots; the event says which, not who. */
static void
publish_changed (LhRequest *request, gint64 slot_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, slot_id);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_event_hub_publish (request->events, "assessment-slot-changed", data, 0);
}

static void
add_slot_members (JsonBuilder *builder, const LhAssessmentSlot *slot, GTimeZone *tz)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, slot->id);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, slot->subject);
  json_builder_set_member_name (builder, "assessor_id");
  json_builder_add_int_value (builder, slot->assessor_id);
  json_builder_set_member_name (builder, "assessor");
  json_builder_add_string_value (builder, slot->assessor_name);
  lh_json_add_time (builder, "start", slot->start_at, tz);
  lh_json_add_time (builder, "end", slot->end_at, tz);
  json_builder_set_member_name (builder, "place");
  json_builder_add_string_value (builder, slot->place);
  json_builder_set_member_name (builder, "taken");
  json_builder_add_boolean_value (builder, slot->taken);
  json_builder_set_member_name (builder, "mine");
  json_builder_add_boolean_value (builder, slot->mine);
  /* Only the learner and the assessor ever get this member. */
  if (slot->learner_name != NULL)
    {
      json_builder_set_member_name (builder, "learner");
      json_builder_add_string_value (builder, slot->learner_name);
    }
}

static void
add_slot (JsonBuilder *builder, const LhAssessmentSlot *slot, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  add_slot_members (builder, slot, tz);
  json_builder_end_object (builder);
}

static void
reply_slot (LhRequest *request, guint status, const LhAssessmentSlot *slot)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_slot (builder, slot, request->centre->tz);
  lh_request_reply_builder (request, status, builder);
}

/* The slot's time-off request, or NULL (none, or it cannot be read: the
 * booking stands all the same). */
static LhTimeOffRequest *
time_off_for (LhRequest *request, gint64 slot_id)
{
  g_autoptr(GError) error = NULL;
  LhTimeOffRequest *time_off = lh_time_off_get_for (request->store, LH_TIME_OFF_FOR_ASSESSMENT, slot_id, &error);

  if (error != NULL)
    g_warning ("Cannot read the time off of assessment slot %" G_GINT64_FORMAT ": %s", slot_id, error->message);
  return time_off;
}

void
lh_route_list_assessments (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) slots = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 from, to;

  if (!lh_request_query_days (request, &from, &to, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  slots = lh_assessments_list (request->store, from, to, request->signed_in ? request->session.person_id : 0,
                               &error);
  if (slots == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "assessment_slots");
  json_builder_begin_array (builder);
  for (guint i = 0; i < slots->len; i++)
    add_slot (builder, g_ptr_array_index (slots, i), request->centre->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_offer_assessment (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAssessmentSlot) slot = NULL;
  JsonObject *object;
  const char *subject;
  const char *place = "";
  gint64 assessor_id = request->session.person_id;
  gint64 start, end;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_string (object, "subject", &subject, &error) ||
      (json_object_has_member (object, "place") && !lh_json_get_string (object, "place", &place, &error)) ||
      (json_object_has_member (object, "assessor_id") &&
       !lh_json_get_int (object, "assessor_id", &assessor_id, &error)) ||
      !lh_json_get_times (object, &start, &end, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  slot = lh_assessments_offer (request->store, request->session.person_id, assessor_id, subject, start, end,
                               place, request->now, &error);
  if (slot == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_slot (request, 201, slot);
  publish_changed (request, slot->id);
}

void
lh_route_book_assessment (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAssessmentSlot) slot = NULL;
  g_autoptr(LhTimeOffRequest) time_off = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean paid;

  if (!lh_routes_read_paid_body (request, &paid, &error) ||
      (slot = lh_assessments_book_paid (request->store, request->centre, request->path_id,
                                        request->session.person_id, paid, request->now, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  time_off = time_off_for (request, slot->id);
  json_builder_begin_object (builder);
  add_slot_members (builder, slot, request->centre->tz);
  json_builder_set_member_name (builder, "time_off");
  lh_json_add_time_off (builder, time_off, request->centre->tz);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 201, builder);
  publish_changed (request, slot->id);
  if (time_off != NULL && g_str_equal (time_off->status, "pending"))
    lh_routes_publish_time_off_pending (request->store, request->events);
}

void
lh_route_cancel_assessment (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  /* Read before: was it waiting for a decision? A slot keeps the
   * requests of everyone who held it; the count tells. */
  guint pending = lh_routes_pending_time_off (request->store);

  if (!lh_assessments_cancel (request->store, request->path_id, request->session.person_id, request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, 204);
  publish_changed (request, request->path_id);
  if (lh_routes_pending_time_off (request->store) != pending)
    lh_routes_publish_time_off_pending (request->store, request->events);
}
