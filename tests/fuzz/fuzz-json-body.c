/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A request body as the routes read it: lh_json_parse_object, then each
 * member through the typed getters. A body accepted must say the same
 * when written out and read again (json-glib writes a NUL inside a string
 * as \u0000, so a NUL that slipped past the check would be refused here),
 * and a string a getter hands out holds no control character. */
#include "lh-fuzz.h"

#include <string.h>

#include "lh-api-json.h"
#include "lh-text.h"
#include "lh-time.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  return 0;
}

static void
check_member (JsonObject *object, const char *member)
{
  g_autoptr(GError) error = NULL;
  const char *text = NULL;
  gint64 number;
  gboolean flag;

  if (lh_json_get_string (object, member, &text, &error))
    {
      LH_FUZZ_CHECK (text != NULL);
      LH_FUZZ_CHECK (lh_text_check (text, -1, LH_TEXT_LINES, 0, "text", NULL));
    }
  else
    LH_FUZZ_CHECK (error != NULL);
  g_clear_error (&error);
  if (!lh_json_get_int (object, member, &number, &error))
    LH_FUZZ_CHECK (error != NULL);
  g_clear_error (&error);
  if (!lh_json_get_bool (object, member, &flag, &error))
    LH_FUZZ_CHECK (error != NULL);
  (void) lh_json_has (object, member);
}

static void
check_times (JsonObject *object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 start, end, again;

  if (!lh_json_get_times (object, &start, &end, &error))
    {
      LH_FUZZ_CHECK (error != NULL);
      return;
    }
  /* A time accepted is written back as the same instant. */
  for (int i = 0; i < 2; i++)
    {
      gint64 t = i == 0 ? start : end;
      g_autofree char *text = lh_time_format_iso (t, utc);

      LH_FUZZ_CHECK (text != NULL);
      LH_FUZZ_CHECK (lh_time_parse_iso (text, &again, NULL));
      LH_FUZZ_CHECK (again == t);
    }
}

/* Every string of a body accepted, member names too, is UTF-8 with no
 * control character but tabs and line breaks: routes read some of them
 * straight from the tree. */
static void
check_strings (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        {
          LH_FUZZ_CHECK (lh_text_check (l->data, -1, LH_TEXT_LINES, 0, "name", NULL));
          check_strings (json_object_get_member (json_node_get_object (node), l->data));
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_strings (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    LH_FUZZ_CHECK (lh_text_check (json_node_get_string (node), -1, LH_TEXT_LINES, 0, "text", NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = lh_json_parse_object ((const char *) data, size, &error);
  g_autoptr(JsonNode) again = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  gsize length = 0;

  if (root == NULL)
    {
      LH_FUZZ_CHECK (error != NULL && error->message != NULL);
      return 0;
    }
  LH_FUZZ_CHECK (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  members = json_object_get_members (object);
  check_strings (root);
  for (GList *l = members; l != NULL; l = l->next)
    check_member (object, l->data);
  check_member (object, "name");
  check_times (object);

  written = json_to_string (root, FALSE);
  length = strlen (written);
  again = lh_json_parse_object (written, length, &error);
  if (again == NULL)
    fprintf (stderr, "written back: %s\nrefused: %s\n", written, error->message);
  LH_FUZZ_CHECK (again != NULL);
  LH_FUZZ_CHECK (json_object_get_size (json_node_get_object (again)) == json_object_get_size (object));
  return 0;
}
