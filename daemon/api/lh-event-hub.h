/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live event stream: every kiosk keeps one WebSocket open and is told
 * what changed the moment it changes, so that no kiosk polls. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Idle connections are pinged this often, so that a kiosk that vanished
 * without closing is noticed and dropped. */
#define LH_EVENT_KEEPALIVE_SECONDS 30

#define LH_TYPE_EVENT_HUB (lh_event_hub_get_type ())
G_DECLARE_FINAL_TYPE (LhEventHub, lh_event_hub, LH, EVENT_HUB, GObject)

LhEventHub *lh_event_hub_new       (void);

/* Takes a reference on connection until it closes. person_id is the
 * signed-in person (0 for a kiosk device's own stream), for events meant
 * for one person only; device_id the kiosk it comes from. */
void        lh_event_hub_add       (LhEventHub              *self,
                                    SoupWebsocketConnection *connection,
                                    gint64                   person_id,
                                    gint64                   device_id);

/* Sends {"type": type, "data": data} to every open connection, or only to
 * person_id's when it is not 0. data (transfer none) must name no one. */
void        lh_event_hub_publish   (LhEventHub              *self,
                                    const char              *type,
                                    JsonNode                *data,
                                    gint64                   person_id);

/* Sends to the own streams of the kiosks device_ids (where the person
 * concerned is signed in, say), and to person_id's streams if not 0. Such
 * data may concern that person, and no one else. */
void        lh_event_hub_publish_to_devices (LhEventHub   *self,
                                             const char   *type,
                                             JsonNode     *data,
                                             const gint64 *device_ids,
                                             guint         n_devices,
                                             gint64        person_id);

/* Holds what is published from now on, until released: then it is sent,
 * in order, or dropped (what it told of was not committed). */
void        lh_event_hub_hold      (LhEventHub              *self);
void        lh_event_hub_release   (LhEventHub              *self,
                                    gboolean                 send);

guint       lh_event_hub_get_n_connections (LhEventHub *self);

/* Closes every connection (on shutdown), with "going away". */
void        lh_event_hub_close_all (LhEventHub              *self);

G_END_DECLS
