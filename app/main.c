/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "learnhub-kiosk"

#include <glib/gi18n.h>
#include <locale.h>

#include "lh-application.h"
#include "lh-language.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LhApplication) app = NULL;
  setlocale (LC_ALL, "");
  lh_language_bind_domain ();
  lh_language_init ();

  app = lh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
