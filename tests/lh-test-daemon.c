/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-test-daemon.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>

static const char *
required_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set; run the tests with “meson test”", name);
  return value;
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_nonnull (socket);
  g_assert_true (g_socket_bind (socket, any_port, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

char *
lh_test_run_ctl (const char *db_path, GError **error, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (char *) required_env ("LEARNHUBCTL"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db_path);
  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, error))
    return NULL;
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "learnhubctl failed: %s", err);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static void
wait_until_listening (guint16 port, GSubprocess *process)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GSocketConnection) connection =
        g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);

      if (connection != NULL)
        return;
      /* Lets the child watch notice a daemon that gave up. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (g_subprocess_get_identifier (process) == NULL)
        g_error ("learnhubd exited before it listened");
      g_usleep (20 * 1000);
    }
  g_error ("learnhubd did not listen on port %u within 20 s", port);
}

/* If the test dies (an assertion, a timeout), its daemon goes with it
 * instead of holding the test runner's pipes open. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* The same, and a size no file may be written past. */
static void
limit_file_size (gpointer user_data)
{
  struct rlimit limit = { .rlim_cur = GPOINTER_TO_SIZE (user_data), .rlim_max = RLIM_INFINITY };

  die_with_parent (NULL);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static GSubprocess *
spawn_daemon_limited (GStrv argv, gsize max_file_bytes)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  if (max_file_bytes > 0)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size, GSIZE_TO_POINTER (max_file_bytes), NULL);
  else
    g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  g_assert_no_error (error);
  return process;
}

static GSubprocess *
spawn_daemon (GStrv argv)
{
  return spawn_daemon_limited (argv, 0);
}

/* The demo centre every test's daemon starts from. Making one takes
 * seconds (each account's PIN is hashed with Argon2id, slow on purpose),
 * so a test program makes it once and gives each daemon a copy of the
 * file. It is made again when the test clock was moved, or when it is a
 * minute old: the demo is laid out from the moment it is made. */
typedef struct
{
  char   *dir;
  char   *db_path;
  char   *json;
  char   *clock_offset;
  gint64  made_at;
} DemoTemplate;

static DemoTemplate demo_template;

static void remove_dir (const char *path);

static void
forget_demo_template (void)
{
  if (demo_template.dir != NULL)
    remove_dir (demo_template.dir);
  g_clear_pointer (&demo_template.dir, g_free);
  g_clear_pointer (&demo_template.db_path, g_free);
  g_clear_pointer (&demo_template.json, g_free);
  g_clear_pointer (&demo_template.clock_offset, g_free);
}

static void
make_demo_template (void)
{
  static gboolean registered;
  g_autoptr(GError) error = NULL;

  forget_demo_template ();
  if (!registered)
    registered = atexit (forget_demo_template) == 0;
  demo_template.dir = g_dir_make_tmp ("learnhub-demo-XXXXXX", &error);
  g_assert_no_error (error);
  demo_template.db_path = g_build_filename (demo_template.dir, "centre.db", NULL);
  demo_template.json = lh_test_run_ctl (demo_template.db_path, &error, "demo", "--json", NULL);
  g_assert_no_error (error);
  demo_template.clock_offset = g_strdup (g_getenv ("LEARNHUB_CLOCK_OFFSET"));
  demo_template.made_at = g_get_monotonic_time ();
}

