/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A main button that is not ready yet says why: a short line beside it,
 * and the same words as its accessible description. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A label for the reason, hidden while there is none; put it next to
 * the button. (transfer floating) */
GtkWidget *lh_why_disabled_label_new (void);
/* why: (nullable) what is missing, in the person's words; NULL makes
 * the button ready and hides the line. */
void       lh_why_disabled_set       (GtkWidget  *button,
                                      GtkWidget  *label,
                                      const char *why);

G_END_DECLS
