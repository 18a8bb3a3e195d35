/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-committee-members.h"

#include "lh-client-private.h"
#include "lh-json-read.h"

void
lh_committee_member_free (LhCommitteeMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member);
}

static gpointer
member_from_json (JsonObject  *object,
                  GTimeZone   *tz,
                  GError     **error)
{
  g_autoptr(LhCommitteeMember) member = g_new0 (LhCommitteeMember, 1);

  if (!lh_json_read_int (object, "id", TRUE, &member->id, error) ||
      !lh_json_read_string (object, "name", TRUE, &member->name, error))
    return NULL;
  return g_steal_pointer (&member);
}

static gpointer
parse_members (LhClient    *self,
               JsonObject  *body,
               GError     **error)
{
  return lh_json_read_list (body, "members", TRUE, member_from_json, (GDestroyNotify) lh_committee_member_free,
                            NULL, error);
}

void
lh_client_list_committee_members_async (LhClient            *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/committee/members", NULL, LH_AUTH_SESSION, parse_members,
                          (GDestroyNotify) g_ptr_array_unref, lh_client_list_committee_members_async, cancellable,
                          callback, user_data);
}

GPtrArray *
lh_client_list_committee_members_finish (LhClient      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_list_committee_members_async, error);
}

void
lh_client_record_attendees_async (LhClient            *self,
                                  gint64               meeting_id,
                                  GArray              *member_ids,
                                  const char * const  *names,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonArray *ids = json_array_new ();
  JsonArray *others = json_array_new ();
  g_autofree char *path = NULL;

  g_return_if_fail (LH_IS_CLIENT (self));

  for (guint i = 0; member_ids != NULL && i < member_ids->len; i++)
    json_array_add_int_element (ids, g_array_index (member_ids, gint64, i));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    json_array_add_string_element (others, names[i]);
  json_object_set_array_member (body, "attendee_ids", ids);
  json_object_set_array_member (body, "attendee_names", others);
  path = g_strdup_printf ("/committee/meetings/%" G_GINT64_FORMAT, meeting_id);
  lh_client_send_request (self, "PATCH", path, body, LH_AUTH_SESSION, NULL, NULL, lh_client_record_attendees_async,
                          cancellable, callback, user_data);
}

gboolean
lh_client_record_attendees_finish (LhClient      *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return lh_client_check_done (self, result, lh_client_record_attendees_async, error);
}
