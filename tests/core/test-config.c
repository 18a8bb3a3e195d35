/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-config.h"
#include "lh-error.h"

#include <glib/gstdio.h>
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lh/config/example-file-loads", test_example_file_loads);
  g_test_add_func ("/lh/config/bad-values-refused", test_bad_values_refused);
  g_test_add_func ("/lh/config/public-url", test_public_url);
  return g_test_run ();
}
