/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhEventStream: the daemon's live event stream (GET /api/v1/events, a
 * WebSocket), kept open: it reconnects by itself with backoff and drops
 * a connection the daemon stopped answering. LhClient owns one. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Pings the daemon this often; a connection silent (no pong, no event)
 * for two pings and 5 s more is taken as dead: 25 s by default. */
#define LH_EVENT_STREAM_KEEPALIVE_SECONDS 10
/* Waits before trying again: 1 s, doubled after each failure, at most
 * this; back to 1 s once a connection opens. */
#define LH_EVENT_STREAM_MAX_BACKOFF_SECONDS 30

#define LH_TYPE_EVENT_STREAM (lh_event_stream_get_type ())
G_DECLARE_FINAL_TYPE (LhEventStream, lh_event_stream, LH, EVENT_STREAM, GObject)

/* token (nullable) is sent as `Authorization: Bearer`. */
LhEventStream *lh_event_stream_new           (SoupSession *session,
                                              const char  *uri,
                                              const char  *token);
/* Before start(): pings every this many seconds (at least 1). */
void           lh_event_stream_set_keepalive (LhEventStream *self,
                                              guint          seconds);
/* Connects, and keeps connecting until stopped. */
void           lh_event_stream_start         (LhEventStream *self);
/* Closes the connection, cancels an attempt, forgets a pending retry. */
void           lh_event_stream_stop          (LhEventStream *self);
/* While down: tries again now, and starts the backoff afresh. */
void           lh_event_stream_retry_now     (LhEventStream *self);
/* Whether a connection is open now. */
gboolean       lh_event_stream_get_connected (LhEventStream *self);
/* Whether the daemon could not be reached: the `down` property. */
gboolean       lh_event_stream_get_down      (LhEventStream *self);
/* Seconds until the next attempt (0: none pending), for tests. */
guint          lh_event_stream_get_backoff   (LhEventStream *self);

G_END_DECLS
