/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the joint learning committee. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-committee.h"

#include <gio/gio.h>

#include "lh-client-private.h"
#include "lh-json-read.h"

void
lh_next_meeting_free (LhNextMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_clear_pointer (&meeting->starts_at, g_date_time_unref);
  g_free (meeting->place);
  g_free (meeting);
}

static gpointer
parse_next (LhClient    *self,
            JsonObject  *body,
            GError     **error)
{
  g_autoptr(LhNextMeeting) meeting = g_new0 (LhNextMeeting, 1);
  JsonNode *next = json_object_get_member (body, "next");
  JsonObject *object;

  if (next == NULL || JSON_NODE_HOLDS_NULL (next))
    return g_steal_pointer (&meeting);
  if (!JSON_NODE_HOLDS_OBJECT (next))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "“next” is not a meeting");
      return NULL;
    }
  object = json_node_get_object (next);
  if (!lh_json_read_int (object, "id", TRUE, &meeting->id, error) ||
      !lh_json_read_time (object, "starts_at", TRUE, lh_client_get_time_zone (self), &meeting->starts_at, error) ||
      !lh_json_read_string (object, "place", TRUE, &meeting->place, error))
    return NULL;
  meeting->planned = TRUE;
  return g_steal_pointer (&meeting);
}

void
lh_client_next_meeting_async (LhClient            *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  /* The shortest period: only "next" is wanted. */
  now = lh_client_now (self);
  today = g_date_time_format (now, "%Y-%m-%d");
  path = g_strdup_printf ("/committee/meetings?from=%s&to=%s", today, today);

  lh_client_send_request (self, "GET", path, NULL, LH_AUTH_SESSION, parse_next,
                          (GDestroyNotify) lh_next_meeting_free, lh_client_next_meeting_async, cancellable,
                          callback, user_data);
}

LhNextMeeting *
lh_client_next_meeting_finish (LhClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_next_meeting_async, error);
}

/* ---- the action plan -------------------------------------------------- */

void
lh_plan_objective_free (LhPlanObjective *objective)
{
  if (objective == NULL)
    return;
  g_free (objective->activity);
  g_free (objective->by_whom);
  g_clear_pointer (&objective->due, g_date_free);
  g_free (objective->outcomes);
  g_free (objective->next_steps);
  g_free (objective->status);
  g_free (objective);
}

static gpointer
objective_from_json (JsonObject  *object,
                     GTimeZone   *tz,
                     GError     **error)
{
  g_autoptr(LhPlanObjective) objective = g_new0 (LhPlanObjective, 1);

  if (!lh_json_read_int (object, "id", TRUE, &objective->id, error) ||
      !lh_json_read_int (object, "number", TRUE, &objective->number, error) ||
      !lh_json_read_string (object, "activity", TRUE, &objective->activity, error) ||
      !lh_json_read_string (object, "by_whom", TRUE, &objective->by_whom, error) ||
      !lh_json_read_date (object, "due_day", &objective->due, error) ||
      !lh_json_read_string (object, "outcomes", TRUE, &objective->outcomes, error) ||
      !lh_json_read_string (object, "next_steps", TRUE, &objective->next_steps, error) ||
      !lh_json_read_string (object, "status", TRUE, &objective->status, error))
    return NULL;
  return g_steal_pointer (&objective);
}

static gpointer
parse_plan (LhClient    *self,
            JsonObject  *body,
            GError     **error)
{
  return lh_json_read_list (body, "objectives", TRUE, objective_from_json, (GDestroyNotify) lh_plan_objective_free,
                            lh_client_get_time_zone (self), error);
}

void
lh_client_action_plan_async (LhClient            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/committee/action-plan", NULL, LH_AUTH_SESSION, parse_plan,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_action_plan_async, cancellable, callback,
                          user_data);
}

GPtrArray *
lh_client_action_plan_finish (LhClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_action_plan_async, error);
}

