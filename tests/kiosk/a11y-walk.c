/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Walks the AT-SPI tree of one process's windows, as a screen reader
 * sees them, and prints one line per problem (nothing when all is well):
 *
 *   a11y-walk names PID
 *     every control a person can reach (focusable, or a button, toggle,
 *     check box, entry…) has an accessible name, and that name contains
 *     the words of the label shown on it;
 *   a11y-walk markers PID [ALLOWED…]
 *     every text shown or read out (labels, names, descriptions) is
 *     inside the pseudo-translation's ⟦ ⟧ markers, but for the ALLOWED
 *     data (people's names, PCs…), which are not translated.
 *
 * A program of its own, not code in the kiosk test: libatspi blocks on
 * D-Bus calls, and the kiosk can only answer them while its main loop
 * runs. The test runs this while it keeps its main loop going. */
#include <atspi/atspi.h>
#include <stdio.h>
#include <string.h>

/* libatspi 2.46 declares no g_autoptr() cleanups. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiStateSet, g_object_unref)

#define OPEN_MARK "⟦"
#define CLOSE_MARK "⟧"

typedef struct
{
  gboolean  markers;
  GStrv     allowed;
  GString  *path;      /* where in the tree, for the messages */
  guint     problems;
  guint     nodes;
} Walk;

static gboolean
is_control (AtspiRole     role,
            AtspiStateSet *states)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_LINK:
    case ATSPI_ROLE_MENU_ITEM:
    case ATSPI_ROLE_SLIDER:
      return TRUE;
    case ATSPI_ROLE_TEXT:
      /* GTK's entries and text views. */
      return atspi_state_set_contains (states, ATSPI_STATE_EDITABLE);
    default:
      /* A list row that activates, a focusable card… */
      return atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE) &&
             role != ATSPI_ROLE_LIST && role != ATSPI_ROLE_TABLE &&
             role != ATSPI_ROLE_SCROLL_PANE && role != ATSPI_ROLE_FRAME &&
             role != ATSPI_ROLE_WINDOW && role != ATSPI_ROLE_TEXT &&
             role != ATSPI_ROLE_LABEL && role != ATSPI_ROLE_PANEL;
    }
}

/* GTK reads out a widget's type name ("GtkButton") when it has none. */
static gboolean
is_no_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return TRUE;
  if (!g_str_has_prefix (name, "Gtk") && !g_str_has_prefix (name, "Adw") && !g_str_has_prefix (name, "Lh"))
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  return TRUE;
}

