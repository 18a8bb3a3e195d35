/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kiosk-keys.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "kiosk-helpers.h"

void
kiosk_send_key (LhWindow *window,
                guint     keyval)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay;
  KeyCode code;

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  xdisplay = gdk_x11_display_get_xdisplay (display);
  code = XKeysymToKeycode (xdisplay, keyval);
  g_assert_cmpuint (code, !=, 0);
  /* No window manager under Xvfb: the test gives the focus itself. */
  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  XSync (xdisplay, False);
  kiosk_spin (150);
}

void
kiosk_type_keys (LhWindow   *window,
                 const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    kiosk_send_key (window, gdk_unicode_to_keyval ((gunichar) g_ascii_tolower (*c)));
}
