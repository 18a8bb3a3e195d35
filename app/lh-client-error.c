/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LH_CLIENT_ERROR, and problem+json answers turned into it. */
#define G_LOG_DOMAIN "lh-client"

#include <string.h>

#include "lh-client-private.h"

/* ---- error domain ------------------------------------------------------ */

typedef struct
{
  GDateTime *locked_until;  /* (owned) (nullable) */
  char      *title;         /* (owned) (nullable) */
  char      *reason;        /* (owned) (nullable) the problem's reason code */
  guint      max_chars;     /* a refused text's limit; 0: none given */
  char      *field;         /* (owned) (nullable) and the member it is in */
  JsonObject *problem;      /* (owned) (nullable) the whole problem, for its numbers */
} LhClientErrorPrivate;

static void
lh_client_error_private_init (LhClientErrorPrivate *priv)
{
  priv->locked_until = NULL;
  priv->title = NULL;
  priv->reason = NULL;
  priv->max_chars = 0;
  priv->field = NULL;
  priv->problem = NULL;
}

static void
lh_client_error_private_copy (const LhClientErrorPrivate *src,
                              LhClientErrorPrivate       *dest)
{
  dest->locked_until = src->locked_until ? g_date_time_ref (src->locked_until) : NULL;
  dest->title = g_strdup (src->title);
  dest->reason = g_strdup (src->reason);
  dest->max_chars = src->max_chars;
  dest->field = g_strdup (src->field);
  dest->problem = src->problem ? json_object_ref (src->problem) : NULL;
}

static void
lh_client_error_private_clear (LhClientErrorPrivate *priv)
{
  g_clear_pointer (&priv->locked_until, g_date_time_unref);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->reason, g_free);
  g_clear_pointer (&priv->field, g_free);
  g_clear_pointer (&priv->problem, json_object_unref);
}

G_DEFINE_EXTENDED_ERROR (LhClientError, lh_client_error)

GDateTime *
lh_client_error_get_locked_until (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != LH_CLIENT_ERROR)
    return NULL;
  return lh_client_error_get_private (error)->locked_until;
}

const char *
lh_client_error_get_title (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != LH_CLIENT_ERROR)
    return NULL;
  return lh_client_error_get_private (error)->title;
}

const char *
lh_client_error_get_reason (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != LH_CLIENT_ERROR)
    return NULL;
  return lh_client_error_get_private (error)->reason;
}

guint
lh_client_error_get_max_chars (const GError  *error,
                               const char   **out_field)
{
  g_return_val_if_fail (error != NULL, 0);

  if (out_field != NULL)
    *out_field = NULL;
  if (error->domain != LH_CLIENT_ERROR)
    return 0;
  if (out_field != NULL)
    *out_field = lh_client_error_get_private (error)->field;
  return lh_client_error_get_private (error)->max_chars;
}

/* A number the refusal carries with its reason (`limit_minutes`…), so
 * the kiosk words it itself. Returns: FALSE if the problem has none. */
