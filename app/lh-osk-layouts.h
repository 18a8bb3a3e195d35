/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The on-screen keyboard's layouts: English QWERTY; Polish and Romanian
 * QWERTY with a row of their own letters; Arabic; and the digits and
 * symbols page every layout shares. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char        *language;  /* "en", "pl", "ro", "ar" */
  const char *const *rows;      /* letter rows, lower case, NULL-terminated */
  gboolean           has_case;  /* Shift gives capitals */
} LhOskLayout;

/* The layout for a language name as gettext has it ("pl_PL.UTF-8",
 * "ro", "ar_EG"…); English for any other. */
const LhOskLayout *lh_osk_layout_for_language (const char *language);
/* The layout for the language gettext picks now (g_get_language_names()). */
const LhOskLayout *lh_osk_layout_current      (void);
/* The digits and symbols page: rows, NULL-terminated. */
const char *const *lh_osk_symbol_rows         (void);

G_END_DECLS
