/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of test-api kept in files of their own: sitting at a PC, and the
 * API document checked against what every test saw. */
#pragma once

#include <libsoup/soup.h>

#include "lh-test-daemon.h"

/* Two PCs open round the clock, and their kiosks, that the usage tests
 * need whatever the hour they run at: a setup for
 * lh_test_daemon_start_with_setup(), which stores the kiosks' tokens in
 * *(GStrv *) user_data. */
void lh_api_usage_setup     (const char   *db_path,
                             gpointer      user_data);

void lh_api_usage_add_tests (LhTestDaemon *daemon,
                             SoupSession  *session,
                             GStrv         pc_kiosk_tokens);

/* Last of all: they check what the tests before them saw. */
void lh_api_document_add_tests (void);
