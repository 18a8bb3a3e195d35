/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-bench-http.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

struct _LhBenchHttp
{
  guint16            port;
  GSocketConnection *connection;  /* (owned) (nullable) */
  GString           *buffer;      /* (owned) what was read past the last reply */
};

LhBenchHttp *
lh_bench_http_new (guint16 port)
{
  LhBenchHttp *http = g_new0 (LhBenchHttp, 1);

  http->port = port;
  http->buffer = g_string_new (NULL);
  return http;
}

void
lh_bench_http_free (LhBenchHttp *http)
{
  g_clear_object (&http->connection);
  g_string_free (http->buffer, TRUE);
  g_free (http);
}

static gboolean
ensure_connected (LhBenchHttp *http)
{
  g_autoptr(GSocketClient) client = NULL;

  if (http->connection != NULL)
    return TRUE;
  client = g_socket_client_new ();
  http->connection = g_socket_client_connect_to_host (client, "127.0.0.1", http->port, NULL, NULL);
  g_string_truncate (http->buffer, 0);
  return http->connection != NULL;
}

static gboolean
read_more (LhBenchHttp *http)
{
  char chunk[16384];
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (http->connection));
  gssize n = g_input_stream_read (in, chunk, sizeof chunk, NULL, NULL);

  if (n <= 0)
    return FALSE;
  g_string_append_len (http->buffer, chunk, n);
  return TRUE;
}

/* The value of header name in head (its lines, lower-cased), or NULL. */
static const char *
find_header (const char *head, const char *name)
{
  const char *at = strstr (head, name);

  return at != NULL ? at + strlen (name) : NULL;
}

static guint
read_reply (LhBenchHttp *http, GString *body)
{
  const char *end, *length;
  g_autofree char *head = NULL;
  gsize head_len, body_len;
  guint status;

  while ((end = strstr (http->buffer->str, "\r\n\r\n")) == NULL)
    if (!read_more (http))
      return 0;
  head_len = end - http->buffer->str + 4;
  head = g_ascii_strdown (http->buffer->str, head_len);
  if (!g_str_has_prefix (head, "http/1.1 "))
    return 0;
  status = (guint) atoi (head + 9);
  length = find_header (head, "\r\ncontent-length:");
  body_len = length != NULL ? (gsize) g_ascii_strtoull (length, NULL, 10) : 0;
  while (http->buffer->len < head_len + body_len)
    if (!read_more (http))
      return 0;
  if (body != NULL)
    {
      g_string_truncate (body, 0);
      g_string_append_len (body, http->buffer->str + head_len, body_len);
    }
  g_string_erase (http->buffer, 0, head_len + body_len);
  /* The daemon closes after some replies (and says so): connect anew. */
  if (find_header (head, "\r\nconnection: close") != NULL)
    g_clear_object (&http->connection);
  return status;
}

guint
lh_bench_http_post (LhBenchHttp *http, const char *path, const char *auth, const char *json)
{
  return lh_bench_http_request (http, "POST", path, auth, json, NULL);
}

guint
lh_bench_http_request (LhBenchHttp *http, const char *method, const char *path, const char *auth,
                       const char *json, GString *body)
{
  g_autofree char *request = NULL;
  g_autofree char *auth_line = auth != NULL ? g_strdup_printf ("Authorization: %s\r\n", auth) : g_strdup ("");
  GOutputStream *out;
  guint status;

  /* A kiosk's libsoup never sends a request on a connection kept from
   * before: it closes the idle one (one connection per kiosk) and opens
   * another, and the daemon pays for the accept. So does this client. */
  g_clear_object (&http->connection);
  if (!ensure_connected (http))
    return 0;
  if (json != NULL)
    request = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n%s"
                               "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                               method, path, http->port, auth_line, strlen (json), json);
  else
    request = g_strdup_printf ("%s %s HTTP/1.1\r\nHost: 127.0.0.1:%u\r\n%s\r\n",
                               method, path, http->port, auth_line);
  out = g_io_stream_get_output_stream (G_IO_STREAM (http->connection));
  if (!g_output_stream_write_all (out, request, strlen (request), NULL, NULL, NULL) ||
      (status = read_reply (http, body)) == 0)
    {
      g_clear_object (&http->connection);
      return 0;
    }
  return status;
}
