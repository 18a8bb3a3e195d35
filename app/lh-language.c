/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-language"

#include "lh-language.h"

#include <glib/gi18n.h>
#include <locale.h>

/* The LC_TIME locales tried for each language, in order. */
typedef struct
{
  LhLanguage          language;
  const char * const  locales[4];
  gboolean            rtl;
} Entry;

static const Entry entries[] = {
  { { "en", "English" }, { "en_GB.UTF-8", "en_GB.utf8", "C.UTF-8", NULL }, FALSE },
  { { "pl", "Polski" }, { "pl_PL.UTF-8", "pl_PL.utf8", NULL }, FALSE },
  { { "ro", "Română" }, { "ro_RO.UTF-8", "ro_RO.utf8", NULL }, FALSE },
  { { "ar", "العربية" }, { "ar_EG.UTF-8", "ar_EG.utf8", "ar_SA.UTF-8", NULL }, TRUE },
};

static LhLanguage list[G_N_ELEMENTS (entries)];
static char *default_code;  /* (owned) the configured or the environment's */
static char *extra_code;    /* (owned) a catalogue named by LANGUAGE that
                             * is none of the list's: a translator trying
                             * one, or the tests' pseudo-translation */
static char *current_code;  /* (owned) */

static const Entry *
find (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (entries); i++)
    if (g_str_equal (entries[i].language.code, code))
      return &entries[i];
  return NULL;
}

const LhLanguage *
lh_language_list (guint *out_n)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    list[i] = entries[i].language;
  *out_n = G_N_ELEMENTS (entries);
  return list;
}

gboolean
lh_language_known (const char *code)
{
  return find (code) != NULL || (code != NULL && g_strcmp0 (code, extra_code) == 0);
}

void
lh_language_bind_domain (void)
{
  const char *localedir = g_getenv ("LEARNHUB_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* "pl_PL.UTF-8" or "pl:en" → "pl", if the kiosk has it. */
static const char *
code_of (const char *value)
{
  g_autofree char *two = NULL;
  const Entry *entry;

  if (value == NULL || strlen (value) < 2)
    return NULL;
  two = g_strndup (value, 2);
  entry = find (two);
  return entry != NULL ? entry->language.code : NULL;
}

/* The environment's language: one of the list's, or a catalogue LANGUAGE
 * names that the list does not have (kept, so that it can be tried). */
static void
detect_default (void)
{
  const char * const names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
  const char *code = NULL;

  for (guint i = 0; code == NULL && i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        {
          code = code_of (value);
          if (code == NULL && i == 0)
            {
              g_auto(GStrv) first = g_strsplit (value, ":", 2);

              g_free (extra_code);
              extra_code = g_strdup (first[0]);
              code = extra_code;
            }
          /* A locale set but not one of ours (C, de_DE): English. */
          else if (code == NULL)
            code = "en";
        }
    }
  g_free (default_code);
  default_code = g_strdup (code != NULL ? code : "en");
}

void
lh_language_init (void)
{
  detect_default ();
  lh_language_apply ("en");
}

void
lh_language_set_default (const char *code)
{
  if (code == NULL || *code == '\0')
    return;
  if (!lh_language_known (code))
    {
      g_message ("The kiosk has no language %s; keeping %s", code, lh_language_get_default ());
      return;
    }
  g_free (default_code);
  default_code = g_strdup (code);
}

const char *
lh_language_get_default (void)
{
  if (default_code == NULL)
    detect_default ();
  return default_code;
}

const char *
lh_language_get_current (void)
{
  return current_code != NULL ? current_code : "en";
}

/* Day and month names come from the C library's locale for LC_TIME.
 * Where none of the language's locales is generated (tools/lib.sh
 * generates them), dates keep the C.UTF-8 locale's English names while
 * the words around them are translated (gettext needs only LANGUAGE and
 * the catalogue): a date still reads right, as numbers and English
 * names, rather than not at all. */
static void
set_time_locale (const Entry *entry)
{
  for (guint i = 0; entry->locales[i] != NULL; i++)
    if (setlocale (LC_TIME, entry->locales[i]) != NULL)
      return;
  g_debug ("No locale for %s is generated: dates stay in English", entry->language.code);
  if (setlocale (LC_TIME, "C.UTF-8") == NULL)
    setlocale (LC_TIME, "C");
}

gboolean
lh_language_apply (const char *code)
{
  const Entry *entry;

  /* Before the first LANGUAGE of our own hides the environment's. */
  if (default_code == NULL)
    detect_default ();
  if (code == NULL || *code == '\0' || !lh_language_known (code))
    code = lh_language_get_default ();
  entry = find (code);
  if (current_code != NULL && g_str_equal (current_code, code))
    return FALSE;

  g_free (current_code);
  current_code = g_strdup (code);
  /* English falls back to the msgids. LANGUAGE is read by gettext at each
   * lookup once setlocale() tells it the catalogues may have changed. */
  g_setenv ("LANGUAGE", code, TRUE);
  {
    const char *messages = setlocale (LC_MESSAGES, "");

    /* gettext ignores LANGUAGE in the plain C locale, not in C.UTF-8. */
    if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
      setlocale (LC_MESSAGES, "C.UTF-8");
  }
  if (entry != NULL)
    set_time_locale (entry);
  else if (setlocale (LC_TIME, "C.UTF-8") == NULL)
    setlocale (LC_TIME, "C");
  gtk_widget_set_default_direction (entry != NULL && entry->rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  return TRUE;
}
