/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The HTTP front of learnhubd: a libsoup server, the route table, and the
 * checks every request passes before its handler runs. */
#pragma once

#include <gio/gio.h>

#include "lh-centre.h"
#include "lh-routes.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* The API accepts request bodies up to this size. */
#define LH_SERVER_MAX_BODY (64 * 1024)

#define LH_TYPE_SERVER (lh_server_get_type ())
G_DECLARE_FINAL_TYPE (LhServer, lh_server, LH, SERVER, GObject)

/* centre must outlive the server. */
LhServer      *lh_server_new        (LhStore         *store,
                                     const LhCentre  *centre);

/* Listens on "HOST:PORT" (IPv4, or [IPv6]:PORT). Without a certificate it
 * refuses any address that is not loopback: PINs must not cross a network
 * in clear text. */
gboolean       lh_server_listen     (LhServer        *self,
                                     const char      *address,
                                     GTlsCertificate *certificate,
                                     GError         **error);

/* Before listening: at most max_connections open (0: from the descriptor
 * limit), and a connection with no request for idle_seconds is closed (0:
 * never; by default LH_CONFIG_IDLE_SECONDS). */
void           lh_server_set_connection_limits (LhServer *self,
                                                guint     max_connections,
                                                guint     idle_seconds);
/* The cap in force, once listening. */
guint          lh_server_get_max_connections   (LhServer *self);

/* The base URLs it listens on, e.g. "https://127.0.0.1:8443/". */
GSList        *lh_server_get_uris   (LhServer        *self);

/* Closes the event stream and stops listening. */
void           lh_server_disconnect (LhServer        *self);

LhEventHub    *lh_server_get_event_hub (LhServer     *self);

/* The route table, for the test that checks it against data/api/. */
const LhRoute *lh_server_get_routes (guint           *n_routes);

G_END_DECLS
