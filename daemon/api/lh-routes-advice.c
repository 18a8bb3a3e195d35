/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asking a ULR for advice: drop-ins and their queue, and a request from
 * joining to its outcome (slots: lh-routes-advice-slots.c). A queue's
 * events name only the drop-in; what concerns one person goes to that
 * person alone. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-advice.h"
#include "lh-api-json.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-time.h"

/* Displays and desks read GET /api/v1/queue again. */
static void
publish_queue_changed (LhRequest *request, gint64 dropin_id)
{
  g_autoptr(JsonNode) data = lh_json_queue_change (dropin_id);

  lh_event_hub_publish (request->events, "queue-changed", data, 0);
}

static void
publish_if_queued (LhRequest *request, const LhAdviceRequest *advice)
{
  if (advice->dropin_id > 0)
    publish_queue_changed (request, advice->dropin_id);
}

static void
reply_advice (LhRequest *request, guint status, const LhAdviceRequest *advice)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  lh_json_add_advice_request (builder, advice, request->centre->tz);
  lh_request_reply_builder (request, status, builder);
}

/* A ULR staffing a drop-in stays signed in until it ends: a sign-in of
 * 30 minutes would end theirs halfway through. Not worth failing the
 * request over. */
static void
keep_signed_in (LhRequest *request, gint64 until)
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

/* ---- drop-ins ------------------------------------------------------------ */

static void
add_dropin (JsonBuilder *builder, const LhDropin *dropin, gint64 now, GTimeZone *tz)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, dropin->id);
  json_builder_set_member_name (builder, "place");
  json_builder_add_string_value (builder, dropin->place);
  lh_json_add_time (builder, "start", dropin->start_at, tz);
  lh_json_add_time (builder, "end", dropin->end_at, tz);
  json_builder_set_member_name (builder, "open");
  json_builder_add_boolean_value (builder, dropin->closed_at == 0 && dropin->start_at <= now && now < dropin->end_at);
  json_builder_set_member_name (builder, "waiting");
  json_builder_add_int_value (builder, dropin->n_waiting);
  json_builder_set_member_name (builder, "ulrs");
  json_builder_begin_array (builder);
  for (guint i = 0; dropin->ulrs != NULL && i < dropin->ulrs->len; i++)
    {
      const LhDropinUlr *ulr = g_ptr_array_index (dropin->ulrs, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, ulr->ulr_id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, ulr->name != NULL ? ulr->name : "");
      json_builder_set_member_name (builder, "desk");
      json_builder_add_string_value (builder, ulr->desk);
      json_builder_set_member_name (builder, "alert_length");
      json_builder_add_int_value (builder, ulr->alert_length);
      json_builder_set_member_name (builder, "here");
      json_builder_add_boolean_value (builder, ulr->joined_at != 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
reply_dropin (LhRequest *request, guint status, const LhDropin *dropin)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_dropin (builder, dropin, request->now, request->centre->tz);
  lh_request_reply_builder (request, status, builder);
}

void
lh_route_list_dropins (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dropins = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 from, to;

  if (!lh_request_query_days (request, &from, &to, &error) ||
      (dropins = lh_dropins_list (request->store, from, to, &error)) == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dropins");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dropins->len; i++)
    add_dropin (builder, g_ptr_array_index (dropins, i), request->now, request->centre->tz);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

/* "ulrs": [{"id": 3, "desk": "Desk 1", "alert_length": 5}, …] */
static GPtrArray *
parse_dropin_ulrs (JsonObject *object, gint64 me, GError **error)
{
  g_autoptr(GPtrArray) ulrs = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_dropin_ulr_free);
  JsonNode *node = json_object_get_member (object, "ulrs");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      LhDropinUlr *ulr = g_new0 (LhDropinUlr, 1);

      ulr->ulr_id = me;
      ulr->desk = g_strdup ("Desk 1");
      g_ptr_array_add (ulrs, ulr);
      return g_steal_pointer (&ulrs);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“ulrs” must be a list");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item;
      const char *desk;
      gint64 id, alert_length = 0;
      LhDropinUlr *ulr;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "Each of “ulrs” must be an object");
          return NULL;
        }
      item = json_node_get_object (element);
      if (!lh_json_get_int (item, "id", &id, error) ||
          !lh_json_get_string (item, "desk", &desk, error) ||
          (lh_json_has (item, "alert_length") && !lh_json_get_int (item, "alert_length", &alert_length, error)))
        return NULL;
      if (alert_length < 0 || alert_length > 100)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "An alert length is 0 to 100");
          return NULL;
        }
      ulr = g_new0 (LhDropinUlr, 1);
      ulr->ulr_id = id;
      ulr->desk = g_strdup (desk);
      ulr->alert_length = (int) alert_length;
      g_ptr_array_add (ulrs, ulr);
    }
  return g_steal_pointer (&ulrs);
}

