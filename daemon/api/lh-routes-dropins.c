/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drop-in advice sessions: listed for everyone, opened, staffed, closed
 * and watched by their ULRs. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-dropins.h"
#include "lh-error.h"
#include "lh-time.h"

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
          lh_error_set_reason (error, "queue-alert-range");
          lh_error_add_number (error, "max_people", 100);
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
  const char *place;
  gint64 start, end;

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  object = json_node_get_object (body);
  if (!lh_json_get_string (object, "place", &place, &error) ||
      (ulrs = parse_dropin_ulrs (object, request->session.person_id, &error)) == NULL ||
      !lh_json_get_times (object, &start, &end, &error))
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
      lh_routes_keep_signed_in (request, dropin->end_at);
  reply_dropin (request, 201, dropin);
  lh_routes_publish_queue_changed (request, dropin->id);
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
  lh_routes_keep_signed_in (request, dropin->end_at);
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
  lh_routes_publish_queue_changed (request, dropin->id);
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
      lh_error_set_reason (&error, "queue-alert-range");
      lh_error_add_number (&error, "max_people", 100);
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

