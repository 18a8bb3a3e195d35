/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one check for text from outside: NULs, control characters, UTF-8
 * and length. */
#include "lh-error.h"
#include "lh-text.h"

static void
test_plain_text_passes (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lh_text_check ("Amira Khan", -1, LH_TEXT_LINE, 100, "the name", &error));
  g_assert_true (lh_text_check ("Zoë Ó Briain-Łukasiewicz", -1, LH_TEXT_LINE, 100, "the name", &error));
  g_assert_true (lh_text_check ("", -1, LH_TEXT_LINE, 0, "the name", &error));
  g_assert_true (lh_text_check ("first line\nsecond\tline\r\n", -1, LH_TEXT_LINES, 0, "the note", &error));
  g_assert_true (lh_text_check ("first\xe2\x80\xa8second", -1, LH_TEXT_LINES, 0, "the note", &error));
  g_assert_no_error (error);
}

/* "Eve\0Hidden" would be kept as "Eve" by any C string. */
static void
test_nul_refused (void)
{
  static const char eve[] = "Eve\0Hidden";
  g_autoptr(GError) error = NULL;

  g_assert_false (lh_text_check (eve, sizeof eve - 1, LH_TEXT_LINES, 0, "the name", &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (g_strstr_len (error->message, -1, "NUL"));
  g_assert_nonnull (g_strstr_len (error->message, -1, "the name"));
}

static void
test_line_breaks_refused_in_a_line (void)
{
  const char *bad[] = { "Ann\nLee", "Ann\rLee", "Ann\tLee", "Ann\x1b[31mLee", "Ann\x7fLee",
                        "Ann\xc2\x85Lee" /* NEL */, "Ann\xe2\x80\xa8Lee" /* LINE SEPARATOR */ };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (lh_text_check (bad[i], -1, LH_TEXT_LINE, 0, "the name", &error));
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
    }
}

static void
test_other_controls_refused_in_lines (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (lh_text_check ("a note\x1b[2J", -1, LH_TEXT_LINES, 0, "the note", &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
}

static void
test_bad_utf8_and_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (101, 'a');

  g_assert_false (lh_text_check ("Ann\xff", -1, LH_TEXT_LINE, 0, "the name", &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (lh_text_check (long_name, -1, LH_TEXT_LINE, 100, "the name", &error));
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_clear_error (&error);
  /* Characters, not bytes. */
  g_assert_true (lh_text_check ("éééé", -1, LH_TEXT_LINE, 4, "the name", &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/text/plain-text-passes", test_plain_text_passes);
  g_test_add_func ("/lh/text/nul-refused", test_nul_refused);
  g_test_add_func ("/lh/text/line-breaks-refused-in-a-line", test_line_breaks_refused_in_a_line);
  g_test_add_func ("/lh/text/other-controls-refused-in-lines", test_other_controls_refused_in_lines);
  g_test_add_func ("/lh/text/bad-utf8-and-length", test_bad_utf8_and_length);
  return g_test_run ();
}
