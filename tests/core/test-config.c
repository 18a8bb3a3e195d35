/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-config.h"
#include "lh-error.h"
#include "lh-note-key.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static void
test_example_file_loads (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "daemon", "learnhubd.conf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhConfig) config = lh_config_load (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (config->database, ==, "/var/lib/learnhub/learnhub.db");
  g_assert_cmpstr (config->listen, ==, "127.0.0.1:8080");
  g_assert_null (config->tls_cert);
  g_assert_cmpstr (config->centre->timezone_id, ==, "Europe/London");
  g_assert_cmpint (config->centre->max_booking_minutes, ==, 120);
  g_assert_cmpuint (config->backup_every_hours, ==, 24);
  g_assert_cmpuint (config->backup_keep, ==, 7);
}

/* Backups: beside the database unless the file says where; a count that
 * is not a whole number refuses the file. */
static void
test_backup_settings (void)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhConfig) config = NULL;
  int fd = g_file_open_tmp ("learnhub-conf-XXXXXX", &path, NULL);

  close (fd);
  g_assert_true (g_file_set_contents (path, "[daemon]\ndatabase=/srv/centre/learnhub.db\n", -1, NULL));
  config = lh_config_load (path, &error);
  g_assert_no_error (error);
  dir = lh_config_backup_directory (config);
  g_assert_cmpstr (dir, ==, "/srv/centre/backups");
  g_assert_cmpuint (config->backup_every_hours, ==, LH_CONFIG_BACKUP_EVERY_HOURS);
  g_assert_cmpuint (config->backup_keep, ==, LH_CONFIG_BACKUP_KEEP);
  g_clear_pointer (&config, lh_config_free);
  g_clear_pointer (&dir, g_free);

  g_assert_true (g_file_set_contents (path, "[backup]\ndirectory=/mnt/other-disk/learnhub\nevery-hours=0\n"
                                            "keep=30\n", -1, NULL));
  config = lh_config_load (path, &error);
  g_assert_no_error (error);
  dir = lh_config_backup_directory (config);
  g_assert_cmpstr (dir, ==, "/mnt/other-disk/learnhub");
  g_assert_cmpuint (config->backup_every_hours, ==, 0);
  g_assert_cmpuint (config->backup_keep, ==, 30);
  g_clear_pointer (&config, lh_config_free);

  g_assert_true (g_file_set_contents (path, "[backup]\nkeep=a week\n", -1, NULL));
  config = lh_config_load (path, &error);
  g_assert_null (config);
  g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "[backup] keep"));
  g_unlink (path);
}

static void
test_public_url (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhConfig) config = NULL;
  int fd = g_file_open_tmp ("learnhub-conf-XXXXXX", &path, NULL);

  close (fd);
  g_assert_true (g_file_set_contents (path, "[centre]\npublic-url= https://learning.example.org:8443/ \n", -1, NULL));
  config = lh_config_load (path, &error);
  g_assert_no_error (error);
  /* Trimmed, without the last slash: links append their path. */
  g_assert_cmpstr (config->centre->public_url, ==, "https://learning.example.org:8443");
  /* Not fixed unless the centre says so. */
  g_assert_cmpint (config->centre->pin_digits, ==, 0);
  g_unlink (path);
}

/* A centre whose PINs all have one length says so, for the keypad. */
static void
test_pin_digits (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhConfig) config = NULL;
  int fd = g_file_open_tmp ("learnhub-conf-XXXXXX", &path, NULL);

  close (fd);
  g_assert_true (g_file_set_contents (path, "[centre]\npin-digits=6\n", -1, NULL));
  config = lh_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (config->centre->pin_digits, ==, 6);
  g_unlink (path);
}

static void
test_bad_values_refused (void)
{
  static const char * const bad[] = {
    "[centre]\ntimezone=Mars/Olympus\n",
    "[centre]\nmax-booking-minutes=lots\n",
    "[centre]\nmax-booking-minutes=0\n",
    "[centre]\nmin-booking-minutes=90\nmax-booking-minutes=60\n",
    "[centre]\npublic-url=learning.example.org\n",
    "[centre]\npublic-url=ftp://learning.example.org/\n",
    "[centre]\npin-digits=3\n",
    "[centre]\npin-digits=9\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LhConfig) config = NULL;
      int fd = g_file_open_tmp ("learnhub-conf-XXXXXX", &path, NULL);

      close (fd);
      g_assert_true (g_file_set_contents (path, bad[i], -1, NULL));
      config = lh_config_load (path, &error);
      g_assert_null (config);
      g_assert_error (error, LH_ERROR, LH_ERROR_INVALID);
      g_unlink (path);
    }
}

/* A configuration whose database is dir/centre.db (notes-key, if given,
 * as [daemon] notes-key), with its notes key opened. */
