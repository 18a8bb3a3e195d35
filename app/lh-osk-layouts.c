/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-osk"

#include "lh-osk-layouts.h"

#include <string.h>

static const char *const english_rows[] = { "qwertyuiop", "asdfghjkl'", "zxcvbnm-", NULL };
/* The letters beyond English in a row of their own, reachable in one tap. */
static const char *const polish_rows[] = { "ąćęłńóśźż", "qwertyuiop", "asdfghjkl'", "zxcvbnm-", NULL };
static const char *const romanian_rows[] = { "ăâîșț", "qwertyuiop", "asdfghjkl'", "zxcvbnm-", NULL };
/* The Arabic PC layout's letters, right to left as GTK lays them out. */
static const char *const arabic_rows[] = { "ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرىةوزظذ", NULL };
static const char *const symbol_rows[] = { "1234567890", "@#£&_-+()/", "*\"':;!?,.", NULL };

static const LhOskLayout layouts[] = {
  { "en", english_rows, TRUE },
  { "pl", polish_rows, TRUE },
  { "ro", romanian_rows, TRUE },
  { "ar", arabic_rows, FALSE },
};

const LhOskLayout *
lh_osk_layout_for_language (const char *language)
{
  for (gsize i = 0; language != NULL && i < G_N_ELEMENTS (layouts); i++)
    {
      gsize len = strlen (layouts[i].language);

      /* "pl", "pl_PL", "pl_PL.UTF-8", "pl@…": not "plt". */
      if (g_ascii_strncasecmp (language, layouts[i].language, len) == 0 &&
          strchr ("_.@", language[len]) != NULL)
        return &layouts[i];
    }
  return &layouts[0];
}

const LhOskLayout *
lh_osk_layout_current (void)
{
  return lh_osk_layout_for_language (g_get_language_names ()[0]);
}

const char *const *
lh_osk_symbol_rows (void)
{
  return symbol_rows;
}
