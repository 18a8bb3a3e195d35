/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-client"

#include "lh-client-equality.h"

#include "lh-client-private.h"
#include "lh-json-read.h"

static void
question_free (LhEqualityQuestion *question)
{
  g_free (question->key);
  g_strfreev (question->groups);
  g_free (question);
}

void
lh_equality_answers_free (LhEqualityAnswers *answers)
{
  if (answers == NULL)
    return;
  g_clear_pointer (&answers->questions, g_ptr_array_unref);
  g_clear_pointer (&answers->answers, g_hash_table_unref);
  g_free (answers);
}

static gpointer
parse_question (JsonObject *object, GTimeZone *tz, GError **error)
{
  g_autofree char *key = NULL;
  LhEqualityQuestion *question;

  if (!lh_json_read_string (object, "key", TRUE, &key, error))
    return NULL;
  question = g_new0 (LhEqualityQuestion, 1);
  question->key = g_steal_pointer (&key);
  question->groups = lh_json_read_strings (object, "groups");
  return question;
}

static gpointer
parse_equality (LhClient *self, JsonObject *body, GError **error)
{
  g_autoptr(LhEqualityAnswers) out = g_new0 (LhEqualityAnswers, 1);
  JsonNode *answers = json_object_get_member (body, "answers");
  JsonObjectIter iter;
  const char *factor;
  JsonNode *group;

  out->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  out->questions = lh_json_read_list (body, "factors", TRUE, parse_question, (GDestroyNotify) question_free, NULL,
                                      error);
  if (out->questions == NULL)
    return NULL;
  /* Only strings: anything else is no answer. */
  if (answers != NULL && JSON_NODE_HOLDS_OBJECT (answers))
    {
      json_object_iter_init (&iter, json_node_get_object (answers));
      while (json_object_iter_next (&iter, &factor, &group))
        if (JSON_NODE_HOLDS_VALUE (group) && json_node_get_value_type (group) == G_TYPE_STRING)
          g_hash_table_insert (out->answers, g_strdup (factor), g_strdup (json_node_get_string (group)));
    }
  return g_steal_pointer (&out);
}

void
lh_client_get_equality_async (LhClient *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  lh_client_send_request (self, "GET", "/me/equality", NULL, LH_AUTH_SESSION, parse_equality,
                          (GDestroyNotify) lh_equality_answers_free, lh_client_get_equality_async, cancellable,
                          callback, user_data);
}

LhEqualityAnswers *
lh_client_get_equality_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_finish (self, result, lh_client_get_equality_async, error);
}

void
lh_client_set_equality_async (LhClient *self, GHashTable *answers, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonObject *given = json_object_new ();
  GHashTableIter iter;
  gpointer factor, group;

  g_return_if_fail (LH_IS_CLIENT (self));
  g_return_if_fail (answers != NULL);

  g_hash_table_iter_init (&iter, answers);
  while (g_hash_table_iter_next (&iter, &factor, &group))
    json_object_set_string_member (given, factor, group);
  json_object_set_object_member (body, "answers", given);
  lh_client_send_request (self, "PUT", "/me/equality", body, LH_AUTH_SESSION, parse_equality,
                          (GDestroyNotify) lh_equality_answers_free, lh_client_set_equality_async, cancellable,
                          callback, user_data);
}

LhEqualityAnswers *
lh_client_set_equality_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_finish (self, result, lh_client_set_equality_async, error);
}

void
lh_client_remove_equality_async (LhClient *self, GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));
  lh_client_send_request (self, "DELETE", "/me/equality", NULL, LH_AUTH_SESSION, NULL, NULL,
                          lh_client_remove_equality_async, cancellable, callback, user_data);
}

gboolean
lh_client_remove_equality_finish (LhClient *self, GAsyncResult *result, GError **error)
{
  return lh_client_check_done (self, result, lh_client_remove_equality_async, error);
}
