/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-config"

#include "lh-config.h"

#include <glib/gi18n-lib.h>

#include "lh-error.h"

void
lh_config_free (LhConfig *config)
{
  g_free (config->database);
  g_free (config->listen);
  g_free (config->tls_cert);
  g_free (config->tls_key);
  g_free (config->notes_key);
  g_free (config->backup_dir);
  g_clear_pointer (&config->centre, lh_centre_free);
  g_free (config);
}

static char *
default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), "learnhub", "learnhub.db", NULL);
}

/* A count of at least 0 (0 when absent: the caller's default). */
static gboolean
get_count (GKeyFile *key_file, const char *group, const char *key, guint fallback, guint *out, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 value;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    {
      *out = fallback;
      return TRUE;
    }
  value = g_key_file_get_int64 (key_file, group, key, &local_error);
  if (local_error != NULL || value < 0 || value > G_MAXINT)
    {
      /* TRANSLATORS: the first is a group of the configuration file, the
       * second a key in it, such as [backup] keep. */
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, _("[%s] %s must be a whole number, 0 or more"), group, key);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

LhConfig *
lh_config_load (const char *path, GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(LhConfig) config = g_new0 (LhConfig, 1);

  if (path == NULL && g_file_test (LH_CONFIG_DEFAULT_PATH, G_FILE_TEST_EXISTS))
    path = LH_CONFIG_DEFAULT_PATH;
  if (path != NULL && !g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  config->database = g_key_file_get_string (key_file, "daemon", "database", NULL);
  if (config->database == NULL)
    config->database = default_database ();
  config->listen = g_key_file_get_string (key_file, "daemon", "listen", NULL);
  if (config->listen == NULL)
    config->listen = g_strdup ("127.0.0.1:8080");
  config->tls_cert = g_key_file_get_string (key_file, "daemon", "tls-certificate", NULL);
  config->tls_key = g_key_file_get_string (key_file, "daemon", "tls-key", NULL);
  config->notes_key = g_key_file_get_string (key_file, "daemon", "notes-key", NULL);
  config->backup_dir = g_key_file_get_string (key_file, "backup", "directory", NULL);
  if (!get_count (key_file, "daemon", "max-connections", 0, &config->max_connections, error) ||
      !get_count (key_file, "daemon", "connection-idle-seconds", LH_CONFIG_IDLE_SECONDS, &config->idle_seconds,
                  error) ||
      !get_count (key_file, "backup", "every-hours", LH_CONFIG_BACKUP_EVERY_HOURS, &config->backup_every_hours,
                  error) ||
      !get_count (key_file, "backup", "keep", LH_CONFIG_BACKUP_KEEP, &config->backup_keep, error))
    {
      if (path != NULL)
        g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  config->centre = lh_centre_new_from_key_file (key_file, error);
  if (config->centre == NULL)
    {
      if (path != NULL)
        g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  return g_steal_pointer (&config);
}

char *
lh_config_backup_directory (const LhConfig *config)
{
  g_autofree char *beside = NULL;

  if (config->backup_dir != NULL)
    return g_strdup (config->backup_dir);
  beside = g_path_get_dirname (config->database);
  return g_build_filename (beside, "backups", NULL);
}

char *
lh_config_default_note_key_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "learnhub", "notes.key", NULL);
}

/* Where the notes key is, and whether it is an old one beside the
 * database. Never by default beside the database: a backup of the
 * database's directory would carry the key that opens its notes. */
static char *
find_note_key (const LhConfig *config, gboolean *out_beside_database)
{
  const char *credentials = g_getenv ("CREDENTIALS_DIRECTORY");
  g_autofree char *beside = g_strconcat (config->database, ".key", NULL);

  *out_beside_database = FALSE;
  if (config->notes_key != NULL)
    return g_strdup (config->notes_key);
  /* systemd's LoadCredential= (learnhubd.service): root's copy in
   * /etc/learnhub, handed to the service alone. */
  if (credentials != NULL && credentials[0] != '\0')
    {
      g_autofree char *path = g_build_filename (credentials, LH_CONFIG_NOTE_KEY_CREDENTIAL, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  /* Where older learnhubs made it: still read, so their notes open. */
  if (g_file_test (beside, G_FILE_TEST_EXISTS))
    {
      *out_beside_database = TRUE;
      return g_steal_pointer (&beside);
    }
  return lh_config_default_note_key_path ();
}

static gboolean
open_note_key (LhConfig *config, gboolean may_create, GError **error)
{
  g_autofree char *path = NULL;
  gboolean beside_database;
  LhNoteKey *key;

  g_return_val_if_fail (config != NULL, FALSE);

  /* The database's path is known only once options have been applied. */
  path = find_note_key (config, &beside_database);
  key = may_create ? lh_note_key_open (path, error) : lh_note_key_read (path, error);
  if (key == NULL)
    {
      g_prefix_error (error, "Notes key %s: ", path);
      return FALSE;
    }
  if (beside_database)
    {
      g_autofree char *apart = lh_config_default_note_key_path ();

      g_message ("The notes key %s is beside the database, so a backup of the database carries what opens its "
                 "notes. Move it apart: to /etc/learnhub/notes.key for the system service, or to %s, "
                 "or where [daemon] notes-key says (see the README)", path, apart);
    }
  g_clear_pointer (&config->centre->note_key, lh_note_key_free);
  config->centre->note_key = key;
  return TRUE;
}

gboolean
lh_config_open_note_key (LhConfig *config, GError **error)
{
  return open_note_key (config, TRUE, error);
}

gboolean
lh_config_read_note_key (LhConfig *config, GError **error)
{
  return open_note_key (config, FALSE, error);
}
