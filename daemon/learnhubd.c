/* SPDX-License-Identifier: GPL-3.0-or-later */
/* learnhubd: owns the centre's database and serves the kiosks. A thin
 * shell: configuration, the store, the HTTP server, and signals. */
#define G_LOG_DOMAIN "learnhubd"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "lh-advice-sealed.h"
#include "lh-backup-timer.h"
#include "lh-config.h"
#include "lh-equipment.h"
#include "lh-server.h"
#include "lh-time.h"
#include "lh-store.h"

static gboolean
quit_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_message ("Stopping");
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Start-up failures are for the person starting the daemon: plain words on
 * stderr (which the journal keeps too), then exit status 1. */
static void G_GNUC_PRINTF (1, 2)
fail (const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("learnhubd: %s\n", text);
}

/* A command-line option, when given, wins over the configuration file. */
static void
override (char **setting, char **option)
{
  if (*option == NULL)
    return;
  g_free (*setting);
  *setting = g_steal_pointer (option);
}

int
main (int argc, char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The centre's database", "FILE" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Address and port (default 127.0.0.1:8080)", "ADDR:PORT" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path, "Configuration file (default " LH_CONFIG_DEFAULT_PATH ")", "FILE" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, "TLS certificate (PEM): serve HTTPS", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, "TLS private key (PEM)", "FILE" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Log every request", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— learnhub centre daemon");
  g_autoptr(GError) error = NULL;
  g_autoptr(LhConfig) config = NULL;
  g_autoptr(LhStore) store = NULL;
  g_autoptr(LhServer) server = NULL;
  g_autoptr(LhBackupTimer) backups = NULL;
  g_autofree char *backup_dir = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GSList *uris;

  /* stdout is for results (demo --json); logs go to stderr or the journal.
   * (Before any thread exists, as GLib requires.) */
  g_log_writer_default_set_use_stderr (TRUE);
  /* Then signals: a stop that comes while we start up is still clean. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  /* A file at its size limit (RLIMIT_FSIZE) would kill us with SIGXFSZ;
   * ignored, the write fails with EFBIG instead, and is answered like a
   * full disk: reads go on, nothing half-written is kept. */
  signal (SIGXFSZ, SIG_IGN);
  setlocale (LC_ALL, "");
  /* The refusals only an admin meets at the command line are translated
   * (issue 15); the kiosk words the others from their reasons. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("LEARNHUB_LOCALEDIR") != NULL ? g_getenv ("LEARNHUB_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("learnhubd: %s\n", error->message);
      return 2;
    }
  if (verbose)
    g_log_set_debug_enabled (TRUE);

  config = lh_config_load (config_path, &error);
  if (config == NULL)
    {
      fail ("%s", error->message);
      return 1;
    }
  override (&config->database, &db_path);
  override (&config->listen, &listen);
  override (&config->tls_cert, &tls_cert);
  override (&config->tls_key, &tls_key);

  if ((config->tls_cert == NULL) != (config->tls_key == NULL))
    {
      fail ("Give both a TLS certificate and its key, or neither");
      return 1;
    }
  if (config->tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (config->tls_cert, config->tls_key, &error);
      if (certificate == NULL)
        {
          fail ("TLS certificate: %s", error->message);
          return 1;
        }
    }

  /* After the options: the key's default path follows the database's. */
  if (!lh_config_open_note_key (config, &error))
    {
      fail ("%s", error->message);
      return 1;
    }
  store = lh_advice_store_open (config->database, config->centre, &error);
  if (store == NULL)
    {
      fail ("%s", error->message);
      return 1;
    }
  server = lh_server_new (store, config->centre);
  lh_server_set_connection_limits (server, config->max_connections, config->idle_seconds);
  if (!lh_server_listen (server, config->listen, certificate, &error))
    {
      fail ("Cannot listen on %s: %s", config->listen, error->message);
      return 1;
    }
  g_debug ("At most %u connections", lh_server_get_max_connections (server));

  uris = lh_server_get_uris (server);
  for (GSList *l = uris; l != NULL; l = l->next)
    {
      g_autofree char *uri = g_uri_to_string (l->data);
      g_message ("Serving %s on %s", config->database, uri);
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  backup_dir = lh_config_backup_directory (config);
  backups = lh_backup_timer_new (config->database, backup_dir, config->backup_every_hours, config->backup_keep);
  if (lh_time_clock_offset () != 0)
    g_message ("The clock is moved by %" G_GINT64_FORMAT " s (%s): for tests only",
               lh_time_clock_offset (), LH_TIME_OFFSET_VARIABLE);

  g_main_loop_run (loop);

  /* Every request's work is one committed transaction, so stopping between
   * main-loop iterations loses nothing. A sign-in whose PIN is still being
   * checked is simply not answered. */
  lh_server_disconnect (server);
  g_clear_object (&backups);
  g_clear_object (&server);
  g_clear_object (&store);
  g_message ("Stopped cleanly");
  return 0;
}