void
lh_route_open_dropin (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ulrs = NULL;
  g_autoptr(LhDropin) dropin = NULL;
  JsonObject *object;
  const char *place, *start_text, *end_text;
  gint64 start, end;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_string (object, "place", &place, &error) ||
      !lh_json_get_string (object, "start", &start_text, &error) ||
      !lh_json_get_string (object, "end", &end_text, &error) ||
      (ulrs = parse_dropin_ulrs (object, request->session.person_id, &error)) == NULL ||
      !lh_time_parse_iso (start_text, &start, &error) ||
      !lh_time_parse_iso (end_text, &end, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  dropin = lh_dropins_open (request->store, request->session.person_id, place, start, end,
                            (const LhDropinUlr * const *) ulrs->pdata, ulrs->len, request->now, &error);
  if (dropin == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* Running it now: signed in till it ends (one set up ahead is not). */
  for (guint i = 0; i < dropin->ulrs->len && dropin->start_at <= request->now; i++)
    if (((LhDropinUlr *) g_ptr_array_index (dropin->ulrs, i))->ulr_id == request->session.person_id)
      keep_signed_in (request, dropin->end_at);
  reply_dropin (request, 201, dropin);
  publish_queue_changed (request, dropin->id);
  /* Its end is a new moment for the housekeeper to close it. */
  lh_housekeeper_reschedule (request->housekeeper);
}

/* The ULR is at their desk: their facility time at the drop-in on now
 * counts from here (being named at it is not being there). */
void
lh_route_dropin_here (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = lh_dropins_here (request->store, request->session.person_id, request->now, &error);

  if (dropin == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  keep_signed_in (request, dropin->end_at);
  reply_dropin (request, 200, dropin);
}

void
lh_route_close_dropin (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhDropin) dropin = lh_dropins_close (request->store, request->path_id, request->session.person_id,
                                                 request->now, &error);

  if (dropin == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_dropin (request, 200, dropin);
  publish_queue_changed (request, dropin->id);
  lh_housekeeper_reschedule (request->housekeeper);
}

void
lh_route_dropin_alert (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  gint64 length;

  body = lh_request_body_object (request, &error);
  if (body == NULL || !lh_json_get_int (json_node_get_object (body), "queue_length", &length, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  if (length < 0 || length > 100)
    {
      g_set_error (&error, LH_ERROR, LH_ERROR_INVALID, "A queue length is 0 to 100 (0: never tell)");
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_dropins_set_alert (request->store, request->path_id, request->session.person_id, (int) length, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, 204);
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
      (lh_json_has (object, "note") && !lh_json_get_string (object, "note", &note, &error)) ||
      (lh_json_has (object, "dropin_id") && !lh_json_get_int (object, "dropin_id", &dropin_id, &error)) ||
      (lh_json_has (object, "slot_id") && !lh_json_get_int (object, "slot_id", &slot_id, &error)))
    {
      lh_request_reply_error (request, error);
      return;
    }
  advice = lh_advice_request_create (request->store, request->centre, request->session.person_id, topic, mode,
                                     contact, note, dropin_id, slot_id, request->now, &error);
  if (advice == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_advice (request, 201, advice);
  if (advice->dropin_id > 0)
    {
      publish_queue_changed (request, advice->dropin_id);
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
  keep_signed_in (request, advice->end_at);
  reply_advice (request, 200, advice);
  publish_queue_changed (request, advice->dropin_id);

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
