/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The daemon's API as another program uses it, for kiosk tests to set
 * things up and to check what a kiosk did: plain blocking requests on a
 * session of their own. Failures fail the test. */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "lh-test-daemon.h"

G_BEGIN_DECLS

/* Before any other call; reads the centre's time zone. */
void        kiosk_api_init         (LhTestDaemon *daemon);
void        kiosk_api_shutdown     (void);
/* (transfer none) the centre's zone */
GTimeZone  *kiosk_api_time_zone    (void);

/* Sends a request (token and json nullable); returns the status and
 * sets *body (nullable) to the answer's object, if any. */
guint       kiosk_api_call         (const char  *method,
                                    const char  *path,
                                    const char  *token,
                                    const char  *json,
                                    JsonObject **body);
/* Signs in with staff number and PIN on the kiosk with device_token.
 * Returns: (transfer full) the session token; *body (nullable) the
 * whole answer. */
char       *kiosk_api_sign_in_as   (const char   *staff,
                                    const char   *pin,
                                    const char   *device_token,
                                    JsonObject  **body);
/* Signs the n-th demo learner in on the kiosk with device_token (the
 * desk's, or a PC's: sitting down at it). Returns: (transfer full) the
 * session token; *body (nullable) the whole answer. */
char       *kiosk_api_sign_in      (guint         learner,
                                    const char   *device_token,
                                    JsonObject  **body);
/* Closes the drop-ins the ULR signed in with token staffs today, so
 * that they can open one of their own. */
void        kiosk_api_close_dropins (const char *token);
gint64      kiosk_api_resource_id  (const char *token,
                                    const char *name);
/* ISO 8601 with the offset, as the API wants it. */
char       *kiosk_api_time_text    (GDateTime  *time);
/* A member's time, in the centre's zone. */
GDateTime  *kiosk_api_parse_time   (JsonObject *object,
                                    const char *member);
/* Books the PC named from start for minutes. Returns: (transfer full)
 * the booking. */
JsonObject *kiosk_api_book_pc      (const char *token,
                                    const char *pc,
                                    GDateTime  *start,
                                    int         minutes);
/* The start of this minute in the centre's zone, minutes_on later. */
GDateTime  *kiosk_api_minute_now   (int         minutes_on);
int         kiosk_api_seconds_now  (void);
/* The first element of list `member` of GET path (for 31 days from
 * today) that match accepts, or NULL. */
JsonObject *kiosk_api_find         (const char  *token,
                                    const char  *path,
                                    const char  *member,
                                    gboolean   (*match) (JsonObject *object, gconstpointer data),
                                    gconstpointer data);

G_END_DECLS
