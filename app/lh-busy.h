/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A button whose request is in flight: insensitive at once, and after
 * 150 ms a spinner and "Please wait" in place of its content, so a second
 * tap cannot send a second request and a slow answer does not look dead. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     lh_busy_begin   (GtkButton *button);
void     lh_busy_end     (GtkButton *button);
gboolean lh_busy_is_busy (GtkButton *button);

G_END_DECLS
