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
