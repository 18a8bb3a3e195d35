/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A strict RFC 4180 reader: quoted fields, "" escapes, CRLF or LF, an
 * optional UTF-8 byte-order mark. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint   line;    /* line number where the row starts, from 1 */
  GStrv   fields;  /* (owned) */
} LhCsvRow;

void       lh_csv_row_free (LhCsvRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhCsvRow, lh_csv_row_free)

/* Returns the rows (blank lines skipped), or NULL with LH_ERROR_INVALID
 * naming the line, for text that is not UTF-8 or holds a NUL, an
 * unterminated quote, or a field longer than max_field characters. */
GPtrArray *lh_csv_parse (const char *text,
                         gsize       length,
                         gsize       max_field,
                         GError    **error);

G_END_DECLS
