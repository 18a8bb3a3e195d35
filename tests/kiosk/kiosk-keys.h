/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A physical keyboard, for kiosk tests: keys pressed through the X
 * server (XTEST), so that they reach the window as a real keyboard's
 * would, focus and all. */
#pragma once

#include "lh-window.h"

G_BEGIN_DECLS

/* Gives the window the keyboard focus, presses and releases keyval (a
 * GDK keyval, e.g. GDK_KEY_Return), then lets the kiosk handle it. */
void kiosk_send_key  (LhWindow *window,
                      guint     keyval);
/* Each character of text (digits and plain letters) as a key. */
void kiosk_type_keys (LhWindow   *window,
                      const char *text);

G_END_DECLS
