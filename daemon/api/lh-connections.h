/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keeps learnhubd's client connections within its file descriptors, for
 * years: it accepts them itself (libsoup's listener gives up for good on
 * the first failed accept, EMFILE included), closes those the client left
 * while they were idle (libsoup 3.2.x never does: see lh-conn-stream.h),
 * closes those idle too long or too slow to send a request, refuses
 * politely beyond a cap, and keeps one address below it. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Connections beyond the cap (or beyond their address's share), up to
 * this many more, are answered 503; beyond those they are closed at once. */
#define LH_CONNECTIONS_REFUSED_MAX 32
/* Seconds a refused connection has to send its request. */
#define LH_CONNECTIONS_REFUSED_IDLE 5
/* Seconds a request has to come whole, head and body, from its first
 * byte (from the connection's start for its first request, TLS handshake
 * included); never longer than the idle timeout. A kiosk on the centre's
 * network sends a request in milliseconds, and a body is at most 64 KiB:
 * 15 s is room for a slow or busy link, and ends a client that trickles
 * a byte at a time (never idle, so the idle timeout alone never would). */
#define LH_CONNECTIONS_REQUEST_SECONDS 15
/* One address holds at most a quarter of the connections (at least this
 * many, at most all): a PC that opens many slow ones leaves the rest for
 * the kiosks. Its connections beyond are refused as beyond the cap. */
#define LH_CONNECTIONS_PER_ADDRESS_LEAST 16
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
/* The most connections one address may hold under max_connections. */
guint          lh_connections_per_address_max (guint max_connections);

/* The cap for this process's descriptor limit, leaving room for the rest
 * (the database, its WAL, logs, threads' wakeups). */
guint          lh_connections_default_max (void);

G_END_DECLS
