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

/* A column of a file with a header row: its name (lower case) and
 * whether a file must have it. */
typedef struct
{
  const char *name;
  gboolean    required;
} LhCsvColumn;

/* Maps each of columns to its place in header (index_of[c], -1 when
 * the file leaves it out), in any order and any case. LH_ERROR_INVALID
 * for an unknown column, one twice, or a required one missing. */
gboolean   lh_csv_map_header (const LhCsvRow    *header,
                              const LhCsvColumn *columns,
                              int                n_columns,
                              int               *index_of,
                              GError           **error);
/* Column c of row, trimmed ("" when the file has no such column). */
char      *lh_csv_field      (const LhCsvRow    *row,
                              const int         *index_of,
                              int                c);
/* LH_ERROR_INVALID unless row has as many fields as the header. */
gboolean   lh_csv_check_width (const LhCsvRow   *row,
                               guint             n_header,
                               GError          **error);

/* What an import made of a file: rows added and updated, bad rows
 * skipped, and each bad row's error ("line 4: …"). */
typedef struct
{
  guint      added;
  guint      updated;
  guint      skipped;
  GPtrArray *row_errors;  /* (owned) (element-type utf8) */
} LhCsvReport;

void lh_csv_report_clear (LhCsvReport *report);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LhCsvReport, lh_csv_report_clear)

/* Sorts the bad rows' errors ("line N: …") by line and counts them as
 * skipped; FALSE with LH_ERROR_INVALID ("nothing
 * was imported") when there are any and skip_bad_rows is FALSE. */
gboolean lh_csv_report_check (LhCsvReport  *report,
                              gboolean      skip_bad_rows,
                              GError      **error);

/* Checks one row (after its width); returns what to save, and in
 * *out_key (owned by the result) what names the row, or NULL with error. */
typedef gpointer (*LhCsvCheckFunc) (const LhCsvRow  *row,
                                    const int       *index_of,
                                    const char     **out_key,
                                    GError         **error);

/* Reads a file of records with a header row: parses it, maps the header
 * to columns, checks each row with check (a key twice is an error naming
 * key_name, e.g. "staff number"), and returns the good rows, freed with
 * free_row. Every bad row is reported in report->row_errors; if any row
 * is bad and skip_bad_rows is FALSE, returns NULL with LH_ERROR_INVALID
 * so that nothing is imported. */
GPtrArray *lh_csv_check_rows (const char        *csv,
                              gsize              length,
                              gsize              max_field,
                              const LhCsvColumn *columns,
                              int                n_columns,
                              LhCsvCheckFunc     check,
                              GDestroyNotify     free_row,
                              const char        *key_name,
                              gboolean           skip_bad_rows,
                              LhCsvReport       *report,
                              GError           **error);

/* Appends a field as CSV: quoted when it holds a comma, quote or line
 * break; text a spreadsheet would take for a formula starts with a quote
 * mark. Shared by every CSV learnhub writes. */
void       lh_csv_append_field (GString    *line,
                                const char *text);

G_END_DECLS
