/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts the committee's forms (a meeting, an objective) share: a
 * typed field under its title, and the footer of a line that tells why
 * the daemon refused and the Save button. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  GtkLabel  *error_label;  /* (unowned) hidden until a refusal */
  GtkWidget *save_button;  /* (unowned) */
} LhFormFooter;

/* Appends to form the field's title and an entry holding text, read out
 * as title and named name (for tests) (transfer none). No limit of its
 * own: the daemon's refusal tells it (lh_form_too_long_words). */
GtkEntry *lh_form_add_text          (GtkBox       *form,
                                     const char   *title,
                                     const char   *text,
                                     const char   *name);
/* Appends to form the error line and Save (labelled save_label), which
 * calls clicked with data. */
void      lh_form_footer_add        (LhFormFooter *footer,
                                     GtkBox       *form,
                                     const char   *save_label,
                                     GCallback     clicked,
                                     gpointer      data);
/* While saving: Save waits and the last refusal goes. */
void      lh_form_footer_set_busy   (LhFormFooter *footer,
                                     gboolean      busy);
void      lh_form_footer_show_error (LhFormFooter *footer,
                                     const char   *words);
/* "That is too long: …" if error says a text was longer than the
 * daemon's limit, else NULL (transfer full). */
char     *lh_form_too_long_words    (const GError *error);

G_END_DECLS
