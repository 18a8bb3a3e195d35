/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A client connection's stream as libsoup sees it: the socket's (or the
 * TLS connection's) stream, with one difference. While the connection is
 * idle between two requests, the peer's end of stream (or a reset) is not
 * passed up to libsoup: libsoup 3.2.x would end its waiting message with
 * nobody left to close the connection, and the socket would stay in
 * CLOSE-WAIT for ever (fixed upstream by libsoup commit d20c6601). The
 * stream tells its owner instead, who takes the connection back from
 * libsoup and closes it. See lh-connections.c. And a request head over
 * libsoup's 64 KiB, which libsoup would end with a reset, is answered 431
 * (414 for a request line that long) by the stream itself. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LH_TYPE_CONN_STREAM (lh_conn_stream_get_type ())
G_DECLARE_FINAL_TYPE (LhConnStream, lh_conn_stream, LH, CONN_STREAM, GIOStream)

typedef void (*LhConnStreamFunc) (LhConnStream *stream,
                                  gpointer      user_data);

/* Wraps base (a GSocketConnection or a GTlsConnection). */
LhConnStream *lh_conn_stream_new           (GIOStream        *base);

/* gone: the peer went while the stream was idle (called once, from the
 * main context, never from inside a read). closed: the stream was closed
 * (called once). started: the first bytes of a request came while the
 * stream was idle (once per idle spell, from inside the read: it must not
 * touch libsoup). Any may be NULL; set all NULL to stop being told. */
void          lh_conn_stream_set_callbacks (LhConnStream     *self,
                                            LhConnStreamFunc  gone,
                                            LhConnStreamFunc  closed,
                                            LhConnStreamFunc  started,
                                            gpointer          user_data);

/* Idle: between requests, when the peer's end of stream means it left. */
void          lh_conn_stream_set_idle      (LhConnStream     *self,
                                            gboolean          idle);

G_END_DECLS
