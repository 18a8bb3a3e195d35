/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sitting at a PC: what its own kiosk shows, the sitting of the person
 * signed in, and more time. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-time.h"

static void
publish_availability (LhRequest *request, gint64 resource_id, gint64 at)
{
  g_autoptr(JsonNode) data = lh_json_availability_change (resource_id, at, request->centre->tz);

  lh_event_hub_publish (request->events, "availability-changed", data, 0);
}

gboolean
lh_routes_begin_sitting (LhRequest *request, const LhSessionInfo *session, LhUsage **out_usage,
                         GError **error)
{
  g_autoptr(GPtrArray) ended = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_usage_free);
  g_autoptr(GError) local_error = NULL;
  LhUsage *usage;

  *out_usage = NULL;
  usage = lh_usage_begin (request->store, request->centre, session, lh_time_now (), ended, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  lh_housekeeper_announce_ended (request->housekeeper, ended);
  if (usage != NULL)
    {
      publish_availability (request, usage->resource_id, usage->started_at);
      lh_housekeeper_reschedule (request->housekeeper);
    }
  *out_usage = usage;
  return TRUE;
}

gboolean
lh_routes_end_sitting (LhRequest *request, LhUsageEnd reason, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LhUsage) usage = lh_usage_end_session (request->store, request->session.session_id, reason,
                                                   request->now, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (usage != NULL)
    {
      publish_availability (request, usage->resource_id, usage->ended_at);
      lh_housekeeper_reschedule (request->housekeeper);
    }
  return TRUE;
}

static void
reply_usage (LhRequest *request, guint status, const LhUsage *usage)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  gint64 can_extend_until = 0;

  if (usage != NULL && !lh_usage_can_extend (request->store, request->centre, usage, &can_extend_until, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "usage");
  if (usage != NULL)
    lh_json_add_usage (builder, usage, can_extend_until, request->centre->tz);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, status, builder);
}

void
lh_route_my_usage (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = lh_usage_get_current (request->store, request->session.session_id, &error);

  if (error != NULL)
    lh_request_reply_error (request, error);
  else
    reply_usage (request, 200, usage);
}

void
lh_route_extend_usage (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhUsage) usage = lh_usage_extend (request->store, request->centre, request->session.session_id,
                                              request->now, &error);

  if (usage == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_usage (request, 200, usage);
  publish_availability (request, usage->resource_id, usage->ends_at);
  lh_housekeeper_reschedule (request->housekeeper);
}

void
lh_route_this_device (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = lh_devices_list (request->store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const LhDevice *device = NULL;
  LhPcOutlook outlook = { 0 };

  for (guint i = 0; devices != NULL && i < devices->len && device == NULL; i++)
    if (((const LhDevice *) g_ptr_array_index (devices, i))->id == request->device_id)
      device = g_ptr_array_index (devices, i);
  if (device == NULL)
    {
      if (error == NULL)
        {
          g_set_error (&error, LH_ERROR, LH_ERROR_NOT_FOUND, "This kiosk is not registered");
          lh_error_set_reason (&error, "kiosk-unknown");
        }
      lh_request_reply_error (request, error);
      return;
    }
  if (device->resource_id != 0 &&
      !lh_usage_pc_outlook (request->store, request->centre, device->resource_id, request->now, &outlook, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, device->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, device->name);
  json_builder_set_member_name (builder, "heartbeat_seconds");
  json_builder_add_int_value (builder, LH_DEVICE_HEARTBEAT_SECONDS);
  json_builder_set_member_name (builder, "pc");
  if (device->resource_id != 0)
    {
      g_autoptr(LhResource) resource = lh_resources_get (request->store, device->resource_id, &error);

      if (resource == NULL)
        {
          lh_request_reply_error (request, error);
          return;
        }
      /* When it is reserved, never by whom. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, resource->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, resource->name);
      json_builder_set_member_name (builder, "in_use");
      json_builder_add_boolean_value (builder, outlook.in_use);
      lh_json_add_time_or_null (builder, "reserved_from", outlook.reserved_from, request->centre->tz);
      lh_json_add_time_or_null (builder, "reserved_until", outlook.reserved_until, request->centre->tz);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}
