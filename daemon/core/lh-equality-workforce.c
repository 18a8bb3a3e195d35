/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The workforce's make-up, counted at the roster's import: only the
 * counts are kept, never which person is in which group. */
#define G_LOG_DOMAIN "lh-equality"

#include "lh-equality.h"

#include <glib/gi18n-lib.h>

#include "lh-error.h"

struct _LhWorkforceCounts
{
  /* Counts by factor: (element-type utf8 GHashTable<utf8, gint64*>). */
  GHashTable *by_factor;
};

LhWorkforceCounts *
lh_workforce_counts_new (void)
{
  LhWorkforceCounts *counts = g_new0 (LhWorkforceCounts, 1);

  counts->by_factor = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  return counts;
}

void
lh_workforce_counts_free (LhWorkforceCounts *counts)
{
  if (counts == NULL)
    return;
  g_hash_table_unref (counts->by_factor);
  g_free (counts);
}

gboolean
lh_workforce_counts_add (LhWorkforceCounts *counts, const LhEqualityFactor *factor, const char *group,
                         GError **error)
{
  GHashTable *groups;
  gint64 *count;

  if (group[0] == '\0')
    group = LH_EQUALITY_NOT_DECLARED;
  else if (!lh_equality_factor_has_group (factor, group))
    {
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < factor->n_groups; i++)
        g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", factor->groups[i].key);
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s “%s” is not one of %s (or empty)"),
                   factor->roster_column, group, allowed->str);
      return FALSE;
    }
  groups = g_hash_table_lookup (counts->by_factor, factor->key);
  if (groups == NULL)
    {
      groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (counts->by_factor, (gpointer) factor->key, groups);
    }
  count = g_hash_table_lookup (groups, group);
  if (count == NULL)
    {
      count = g_new0 (gint64, 1);
      g_hash_table_insert (groups, g_strdup (group), count);
    }
  (*count)++;
  return TRUE;
}

gboolean
lh_workforce_profile_save (LhStore *store, const LhWorkforceCounts *counts, GError **error)
{
  g_autoptr(LhStmt) clear = NULL;
  GHashTableIter factors, groups;
  gpointer factor, group_counts, group, count;

  g_return_val_if_fail (LH_IS_STORE (store), FALSE);

  clear = lh_store_prepare (store, "DELETE FROM workforce_profile", error);
  if (clear == NULL || !lh_store_exec (store, clear, error))
    return FALSE;
  g_hash_table_iter_init (&factors, counts->by_factor);
  while (g_hash_table_iter_next (&factors, &factor, &group_counts))
    {
      g_hash_table_iter_init (&groups, group_counts);
      while (g_hash_table_iter_next (&groups, &group, &count))
        {
          g_autoptr(LhStmt) insert =
            lh_store_prepare (store, "INSERT INTO workforce_profile (factor, grp, people) VALUES (?1, ?2, ?3)", error);

          if (insert == NULL)
            return FALSE;
          sqlite3_bind_text (insert, 1, factor, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 2, group, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (insert, 3, *(gint64 *) count);
          if (!lh_store_exec (store, insert, error))
            return FALSE;
        }
    }
  return TRUE;
}

gint64
lh_workforce_profile_get (LhStore *store, const char *factor, const char *group, GError **error)
{
  g_autoptr(LhStmt) stmt =
    lh_store_prepare (store, "SELECT people FROM workforce_profile WHERE factor = ?1 AND grp = ?2", error);
  gboolean has_row = FALSE;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, factor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, group, -1, SQLITE_TRANSIENT);
  if (!lh_store_step (store, stmt, &has_row, error))
    return -1;
  return has_row ? sqlite3_column_int64 (stmt, 0) : 0;
}
