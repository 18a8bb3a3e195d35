/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's languages, and switching between them while it runs:
 * gettext's catalogue (LANGUAGE), day and month names (LC_TIME) and the
 * layout's direction, for the whole process at once. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;     /* as po/LINGUAS and the daemon's settings: "pl" */
  const char *endonym;  /* the language named in itself: "Polski" */
} LhLanguage;

/* Every language the kiosk has, English first. */
const LhLanguage *lh_language_list        (guint *out_n);
gboolean          lh_language_known       (const char *code);

/* Binds the kiosk's gettext domain to its catalogues: LOCALEDIR, or
 * LEARNHUB_LOCALEDIR when set (the build tree's po/, for the tests and
 * for running the kiosk before it is installed). */
void              lh_language_bind_domain (void);

/* Called once in main(), before any window: notes the language the
 * environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) as the
 * kiosk's default, then speaks English until a window was built, so that
 * the window can note its words' msgids (lh-relabel.c). */
void              lh_language_init        (void);

/* The kiosk's own language when nobody has chosen: the configured one,
 * or the environment's. code "" or NULL: the environment's. */
void              lh_language_set_default (const char *code);
const char       *lh_language_get_default (void);

/* Speaks @code ("" or NULL: the default) from now on. TRUE if that
 * changed anything. */
gboolean          lh_language_apply       (const char *code);
const char       *lh_language_get_current (void);

G_END_DECLS
