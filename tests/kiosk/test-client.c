/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's client trusts the daemon's certificate only through the
 * system CAs or the CA file it is given, and never accepts another; and
 * it keeps the centre's time, not its PC's; and it words a kiosk made to
 * wait after wrong PINs. */
#include <glib/gstdio.h>
#include <string.h>

#include "lh-client.h"
#include "lh-client-private.h"
#include "lh-messages.h"
#include "lh-test-clock.h"
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

/* Once the daemon has answered, the kiosk's "now" is the daemon's (the
 * tests' clock, set in main() a long way from this PC's), in the centre's
 * zone. */
static void
test_centre_clock (void)
{
  g_autoptr(LhTestDaemon) daemon = lh_test_daemon_start (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LhClient) client = lh_client_new (daemon->base_url, daemon->device_token, NULL);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) expected = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_assert_true (check_health (client, &error));
  g_assert_no_error (error);

  now = lh_client_now (client);
  g_assert_cmpint (ABS (g_date_time_to_unix (now) - lh_test_clock_now ()), <=, 2);
  g_assert_cmpint (ABS (lh_client_get_real_time (client) / G_USEC_PER_SEC - lh_test_clock_now ()), <=, 2);
  g_assert_cmpint (ABS (lh_client_get_real_time (client) - g_get_real_time ()), >, G_TIME_SPAN_DAY);
  /* The demo centre is in Europe/London. */
  expected = lh_test_clock_now_in (london);
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==, g_date_time_get_utc_offset (expected));
}

/* A kiosk made to wait after wrong PINs: the daemon's reason, not its
 * detail, picks the words, which send the person to another kiosk and say
 * when this one is free again. */
static void
test_kiosk_slowed_worded (void)
{
  const char *problem = "{\"type\":\"https://learnhub.example/problems/kiosk-slowed\",\"title\":\"t\","
                        "\"status\":429,\"detail\":\"d\",\"locked_until\":\"2026-12-03T14:35:00Z\"}";
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", "http://127.0.0.1/api/v1/sessions");
  g_autoptr(GBytes) bytes = g_bytes_new_static (problem, strlen (problem));
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GError) error = lh_client_error_from_problem (msg, bytes, utc);
  g_autofree char *words = NULL;

  g_assert_error (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_KIOSK_SLOWED);
  words = lh_message_for_error (error);
  g_assert_nonnull (strstr (words, "another kiosk"));
  g_assert_nonnull (strstr (words, "14:35"));
}

/* One of two fixed moments, whichever is more than a week from this PC's
 * clock, so that the kiosk's clock and the PC's are seen to differ. */
static void
set_clock_far_from_this_pc (void)
{
  const char *moments[] = { LH_TEST_CLOCK_DEFAULT, "2027-07-13T10:00:00+01:00" };
  g_autoptr(GDateTime) first = g_date_time_new_from_iso8601 (moments[0], NULL);
  gint64 distance = ABS (g_date_time_to_unix (first) - g_get_real_time () / G_USEC_PER_SEC);

  lh_test_clock_set (moments[distance > 7 * 86400 ? 0 : 1]);
}

int
main (int argc, char **argv)
{
  set_clock_far_from_this_pc ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kiosk/client/tls", test_tls);
  g_test_add_func ("/kiosk/client/centre-clock", test_centre_clock);
  g_test_add_func ("/kiosk/client/kiosk-slowed-worded", test_kiosk_slowed_worded);
  return g_test_run ();
}
