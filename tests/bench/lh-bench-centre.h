/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the benchmarks: a centre made with learnhubctl, a learnhubd
 * serving it on loopback, and sign-in. */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct
{
  char        *dir;           /* (owned) temporary directory */
  char        *db;            /* (owned) */
  char        *base_url;      /* (owned) */
  guint16      port;
  char        *device_token;  /* (owned) */
  GSubprocess *daemon;        /* (owned) */
  double       history_seconds;  /* to write its years of history */
} LhBenchCentre;

/* n_pcs PCs open round the clock, people B000… with PIN 1000+i, a device,
 * and learnhubd on 127.0.0.1:port. */
LhBenchCentre *lh_bench_centre_new   (guint n_pcs,
                                      guint n_people,
                                      guint16 port);
/* The same, the first n_ulrs people also ULRs. */
LhBenchCentre *lh_bench_centre_new_with_ulrs (guint   n_pcs,
                                              guint   n_people,
                                              guint   n_ulrs,
                                              guint16 port);
/* The same, with `years` of past bookings on every PC before learnhubd
 * starts (0: none): a centre that has run that long. */
LhBenchCentre *lh_bench_centre_new_full (guint   n_pcs,
                                         guint   n_people,
                                         guint   n_ulrs,
                                         int     years,
                                         guint16 port);
/* learnhubd on an existing centre db in dir (made by learnhubctl demo,
 * say), backups off; freeing it removes the db and dir as above. */
LhBenchCentre *lh_bench_centre_new_for_db (const char *dir,
                                           const char *db,
                                           guint16     port);
void           lh_bench_centre_free  (LhBenchCentre *centre);

/* "Bearer <session token>" of person i. */
char          *lh_bench_sign_in      (LhBenchCentre *centre,
                                      SoupSession   *session,
                                      guint          person);

/* POSTs json and returns the status (the body is dropped). */
guint          lh_bench_post         (SoupSession *session,
                                      const char  *url,
                                      const char  *auth,
                                      const char  *json);

char          *lh_bench_iso          (gint64 unix_seconds);

/* CPU seconds (user + system) used so far by the centre's learnhubd: all
 * its threads, or only its main thread (where libsoup serves every
 * request). Unlike a rate, this hardly depends on how busy the machine is. */
double         lh_bench_daemon_cpu   (LhBenchCentre *centre,
                                      gboolean       main_thread_only);
/* CPU seconds used so far by this process. */
double         lh_bench_own_cpu      (void);

int            lh_bench_compare_gint64 (gconstpointer a,
                                        gconstpointer b);
/* p-th percentile (0..1) of sorted microseconds, in milliseconds. */
double         lh_bench_percentile_ms (GArray *sorted,
                                       double  p);

G_END_DECLS
