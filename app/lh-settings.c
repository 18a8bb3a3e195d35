/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-settings"

#include "lh-settings.h"

#include "lh-client-private.h"

static gboolean
read_bool (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

void
lh_person_read_settings (LhPerson   *person,
                         JsonObject *session)
{
  JsonNode *node;
  JsonObject *settings;
  const char *language;

  g_return_if_fail (person != NULL);
  g_return_if_fail (session != NULL);

  memset (&person->settings, 0, sizeof person->settings);
  node = json_object_get_member (session, "settings");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  settings = json_node_get_object (node);
  language = json_object_get_string_member_with_default (settings, "language", "");
  if (language != NULL && strlen (language) < sizeof person->settings.language)
    g_strlcpy (person->settings.language, language, sizeof person->settings.language);
  person->settings.large_text = read_bool (settings, "large_text");
  person->settings.high_contrast = read_bool (settings, "high_contrast");
}

void
lh_client_save_settings_async (LhClient           *self,
                               const LhSettings   *settings,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (settings != NULL);

  if (settings->language[0] != '\0')
    json_object_set_string_member (body, "language", settings->language);
  else
    json_object_set_null_member (body, "language");
  json_object_set_boolean_member (body, "large_text", settings->large_text);
  json_object_set_boolean_member (body, "high_contrast", settings->high_contrast);
  lh_client_send_request (self, "PUT", "/me/settings", body, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_save_settings_async, cancellable, callback, user_data);
}

gboolean
lh_client_save_settings_finish (LhClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return lh_client_check_done (self, result, lh_client_save_settings_async, error);
}
