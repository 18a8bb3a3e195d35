/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An on-screen keyboard (GTK has none): large keys, Shift, Delete, Space,
 * Enter and Done, a digits and symbols page, and the layout of the
 * language. It types into the text field that has the focus, which keeps
 * it: no key takes the focus. lh_osk_attach() puts one at the bottom of a
 * window, shown whenever a text field there has the focus. */
#pragma once

#include <adwaita.h>

#include "lh-osk-layouts.h"

G_BEGIN_DECLS

#define LH_TYPE_OSK (lh_osk_get_type ())
G_DECLARE_FINAL_TYPE (LhOsk, lh_osk, LH, OSK, GtkBox)

GtkWidget *lh_osk_new        (void);
/* The keys of layout (NULL: the language's now). */
void       lh_osk_set_layout (LhOsk             *self,
                              const LhOskLayout *layout);
/* What the keys type into: a GtkEditable (a GtkEntry's GtkText) or a
 * GtkTextView; NULL for nothing. */
void       lh_osk_set_target (LhOsk     *self,
                              GtkWidget *target);
/* Scrolls field (a GtkEntry or text field) above the keyboard for the
 * next frames; done by itself when a field gets the focus, and for one
 * that has it already when its page comes back. */
void       lh_osk_reveal     (GtkWidget *field);
/* Adds a keyboard below window's content, shown while a text field of
 * the window has the focus. Returns: (transfer none) the keyboard. */
LhOsk     *lh_osk_attach     (AdwApplicationWindow *window);
/* The same for any window with content, a dialog too: every window the
 * kiosk opens gets one (lh-application.c), so no free-text field is
 * out of the keyboard's reach. Once a window; returns the one it has,
 * or NULL for a window with no content yet (call it again once it has). */
LhOsk     *lh_osk_attach_window (GtkWindow *window);

G_END_DECLS
