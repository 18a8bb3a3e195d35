/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How a person likes the kiosk: their language, large text, high
 * contrast. Kept for the person, not the session, so that any kiosk
 * restores them at sign-in (issue 15). */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *language;       /* (nullable) NULL: the kiosk's own language */
  gboolean  large_text;
  gboolean  high_contrast;
} LhPersonSettings;

/* The languages the kiosk has catalogues for, NULL-terminated. */
const char * const *lh_person_settings_languages (void);
gboolean            lh_person_settings_language_known (const char *language);

void lh_person_settings_clear (LhPersonSettings *settings);

/* The person's settings, the centre's defaults (all off, no language)
 * when they have none. */
gboolean lh_person_settings_get (LhStore          *store,
                                 gint64            person_id,
                                 LhPersonSettings *out_settings,
                                 GError          **error);
/* Replaces them all; an unknown language is refused (LH_ERROR_BAD_REQUEST,
 * reason language-unknown). */
gboolean lh_person_settings_set (LhStore                *store,
                                 gint64                  person_id,
                                 const LhPersonSettings *settings,
                                 gint64                  now,
                                 GError                **error);
/* Forgets them, leaving no copy in the database's files. */
gboolean lh_person_settings_erase (LhStore *store,
                                   gint64   person_id,
                                   GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LhPersonSettings, lh_person_settings_clear)

G_END_DECLS
