/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's own equality self-declaration: the questions, their own
 * answers, replacing and removing them. There is no route to anyone
 * else's answers, for any role: they are used only in counts. */
#define G_LOG_DOMAIN "lh-api"

#include "lh-routes.h"

#include "lh-equality.h"
#include "lh-error.h"

static void
add_factors (JsonBuilder *builder)
{
  guint n_factors;
  const LhEqualityFactor *factors = lh_equality_factors (&n_factors);

  json_builder_set_member_name (builder, "factors");
  json_builder_begin_array (builder);
  for (guint f = 0; f < n_factors; f++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, factors[f].key);
      json_builder_set_member_name (builder, "groups");
      json_builder_begin_array (builder);
      for (guint g = 0; g < factors[f].n_groups; g++)
        json_builder_add_string_value (builder, factors[f].groups[g].key);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The questions and the person's answers, in the questions' order. */
static void
reply_answers (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) answers = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_factors;
  const LhEqualityFactor *factors = lh_equality_factors (&n_factors);

  answers = lh_equality_get_answers (request->store, request->centre, request->session.person_id, &error);
  if (answers == NULL)
    {
      lh_request_reply_error (request, error);
      return;
    }
  json_builder_begin_object (builder);
  add_factors (builder);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint f = 0; f < n_factors; f++)
    {
      const char *group = g_hash_table_lookup (answers, factors[f].key);

      if (group == NULL)
        continue;
      json_builder_set_member_name (builder, factors[f].key);
      json_builder_add_string_value (builder, group);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  lh_request_reply_builder (request, SOUP_STATUS_OK, builder);
}

void
lh_route_my_equality (LhRequest *request)
{
  reply_answers (request);
}

/* {"answers": {"age-band": "25-34", …}}: strings only; a factor left out
 * is unanswered. */
static GHashTable *
read_answers (JsonNode *body, GError **error)
{
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonNode *node = json_object_get_member (json_node_get_object (body), "answers");
  JsonObjectIter iter;
  const char *factor;
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "answers must be an object of factor to group");
      return NULL;
    }
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &factor, &value))
    {
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "The answer to %s must be a group's key", factor);
          return NULL;
        }
      g_hash_table_insert (answers, g_strdup (factor), g_strdup (json_node_get_string (value)));
    }
  return g_steal_pointer (&answers);
}

void
lh_route_set_my_equality (LhRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GHashTable) answers = NULL;

  body = lh_request_body_object (request, &error);
  if (body != NULL)
    answers = read_answers (body, &error);
  if (answers == NULL)
    {
      lh_error_set_reason (&error, "body-invalid");
      lh_request_reply_error (request, error);
      return;
    }
  if (!lh_equality_set_answers (request->store, request->centre, request->session.person_id, answers, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  /* Never which answers: the log is no place for them. */
  g_debug ("A person changed their equality answers");
  reply_answers (request);
}

void
lh_route_erase_my_equality (LhRequest *request)
{
  g_autoptr(GError) error = NULL;

  if (!lh_equality_erase (request->store, request->centre, request->session.person_id, &error))
    {
      lh_request_reply_error (request, error);
      return;
    }
  g_debug ("A person removed their equality answers");
  lh_request_reply_empty (request, SOUP_STATUS_NO_CONTENT);
}
