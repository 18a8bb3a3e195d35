/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-json-read"

#include "lh-json-read.h"

#include <gio/gio.h>
#include <stdio.h>

#include "lh-types.h"

/* NULL for a member that is missing or null: the API's "none". */
static JsonNode *
value_or_null (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
missing (const char  *member,
         GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is missing", member);
  return FALSE;
}

gboolean
lh_json_read_string (JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     char       **out,
                     GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = value_or_null (object, member);
  *out = NULL;
  if (node == NULL)
    return !required || missing (member, error);
  if (!holds_type (node, G_TYPE_STRING))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not a string", member);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
lh_json_read_int (JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  gint64      *out,
                  GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = value_or_null (object, member);
  *out = 0;
  if (node == NULL && !required)
    return TRUE;
  if (node == NULL || !holds_type (node, G_TYPE_INT64))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not a whole number", member);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
lh_json_read_small_int (JsonObject  *object,
                        const char  *member,
                        int         *out,
                        GError     **error)
{
  gint64 value;

  g_return_val_if_fail (out != NULL, FALSE);

  if (!lh_json_read_int (object, member, FALSE, &value, error))
    return FALSE;
  *out = (int) CLAMP (value, 0, G_MAXINT);
  return TRUE;
}

gboolean
lh_json_read_bool (JsonObject  *object,
                   const char  *member,
                   gboolean    *out,
                   GError     **error)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  node = value_or_null (object, member);
  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds_type (node, G_TYPE_BOOLEAN))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not true or false", member);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
lh_json_read_time (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   GTimeZone   *tz,
                   GDateTime  **out,
                   GError     **error)
{
  g_return_val_if_fail (object != NULL && member != NULL && out != NULL, FALSE);

  *out = NULL;
  if (!required && value_or_null (object, member) == NULL)
    return TRUE;
  *out = lh_parse_time (object, member, tz, error);
  return *out != NULL;
}

gboolean
lh_json_read_date (JsonObject  *object,
                   const char  *member,
                   GDate      **out,
                   GError     **error)
{
  g_autofree char *text = NULL;
  int year, month, day;

  *out = NULL;
  if (!lh_json_read_string (object, member, TRUE, &text, error))
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Field “%s” is not a date", member);
      return FALSE;
    }
  *out = g_date_new_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

GStrv
lh_json_read_strings (JsonObject *object,
                      const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  g_return_val_if_fail (object != NULL && member != NULL, NULL);

  node = value_or_null (object, member);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (holds_type (element, G_TYPE_STRING))
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
lh_json_read_list (JsonObject      *object,
                   const char      *member,
                   gboolean         required,
                   LhJsonItemParse  parse,
                   GDestroyNotify   free_func,
                   GTimeZone       *tz,
                   GError         **error)
{
  g_autoptr(GPtrArray) list = NULL;
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (object != NULL && member != NULL && parse != NULL, NULL);

  list = g_ptr_array_new_with_free_func (free_func);
  node = value_or_null (object, member);
  if (node == NULL && !required)
    return g_steal_pointer (&list);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No %s list", member);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "An item of %s is not an object", member);
          return NULL;
        }
      item = parse (json_node_get_object (element), tz, error);
      if (item == NULL)
        {
          g_prefix_error (error, "In %s: ", member);
          return NULL;
        }
      g_ptr_array_add (list, item);
    }
  return g_steal_pointer (&list);
}
