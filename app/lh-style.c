/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-style"

#include "lh-style.h"

void
lh_style_ensure (void)
{
  static GtkCssProvider *provider;  /* (owned) for the life of the process */
  GdkDisplay *display = gdk_display_get_default ();

  if (provider != NULL || display == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/learnhub/Kiosk/kiosk.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
