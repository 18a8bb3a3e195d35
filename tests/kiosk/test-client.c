/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's client trusts the daemon's certificate only through the
 * system CAs or the CA file it is given, and never accepts another. */
#include <glib/gstdio.h>

#include "lh-client.h"
#include "lh-test-daemon.h"

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Health;

static void
health_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Health *health = user_data;

  health->ok = lh_client_get_health_finish (LH_CLIENT (source), result, &health->error);
  health->done = TRUE;
}

static gboolean
check_health (LhClient *client, GError **error)
{
  Health health = { 0 };

  lh_client_get_health_async (client, NULL, health_cb, &health);
  while (!health.done)
    g_main_context_iteration (NULL, TRUE);
  if (health.error != NULL)
    g_propagate_error (error, health.error);
  return health.ok;
}

static void
test_tls (void)
{
  g_autofree char *dir = g_dir_make_tmp ("learnhub-kiosk-tls-XXXXXX", NULL);
  g_autofree char *key = NULL;
  g_autofree char *cert = lh_test_make_certificate (dir, &key);
  g_autofree char *missing = g_build_filename (dir, "no-such-ca.pem", NULL);
  const char *args[] = { "--tls-cert", cert, "--tls-key", key, NULL };
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (args);
  g_autoptr(GError) error = NULL;
  LhClient *trusting = lh_client_new (daemon->base_url, daemon->device_token, cert);
  LhClient *system = lh_client_new (daemon->base_url, daemon->device_token, NULL);
  LhClient *broken = lh_client_new (daemon->base_url, daemon->device_token, missing);

  g_assert_true (check_health (trusting, &error));
  g_assert_no_error (error);

  /* Self-signed and not in the system store: refused, whatever it says. */
  g_assert_false (check_health (system, &error));
  g_assert_error (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_TLS);
  g_clear_error (&error);

  /* A CA file that cannot be read is no reason to trust less. */
  g_assert_false (check_health (broken, &error));
  g_assert_error (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_TLS);

  g_assert_finalize_object (trusting);
  g_assert_finalize_object (system);
  g_assert_finalize_object (broken);
  g_clear_pointer (&daemon, lh_test_daemon_stop);
  g_remove (cert);
  g_remove (key);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kiosk/client/tls", test_tls);
  return g_test_run ();
}
