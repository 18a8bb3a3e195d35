/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "learnhub-kiosk"

#include <glib/gi18n.h>
#include <locale.h>

#include "lh-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LhApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Tests (and translators trying a catalogue) point at catalogues of
   * their own. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LEARNHUB_LOCALEDIR") ? g_getenv ("LEARNHUB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