/* The words of a text, lower case, letters and digits only. */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *word = g_string_new (NULL);

  for (const char *c = lower; ; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (u != 0 && g_unichar_isalnum (u))
        g_string_append_unichar (word, u);
      else if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (u == 0)
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

static gboolean
contains_words (const char *name,
                const char *label)
{
  g_autoptr(GPtrArray) have = words_of (name);
  g_autoptr(GPtrArray) want = words_of (label);

  for (guint i = 0; i < want->len; i++)
    {
      gboolean found = FALSE;
      gboolean has_letter = FALSE;

      /* Numbers and signs are not words: a key showing "123" may be
       * named "Numbers and symbols". */
      for (const char *c = want->pdata[i]; *c && !has_letter; c = g_utf8_next_char (c))
        has_letter = g_unichar_isalpha (g_utf8_get_char (c));
      if (!has_letter)
        continue;
      for (guint j = 0; j < have->len && !found; j++)
        found = g_str_equal (want->pdata[i], have->pdata[j]);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static char *
text_of (AtspiAccessible *node)
{
  AtspiText *text = atspi_accessible_get_text_iface (node);
  char *result = NULL;

  if (text != NULL)
    {
      int n = atspi_text_get_character_count (text, NULL);

      result = atspi_text_get_text (text, 0, n, NULL);
      g_object_unref (text);
    }
  return result;
}

/* The first label shown inside a control: the words on it. */
static char *
first_label (AtspiAccessible *node,
             guint            depth)
{
  int n = atspi_accessible_get_child_count (node, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (node, i, NULL);
      char *found = NULL;

      if (child == NULL)
        continue;
      if (atspi_accessible_get_role (child, NULL) == ATSPI_ROLE_LABEL)
        {
          found = text_of (child);
          if (found == NULL)
            found = atspi_accessible_get_name (child, NULL);
          if (found != NULL && *g_strstrip (found) != '\0')
            return found;
          g_free (found);
          found = NULL;
        }
      if (depth < 6 && (found = first_label (child, depth + 1)) != NULL)
        return found;
    }
  return NULL;
}

static void
problem (Walk       *walk,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Walk       *walk,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  printf ("%s (at %s)\n", message, walk->path->str);
  walk->problems++;
}

/* The text with everything inside markers and every allowed datum taken
 * out: what is left must have no letters. */
static gboolean
escapes (Walk       *walk,
         const char *text)
{
  g_autoptr(GString) left = g_string_new (NULL);
  int depth = 0;

  for (const char *c = text; *c; )
    {
      if (g_str_has_prefix (c, OPEN_MARK))
        depth++, c += strlen (OPEN_MARK);
      else if (g_str_has_prefix (c, CLOSE_MARK))
        depth = MAX (depth - 1, 0), c += strlen (CLOSE_MARK);
      else
        {
          const char *next = g_utf8_next_char (c);

          if (depth == 0)
            g_string_append_len (left, c, next - c);
          c = next;
        }
    }
  /* One letter alone is a key of the on-screen keyboard, not a word. */
  {
    g_autofree char *key = g_strstrip (g_strdup (left->str));

    if (g_utf8_strlen (key, -1) == 1)
      return FALSE;
  }
  for (guint i = 0; walk->allowed[i] != NULL; i++)
    if (*walk->allowed[i] != '\0')
      g_string_replace (left, walk->allowed[i], " ", 0);
  for (const char *c = left->str; *c; c = g_utf8_next_char (c))
    if (g_unichar_isalpha (g_utf8_get_char (c)))
      return TRUE;
  return FALSE;
}

static void
check_markers (Walk       *walk,
               const char *what,
               const char *text)
{
  if (text != NULL && escapes (walk, text))
    problem (walk, "untranslated %s “%s”", what, text);
}

static void
walk_node (Walk            *walk,
           AtspiAccessible *node)
{
  g_autoptr(AtspiStateSet) states = atspi_accessible_get_state_set (node);
  AtspiRole role = atspi_accessible_get_role (node, NULL);
  g_autofree char *role_name = NULL;
  g_autofree char *name = atspi_accessible_get_name (node, NULL);
  gsize path_len = walk->path->len;
  int n;

  /* Only what is on the screen: the test hides the rest (GTK 4.8 never
   * says SHOWING). */
  role_name = atspi_role_get_name (role);  /* (transfer full) */
  walk->nodes++;
  g_string_append_printf (walk->path, "/%s", role_name);
  if (!is_no_name (name))
    g_string_append_printf (walk->path, "“%s”", name);

  /* The application's own name and description are the program's. */
  if (walk->markers && role != ATSPI_ROLE_APPLICATION)
    {
      g_autofree char *description = atspi_accessible_get_description (node, NULL);

      if (role != ATSPI_ROLE_FRAME && !is_no_name (name))
        check_markers (walk, "name", name);
      check_markers (walk, "description", description);
      if (role == ATSPI_ROLE_LABEL)
        {
          g_autofree char *text = text_of (node);

          check_markers (walk, "label", text);
        }
    }
  else if (is_control (role, states))
    {
      g_autofree char *label = first_label (node, 0);

      if (is_no_name (name))
        problem (walk, "%s without a name%s%s%s", role_name, label ? " (it shows “" : "",
                 label ? label : "", label ? "”)" : "");
      else if (label != NULL && !contains_words (name, label))
        problem (walk, "%s named “%s” shows “%s”", role_name, name, label);
    }

  n = atspi_accessible_get_child_count (node, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (node, i, NULL);

      if (child != NULL)
        walk_node (walk, child);
    }
  g_string_truncate (walk->path, path_len);
}

int
main (int   argc,
      char *argv[])
{
  Walk walk = { 0 };
  g_autoptr(AtspiAccessible) desktop = NULL;
  GPid pid;
  guint apps = 0;
  int n;

  if (argc < 3 || (!g_str_equal (argv[1], "names") && !g_str_equal (argv[1], "markers")))
    {
      fprintf (stderr, "Usage: %s names|markers PID [ALLOWED…]\n", argv[0]);
      return 2;
    }
  walk.markers = g_str_equal (argv[1], "markers");
  pid = (GPid) g_ascii_strtoll (argv[2], NULL, 10);
  walk.allowed = argv + 3;
  walk.path = g_string_new (NULL);
  if (atspi_init () < 0)
    {
      fprintf (stderr, "No accessibility bus\n");
      return 2;
    }

  desktop = atspi_get_desktop (0);
  n = atspi_accessible_get_child_count (desktop, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (app == NULL || (GPid) atspi_accessible_get_process_id (app, NULL) != pid)
        continue;
      /* Names and children change as pages change: nothing from a cache. */
      atspi_accessible_set_cache_mask (app, ATSPI_CACHE_NONE);
      apps++;
      walk_node (&walk, app);
    }
  if (apps == 0)
    {
      fprintf (stderr, "Process %d is not on the accessibility bus\n", (int) pid);
      return 2;
    }
  fprintf (stderr, "%u nodes walked, %u problems\n", walk.nodes, walk.problems);
  g_string_free (walk.path, TRUE);
  return 0;
}
