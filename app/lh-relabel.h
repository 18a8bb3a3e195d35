/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Putting a built window's fixed words into another language without
 * building it again: each label's msgid is noted once, while the kiosk
 * speaks English (the msgids' language), and looked up again after a
 * language change. A label whose words the code has changed since is
 * left alone: its page writes it again when it is next shown. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Words under @widget are never relabelled: they are in no one
 * language (each language's name in itself). */
void lh_relabel_skip (GtkWidget *widget);
/* Notes the msgid of every label and stack page title under @root. */
void lh_relabel_note (GtkWidget *root);
/* Puts every noted label under @root into the language spoken now. */
void lh_relabel      (GtkWidget *root);

G_END_DECLS
