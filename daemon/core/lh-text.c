/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-text"

#include "lh-text.h"

#include <string.h>

#include "lh-error.h"

/* C0 and C1 controls, DEL, and the Unicode line and paragraph separators,
 * which break a line as surely as "\n" does. */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029;
}

static gboolean
refuse_text (GError **error, guint max_chars)
{
  /* Whatever was wrong, the client words the limit from the refusal. */
  if (max_chars > 0)
    lh_error_set_max_chars (error, max_chars);
  return FALSE;
}

gboolean
lh_text_check (const char *text, gssize length, LhTextShape shape, guint max_chars, const char *what,
               GError **error)
{
  gsize size;
  guint n_chars = 0;

  g_return_val_if_fail (what != NULL, FALSE);

  if (text == NULL)
    text = "";
  size = length < 0 ? strlen (text) : (gsize) length;
  if (memchr (text, '\0', size) != NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s holds a NUL character", what);
      return refuse_text (error, max_chars);
    }
  if (!g_utf8_validate_len (text, size, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s is not UTF-8 text", what);
      return refuse_text (error, max_chars);
    }
  for (const char *p = text; p < text + size; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (shape == LH_TEXT_LINES && (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029))
        continue;
      if (is_control (c))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                       shape == LH_TEXT_LINE ? "%s must be one line of text, with no control characters"
                                             : "%s holds a control character",
                       what);
          return refuse_text (error, max_chars);
        }
    }
  if (max_chars > 0 && n_chars > max_chars)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "%s is longer than %u characters", what, max_chars);
      return refuse_text (error, max_chars);
    }
  return TRUE;
}

gboolean
lh_text_one_of (const char * const *names, const char *name, const char *what, GError **error)
{
  g_autofree char *list = NULL;

  if (name != NULL && g_strv_contains (names, name))
    return TRUE;
  list = g_strjoinv (", ", (char **) names);
  g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The %s is one of %s", what, list);
  return FALSE;
}

gboolean
lh_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
