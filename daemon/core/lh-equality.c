/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-equality"

#include "lh-equality.h"

#include "lh-error.h"

#define PNTS { LH_EQUALITY_PREFER_NOT_TO_SAY, "Prefer not to say" }

/* The factors the guide names; groups broad enough that a centre's counts
 * mean something. */
static const LhEqualityGroup age_groups[] = {
  { "16-24", "16 to 24" }, { "25-34", "25 to 34" }, { "35-44", "35 to 44" }, { "45-54", "45 to 54" },
  { "55-64", "55 to 64" }, { "65-plus", "65 and over" }, PNTS,
};
static const LhEqualityGroup gender_groups[] = {
  { "woman", "Woman" }, { "man", "Man" }, { "non-binary", "Non-binary" }, { "other", "Another way" }, PNTS,
};
static const LhEqualityGroup ethnicity_groups[] = {
  { "asian", "Asian or Asian British" }, { "black", "Black or Black British" }, { "mixed", "Mixed or multiple" },
  { "white", "White" }, { "other", "Another ethnic group" }, PNTS,
};
static const LhEqualityGroup yes_no_groups[] = {
  { "yes", "Yes" }, { "no", "No" }, PNTS,
};
static const LhEqualityGroup work_pattern_groups[] = {
  { "full-time", "Full-time" }, { "part-time", "Part-time" }, { "shifts", "Shifts" }, { "nights", "Nights" },
  { "other", "Another pattern" }, PNTS,
};
static const LhEqualityGroup qualification_groups[] = {
  { "none", "No formal qualifications" }, { "level-1-2", "Level 1 or 2 (GCSE or similar)" },
  { "level-3", "Level 3 (A level or similar)" }, { "level-4-plus", "Level 4 or above" }, PNTS,
};

#define FACTOR(key, label, column, groups) { key, label, column, groups, G_N_ELEMENTS (groups) }

static const LhEqualityFactor factors[] = {
  FACTOR ("age-band", "Age band", "age_band", age_groups),
  FACTOR ("gender", "Gender", "gender", gender_groups),
  FACTOR ("ethnicity", "Ethnicity", "ethnicity", ethnicity_groups),
  FACTOR ("disability", "Disability", "disability", yes_no_groups),
  FACTOR ("caring", "Caring responsibilities", "caring", yes_no_groups),
  FACTOR ("work-pattern", "Work pattern", "work_pattern", work_pattern_groups),
  FACTOR ("qualifications", "Prior qualifications", "qualifications", qualification_groups),
};

/* Every answer is filed under this purpose's pseudonym of the person. */
#define PSEUDONYM_PURPOSE "equality"

const LhEqualityFactor *
lh_equality_factors (guint *out_n_factors)
{
  *out_n_factors = G_N_ELEMENTS (factors);
  return factors;
}

const LhEqualityFactor *
lh_equality_factor_find (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (factors); i++)
    if (g_str_equal (factors[i].key, key))
      return &factors[i];
  return NULL;
}

gboolean
lh_equality_factor_has_group (const LhEqualityFactor *factor, const char *group)
{
  for (guint i = 0; group != NULL && i < factor->n_groups; i++)
    if (g_str_equal (factor->groups[i].key, group))
      return TRUE;
  return FALSE;
}

static GBytes *
holder_of (const LhCentre *centre, gint64 person_id, GError **error)
{
  if (centre->note_key == NULL)
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INTERNAL, "The notes key is not open, so answers cannot be filed");
      return NULL;
    }
  return lh_note_key_pseudonym (centre->note_key, PSEUDONYM_PURPOSE, person_id);
}

static void
bind_holder (LhStmt *stmt, GBytes *holder)
{
  sqlite3_bind_blob (stmt, 1, g_bytes_get_data (holder, NULL), (int) g_bytes_get_size (holder), SQLITE_TRANSIENT);
}

GHashTable *
lh_equality_get_answers (LhStore *store, const LhCentre *centre, gint64 person_id, GError **error)
{
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GBytes) holder = NULL;
  g_autoptr(LhStmt) stmt = NULL;
  gboolean has_row = TRUE;

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  holder = holder_of (centre, person_id, error);
  if (holder == NULL)
    return NULL;
  /* The primary key's range for one holder: at most a row a factor. */
  stmt = lh_store_prepare (store, "SELECT factor, grp FROM equality_answers WHERE holder = ?1", error);
  if (stmt == NULL)
    return NULL;
  bind_holder (stmt, holder);
  while (TRUE)
    {
      if (!lh_store_step (store, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_hash_table_insert (answers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  return g_steal_pointer (&answers);
}

static gboolean
check_answers (GHashTable *answers, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const LhEqualityFactor *factor = lh_equality_factor_find (key);

      if (factor == NULL)
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "There is no question “%s”", (const char *) key);
          lh_error_set_reason (error, "factor-unknown");
          return FALSE;
        }
      if (!lh_equality_factor_has_group (factor, value))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "“%s” is not an answer to “%s”", (const char *) value,
                       factor->key);
          lh_error_set_reason (error, "group-unknown");
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
delete_answers (LhStore *store, GBytes *holder, GError **error)
{
  g_autoptr(LhStmt) stmt = lh_store_prepare (store, "DELETE FROM equality_answers WHERE holder = ?1", error);

  if (stmt == NULL)
    return FALSE;
  bind_holder (stmt, holder);
  return lh_store_exec (store, stmt, error);
}

gboolean
lh_equality_set_answers (LhStore *store, const LhCentre *centre, gint64 person_id, GHashTable *answers,
                         GError **error)
{
  g_autoptr(GBytes) holder = NULL;
  g_autoptr(LhTransaction) tx = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  if (!check_answers (answers, error))
    return FALSE;
  holder = holder_of (centre, person_id, error);
  if (holder == NULL)
    return FALSE;
  tx = lh_store_begin (store, error);
  if (tx == NULL || !delete_answers (store, holder, error))
    return FALSE;
  g_hash_table_iter_init (&iter, answers);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(LhStmt) insert =
        lh_store_prepare (store, "INSERT INTO equality_answers (holder, factor, grp) VALUES (?1, ?2, ?3)", error);

      if (insert == NULL)
        return FALSE;
      bind_holder (insert, holder);
      sqlite3_bind_text (insert, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, value, -1, SQLITE_TRANSIENT);
      if (!lh_store_exec (store, insert, error))
        return FALSE;
    }
  /* An answer changed or taken back leaves no old copy in the WAL. */
  lh_store_scrub_when_committed (store);
  return lh_transaction_commit (tx, error);
}

gboolean
lh_equality_erase (LhStore *store, const LhCentre *centre, gint64 person_id, GError **error)
{
  g_autoptr(GBytes) holder = NULL;
  g_autoptr(LhTransaction) tx = NULL;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  holder = holder_of (centre, person_id, error);
  if (holder == NULL)
    return FALSE;
  tx = lh_store_begin (store, error);
  if (tx == NULL || !delete_answers (store, holder, error))
    return FALSE;
  lh_store_scrub_when_committed (store);
  return lh_transaction_commit (tx, error);
}
