/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asking a ULR for advice: a request from joining the queue to its
 * outcome, and the queue (drop-ins: lh-routes-dropins.c, slots:
 * lh-routes-advice-slots.c). A queue's
 * events name only the drop-in; what concerns one person goes to that
 * person alone. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-advice.h"
#include "lh-api-json.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-time.h"

void
lh_routes_publish_queue_changed (LhRequest *request, gint64 dropin_id)
{
  g_autoptr(JsonNode) data = lh_json_queue_change (dropin_id);

  lh_event_hub_publish (request->events, "queue-changed", data, 0);
}

static void
publish_if_queued (LhRequest *request, const LhAdviceRequest *advice)
{
  if (advice->dropin_id > 0)
    lh_routes_publish_queue_changed (request, advice->dropin_id);
}

static void
reply_advice (LhRequest *request, guint status, const LhAdviceRequest *advice)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  lh_json_add_advice_request (builder, advice, request->centre->tz);
  lh_request_reply_builder (request, status, builder);
}

void
lh_routes_keep_signed_in (LhRequest *request, gint64 until)
{
  g_autoptr(GError) error = NULL;

  if (!lh_auth_keep_session_until (request->store, request->session.session_id, until, &error))
    g_warning ("Cannot keep session %" G_GINT64_FORMAT " until the drop-in ends: %s",
               request->session.session_id, error->message);
}

/* The body, or an empty object when there is none (it is optional). */
static JsonNode *
optional_body (LhRequest *request, GError **error)
{
  if (soup_server_message_get_request_body (request->msg)->length == 0)
    {
      JsonNode *node = json_node_new (JSON_NODE_OBJECT);

      json_node_take_object (node, json_object_new ());
      return node;
    }
  return lh_request_body_object (request, error);
}

/* ---- requests ------------------------------------------------------------ */

/* The ULRs of the drop-in whose alert length the queue just passed. */
static void
alert_ulrs (LhRequest *request, gint64 dropin_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ulrs = NULL;
  int waiting;

  if (!lh_advice_count_waiting (request->store, dropin_id, &waiting, &error) ||
      (ulrs = lh_dropins_ulrs_to_alert (request->store, dropin_id, waiting, &error)) == NULL)
    {
      g_warning ("Cannot tell who to alert of drop-in %" G_GINT64_FORMAT "'s queue: %s", dropin_id, error->message);
      return;
    }
  for (guint i = 0; i < ulrs->len; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) data = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "dropin_id");
      json_builder_add_int_value (builder, dropin_id);
      json_builder_set_member_name (builder, "waiting");
      json_builder_add_int_value (builder, waiting);
      /* Whom it is for: a kiosk where someone else signed in since says
       * nothing. */
      json_builder_set_member_name (builder, "ulr_id");
      json_builder_add_int_value (builder, g_array_index (ulrs, gint64, i));
      json_builder_end_object (builder);
      data = json_builder_get_root (builder);
      lh_request_notify_person (request, "queue-long", data, g_array_index (ulrs, gint64, i));
    }
}

/* Tells the slot's ULR, and no one else, that it was booked. */
static void
announce_appointment (LhRequest *request, const LhAdviceRequest *advice)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "request_id");
  json_builder_add_int_value (builder, advice->id);
  json_builder_set_member_name (builder, "mode");
  json_builder_add_string_value (builder, advice->mode);
  lh_json_add_time (builder, "start", advice->start_at, request->centre->tz);
  json_builder_set_member_name (builder, "ulr_id");
  json_builder_add_int_value (builder, advice->ulr_id);
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_request_notify_person (request, "advice-request-arrived", data, advice->ulr_id);
}

void
lh_route_create_advice_request (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) advice = NULL;
  JsonObject *object;
  const char *topic, *mode, *contact;
  const char *note = NULL;
  const char *contact_detail = NULL;
  gint64 dropin_id = 0, slot_id = 0;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_string (object, "topic", &topic, &error) ||
      !lh_json_get_string (object, "mode", &mode, &error) ||
      !lh_json_get_string (object, "contact", &contact, &error) ||
      (lh_json_has (object, "contact_detail") &&
       !lh_json_get_string (object, "contact_detail", &contact_detail, &error)) ||
      (lh_json_has (object, "note") && !lh_json_get_string (object, "note", &note, &error)) ||
      (lh_json_has (object, "dropin_id") && !lh_json_get_int (object, "dropin_id", &dropin_id, &error)) ||
      (lh_json_has (object, "slot_id") && !lh_json_get_int (object, "slot_id", &slot_id, &error)))
    {
      lh_request_reply_error (request, error);
      return;
    }
  advice = lh_advice_request_create (request->store, request->centre, request->session.person_id, topic, mode,
                                     contact, contact_detail, note, dropin_id, slot_id, request->now, &error);
  if (advice == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_advice (request, 201, advice);
  if (advice->dropin_id > 0)
    {
      lh_routes_publish_queue_changed (request, advice->dropin_id);
      alert_ulrs (request, advice->dropin_id);
    }
  else
    announce_appointment (request, advice);
}

