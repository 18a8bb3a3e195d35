/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A list read a page at a time: ?after= the id of the last one shown,
 * ?limit= how many; the answer says whether there are more and which id
 * to go on from. Keyset, not offset: each page is an index range. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-error.h"

static const char *
query_value (LhRequest *request, const char *name)
{
  return request->query != NULL ? g_hash_table_lookup (request->query, name) : NULL;
}

gboolean
lh_request_query_page (LhRequest *request, guint default_limit, guint max_limit, gint64 *out_after,
                       guint *out_limit, GError **error)
{
  const char *after = query_value (request, "after");
  const char *limit = query_value (request, "limit");
  guint64 value;
  gint64 id;

  *out_after = 0;
  *out_limit = default_limit;
  if (after != NULL && !g_ascii_string_to_signed (after, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“after” is the id the last page ended with");
      lh_error_set_reason (error, "cursor-invalid");
      return FALSE;
    }
  if (after != NULL)
    *out_after = id;
  if (limit != NULL && !g_ascii_string_to_unsigned (limit, 10, 1, max_limit, &value, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“limit” is 1 to %u", max_limit);
      lh_error_set_reason (error, "limit-invalid");
      return FALSE;
    }
  if (limit != NULL)
    *out_limit = (guint) value;
  return TRUE;
}

gboolean
lh_request_query_flag (LhRequest *request, const char *name, gboolean *out_flag, GError **error)
{
  const char *text = query_value (request, name);

  *out_flag = FALSE;
  if (text == NULL || g_str_equal (text, "false"))
    return TRUE;
  if (g_str_equal (text, "true"))
    {
      *out_flag = TRUE;
      return TRUE;
    }
  g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "“%s” is true or false", name);
  lh_error_set_reason (error, "query-invalid");
  return FALSE;
}

void
lh_routes_page_cursor_error (GError **error)
{
  if (error == NULL || !g_error_matches (*error, LH_ERROR, LH_ERROR_NOT_FOUND))
    return;
  /* The id to go on from is the client's to send right, not a thing
   * asked for: a bad request, not a missing one. */
  (*error)->code = LH_ERROR_BAD_REQUEST;
  lh_error_set_reason (error, "cursor-invalid");
}

void
lh_routes_end_page (JsonBuilder *builder, GPtrArray *rows, guint limit, LhRowId row_id)
{
  gboolean more = rows->len > limit;

  /* The extra row read only tells that there are more. */
  if (more)
    g_ptr_array_set_size (rows, limit);
  json_builder_set_member_name (builder, "more");
  json_builder_add_boolean_value (builder, more);
  json_builder_set_member_name (builder, "next");
  if (more)
    json_builder_add_int_value (builder, row_id (g_ptr_array_index (rows, limit - 1)));
  else
    json_builder_add_null_value (builder);
}
