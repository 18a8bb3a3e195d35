/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tests' clock. No test reads the real one: before main() runs, the
 * clock of the test and of every learnhubd, learnhubctl and kiosk it
 * starts is moved to one fixed moment (LH_TEST_CLOCK_DEFAULT), which then
 * runs on in real time. A test that needs another moment sets it first
 * thing in main(). The daemon's clock is lh_time_now() (daemon/core),
 * moved by LEARNHUB_CLOCK_OFFSET; the kiosk takes the daemon's. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Tuesday in term time, the centre open, in winter (GMT = UTC). */
#define LH_TEST_CLOCK_DEFAULT "2027-01-12T10:00:00Z"
/* Or this moment, when set (meson sets it for tests/api/test-moments). */
#define LH_TEST_CLOCK_MOMENT_VARIABLE "LH_TEST_MOMENT"

/* Moves the clock so that it reads moment (ISO-8601 with an offset) now.
 * Call it before any thread or process is started. */
void       lh_test_clock_set      (const char *moment);

/* Now by the tests' clock: Unix seconds, and in tz (NULL: the local
 * zone) (transfer full). */
gint64     lh_test_clock_now      (void);
GDateTime *lh_test_clock_now_in   (GTimeZone  *tz);

G_END_DECLS
