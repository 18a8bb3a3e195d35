/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubctl backup and restore: the centre's database copied while
 * learnhubd runs, and put back from a copy only with learnhubd stopped. */
#include "learnhubctl.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lh-backup.h"
#include "lh-error.h"
#include "lh-time.h"

#define BACKUP_USAGE "backup [FILE | list]"

static int
by_name (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The backups in the directory, newest first, with when and how big. */
static gboolean
list_backups (const char *dir, GError **error)
{
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_print (_("No backups in %s yet\n"), dir);
      return TRUE;
    }
  listing = g_dir_open (dir, 0, error);
  if (listing == NULL)
    return FALSE;
  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, "learnhub-") && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, by_name);
  if (names->len == 0)
    g_print (_("No backups in %s yet\n"), dir);
  for (guint i = names->len; i > 0; i--)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i - 1), NULL);
      g_autofree char *size = NULL;
      GStatBuf st;

      if (g_stat (path, &st) != 0)
        continue;
      size = g_format_size (st.st_size);
      g_print ("%s\t%s\n", path, size);
    }
  return TRUE;
}

gboolean
lh_ctl_backup (Ctl *ctl, LhStore *store, GError **error)
{
  g_autofree char *dir = lh_config_backup_directory (ctl->config);
  g_autofree char *path = NULL;

  if (ctl->args[0] != NULL && ctl->args[1] != NULL)
    return lh_ctl_usage_error (error, BACKUP_USAGE);
  /* Asked for most when the database is gone or damaged. */
  if (g_strcmp0 (ctl->args[0], "list") == 0)
    return list_backups (dir, error);
  if (!g_file_test (ctl->config->database, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_NOT_FOUND, _("There is no database at %s"), ctl->config->database);
      return FALSE;
    }
  if (ctl->args[0] != NULL)
    {
      if (g_file_test (ctl->args[0], G_FILE_TEST_EXISTS))
        {
          g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("%s is already there: give a new file"), ctl->args[0]);
          return FALSE;
        }
      if (!lh_backup_write (ctl->config->database, ctl->args[0], error))
        return FALSE;
      path = g_strdup (ctl->args[0]);
    }
  else if ((path = lh_backup_into (ctl->config->database, dir, ctl->config->backup_keep, lh_time_now (),
                                   error)) == NULL)
    return FALSE;
  g_print (_("Backed up %s to %s\n"), ctl->config->database, path);
  return TRUE;
}

gboolean
lh_ctl_restore (Ctl *ctl, LhStore *store, GError **error)
{
  g_autofree char *dir = lh_config_backup_directory (ctl->config);
  g_autofree char *safe_copy = NULL;
  g_autoptr(LhStore) restored = NULL;
  int version = 0;

  if (ctl->args[0] == NULL || ctl->args[1] != NULL)
    return lh_ctl_usage_error (error, "restore FILE");
  if (!lh_backup_check (ctl->args[0], &version, error))
    {
      g_prefix_error (error, _("Nothing was changed: "));
      return FALSE;
    }
  if (!lh_backup_restore (ctl->config->database, ctl->args[0], dir, lh_time_now (), &safe_copy, error))
    {
      if (g_error_matches (*error, LH_ERROR, LH_ERROR_BUSY))
        g_prefix_error (error, _("Stop learnhubd first (systemctl stop learnhubd). "));
      return FALSE;
    }
  if (safe_copy != NULL)
    g_print (_("The database it replaced is kept as %s\n"), safe_copy);
  /* An older backup is brought up to this learnhub's schema now, while
   * nothing else has the database. */
  restored = lh_store_open (ctl->config->database, error);
  if (restored == NULL)
    return FALSE;
  g_print (_("Restored %s from %s (schema version %d, now %d)\n"), ctl->config->database, ctl->args[0], version,
           lh_store_get_schema_version (restored));
  g_print (_("Start learnhubd again: systemctl start learnhubd\n"));
  return TRUE;
}
