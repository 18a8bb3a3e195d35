/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-person-settings"

#include "lh-person-settings.h"

#include <string.h>

#include "lh-error.h"

/* As the CHECK of 0038-person-settings.sql, and po/LINGUAS with English. */
static const char * const languages[] = { "en", "pl", "ro", "ar", NULL };

const char * const *
lh_person_settings_languages (void)
{
  return languages;
}

gboolean
lh_person_settings_language_known (const char *language)
{
  return language != NULL && g_strv_contains (languages, language);
}

void
lh_person_settings_clear (LhPersonSettings *settings)
{
  g_clear_pointer (&settings->language, g_free);
  settings->large_text = FALSE;
  settings->high_contrast = FALSE;
}

gboolean
lh_person_settings_get (LhStore          *store,
                        gint64            person_id,
                        LhPersonSettings *out_settings,
                        GError          **error)
{
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row = FALSE;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  memset (out_settings, 0, sizeof *out_settings);
  stmt = lh_store_prepare (store, "SELECT language, large_text, high_contrast FROM person_settings "
                                  "WHERE person_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!lh_store_step (store, stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      out_settings->language = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      out_settings->large_text = sqlite3_column_int (stmt, 1) != 0;
      out_settings->high_contrast = sqlite3_column_int (stmt, 2) != 0;
    }
  return TRUE;
}

gboolean
lh_person_settings_set (LhStore                *store,
                        gint64                  person_id,
                        const LhPersonSettings *settings,
                        gint64                  now,
                        GError                **error)
{
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  if (settings->language != NULL && !lh_person_settings_language_known (settings->language))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_BAD_REQUEST, "There is no language %s here", settings->language);
      lh_error_set_reason (error, "language-unknown");
      return FALSE;
    }
  stmt = lh_store_prepare (store, "INSERT INTO person_settings "
                                  "(person_id, language, large_text, high_contrast, updated_at) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (person_id) DO UPDATE SET "
                                  "language = ?2, large_text = ?3, high_contrast = ?4, updated_at = ?5", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (settings->language != NULL)
    sqlite3_bind_text (stmt, 2, settings->language, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int (stmt, 3, settings->large_text ? 1 : 0);
  sqlite3_bind_int (stmt, 4, settings->high_contrast ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, now);
  return lh_store_exec (store, stmt, error);
}

gboolean
lh_person_settings_erase (LhStore *store,
                          gint64   person_id,
                          GError **error)
{
  g_autoptr(LhTransaction) tx = NULL;
  g_autoptr(LhStmt) stmt = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  tx = lh_store_begin (store, error);
  if (tx == NULL)
    return FALSE;
  stmt = lh_store_prepare (store, "DELETE FROM person_settings WHERE person_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!lh_store_exec (store, stmt, error))
    return FALSE;
  lh_store_scrub_when_committed (store);
  return lh_transaction_commit (tx, error);
}