void
lh_plan_change_free (LhPlanChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->at, g_date_time_unref);
  g_free (change->by);
  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

static gpointer
change_from_json (JsonObject  *object,
                  GTimeZone   *tz,
                  GError     **error)
{
  g_autoptr(LhPlanChange) change = g_new0 (LhPlanChange, 1);

  if (!lh_json_read_time (object, "at", TRUE, tz, &change->at, error) ||
      !lh_json_read_string (object, "by", TRUE, &change->by, error) ||
      !lh_json_read_string (object, "field", TRUE, &change->field, error) ||
      !lh_json_read_string (object, "old", FALSE, &change->old_value, error) ||
      !lh_json_read_string (object, "new", FALSE, &change->new_value, error))
    return NULL;
  return g_steal_pointer (&change);
}

static gpointer
parse_history (LhClient    *self,
               JsonObject  *body,
               GError     **error)
{
  return lh_json_read_list (body, "changes", TRUE, change_from_json, (GDestroyNotify) lh_plan_change_free,
                            lh_client_get_time_zone (self), error);
}

void
lh_client_objective_history_async (LhClient            *self,
                                   gint64               objective_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  path = g_strdup_printf ("/committee/action-plan/%" G_GINT64_FORMAT "/history", objective_id);
  lh_client_send_request (self, "GET", path, NULL, LH_AUTH_SESSION, parse_history,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_objective_history_async, cancellable,
                          callback, user_data);
}

GPtrArray *
lh_client_objective_history_finish (LhClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_objective_history_async, error);
}

static gpointer
parse_objective (LhClient    *self,
                 JsonObject  *body,
                 GError     **error)
{
  return objective_from_json (body, lh_client_get_time_zone (self), error);
}

void
lh_client_edit_objective_async (LhClient            *self,
                                gint64               objective_id,
                                const char          *status,
                                const char          *outcomes,
                                const char          *next_steps,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  if (status != NULL)
    json_object_set_string_member (body, "status", status);
  if (outcomes != NULL)
    json_object_set_string_member (body, "outcomes", outcomes);
  if (next_steps != NULL)
    json_object_set_string_member (body, "next_steps", next_steps);
  path = g_strdup_printf ("/committee/action-plan/%" G_GINT64_FORMAT, objective_id);
  lh_client_send_request (self, "PATCH", path, body, LH_AUTH_SESSION, parse_objective,
                          (GDestroyNotify) lh_plan_objective_free, lh_client_edit_objective_async, cancellable,
                          callback, user_data);
}

LhPlanObjective *
lh_client_edit_objective_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_edit_objective_async, error);
}

void
lh_client_add_objective_async (LhClient            *self,
                               gint64               number,
                               const char          *activity,
                               const char          *by_whom,
                               const char          *due_day,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (activity != NULL && by_whom != NULL && due_day != NULL);

  json_object_set_int_member (body, "number", number);
  json_object_set_string_member (body, "activity", activity);
  json_object_set_string_member (body, "by_whom", by_whom);
  json_object_set_string_member (body, "due_day", due_day);
  lh_client_send_request (self, "POST", "/committee/action-plan", body, LH_AUTH_SESSION, parse_objective,
                          (GDestroyNotify) lh_plan_objective_free, lh_client_add_objective_async, cancellable,
                          callback, user_data);
}

LhPlanObjective *
lh_client_add_objective_finish (LhClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_add_objective_async, error);
}

/* ---- the meetings ----------------------------------------------------- */

void
lh_committee_meeting_free (LhCommitteeMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_clear_pointer (&meeting->starts_at, g_date_time_unref);
  g_free (meeting->place);
  g_free (meeting->notes);
  g_free (meeting->report_first_day);
  g_free (meeting->report_last_day);
  g_strfreev (meeting->attendees);
  g_clear_pointer (&meeting->member_ids, g_array_unref);
  g_free (meeting);
}

