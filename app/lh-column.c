/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-column"

#include "lh-column.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-messages.h"
#include "lh-slot-widgets.h"

/* Lines of text longer than this are hard to follow on the wide screen. */
#define COLUMN_MAX_WIDTH 900

GtkBox *
lh_column_new_in (AdwBin *bin)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  g_return_val_if_fail (ADW_IS_BIN (bin), NULL);

  gtk_widget_set_margin_top (content, 16);
  gtk_widget_set_margin_bottom (content, 16);
  gtk_widget_set_margin_start (content, 16);
  gtk_widget_set_margin_end (content, 16);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), COLUMN_MAX_WIDTH);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_bin_set_child (bin, scrolled);
  return GTK_BOX (content);
}

void
lh_column_show_message (GtkBox     *content,
                        const char *text)
{
  g_return_if_fail (GTK_IS_BOX (content));

  lh_remove_children (GTK_WIDGET (content));
  gtk_box_append (content, lh_card_label_new (text, "lh-lead"));
}

void
lh_column_cancel_read (GCancellable **cancellable)
{
  g_return_if_fail (cancellable != NULL);

  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

GCancellable *
lh_column_begin_read (GtkBox        *content,
                      GCancellable **cancellable)
{
  g_return_val_if_fail (GTK_IS_BOX (content), NULL);

  lh_column_cancel_read (cancellable);
  *cancellable = g_cancellable_new ();
  lh_column_show_message (content, _("Loading…"));
  return *cancellable;
}

gboolean
lh_column_end_read (GtkBox        *content,
                    GCancellable **cancellable,
                    const GError  *error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (GTK_IS_BOX (content), FALSE);

  g_clear_object (cancellable);
  if (error == NULL)
    return TRUE;
  message = lh_message_for_error (error);
  lh_column_show_message (content, message);
  return FALSE;
}
