/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How LhClient sends a request and reads its answer: the token it
 * carries, the JSON body, the problem of a failure, the parsed result. */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-private.h"

#include <string.h>

typedef struct
{
  SoupMessage    *message;        /* (owned) */
  char           *session_token;  /* (owned) (nullable) the one the request carried */
  LhParseFunc     parse;          /* (nullable) NULL: no body wanted */
  GDestroyNotify  result_free;
  gboolean        want_bytes;     /* the body as it came (a PDF, a CSV) */
} Request;

static void
request_free (Request *request)
{
  g_clear_object (&request->message);
  g_free (request->session_token);
  g_free (request);
}

static void
request_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LhClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) body = NULL;
  gpointer parsed;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("%s %s failed: %s", soup_message_get_method (request->message),
               g_uri_get_path (soup_message_get_uri (request->message)), error->message);
      lh_client_note_reachable (self, FALSE);
      g_task_return_new_error (task, LH_CLIENT_ERROR,
                               error->domain == G_TLS_ERROR ? LH_CLIENT_ERROR_TLS : LH_CLIENT_ERROR_NETWORK,
                               "%s", error->message);
      return;
    }

  lh_client_note_reachable (self, TRUE);
  lh_client_note_server_date (self, soup_message_headers_get_one (soup_message_get_response_headers (request->message),
                                                                 "Date"));
  status = soup_message_get_status (request->message);
  g_debug ("%s %s: %u", soup_message_get_method (request->message),
           g_uri_get_path (soup_message_get_uri (request->message)), status);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      error = lh_client_error_from_problem (request->message, bytes, lh_client_get_time_zone (self));
      if (status == SOUP_STATUS_UNAUTHORIZED)
        lh_client_session_refused (self, request->session_token);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (request->want_bytes)
    {
      g_task_return_pointer (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
      return;
    }
  if (request->parse == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  body = lh_client_parse_object (bytes, &error);
  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  parsed = request->parse (self, body, &error);
  if (parsed == NULL)
    {
      g_task_return_new_error (task, LH_CLIENT_ERROR, LH_CLIENT_ERROR_SERVER,
                               "The server's answer was not understood: %s",
                               error ? error->message : "empty");
      return;
    }
  g_task_return_pointer (task, parsed, request->result_free);
}

static void
send_request (LhClient            *self,
              const char          *method,
              const char          *path,
              JsonObject          *body,
              LhAuth               auth,
              LhParseFunc          parse,
              GDestroyNotify       result_free,
              gboolean             want_bytes,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  const char *base_url = lh_client_get_base_url (self);
  const char *device_token = lh_client_get_device_token (self);
  const char *session_token = lh_client_get_session_token (self);
  const GError *setup_error = lh_client_get_setup_error (self);
  g_autofree char *uri = g_strconcat (base_url, "/api/v1", path, NULL);
  Request *request;
  SoupMessageHeaders *headers;
  const char *token = NULL;

  g_task_set_source_tag (task, source_tag);

  if (setup_error != NULL)
    {
      g_task_return_error (task, g_error_copy (setup_error));
      return;
    }

  request = g_new0 (Request, 1);
  request->parse = parse;
  request->result_free = result_free;
  request->want_bytes = want_bytes;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  request->message = soup_message_new (method, uri);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NETWORK,
                               "The server address “%s” is not valid", base_url);
      return;
    }

  switch (auth)
    {
    case LH_AUTH_NONE:
      break;
    case LH_AUTH_DEVICE:
      token = device_token;
      break;
    case LH_AUTH_SESSION:
      token = session_token;
      break;
    case LH_AUTH_SESSION_OR_DEVICE:
      token = session_token ? session_token : device_token;
      break;
    }
  if (token == session_token)
    request->session_token = g_strdup (token);
  if (auth == LH_AUTH_SESSION && token == NULL)
    {
      g_task_return_new_error (task, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED,
                               "Not signed in");
      return;
    }

  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept",
                                want_bytes ? "*/*" : "application/json, application/problem+json");
  if (token != NULL && *token != '\0')
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), body);
      g_autofree char *text = json_to_string (node, FALSE);
      gsize len = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), len);

      soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
    }

  soup_session_send_and_read_async (lh_client_get_session (self), request->message, G_PRIORITY_DEFAULT,
                                    cancellable, request_cb, g_steal_pointer (&task));
}

void
lh_client_send_request (LhClient            *self,
                        const char          *method,
                        const char          *path,
                        JsonObject          *body,
                        LhAuth               auth,
                        LhParseFunc          parse,
                        GDestroyNotify       result_free,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  send_request (self, method, path, body, auth, parse, result_free, FALSE, source_tag, cancellable, callback,
                user_data);
}

void
lh_client_send_request_for_bytes (LhClient            *self,
                                  const char          *path,
                                  LhAuth               auth,
                                  gpointer             source_tag,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  send_request (self, "GET", path, NULL, auth, NULL, NULL, TRUE, source_tag, cancellable, callback, user_data);
}

static gboolean
is_task_of (LhClient     *self,
            GAsyncResult *result,
            gpointer      source_tag)
{
  return g_task_is_valid (result, self) && g_task_get_source_tag (G_TASK (result)) == source_tag;
}

gpointer
lh_client_check_finish (LhClient      *self,
                        GAsyncResult  *result,
                        gpointer       source_tag,
                        GError       **error)
{
  g_return_val_if_fail (is_task_of (self, result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* For a call sent without a parse function. */
gboolean
lh_client_check_done (LhClient      *self,
                      GAsyncResult  *result,
                      gpointer       source_tag,
                      GError       **error)
{
  g_return_val_if_fail (is_task_of (self, result, source_tag), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
