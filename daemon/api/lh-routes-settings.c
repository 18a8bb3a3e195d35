/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signed-in person's own kiosk settings (language, large text, high
 * contrast): given at sign-in, changed and removed by that person only. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-error.h"
#include "lh-person-settings.h"

gboolean
lh_routes_add_settings (JsonBuilder *builder, LhRequest *request, gint64 person_id, GError **error)
{
  g_auto(LhPersonSettings) settings = { 0 };

  if (!lh_person_settings_get (request->store, person_id, &settings, error))
    return FALSE;
  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "language");
  if (settings.language != NULL)
    json_builder_add_string_value (builder, settings.language);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "large_text");
  json_builder_add_boolean_value (builder, settings.large_text);
  json_builder_set_member_name (builder, "high_contrast");
  json_builder_add_boolean_value (builder, settings.high_contrast);
  json_builder_end_object (builder);
  return TRUE;
}

static void
reply_settings (LhRequest *request, guint status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "languages");
  json_builder_begin_array (builder);
  for (const char * const *l = lh_person_settings_languages (); *l != NULL; l++)
    json_builder_add_string_value (builder, *l);
  json_builder_end_array (builder);
  if (!lh_routes_add_settings (builder, request, request->session.person_id, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_end_object (builder);
  lh_request_reply_builder (request, status, builder);
}

void
lh_route_my_settings (LhRequest *request)
{
  reply_settings (request, SOUP_STATUS_OK);
}

static gboolean
is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* Each member given replaces the one kept; a member left out stays as
 * it was. A wrong type or an unknown member is refused whole. */
static gboolean
read_settings (JsonNode *body, LhPersonSettings *settings, GError **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, json_node_get_object (body));
  while (json_object_iter_next (&iter, &name, &value))
    {
      if (g_str_equal (name, "language") && JSON_NODE_HOLDS_NULL (value))
        g_clear_pointer (&settings->language, g_free);
      else if (g_str_equal (name, "language") && JSON_NODE_HOLDS_VALUE (value) &&
               json_node_get_value_type (value) == G_TYPE_STRING)
        {
          const char *language = json_node_get_string (value);

          if (!lh_person_settings_language_known (language))
            {
              g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "There is no language %s here", language);
              lh_error_set_reason (error, "language-unknown");
              return FALSE;
            }
          g_free (settings->language);
          settings->language = g_strdup (language);
        }
      else if (g_str_equal (name, "large_text") && is_boolean (value))
        settings->large_text = json_node_get_boolean (value);
      else if (g_str_equal (name, "high_contrast") && is_boolean (value))
        settings->high_contrast = json_node_get_boolean (value);
      else
        {
          g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST,
                       "%s is not a setting, or not of its type (language: a string or null; "
                       "large_text, high_contrast: true or false)", name);
          lh_error_set_reason (error, "body-invalid");
          return FALSE;
        }
    }
  return TRUE;
}

void
lh_route_set_my_settings (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_auto(LhPersonSettings) settings = { 0 };

  body = lh_request_body_object (request, &error);
  if (body == NULL)
    lh_error_set_reason (&error, "body-invalid");
  if (body == NULL ||
      !lh_person_settings_get (request->store, request->session.person_id, &settings, &error) ||
      !read_settings (body, &settings, &error) ||
      !lh_person_settings_set (request->store, request->session.person_id, &settings,
                               request->now, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  reply_settings (request, SOUP_STATUS_OK);
}

void
lh_route_erase_my_settings (LhRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!lh_person_settings_erase (request->store, request->session.person_id, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  lh_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}
