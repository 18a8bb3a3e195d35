/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient: the kiosk's only way to talk to learnhubd (HTTP + JSON, see
 * data/api/learnhub-api.md). Every call is asynchronous. */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "lh-types.h"

G_BEGIN_DECLS

#define LH_CLIENT_ERROR (lh_client_error_quark ())

typedef enum
{
  LH_CLIENT_ERROR_BAD_REQUEST,
  LH_CLIENT_ERROR_UNAUTHORIZED,
  LH_CLIENT_ERROR_FORBIDDEN,
  LH_CLIENT_ERROR_NOT_FOUND,
  LH_CLIENT_ERROR_CONFLICT,
  LH_CLIENT_ERROR_INVALID,
  LH_CLIENT_ERROR_LOCKED,
  LH_CLIENT_ERROR_UNAVAILABLE,
  LH_CLIENT_ERROR_NETWORK,
  LH_CLIENT_ERROR_TLS,
  LH_CLIENT_ERROR_SERVER,
} LhClientError;

GQuark     lh_client_error_quark            (void);
/* For LH_CLIENT_ERROR_LOCKED: when the lock ends (transfer none, nullable). */
GDateTime *lh_client_error_get_locked_until (const GError *error);
/* The problem's `title` (transfer none, nullable); the message is `detail`. */
const char *lh_client_error_get_title       (const GError *error);

#define LH_TYPE_CLIENT (lh_client_get_type ())
G_DECLARE_FINAL_TYPE (LhClient, lh_client, LH, CLIENT, GObject)

LhClient    *lh_client_new                   (const char *base_url,
                                              const char *device_token,
                                              const char *ca_file);

const char  *lh_client_get_base_url          (LhClient *self);
/* With the event stream: whether it is open. Without: whether the last
 * request reached the daemon. */
gboolean     lh_client_get_online            (LhClient *self);
gboolean     lh_client_is_signed_in          (LhClient *self);
LhPerson    *lh_client_get_person            (LhClient *self);
GTimeZone   *lh_client_get_time_zone         (LhClient *self);
SoupSession *lh_client_get_session           (LhClient *self);
/* The group sessions in which the person got a place from a waiting list
 * while away, from the sign-in's `notices` (transfer none) (element-type
 * LhGroupSession): empty when signed out. */
GPtrArray   *lh_client_get_promotions        (LhClient *self);
/* Forgets the session locally, without telling the daemon. */
void         lh_client_forget_session        (LhClient *self);

/* Opens the live event stream (GET /api/v1/events, with the device
 * token) and keeps it open: after a failure or a close it tries again by
 * itself, 1 s later, then 2 s, 4 s … up to 30 s. From then on, `online`
 * follows the stream, and each event is emitted as `event` and, if it is
 * one, `availability-changed`. Does nothing if the stream is already
 * wanted. */
void         lh_client_connect_events        (LhClient *self);
/* While the stream is down: tries again now instead of waiting. */
void         lh_client_reconnect_events      (LhClient *self);
gboolean     lh_client_get_events_connected  (LhClient *self);

void         lh_client_get_health_async      (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     lh_client_get_health_finish     (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

void         lh_client_sign_in_async         (LhClient            *self,
                                              const char          *staff_number,
                                              const char          *pin,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
LhPerson    *lh_client_sign_in_finish        (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

void         lh_client_sign_out_async        (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     lh_client_sign_out_finish       (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* date: "YYYY-MM-DD" in the centre's time zone. */
void            lh_client_get_availability_async  (LhClient            *self,
                                                   const char          *date,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
LhAvailability *lh_client_get_availability_finish (LhClient      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

void         lh_client_create_booking_async  (LhClient            *self,
                                              gint64               resource_id,
                                              GDateTime           *start,
                                              GDateTime           *end,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
LhBooking   *lh_client_create_booking_finish (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

void         lh_client_list_my_bookings_async  (LhClient            *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* Returns (transfer container) (element-type LhBooking). */
GPtrArray   *lh_client_list_my_bookings_finish (LhClient      *self,
                                                GAsyncResult  *result,
                                                GError       **error);

void         lh_client_cancel_booking_async  (LhClient            *self,
                                              gint64               booking_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     lh_client_cancel_booking_finish (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* Group sessions from `from` to `to` ("YYYY-MM-DD", both nullable: the
 * daemon's default, 14 days from today). Returns (transfer container)
 * (element-type LhGroupSession), soonest first. */
void         lh_client_list_group_sessions_async  (LhClient            *self,
                                                   const char          *from,
                                                   const char          *to,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray   *lh_client_list_group_sessions_finish (LhClient      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* A place, or the waiting list when it is full. */
void          lh_client_join_group_session_async  (LhClient            *self,
                                                   gint64               session_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* Returns: (transfer full) g_free() it. */
LhGroupPlace *lh_client_join_group_session_finish (LhClient      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* Gives up the person's place, or leaves the waiting list. */
void         lh_client_leave_group_session_async  (LhClient            *self,
                                                   gint64               session_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean     lh_client_leave_group_session_finish (LhClient      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

G_END_DECLS