static gpointer
meeting_from_json (JsonObject  *object,
                   GTimeZone   *tz,
                   GError     **error)
{
  g_autoptr(LhCommitteeMeeting) meeting = g_new0 (LhCommitteeMeeting, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  JsonNode *report = json_object_get_member (object, "report");
  JsonArray *attendees = json_object_has_member (object, "attendees")
                         ? json_object_get_array_member (object, "attendees") : NULL;

  meeting->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!lh_json_read_int (object, "id", TRUE, &meeting->id, error) ||
      !lh_json_read_time (object, "starts_at", TRUE, tz, &meeting->starts_at, error) ||
      !lh_json_read_string (object, "place", TRUE, &meeting->place, error) ||
      !lh_json_read_string (object, "notes", TRUE, &meeting->notes, error))
    return NULL;
  if (report != NULL && JSON_NODE_HOLDS_OBJECT (report) &&
      (!lh_json_read_string (json_node_get_object (report), "first_day", TRUE, &meeting->report_first_day, error) ||
       !lh_json_read_string (json_node_get_object (report), "last_day", TRUE, &meeting->report_last_day, error)))
    return NULL;
  for (guint i = 0; attendees != NULL && i < json_array_get_length (attendees); i++)
    {
      JsonNode *node = json_array_get_element (attendees, i);
      JsonObject *attendee = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = attendee != NULL && json_object_has_member (attendee, "name")
                         ? json_object_get_string_member (attendee, "name") : NULL;

      if (name != NULL)
        g_strv_builder_add (names, name);
      /* Null for someone not on the committee. */
      if (attendee != NULL && json_object_has_member (attendee, "person_id") &&
          !json_object_get_null_member (attendee, "person_id"))
        {
          gint64 id = json_object_get_int_member (attendee, "person_id");

          g_array_append_val (meeting->member_ids, id);
        }
    }
  meeting->attendees = g_strv_builder_end (names);
  return g_steal_pointer (&meeting);
}

static gpointer
parse_meetings (LhClient    *self,
                JsonObject  *body,
                GError     **error)
{
  return lh_json_read_list (body, "meetings", TRUE, meeting_from_json, (GDestroyNotify) lh_committee_meeting_free,
                            lh_client_get_time_zone (self), error);
}

void
lh_client_list_meetings_async (LhClient            *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  /* The daemon's default: a year back to a year ahead. */
  lh_client_send_request (self, "GET", "/committee/meetings", NULL, LH_AUTH_SESSION, parse_meetings,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_meetings_async, cancellable, callback,
                          user_data);
}

GPtrArray *
lh_client_list_meetings_finish (LhClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_meetings_async, error);
}

void
lh_client_attend_meeting_async (LhClient            *self,
                                gint64               meeting_id,
                                gint64               person_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *ids = json_array_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  json_array_add_int_element (ids, person_id);
  json_object_set_array_member (body, "attendee_ids", ids);
  path = g_strdup_printf ("/committee/meetings/%" G_GINT64_FORMAT, meeting_id);
  lh_client_send_request (self, "PATCH", path, body, LH_AUTH_SESSION, NULL, NULL, lh_client_attend_meeting_async,
                          cancellable, callback, user_data);
}

gboolean
lh_client_attend_meeting_finish (LhClient      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return lh_client_check_done (self, result, lh_client_attend_meeting_async, error);
}

void
lh_client_add_meeting_async (LhClient            *self,
                             GDateTime           *starts_at,
                             const char          *place,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autofree char *at = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (starts_at != NULL && place != NULL);

  at = g_date_time_format_iso8601 (starts_at);
  json_object_set_string_member (body, "starts_at", at);
  json_object_set_string_member (body, "place", place);
  lh_client_send_request (self, "POST", "/committee/meetings", body, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_add_meeting_async, cancellable, callback, user_data);
}

gboolean
lh_client_add_meeting_finish (LhClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return lh_client_check_done (self, result, lh_client_add_meeting_async, error);
}
