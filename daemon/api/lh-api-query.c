/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-api-query.h"

#include "lh-error.h"
#include "lh-text.h"

gboolean
lh_api_query_check (SoupServerMessage *msg, GError **error)
{
  return lh_api_query_check_text (g_uri_get_query (soup_server_message_get_uri (msg)), error);
}

gboolean
lh_api_query_check_text (const char *query, GError **error)
{
  g_autoptr(GBytes) decoded = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  if (query == NULL)
    return TRUE;
  /* The bytes, NULs and all; "+" (a space in a form) is harmless here. */
  decoded = g_uri_unescape_bytes (query, -1, NULL, NULL);
  if (decoded == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "The address’s query has a broken %% escape");
      return FALSE;
    }
  data = g_bytes_get_data (decoded, &size);
  if (!lh_text_check (data, (gssize) size, LH_TEXT_LINE, 0, "The address’s query", &local_error))
    {
      g_set_error_literal (error, LH_ERROR, LH_ERROR_BAD_REQUEST, local_error->message);
      return FALSE;
    }
  return TRUE;
}