static LhConfig *
load_with_key (const char *dir, const char *notes_key)
{
  g_autofree char *path = g_build_filename (dir, "learnhubd.conf", NULL);
  g_autofree char *text = g_strdup_printf ("[daemon]\ndatabase=%s/centre.db\n%s%s\n", dir,
                                           notes_key != NULL ? "notes-key=" : "",
                                           notes_key != NULL ? notes_key : "");
  g_autoptr(GError) error = NULL;
  g_autoptr(LhConfig) config = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  config = lh_config_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (lh_config_open_note_key (config, &error));
  g_assert_no_error (error);
  g_unlink (path);
  return g_steal_pointer (&config);
}

/* Whether what config's key seals opens with the key in file path. */
static gboolean
sealed_with (LhConfig *config, const char *path)
{
  g_autoptr(LhNoteKey) key = lh_note_key_open (path, NULL);
  g_autoptr(GBytes) sealed = lh_note_key_seal (config->centre->note_key, "a note");
  g_autofree char *text = NULL;
  gsize size;
  const void *data = g_bytes_get_data (sealed, &size);

  g_assert_nonnull (key);
  text = lh_note_key_open_text (key, data, size, NULL);
  return g_strcmp0 (text, "a note") == 0;
}

static void
write_key (const char *path)
{
  g_autoptr(LhNoteKey) key = lh_note_key_open (path, NULL);

  g_assert_nonnull (key);
}

/* The notes key is kept apart from the database, so that a backup of
 * the database carries nothing that opens its notes: by default in the
 * user's config directory, or as a systemd credential, or where the
 * configuration says. A key an older learnhub made beside the database
 * is still used, so that its notes still open. */
static void
test_note_key_apart_from_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-key-XXXXXX", NULL);
  g_autofree char *beside = g_build_filename (dir, "centre.db.key", NULL);
  g_autofree char *credentials = g_build_filename (dir, "credentials", NULL);
  g_autofree char *credential = g_build_filename (credentials, LH_CONFIG_NOTE_KEY_CREDENTIAL, NULL);
  g_autofree char *chosen = g_build_filename (dir, "chosen", "notes.key", NULL);
  g_autofree char *fallback = lh_config_default_note_key_path ();
  g_autoptr(LhConfig) by_default = NULL;
  g_autoptr(LhConfig) by_credential = NULL;
  g_autoptr(LhConfig) by_config = NULL;
  g_autoptr(LhConfig) old_install = NULL;
  g_autoptr(LhConfig) missing_credential = NULL;

  g_assert_true (g_str_has_prefix (fallback, g_get_user_config_dir ()));
  by_default = load_with_key (dir, NULL);
  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
  g_assert_true (sealed_with (by_default, fallback));

  /* learnhubd.service: LoadCredential=notes-key:/etc/learnhub/notes.key */
  g_assert_cmpint (g_mkdir (credentials, 0700), ==, 0);
  write_key (credential);
  g_setenv ("CREDENTIALS_DIRECTORY", credentials, TRUE);
  by_credential = load_with_key (dir, NULL);
  g_assert_true (sealed_with (by_credential, credential));
  g_assert_false (sealed_with (by_credential, fallback));

  by_config = load_with_key (dir, chosen);
  g_assert_true (sealed_with (by_config, chosen));
  g_assert_false (sealed_with (by_config, credential));

  /* An older centre's, beside its database; never made there anew. */
  g_unlink (credential);
  write_key (beside);
  old_install = load_with_key (dir, NULL);
  g_assert_true (sealed_with (old_install, beside));
  g_unlink (beside);
  missing_credential = load_with_key (dir, NULL);
  g_assert_true (sealed_with (missing_credential, fallback));
  g_assert_false (g_file_test (credential, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (beside, G_FILE_TEST_EXISTS));
  g_unsetenv ("CREDENTIALS_DIRECTORY");

  g_unlink (chosen);
  g_rmdir (credentials);
  {
    g_autofree char *chosen_dir = g_path_get_dirname (chosen);
    g_rmdir (chosen_dir);
  }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_autofree char *config_home = g_dir_make_tmp ("learnhub-config-XXXXXX", NULL);
  g_autofree char *key = g_build_filename (config_home, "learnhub", "notes.key", NULL);
  g_autofree char *key_dir = g_path_get_dirname (key);
  int status;

  /* Before GLib reads it: the default notes key goes here, not home. */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/config/example-file-loads", test_example_file_loads);
  g_test_add_func ("/lh/config/backup-settings", test_backup_settings);
  g_test_add_func ("/lh/config/bad-values-refused", test_bad_values_refused);
  g_test_add_func ("/lh/config/public-url", test_public_url);
  g_test_add_func ("/lh/config/pin-digits", test_pin_digits);
  g_test_add_func ("/lh/config/note-key-apart-from-database", test_note_key_apart_from_database);
  status = g_test_run ();
  g_unlink (key);
  g_rmdir (key_dir);
  g_rmdir (config_home);
  return status;
}
