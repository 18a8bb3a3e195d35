/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's stylesheet (kiosk.css of the GResource), for the kiosk's
 * window and the queue display's alike. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds the stylesheet to the default display, once for the process;
 * nothing before there is a display. */
void lh_style_ensure (void);

G_END_DECLS
