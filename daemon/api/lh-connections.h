/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keeps learnhubd's client connections within its file descriptors, for
 * years: it accepts them itself (libsoup's listener gives up for good on
 * the first failed accept, EMFILE included), closes those the client left
 * while they were idle (libsoup 3.2.x never does: see lh-conn-stream.h),
 * closes those idle too long, and refuses politely beyond a cap. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Connections beyond the cap, up to this many more, are answered 503;
 * beyond those they are closed at once. */
#define LH_CONNECTIONS_REFUSED_MAX 32
/* Seconds a refused connection has to send its request. */
#define LH_CONNECTIONS_REFUSED_IDLE 5
/* The longest address (path and query) a request may have: 414 past it. */
#define LH_CONNECTIONS_MAX_URI (8 * 1024)

#define LH_TYPE_CONNECTIONS (lh_connections_get_type ())
G_DECLARE_FINAL_TYPE (LhConnections, lh_connections, LH, CONNECTIONS, GObject)

/* Takes over accepting on listener, which soup already listens on (so that
 * libsoup keeps connections alive). certificate (nullable): serve TLS.
 * max_connections 0: lh_connections_default_max (). idle_seconds 0: never
 * close an idle connection. */
LhConnections *lh_connections_new         (SoupServer      *soup,
                                           GSocket         *listener,
                                           GTlsCertificate *certificate,
                                           guint            max_connections,
                                           guint            idle_seconds);

/* Stops accepting and forgets every connection: libsoup closes them
 * (soup_server_disconnect), their sockets already ended so that no TLS
 * close or handshake keeps it waiting. WebSockets are left to their
 * owner. */
void           lh_connections_stop        (LhConnections   *self);

/* Open client connections, HTTP and WebSocket. */
guint          lh_connections_get_count   (LhConnections   *self);
guint          lh_connections_get_max     (LhConnections   *self);

/* The cap for this process's descriptor limit, leaving room for the rest
 * (the database, its WAL, logs, threads' wakeups). */
guint          lh_connections_default_max (void);

G_END_DECLS
