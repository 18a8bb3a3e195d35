/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-test-clock.h"

#include <stdlib.h>

/* Same name as LH_TIME_OFFSET_VARIABLE in daemon/core/lh-time.h; the
 * kiosk's tests do not link the daemon's core. */
#define OFFSET_VARIABLE "LEARNHUB_CLOCK_OFFSET"

void
lh_test_clock_set (const char *moment)
{
  g_autoptr(GDateTime) wanted = g_date_time_new_from_iso8601 (moment, NULL);
  g_autofree char *offset = NULL;

  if (wanted == NULL)
    g_error ("Not a moment with an offset: %s", moment);
  offset = g_strdup_printf ("%" G_GINT64_FORMAT,
                            g_date_time_to_unix (wanted) - g_get_real_time () / G_USEC_PER_SEC);
  g_setenv (OFFSET_VARIABLE, offset, TRUE);
}

gint64
lh_test_clock_now (void)
{
  const char *offset = g_getenv (OFFSET_VARIABLE);

  g_assert_nonnull (offset);
  return g_get_real_time () / G_USEC_PER_SEC + g_ascii_strtoll (offset, NULL, 10);
}

GDateTime *
lh_test_clock_now_in (GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (lh_test_clock_now ());

  return tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_to_local (utc);
}

/* Before main(), while the test has one thread: every test starts on the
 * same moment (or the one meson gives it), whatever the real date. */
__attribute__((constructor)) static void
set_default_clock (void)
{
  const char *moment = g_getenv (LH_TEST_CLOCK_MOMENT_VARIABLE);

  if (g_getenv (OFFSET_VARIABLE) == NULL)
    lh_test_clock_set (moment != NULL ? moment : LH_TEST_CLOCK_DEFAULT);
}
