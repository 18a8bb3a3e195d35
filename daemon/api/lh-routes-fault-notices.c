/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's kiosk session says which booking notices it showed them:
 * only then are they told, so a notice sent to a kiosk where someone else
 * sat, or never drawn, is given again at the next sign-in. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-api-json.h"
#include "lh-error.h"

/* More than a sign-in ever lists: a bigger list is not a kiosk's. */
#define NOTICE_IDS_AT_MOST LH_FAULT_NOTICES_AT_MOST

static GArray *
read_notice_ids (JsonObject *object, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonNode *node = json_object_get_member (object, "notice_ids");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“notice_ids” must be a list of notice ids");
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0 || json_array_get_length (array) > NOTICE_IDS_AT_MOST)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“notice_ids” holds 1 to %d ids", NOTICE_IDS_AT_MOST);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64 ||
          (id = json_node_get_int (element)) <= 0)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "Each of “notice_ids” must be a notice id");
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

void
lh_route_notices_seen (LhRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  body = lh_request_body_object (request, &error);
  if (body != NULL)
    ids = read_notice_ids (json_node_get_object (body), &error);
  if (ids == NULL)
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_faults_notices_seen (request->store, request->session.person_id, (const gint64 *) (gpointer) ids->data,
                               ids->len, request->now, &error))
    {
      if (g_error_matches (error, LH_ERROR, LH_ERROR_NOT_FOUND))
        lh_error_set_reason (&error, "notice-not-found");
      lh_request_reply_error (request, error);
      return;
    }
  g_debug ("Person %" G_GINT64_FORMAT " was shown %u booking notices", request->session.person_id, ids->len);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seen");
  json_builder_add_int_value (builder, ids->len);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, SOUP_STATUS_OK, builder);
}
