/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Health, signing in and out, and the kiosk devices. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-devices.h"
#include "lh-error.h"
#include "lh-groups.h"
#include "lh-guests.h"
#include "lh-people.h"
#include "lh-pin-checker.h"
#include "lh-problem.h"
#include "lh-time.h"

#include <string.h>

void
lh_route_health (LhRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  int version = lh_store_get_schema_version (request->store);

  if (version < 0)
    {
      g_autoptr(GError) error = g_error_new (LH_ERROR, LH_ERROR_BUSY, "The database does not answer");
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, version);
  lh_json_add_time (builder, "time", request->now, request->centre->tz);
  json_builder_set_member_name (builder, "timezone");
  json_builder_add_string_value (builder, request->centre->timezone_id);
  /* Before anyone signs in, the kiosk's pages time out as the centre says. */
  lh_routes_add_idle (builder, request->centre);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

/* What the answer to a sign-in needs once the PIN is checked. */
typedef struct
{
  LhRequest       *request;  /* (owned) */
  LhSignInAttempt  attempt;  /* (owned) */
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  lh_request_unref (sign_in->request);
  lh_sign_in_attempt_clear (&sign_in->attempt);
  g_free (sign_in);
}

static void
reply_signed_in (LhRequest *request, const char *token, const LhSessionInfo *session,
                 const LhUsage *usage)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPerson) person = lh_people_get (request->store, session->person_id, &error);
  g_autoptr(GPtrArray) promotions = NULL;
  g_autoptr(GPtrArray) moved = NULL;
  g_auto(GStrv) roles = NULL;

  if (person == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  promotions = lh_groups_take_promotions (request->store, person->id, request->now, &error);
  if (promotions != NULL)
    moved = lh_faults_list_notices (request->store, person->id, request->now, &error);
  if (moved == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  roles = lh_roles_to_strv (person->roles);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  lh_json_add_time (builder, "expires_at", session->expires_at, request->centre->tz);
  json_builder_set_member_name (builder, "person");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, person->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, person->name);
  json_builder_set_member_name (builder, "staff_number");
  json_builder_add_string_value (builder, person->staff_number);
  /* A guest (family or a friend of staff) may book PCs only. */
  json_builder_set_member_name (builder, "guest");
  json_builder_add_boolean_value (builder, person->sponsor_id != 0);
  json_builder_set_member_name (builder, "roles");
  json_builder_begin_array (builder);
  for (guint i = 0; roles[i] != NULL; i++)
    json_builder_add_string_value (builder, roles[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  /* Their language, large text and high contrast, for the kiosk to
   * apply before it shows them anything. */
  if (!lh_routes_add_limits (builder, request, person, &error) ||
      !lh_routes_add_settings (builder, request, person->id, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* What happened while they were away: a place from a waiting list, a
   * booking moved off a PC out of order. */
  json_builder_set_member_name (builder, "notices");
  json_builder_begin_array (builder);
  for (guint i = 0; promotions != NULL && i < promotions->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "waiting-list-promoted");
      json_builder_set_member_name (builder, "group_session");
      lh_json_add_group_session (builder, g_ptr_array_index (promotions, i), request->centre->tz);
      json_builder_end_object (builder);
    }
  for (guint i = 0; i < moved->len; i++)
    lh_routes_add_fault_move (builder, g_ptr_array_index (moved, i), request->centre->tz);
  json_builder_end_array (builder);
  /* At a PC's own kiosk: the sitting this sign-in began. */
  json_builder_set_member_name (builder, "usage");
  if (usage != NULL)
    {
      gint64 can_extend_until;

      if (!lh_usage_can_extend (request->store, request->centre, usage, &can_extend_until, &error))
        {
          lh_request_reply_error (request, error);
          return;
        }
      lh_json_add_usage (builder, usage, can_extend_until, request->centre->tz);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 201, builder);
}

static void
pin_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SignIn *sign_in = user_data;
  LhRequest *request = sign_in->request;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  LhSessionInfo session = { 0 };
  gint64 locked_until = 0;
  gboolean pin_ok = lh_pin_checker_check_finish (LH_PIN_CHECKER (source), result);

  /* The clock moved on while the PIN was checked. */
  token = lh_auth_finish_sign_in (request->store, &sign_in->attempt, request->device_id, pin_ok,
                                  request->centre->session_minutes, lh_time_now (),
                                  &session, &locked_until, &error);
  if (token == NULL)
    lh_problem_reply (request->msg, error, locked_until, request->centre->tz);
  else
    {
      g_autoptr(LhUsage) usage = NULL;

      /* At a PC someone else has booked now, the sign-in is refused
       * after all: no session is left behind. */
      if (lh_routes_begin_sitting (request, &session, &usage, &error))
        reply_signed_in (request, token, &session, usage);
      else
        {
          g_autoptr(GError) end_error = NULL;

          if (!lh_auth_end_session (request->store, session.session_id, lh_time_now (), &end_error))
            g_warning ("Could not end a refused session: %s", end_error->message);
          lh_request_reply_error (request, error);
        }
    }
  soup_server_message_unpause (request->msg);
  sign_in_free (sign_in);
}

void
lh_route_sign_in (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *staff_number, *pin;
  gint64 locked_until = 0;
  SignIn *sign_in;

  body = lh_request_body_object (request, &error);
  if (body == NULL ||
      !lh_json_get_string (json_node_get_object (body), "staff_number", &staff_number, &error) ||
      !lh_json_get_string (json_node_get_object (body), "pin", &pin, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }

  sign_in = g_new0 (SignIn, 1);
  sign_in->request = lh_request_ref (request);
  if (!lh_auth_begin_sign_in (request->store, request->device_id, staff_number, request->now,
                              &sign_in->attempt, &locked_until, &error) ||
      !lh_pin_checker_check_async (request->pins, request->device_id, staff_number,
                                   sign_in->attempt.pin_hash, pin, pin_checked_cb, sign_in, &error))
    {
      lh_problem_reply (request->msg, error, locked_until, request->centre->tz);
      sign_in_free (sign_in);
      return;
    }
  soup_server_message_pause (request->msg);
}

void
lh_route_sign_out (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  const char *reason = request->query != NULL ? g_hash_table_lookup (request->query, "reason") : NULL;

  if (reason != NULL && !g_str_equal (reason, "idle") && !g_str_equal (reason, "sign-out"))
    {
      g_set_error (&error, LH_ERROR, LH_ERROR_BAD_REQUEST, "reason is “sign-out” or “idle”");
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_routes_end_sitting (request, g_strcmp0 (reason, "idle") == 0 ? LH_USAGE_END_IDLE
                                                                        : LH_USAGE_END_SIGN_OUT, &error) ||
      !lh_auth_end_session (request->store, request->session.session_id, request->now, &error))
    lh_request_reply_error (request, error);
  else
    lh_request_reply_empty (request, 204);
}

void
lh_route_list_devices (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) devices = lh_devices_list (request->store, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (devices == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "devices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < devices->len; i++)
    {
      const LhDevice *device = g_ptr_array_index (devices, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, device->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, device->name);
      lh_json_add_time (builder, "created_at", device->created_at, request->centre->tz);
      lh_json_add_time_or_null (builder, "last_seen_at", device->last_seen_at, request->centre->tz);
      json_builder_set_member_name (builder, "revoked");
      json_builder_add_boolean_value (builder, device->revoked);
      /* A kiosk where someone may be guessing PINs. */
      json_builder_set_member_name (builder, "wrong_pins");
      json_builder_add_int_value (builder, device->wrong_pins);
      lh_json_add_time_or_null (builder, "slowed_until", device->slowed_until, request->centre->tz);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 200, builder);
}

void
lh_route_register_guest (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPerson) guest = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *pin = NULL;
  const char *name;

  body = lh_request_body_object (request, &error);
  if (body == NULL || !lh_json_get_string (json_node_get_object (body), "name", &name, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  guest = lh_guests_register (request->store, request->session.person_id, name, request->now, &pin, &error);
  if (guest == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, guest->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, guest->name);
  json_builder_set_member_name (builder, "staff_number");
  json_builder_add_string_value (builder, guest->staff_number);
  json_builder_set_member_name (builder, "pin");
  json_builder_add_string_value (builder, pin);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, 201, builder);
}

void
lh_route_heartbeat (LhRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!lh_devices_heartbeat (request->store, request->device_id, request->now, &error))
    lh_request_reply_error (request, error);
  else
    lh_request_reply_empty (request, 204);
  /* A kiosk back from silence may make holds fall due. */
  lh_housekeeper_reschedule (request->housekeeper);
}
