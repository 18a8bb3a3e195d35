/* SPDX-License-Identifier: GPL-3.0-or-later */
/* data/api/learnhub-api.md checked against the daemon: every route is
 * documented, every status a test saw is listed, and every field of a
 * documented example is in a real response. */
#include <stdlib.h>
#include <string.h>

#include "api-test-parts.h"
#include "lh-api-client.h"
#include "lh-server.h"

typedef struct
{
  char       *key;       /* "METHOD /path" */
  GHashTable *statuses;  /* documented statuses */
  JsonNode   *example;   /* (nullable) the success example */
} DocRoute;

static void
doc_route_free (DocRoute *route)
{
  g_free (route->key);
  g_hash_table_unref (route->statuses);
  g_clear_pointer (&route->example, json_node_unref);
  g_free (route);
}

static GHashTable *
parse_document (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "api", "learnhub-api.md", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *routes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) doc_route_free);
  DocRoute *current = NULL;
  gboolean in_responses = FALSE;
  g_autoptr(GString) block = NULL;
  g_autoptr(GRegex) heading = g_regex_new ("^## (GET|POST|PUT|DELETE|PATCH) (/\\S+)$", 0, 0, NULL);
  g_autoptr(GRegex) status = g_regex_new ("^- `(\\d{3})`", 0, 0, NULL);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (block != NULL)
        {
          if (g_str_has_prefix (lines[i], "```"))
            {
              g_autoptr(JsonParser) parser = json_parser_new ();

              g_assert_true (json_parser_load_from_data (parser, block->str, -1, NULL));
              if (in_responses && current != NULL && current->example == NULL)
                current->example = json_node_ref (json_parser_get_root (parser));
              g_string_free (g_steal_pointer (&block), TRUE);
            }
          else
            g_string_append_printf (block, "%s\n", lines[i]);
          continue;
        }
      if (g_str_has_prefix (lines[i], "```json"))
        {
          block = g_string_new (NULL);
          continue;
        }
      if (g_regex_match (heading, lines[i], 0, &match))
        {
          current = g_new0 (DocRoute, 1);
          current->key = g_strdup (lines[i] + 3);
          current->statuses = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (routes, current->key, current);
          in_responses = FALSE;
          continue;
        }
      if (g_str_has_prefix (lines[i], "## "))
        current = NULL;
      if (current != NULL && g_str_equal (lines[i], "Responses:"))
        in_responses = TRUE;
      g_clear_pointer (&match, g_match_info_free);
      if (current != NULL && in_responses && g_regex_match (status, lines[i], 0, &match))
        {
          g_autofree char *code = g_match_info_fetch (match, 1);
          g_hash_table_add (current->statuses, GUINT_TO_POINTER (atoi (code)));
        }
    }
  return routes;
}

static void
test_document_lists_every_route (void)
{
  g_autoptr(GHashTable) doc = parse_document ();
  guint n;
  const LhRoute *routes = lh_server_get_routes (&n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = g_strdup_printf ("%s %s", routes[i].method, routes[i].path);

      if (!g_hash_table_contains (doc, key))
        g_error ("data/api/learnhub-api.md does not document %s", key);
    }
  g_assert_cmpuint (g_hash_table_size (doc), ==, n);
}

static void
test_document_lists_every_status_seen (void)
{
  g_autoptr(GHashTable) doc = parse_document ();
  GHashTableIter iter;
  gpointer key, value;
  guint n_routes;

  lh_server_get_routes (&n_routes);
  /* The tests above reached every route. */
  g_assert_cmpuint (g_hash_table_size (lh_api_seen_statuses ()), ==, n_routes);
  g_hash_table_iter_init (&iter, lh_api_seen_statuses ());
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DocRoute *route = g_hash_table_lookup (doc, key);
      GHashTableIter statuses;
      gpointer status;

      g_assert_nonnull (route);
      g_hash_table_iter_init (&statuses, value);
      while (g_hash_table_iter_next (&statuses, &status, NULL))
        if (!g_hash_table_contains (route->statuses, status))
          g_error ("%s answered %u, which data/api/learnhub-api.md does not list",
                   (const char *) key, GPOINTER_TO_UINT (status));
    }
}

