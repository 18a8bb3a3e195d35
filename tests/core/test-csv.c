/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "lh-csv.h"
#include "lh-error.h"

static GPtrArray *
parse (const char *text, GError **error)
{
  return lh_csv_parse (text, strlen (text), 100, error);
}

static const char *
field (GPtrArray *rows, guint row, guint col)
{
  return ((LhCsvRow *) g_ptr_array_index (rows, row))->fields[col];
}

static void
test_plain_and_quoted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse ("\xEF\xBB\xBF" "a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\n\"multi\nline\",,z", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (field (rows, 0, 0), ==, "a");
  g_assert_cmpstr (field (rows, 1, 1), ==, "x, \"y\"");
  g_assert_cmpstr (field (rows, 2, 0), ==, "multi\nline");
  g_assert_cmpstr (field (rows, 2, 1), ==, "");
  g_assert_cmpstr (field (rows, 2, 2), ==, "z");
  g_assert_cmpuint (((LhCsvRow *) g_ptr_array_index (rows, 2))->line, ==, 4);
}

static void
test_limits_count_characters (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("a\n");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) cr_end = NULL;

  for (int i = 0; i < 90; i++)
    g_string_append (text, "é");
  rows = parse (text->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);

  /* A quoted last field, then a lone CR at the very end. */
  cr_end = parse ("a,b\r\n1,\"x\"\r", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (field (cr_end, 1, 1), ==, "x");
}

static void
test_unclosed_quote_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse ("a,b\n1,\"open\n", &error);

  g_assert_null (rows);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_not_utf8_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse ("a,b\n\xff\xfe,1\n", &error);

  g_assert_null (rows);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

/* A NUL would end a C string early: "Eve\0Hidden" is refused, naming
 * its line, not read as "Eve". */
static void
test_nul_refused (void)
{
  static const char csv[] = "name\nAnn\nEve\0Hidden\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = lh_csv_parse (csv, sizeof csv - 1, 200, &error);

  g_assert_null (rows);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 3: a NUL character"));
}

static void
test_huge_field_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (5000, 'x');
  g_autofree char *text = g_strdup_printf ("a\n%s\n", big);
  g_autoptr(GPtrArray) rows = parse (text, &error);

  g_assert_null (rows);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

static void
test_text_after_quote_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = parse ("\"a\"b,c\n", &error);

  g_assert_null (rows);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/csv/plain-and-quoted", test_plain_and_quoted);
  g_test_add_func ("/lh/csv/limits-count-characters", test_limits_count_characters);
  g_test_add_func ("/lh/csv/unclosed-quote-refused", test_unclosed_quote_refused);
  g_test_add_func ("/lh/csv/not-utf8-refused", test_not_utf8_refused);
  g_test_add_func ("/lh/csv/nul-refused", test_nul_refused);
  g_test_add_func ("/lh/csv/huge-field-refused", test_huge_field_refused);
  g_test_add_func ("/lh/csv/text-after-quote-refused", test_text_after_quote_refused);
  return g_test_run ();
}
