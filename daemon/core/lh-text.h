/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one check for text coming in from outside (JSON bodies, query
 * strings, CSV rows, learnhubctl's arguments): C strings end at a NUL, so
 * text holding one would be stored or compared cut short, and control
 * characters have no place in a name or a number. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LH_TEXT_LINE,   /* one line: no control characters at all (names,
                   * numbers, dates, reasons) */
  LH_TEXT_LINES,  /* free text: also tabs and line breaks, Unicode's
                   * line and paragraph separators too (notes) */
} LhTextShape;

/* Whether text (length bytes, or up to its NUL when length is -1) is
 * UTF-8 with no NUL, no control character but those the shape allows, and
 * at most max_chars characters (0: no bound). Otherwise
 * LH_ERROR_INVALID naming what, e.g. "the name". */
gboolean lh_text_check (const char  *text,
                        gssize       length,
                        LhTextShape  shape,
                        guint        max_chars,
                        const char  *what,
                        GError     **error);

/* Whether text is NULL, empty or only white space. */
gboolean lh_text_is_blank (const char *text);

/* Whether name is one of names (NULL-terminated); otherwise
 * LH_ERROR_INVALID: "The <what> is one of a, b, c". */
gboolean lh_text_one_of (const char * const *names,
                         const char         *name,
                         const char         *what,
                         GError            **error);

G_END_DECLS
