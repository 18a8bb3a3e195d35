/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A real learnhubd on loopback for tests: a demo centre in a temporary
 * directory, the daemon started as a subprocess on a free port, and the
 * demo sign-ins parsed from `learnhubctl demo --json`. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char       *dir;           /* (owned) temporary directory, removed on free */
  char       *db_path;       /* (owned) */
  char       *base_url;      /* (owned) e.g. "http://127.0.0.1:41234" */
  char       *device_token;  /* (owned) token of the demo kiosk device */
  JsonNode   *demo;          /* (owned) the whole `demo --json` output */
  GSubprocess *process;      /* (owned) the running learnhubd */
  GStrv       argv;          /* (owned) how it was started */
  guint16     port;
} LhTestDaemon;

/* Creates the demo centre and starts learnhubd; waits until /api/v1/health
 * answers. Aborts the test on failure. extra_args (nullable, NULL-terminated)
 * are passed on to learnhubd. Binaries come from the environment variables
 * LEARNHUBD and LEARNHUBCTL, which meson sets for every test. */
LhTestDaemon *lh_test_daemon_start (const char * const *extra_args);

/* The same, running setup on the demo database (with learnhubctl, say)
 * before the daemon starts. */
typedef void (*LhTestSetupFunc) (const char *db_path,
                                 gpointer    user_data);
LhTestDaemon *lh_test_daemon_start_with_setup (const char * const *extra_args,
                                               LhTestSetupFunc     setup,
                                               gpointer            user_data);

/* Stops the daemon with SIGTERM, checks it exited cleanly, removes the
 * temporary directory. */
void          lh_test_daemon_stop  (LhTestDaemon *daemon);

/* The first demo account with exactly this role set, e.g. "learner" or
 * "learner,ulr"; its staff number and PIN (both owned by the daemon). */
gboolean      lh_test_daemon_account (LhTestDaemon *daemon,
                                      const char   *roles,
                                      const char  **staff_number,
                                      const char  **pin);

/* Stops the daemon with the given signal (SIGKILL: as a crash or power cut
 * would) and starts it again on the same database and port. */
void          lh_test_daemon_restart (LhTestDaemon *daemon,
                                      int           signal);

/* Stops the daemon cleanly and starts it again on the same database and
 * port with no file it writes allowed past max_bytes (RLIMIT_FSIZE): as
 * a full disk, without filling one. The next restart lifts the limit. */
void          lh_test_daemon_restart_with_file_limit (LhTestDaemon *daemon,
                                                      goffset       max_bytes);

/* Stops the daemon cleanly, runs func on its database, and starts it
 * again on the same port (for what needs the daemon stopped, or a change
 * the daemon should find as it starts). */
void          lh_test_daemon_while_stopped (LhTestDaemon    *daemon,
                                            LhTestSetupFunc  func,
                                            gpointer         user_data);

/* The daemon's open file descriptors now (/proc/PID/fd). */
guint         lh_test_daemon_open_fds (LhTestDaemon *daemon);

/* Runs learnhubctl against the daemon's database (running or not) and
 * returns its stdout. */
char         *lh_test_run_ctl (const char  *db_path,
                               GError     **error,
                               ...) G_GNUC_NULL_TERMINATED;

/* A self-signed certificate for 127.0.0.1 in dir (with openssl); returns
 * its path and sets *key_path. It is also its own CA file. */
char         *lh_test_make_certificate (const char  *dir,
                                        char       **key_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhTestDaemon, lh_test_daemon_stop)

G_END_DECLS