void
lh_route_get_advice_request (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) advice = lh_advice_request_get (request->store, request->centre, request->path_id,
                                                             request->session.person_id, request->now, &error);

  if (advice == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_advice (request, 200, advice);
}

void
lh_route_leave_advice_request (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  /* Read first, for the drop-in whose queue it leaves. */
  g_autoptr(LhAdviceRequest) advice = lh_advice_request_get (request->store, request->centre, request->path_id,
                                                             request->session.person_id, request->now, &error);

  if (advice == NULL ||
      !lh_advice_request_leave (request->store, request->path_id, request->session.person_id, request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, 204);
  publish_if_queued (request, advice);
}

typedef LhAdviceRequest *(*StepFunc) (LhStore *, const LhCentre *, gint64, gint64, gint64, GError **);

static void
take_step (LhRequest *request, StepFunc step)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) advice = step (request->store, request->centre, request->path_id,
                                            request->session.person_id, request->now, &error);

  if (advice == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_advice (request, 200, advice);
  publish_if_queued (request, advice);
}

void
lh_route_start_advice (LhRequest *request)
{
  take_step (request, lh_advice_start);
}

void
lh_route_no_show_advice (LhRequest *request)
{
  take_step (request, lh_advice_no_show);
}

void
lh_route_finish_advice (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) advice = NULL;
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new ();
  JsonObject *object;
  JsonNode *list;
  const char *note = NULL;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  list = json_object_get_member (object, "outcomes");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    g_set_error (&error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“outcomes” must be a list");
  for (guint i = 0; error == NULL && i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        g_set_error (&error, LH_ERROR, LH_ERROR_BAD_REQUEST, "Each of “outcomes” must be a string");
      else
        g_ptr_array_add (outcomes, (gpointer) json_node_get_string (element));
    }
  if (error == NULL && lh_json_has (object, "note"))
    lh_json_get_string (object, "note", &note, &error);
  if (error != NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  g_ptr_array_add (outcomes, NULL);
  advice = lh_advice_finish (request->store, request->centre, request->path_id, request->session.person_id,
                             (const char * const *) outcomes->pdata, note, request->now, &error);
  if (advice == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_advice (request, 200, advice);
  publish_if_queued (request, advice);
}

/* ---- the queue ----------------------------------------------------------- */

/* Numbers, desks and places only: a display is seen by everyone. */
static void
add_queue (JsonBuilder *builder, const LhQueue *queue, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dropin_id");
  json_builder_add_int_value (builder, queue->dropin_id);
  json_builder_set_member_name (builder, "place");
  json_builder_add_string_value (builder, queue->place);
  lh_json_add_time (builder, "start", queue->start_at, tz);
  lh_json_add_time (builder, "end", queue->end_at, tz);
  json_builder_set_member_name (builder, "open");
  json_builder_add_boolean_value (builder, queue->open);
  json_builder_set_member_name (builder, "serving");
  json_builder_begin_array (builder);
  for (guint i = 0; queue->serving != NULL && i < queue->serving->len; i++)
    {
      const LhQueueCall *call = &g_array_index (queue->serving, LhQueueCall, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ticket");
      json_builder_add_int_value (builder, call->ticket);
      json_builder_set_member_name (builder, "desk");
      json_builder_add_string_value (builder, call->desk);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "waiting");
  json_builder_begin_array (builder);
  for (guint i = 0; queue->waiting != NULL && i < queue->waiting->len; i++)
    json_builder_add_int_value (builder, g_array_index (queue->waiting, int, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "wait_minutes");
  json_builder_add_int_value (builder, queue->wait_minutes);
  json_builder_end_object (builder);
}

void
lh_route_queue (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queues = lh_advice_queues (request->store, request->centre, request->now, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (queues == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "queues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < queues->len; i++)
    add_queue (builder, g_ptr_array_index (queues, i), request->centre->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_queue_next (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhAdviceRequest) advice = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;
  gint64 dropin_id = 0;

  body = optional_body (request, &error);
  if (body == NULL ||
      (lh_json_has (json_node_get_object (body), "dropin_id") &&
       !lh_json_get_int (json_node_get_object (body), "dropin_id", &dropin_id, &error)))
    {
      lh_request_reply_error (request, error);
      return;
    }
  advice = lh_advice_call_next (request->store, request->centre, dropin_id, request->session.person_id,
                                request->now, &error);
  if (advice == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_routes_keep_signed_in (request, advice->end_at);
  reply_advice (request, 200, advice);
  lh_routes_publish_queue_changed (request, advice->dropin_id);

  /* Where to go, for the learner's eyes only. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "request_id");
  json_builder_add_int_value (builder, advice->id);
  json_builder_set_member_name (builder, "ticket");
  json_builder_add_int_value (builder, advice->ticket);
  json_builder_set_member_name (builder, "desk");
  json_builder_add_string_value (builder, advice->desk != NULL ? advice->desk : "");
  json_builder_set_member_name (builder, "place");
  json_builder_add_string_value (builder, advice->place != NULL ? advice->place : "");
  json_builder_end_object (builder);
  data = json_builder_get_root (builder);
  lh_request_notify_person (request, "ticket-called", data, advice->learner_id);
}