gboolean
lh_client_error_get_number (const GError *error,
                            const char   *member,
                            gint64       *out_value)
{
  JsonObject *problem;
  JsonNode *node;

  g_return_val_if_fail (error != NULL, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  if (error->domain != LH_CLIENT_ERROR)
    return FALSE;
  problem = lh_client_error_get_private (error)->problem;
  node = problem ? json_object_get_member (problem, member) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  if (out_value != NULL)
    *out_value = json_node_get_int (node);
  return TRUE;
}

gboolean
lh_client_error_get_text (const GError  *error,
                          const char    *member,
                          const char   **out_value)
{
  JsonObject *problem;
  JsonNode *node;

  g_return_val_if_fail (error != NULL, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  if (out_value != NULL)
    *out_value = NULL;
  if (error->domain != LH_CLIENT_ERROR)
    return FALSE;
  problem = lh_client_error_get_private (error)->problem;
  node = problem ? json_object_get_member (problem, member) : NULL;
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  if (out_value != NULL)
    *out_value = json_node_get_string (node);
  return TRUE;
}

/* ---- problems --------------------------------------------------------- */

static LhClientError
code_from_problem (const char *type,
                   guint       status)
{
  static const struct { const char *suffix; LhClientError code; } types[] = {
    { "bad-request", LH_CLIENT_ERROR_BAD_REQUEST },
    { "unauthorized", LH_CLIENT_ERROR_UNAUTHORIZED },
    { "forbidden", LH_CLIENT_ERROR_FORBIDDEN },
    { "not-found", LH_CLIENT_ERROR_NOT_FOUND },
    { "conflict", LH_CLIENT_ERROR_CONFLICT },
    { "payload-too-large", LH_CLIENT_ERROR_BAD_REQUEST },
    { "invalid", LH_CLIENT_ERROR_INVALID },
    { "locked", LH_CLIENT_ERROR_LOCKED },
    { "kiosk-slowed", LH_CLIENT_ERROR_KIOSK_SLOWED },
    { "unavailable", LH_CLIENT_ERROR_UNAVAILABLE },
    { "internal", LH_CLIENT_ERROR_SERVER },
  };
  const char *slash = type ? strrchr (type, '/') : NULL;
  const char *suffix = slash ? slash + 1 : type;

  for (gsize i = 0; suffix != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (suffix, types[i].suffix))
      return types[i].code;

  /* An unknown type: fall back on the status. */
  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return LH_CLIENT_ERROR_BAD_REQUEST;
    case SOUP_STATUS_UNAUTHORIZED:
      return LH_CLIENT_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN:
      return LH_CLIENT_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
      return LH_CLIENT_ERROR_NOT_FOUND;
    case SOUP_STATUS_CONFLICT:
      return LH_CLIENT_ERROR_CONFLICT;
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      return LH_CLIENT_ERROR_INVALID;
    case 429:
      return LH_CLIENT_ERROR_LOCKED;
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      return LH_CLIENT_ERROR_UNAVAILABLE;
    default:
      return LH_CLIENT_ERROR_SERVER;
    }
}

JsonObject *
lh_client_parse_object (GBytes  *bytes,
                        GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  JsonNode *root;

  if (data == NULL || size == 0 ||
      !json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_SERVER,
                           "The server's answer is not a JSON object");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

GError *
lh_client_error_from_problem (SoupMessage *message,
                              GBytes      *bytes,
                              GTimeZone   *tz)
{
  guint status = soup_message_get_status (message);
  g_autoptr(JsonObject) problem = lh_client_parse_object (bytes, NULL);
  const char *type = NULL;
  const char *title = NULL;
  const char *detail = NULL;
  GError *error;
  LhClientErrorPrivate *priv;

  if (problem != NULL)
    {
      type = json_object_get_string_member_with_default (problem, "type", NULL);
      title = json_object_get_string_member_with_default (problem, "title", NULL);
      detail = json_object_get_string_member_with_default (problem, "detail", NULL);
    }
  error = g_error_new_literal (LH_CLIENT_ERROR, code_from_problem (type, status),
                               detail ? detail : title ? title : soup_status_get_phrase (status));
  priv = lh_client_error_get_private (error);
  priv->title = g_strdup (title);
  if (problem != NULL)
    {
      gint64 max_chars = json_object_get_int_member_with_default (problem, "max_chars", 0);

      priv->reason = g_strdup (json_object_get_string_member_with_default (problem, "reason", NULL));
      priv->max_chars = max_chars > 0 && max_chars <= G_MAXUINT ? (guint) max_chars : 0;
      priv->field = g_strdup (json_object_get_string_member_with_default (problem, "field", NULL));
      priv->problem = json_object_ref (problem);
    }
  if (problem != NULL && json_object_has_member (problem, "locked_until"))
    priv->locked_until = lh_parse_time (problem, "locked_until", tz, NULL);
  return error;
}
