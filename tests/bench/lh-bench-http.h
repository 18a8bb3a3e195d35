/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A lean HTTP/1.1 client for the benchmarks: blocking, a new connection
 * for each POST as a kiosk's libsoup makes, no parsing beyond the status
 * and the length. The real kiosks
 * run on other machines; a benchmark's clients share the daemon's cores,
 * and libsoup's client used more than half as much CPU per booking as the
 * daemon itself, which capped what the daemon could show. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LhBenchHttp LhBenchHttp;

LhBenchHttp *lh_bench_http_new  (guint16 port);
void         lh_bench_http_free (LhBenchHttp *http);

/* POSTs json to path with the Authorization header auth ("Bearer …") and
 * returns the reply's status, or 0 if the connection failed (the next call
 * connects again). The body of the reply is read and dropped. */
guint        lh_bench_http_post (LhBenchHttp *http,
                                 const char  *path,
                                 const char  *auth,
                                 const char  *json);

/* Any method; json NULL sends no body, auth NULL no Authorization. The
 * reply's body goes into body (when not NULL). Status 0: no reply. */
guint        lh_bench_http_request (LhBenchHttp *http,
                                    const char  *method,
                                    const char  *path,
                                    const char  *auth,
                                    const char  *json,
                                    GString     *body);

G_END_DECLS
