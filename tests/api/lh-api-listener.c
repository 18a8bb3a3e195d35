/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-api-listener.h"

void
lh_api_listener_free (LhApiListener *listener)
{
  if (listener->connection != NULL &&
      soup_websocket_connection_get_state (listener->connection) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (listener->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&listener->connection);
  g_clear_error (&listener->error);
  g_ptr_array_unref (listener->messages);
  g_free (listener);
}

static void
message_cb (SoupWebsocketConnection *connection, gint type, GBytes *message, gpointer user_data)
{
  LhApiListener *listener = user_data;

  g_ptr_array_add (listener->messages, g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message)));
}

static void
connected_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LhApiListener *listener = user_data;

  listener->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &listener->error);
  listener->done = TRUE;
  if (listener->connection != NULL)
    g_signal_connect (listener->connection, "message", G_CALLBACK (message_cb), listener);
}

void
lh_api_spin (double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

LhApiListener *
lh_api_listen (SoupSession *session, const char *base_url, const char *token)
{
  LhApiListener *listener = g_new0 (LhApiListener, 1);
  g_autofree char *url = g_strconcat (base_url, "/api/v1/events", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  listener->messages = g_ptr_array_new_with_free_func (g_free);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL, connected_cb, listener);
  while (!listener->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
  g_assert_true (listener->done);
  g_assert_no_error (listener->error);
  return listener;
}

/* The data of message n if it is of type (and member == value). */
static JsonNode *
match (const char *text, const char *type, const char *member, gint64 value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *event, *data;

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  event = json_node_get_object (json_parser_get_root (parser));
  if (!g_str_equal (json_object_get_string_member (event, "type"), type))
    return NULL;
  data = json_object_get_object_member (event, "data");
  if (member != NULL && (!json_object_has_member (data, member) || json_object_get_int_member (data, member) != value))
    return NULL;
  return json_node_copy (json_object_get_member (event, "data"));
}

JsonNode *
lh_api_listener_wait (LhApiListener *listener, const char *type, const char *member, gint64 value)
{
  /* Long enough for a loaded test host; only a failing wait takes it. */
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  guint seen = 0;

  for (;;)
    {
      for (; seen < listener->messages->len; seen++)
        {
          JsonNode *data = match (g_ptr_array_index (listener->messages, seen), type, member, value);

          if (data != NULL)
            return data;
        }
      if (g_get_monotonic_time () >= deadline)
        return NULL;
      g_main_context_iteration (NULL, FALSE) || (g_usleep (500), TRUE);
    }
}

gboolean
lh_api_listener_heard (LhApiListener *listener, const char *type)
{
  for (guint i = 0; i < listener->messages->len; i++)
    {
      g_autoptr(JsonNode) data = match (g_ptr_array_index (listener->messages, i), type, NULL, 0);

      if (data != NULL)
        return TRUE;
    }
  return FALSE;
}
