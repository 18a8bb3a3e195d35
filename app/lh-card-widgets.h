/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pieces of a card on the Join a group and Book a skills check
 * pages, the advice record and a ULR's desk: a line of text (after an
 * icon, or alone), and a row button. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A wrapping line of text after an icon (nullable, not read out), with
 * css_class (nullable) on the line. */
GtkWidget *lh_card_line_new   (const char *icon_name,
                               const char *text,
                               const char *css_class);
/* A wrapping, left-aligned label with css_class (nullable). */
GtkWidget *lh_card_label_new  (const char *text,
                               const char *css_class);
/* A row button with css_class (nullable), read out as accessible
 * (nullable: its label). */
GtkWidget *lh_card_button_new (const char *label,
                               const char *css_class,
                               const char *accessible);
/* A card with room below it; its lines go in *inner, the padded column
 * inside (transfer none). */
GtkWidget *lh_card_frame_new  (GtkWidget **inner);

G_END_DECLS