/* Copies the demo centre to db_path; returns its `demo --json`. */
static char *
copy_demo_centre (const char *db_path)
{
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = g_file_new_for_path (db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = NULL;

  if (demo_template.json == NULL ||
      g_strcmp0 (demo_template.clock_offset, g_getenv ("LEARNHUB_CLOCK_OFFSET")) != 0 ||
      g_get_monotonic_time () - demo_template.made_at > 60 * G_USEC_PER_SEC)
    make_demo_template ();
  /* learnhubctl closed it cleanly: the whole centre is in the one file. */
  wal = g_strconcat (demo_template.db_path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  from = g_file_new_for_path (demo_template.db_path);
  g_file_copy (from, to, G_FILE_COPY_ALL_METADATA, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (demo_template.json);
}

LhTestDaemon *
lh_test_daemon_start (const char * const *extra_args)
{
  return lh_test_daemon_start_with_setup (extra_args, NULL, NULL);
}

LhTestDaemon *
lh_test_daemon_start_with_setup (const char * const *extra_args, LhTestSetupFunc setup, gpointer user_data)
{
  g_autoptr(LhTestDaemon) daemon = g_new0 (LhTestDaemon, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *listen = NULL;
  gboolean tls = FALSE;
  guint16 port;

  daemon->dir = g_dir_make_tmp ("learnhub-test-XXXXXX", &error);
  g_assert_no_error (error);
  daemon->db_path = g_build_filename (daemon->dir, "centre.db", NULL);
  out = copy_demo_centre (daemon->db_path);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  daemon->demo = json_node_ref (json_parser_get_root (parser));
  daemon->device_token = g_strdup (json_object_get_string_member (json_node_get_object (daemon->demo),
                                                                  "device_token"));
  if (setup != NULL)
    setup (daemon->db_path, user_data);

  port = free_port ();
  listen = g_strdup_printf ("127.0.0.1:%u", port);
  g_ptr_array_add (argv, g_strdup (required_env ("LEARNHUBD")));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (daemon->db_path));
  g_ptr_array_add (argv, g_strdup ("--listen"));
  g_ptr_array_add (argv, g_strdup (listen));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    {
      tls |= g_str_equal (extra_args[i], "--tls-cert");
      g_ptr_array_add (argv, g_strdup (extra_args[i]));
    }
  g_ptr_array_add (argv, NULL);
  daemon->argv = (GStrv) g_ptr_array_steal (argv, NULL);
  daemon->port = port;
  daemon->process = spawn_daemon (daemon->argv);
  wait_until_listening (port, daemon->process);
  daemon->base_url = g_strdup_printf ("%s://127.0.0.1:%u", tls ? "https" : "http", port);
  return g_steal_pointer (&daemon);
}

void
lh_test_daemon_restart (LhTestDaemon *daemon, int signal)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (daemon->process, signal);
  g_subprocess_wait (daemon->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&daemon->process);
  daemon->process = spawn_daemon (daemon->argv);
  wait_until_listening (daemon->port, daemon->process);
}

void
lh_test_daemon_restart_with_file_limit (LhTestDaemon *daemon, goffset max_bytes)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (max_bytes, >, 0);
  g_subprocess_send_signal (daemon->process, SIGTERM);
  g_subprocess_wait_check (daemon->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&daemon->process);
  daemon->process = spawn_daemon_limited (daemon->argv, (gsize) max_bytes);
  wait_until_listening (daemon->port, daemon->process);
}

void
lh_test_daemon_while_stopped (LhTestDaemon *daemon, LhTestSetupFunc func, gpointer user_data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (daemon->process, SIGTERM);
  g_subprocess_wait_check (daemon->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&daemon->process);
  func (daemon->db_path, user_data);
  daemon->process = spawn_daemon (daemon->argv);
  wait_until_listening (daemon->port, daemon->process);
}

gboolean
lh_test_daemon_account (LhTestDaemon *daemon, const char *roles,
                        const char **staff_number, const char **pin)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon->demo), "accounts");

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      JsonArray *account_roles = json_object_get_array_member (account, "roles");
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint r = 0; r < json_array_get_length (account_roles); r++)
        g_string_append_printf (joined, "%s%s", r > 0 ? "," : "",
                                json_array_get_string_element (account_roles, r));
      if (g_str_equal (joined->str, roles))
        {
          *staff_number = json_object_get_string_member (account, "staff_number");
          *pin = json_object_get_string_member (account, "pin");
          return TRUE;
        }
    }
  return FALSE;
}

guint
lh_test_daemon_open_fds (LhTestDaemon *daemon)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/fd", g_subprocess_get_identifier (daemon->process));
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* With what is in it: the daemon's backups are in a directory of it. */
static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
lh_test_daemon_stop (LhTestDaemon *daemon)
{
  if (daemon->process != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_subprocess_send_signal (daemon->process, SIGTERM);
      g_subprocess_wait (daemon->process, NULL, &error);
      g_assert_no_error (error);
      /* A clean shutdown is part of what is tested. */
      g_assert_true (g_subprocess_get_if_exited (daemon->process));
      g_assert_cmpint (g_subprocess_get_exit_status (daemon->process), ==, 0);
      g_clear_object (&daemon->process);
    }
  if (daemon->dir != NULL)
    remove_dir (daemon->dir);
  g_free (daemon->dir);
  g_strfreev (daemon->argv);
  g_free (daemon->db_path);
  g_free (daemon->base_url);
  g_free (daemon->device_token);
  g_clear_pointer (&daemon->demo, json_node_unref);
  g_free (daemon);
}

char *
lh_test_make_certificate (const char *dir, char **key_path)
{
  g_autofree char *cert = g_build_filename (dir, "tls.crt", NULL);
  g_autofree char *key = g_build_filename (dir, "tls.key", NULL);
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    "-keyout", key, "-out", cert, NULL
  };

  g_spawn_sync (NULL, (char **) argv, NULL,
                G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  *key_path = g_steal_pointer (&key);
  return g_steal_pointer (&cert);
}
