/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the committee's meetings and action plan pages share: one
 * scrolled column of content, no wider than reads well, that a page
 * fills after each read, and shows "Loading…" or why a read failed in
 * its place. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Makes bin show the scrolled column; returns the box the page fills
 * (transfer none). */
GtkBox       *lh_column_new_in       (AdwBin        *bin);
/* Empties content and shows text alone, as a lead line. */
void          lh_column_show_message (GtkBox        *content,
                                      const char    *text);
/* Cancels the read under way in *cancellable, if any. */
void          lh_column_cancel_read  (GCancellable **cancellable);
/* Cancels the read under way, shows "Loading…" and returns a fresh
 * cancellable, kept in *cancellable (transfer none). */
GCancellable *lh_column_begin_read   (GtkBox        *content,
                                      GCancellable **cancellable);
/* After a read that was not cancelled: forgets *cancellable and, if the
 * read failed (error set), shows why and returns FALSE. */
gboolean      lh_column_end_read     (GtkBox        *content,
                                      GCancellable **cancellable,
                                      const GError  *error);

G_END_DECLS
