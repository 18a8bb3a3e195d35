/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A listener on GET /api/v1/events for the API tests: connects, keeps
 * every message, and waits for one of a given type. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct
{
  SoupWebsocketConnection *connection;  /* (owned) (nullable) */
  GError                  *error;       /* (owned) (nullable) */
  gboolean                 done;        /* the handshake ended */
  GPtrArray               *messages;    /* (owned) (element-type utf8) */
} LhApiListener;

/* Connects with token (a device or session token) and waits for the
 * handshake; asserts it succeeded. */
LhApiListener *lh_api_listen          (SoupSession   *session,
                                       const char    *base_url,
                                       const char    *token);
void           lh_api_listener_free   (LhApiListener *listener);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhApiListener, lh_api_listener_free)

/* The data of the first event of type whose data has member == value
 * (member NULL: any), waiting up to 5 seconds; NULL if none came. */
JsonNode      *lh_api_listener_wait   (LhApiListener *listener,
                                       const char    *type,
                                       const char    *member,
                                       gint64         value);

/* Whether any event of type came (no waiting). */
gboolean       lh_api_listener_heard  (LhApiListener *listener,
                                       const char    *type);

/* Runs the main context for that long, so that events arrive. */
void           lh_api_spin            (double         seconds);

G_END_DECLS