static void
test_document_examples_match (void)
{
  g_autoptr(GHashTable) doc = parse_document ();
  GHashTableIter iter;
  gpointer key, value;
  guint checked = 0;

  g_hash_table_iter_init (&iter, doc);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      DocRoute *route = value;
      JsonNode *seen = g_hash_table_lookup (lh_api_seen_bodies (), key);
      g_autoptr(GList) members = NULL;

      if (route->example == NULL)
        continue;
      g_assert_nonnull (seen);
      members = json_object_get_members (json_node_get_object (route->example));
      for (GList *l = members; l != NULL; l = l->next)
        if (!json_object_has_member (json_node_get_object (seen), l->data))
          g_error ("%s: the documented field “%s” is not in the response",
                   (const char *) key, (const char *) l->data);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 6);
}

/* Every reason the daemon's code sets (issue 15) is in the document, so
 * that a client can word each one: the literals on a line that sets a
 * reason, or that a helper returns as one (`return "note-required";`). */
static void
scan_reasons (const char *dir_path, GHashTable *reasons)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GRegex) literal = g_regex_new ("\"([a-z0-9]+(?:-[a-z0-9]+)*)\"", 0, 0, NULL);
  g_autoptr(GRegex) returned = g_regex_new ("^\\s*return \"[a-z0-9]+(?:-[a-z0-9]+)+\";", 0, 0, NULL);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".c"))
        continue;
      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (strstr (lines[i], "lh_error_set_too_long") != NULL)
            g_hash_table_add (reasons, g_strdup ("text-too-long"));
          if (strstr (lines[i], "lh_error_set_reason") == NULL && !g_regex_match (returned, lines[i], 0, NULL))
            continue;
          g_regex_match (literal, lines[i], 0, &match);
          while (g_match_info_matches (match))
            {
              g_hash_table_add (reasons, g_match_info_fetch (match, 1));
              g_match_info_next (match, NULL);
            }
        }
    }
}

static void
test_document_lists_every_reason (void)
{
  g_autofree char *doc_path = g_test_build_filename (G_TEST_DIST, "..", "data", "api", "learnhub-api.md", NULL);
  g_autofree char *core = g_test_build_filename (G_TEST_DIST, "..", "daemon", "core", NULL);
  g_autofree char *api = g_test_build_filename (G_TEST_DIST, "..", "daemon", "api", NULL);
  g_autoptr(GHashTable) reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *doc = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer reason;

  g_file_get_contents (doc_path, &doc, NULL, &error);
  g_assert_no_error (error);
  scan_reasons (core, reasons);
  scan_reasons (api, reasons);
  /* The scan finds what it should: old reasons, and the last ones given. */
  g_assert_true (g_hash_table_contains (reasons, "weekly-limit"));
  g_assert_true (g_hash_table_contains (reasons, "note-required"));
  g_assert_true (g_hash_table_contains (reasons, "facility-overlap"));
  g_hash_table_iter_init (&iter, reasons);
  while (g_hash_table_iter_next (&iter, &reason, NULL))
    {
      g_autofree char *quoted = g_strdup_printf ("`%s`", (const char *) reason);

      if (strstr (doc, quoted) == NULL)
        g_error ("data/api/learnhub-api.md does not list the reason %s", (const char *) reason);
    }
}

void
lh_api_document_add_tests (void)
{
  g_test_add_func ("/api/document/lists-every-route", test_document_lists_every_route);
  g_test_add_func ("/api/document/lists-every-status-seen", test_document_lists_every_status_seen);
  g_test_add_func ("/api/document/examples-match", test_document_examples_match);
  g_test_add_func ("/api/document/lists-every-reason", test_document_lists_every_reason);
}
