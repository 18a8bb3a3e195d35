/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live event stream: every kiosk keeps one WebSocket open and is told
 * what changed the moment it changes, so that no kiosk polls. A stream
 * lasts only as long as the token it was opened with. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lh-store.h"

G_BEGIN_DECLS

/* Idle connections are pinged this often, so that a kiosk that vanished
 * without closing is noticed and dropped. */
#define LH_EVENT_KEEPALIVE_SECONDS 30

/* Every stream's token is checked again this often, so that a stream ends
 * within about a second of its session (signed out, time up) or its kiosk
 * (revoked). */
#define LH_EVENT_CHECK_MILLISECONDS 1000

/* The close code of a stream whose token no longer holds, the reason being
 * the 401's words: HTTP's 401 in the range kept for applications. */
#define LH_EVENT_CLOSE_UNAUTHORIZED 4401

#define LH_TYPE_EVENT_HUB (lh_event_hub_get_type ())
G_DECLARE_FINAL_TYPE (LhEventHub, lh_event_hub, LH, EVENT_HUB, GObject)

/* Checks the streams' tokens in store. */
LhEventHub *lh_event_hub_new       (LhStore                 *store);

/* Takes a reference on connection until it closes. token is what it was
 * opened with, a session's (person_id is then the signed-in person, for
 * events meant for one person only) or a kiosk's own (person_id 0);
 * device_id is the kiosk it comes from. The connection is closed with
 * LH_EVENT_CLOSE_UNAUTHORIZED once the token no longer holds. */
void        lh_event_hub_add       (LhEventHub              *self,
                                    SoupWebsocketConnection *connection,
                                    const char              *token,
                                    gint64                   person_id,
                                    gint64                   device_id);

/* Sends {"type": type, "data": data} to every open connection, or only to
 * person_id's when it is not 0. data (transfer none) must name no one.
 * What is meant for one person goes only to streams whose session still
 * holds at that moment. */
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
/* Whether such an event would reach an open stream now: the person's own,
 * or the own stream of one of device_ids. */
gboolean    lh_event_hub_reaches   (LhEventHub              *self,
                                    const gint64            *device_ids,
                                    guint                    n_devices,
                                    gint64                   person_id);

/* Sends to the streams of signed-in admins only, and to the own streams
 * of the kiosks where an admin is signed in, each checked at that moment:
 * news of the centre's equipment that is not for learners' eyes nor for
 * a kiosk no admin is at. */
void        lh_event_hub_publish_to_admins (LhEventHub   *self,
                                            const char   *type,
                                            JsonNode     *data);

/* Sends to the streams of signed-in committee members only, and to the
 * own streams of the kiosks where one is signed in, each checked at that
 * moment: news of the committee's meetings and action plan, not for a
 * kiosk no member is at. */
void        lh_event_hub_publish_to_committee (LhEventHub   *self,
                                               const char   *type,
                                               JsonNode     *data);

/* Holds what is published from now on, until released: then it is sent,
 * in order, or dropped (what it told of was not committed). */
void        lh_event_hub_hold      (LhEventHub              *self);
void        lh_event_hub_release   (LhEventHub              *self,
                                    gboolean                 send);

/* Checks every stream's token now, not at the next tick (another process
 * revoked a kiosk, say), closing those that no longer hold. */
void        lh_event_hub_check_now (LhEventHub              *self);

guint       lh_event_hub_get_n_connections (LhEventHub *self);

/* Closes every connection (on shutdown), with "going away". */
void        lh_event_hub_close_all (LhEventHub              *self);

G_END_DECLS
