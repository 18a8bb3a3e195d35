/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient: the kiosk's only way to talk to learnhubd (HTTP + JSON, see
 * data/api/learnhub-api.md). Every call is asynchronous. */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "lh-timetable-types.h"
#include "lh-types.h"
#include "lh-usage.h"

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
  LH_CLIENT_ERROR_KIOSK_SLOWED,  /* this kiosk got too many PINs wrong */
  LH_CLIENT_ERROR_UNAVAILABLE,
  LH_CLIENT_ERROR_NETWORK,
  LH_CLIENT_ERROR_TLS,
  LH_CLIENT_ERROR_SERVER,
} LhClientError;

GQuark     lh_client_error_quark            (void);
/* For LH_CLIENT_ERROR_LOCKED and LH_CLIENT_ERROR_KIOSK_SLOWED: when the
 * lock or the wait ends (transfer none, nullable). */
GDateTime *lh_client_error_get_locked_until (const GError *error);
/* The problem's `title` (transfer none, nullable); the message is `detail`. */
const char *lh_client_error_get_title       (const GError *error);
/* The problem's `reason` code, for the kiosk's own words (transfer
 * none, nullable). */
const char *lh_client_error_get_reason      (const GError *error);
gboolean    lh_client_error_get_number      (const GError *error,
                                             const char   *member,
                                             gint64       *out_value);
/* A name the refusal carries with its reason (`free_pc`: "PC 7"):
 * returns FALSE if the problem has no such member; *out_value (transfer
 * none) is NULL when the member is null (e.g. no PC is free). */
gboolean    lh_client_error_get_text        (const GError  *error,
                                             const char    *member,
                                             const char   **out_value);
/* The limit of a refused text (`max_chars`), for the kiosk to say, or 0
 * when the refusal gives none; *out_field (nullable, transfer none) the
 * member it is in (`field`), if given. */
guint       lh_client_error_get_max_chars   (const GError  *error,
                                             const char   **out_field);

#define LH_TYPE_CLIENT (lh_client_get_type ())
G_DECLARE_FINAL_TYPE (LhClient, lh_client, LH, CLIENT, GObject)

LhClient    *lh_client_new                   (const char *base_url,
                                              const char *device_token,
                                              const char *ca_file);

const char  *lh_client_get_base_url          (LhClient *self);
/* A link the daemon gave (a booking's calendar_url) as an absolute URL:
 * a path is taken relative to the base URL, as requests are. Returns:
 * (transfer full) (nullable) */
char        *lh_client_resolve_url           (LhClient   *self,
                                              const char *url);
/* With the event stream: whether it is open. Without: whether the last
 * request reached the daemon. */
gboolean     lh_client_get_online            (LhClient *self);
gboolean     lh_client_is_signed_in          (LhClient *self);
LhPerson    *lh_client_get_person            (LhClient *self);
GTimeZone   *lh_client_get_time_zone         (LhClient *self);
/* The centre's idle timing, from the last health or sign-in answer
 * (transfer none; zeros until then). */
const LhIdleTiming *lh_client_get_idle_timing (LhClient *self);
/* The centre's clock, as the daemon's answers tell it (their Date
 * header): microseconds since 1970 like g_get_real_time(), and now in the
 * centre's time zone (transfer full). */
gint64       lh_client_get_real_time         (LhClient *self);
GDateTime   *lh_client_now                   (LhClient *self);
SoupSession *lh_client_get_session           (LhClient *self);
/* The group sessions in which the person got a place from a waiting list
 * while away, from the sign-in's `notices` (transfer none) (element-type
 * LhGroupSession): empty when signed out. */
GPtrArray   *lh_client_get_promotions        (LhClient *self);
/* The person's bookings moved or cancelled while away because their PC is
 * out of order, from the sign-in's `notices` (transfer none)
 * (element-type LhBookingNotice): empty when signed out. */
GPtrArray   *lh_client_get_booking_notices   (LhClient *self);
/* On a PC's own kiosk, the sitting of the person signed in (from the
 * sign-in, GET /me/usage or more time), or NULL: none, or signed out.
 * Changes are notified as the `usage` property. (transfer none) */
LhUsage     *lh_client_get_usage             (LhClient *self);
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

/* Gives up the person's place, or leaves the waiting list. */
void         lh_client_leave_group_session_async  (LhClient            *self,
                                                   gint64               session_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean     lh_client_leave_group_session_finish (LhClient      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

/* Registers a guest of the person signed in (staff, not a guest). */
void         lh_client_register_guest_async  (LhClient            *self,
                                              const char          *name,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
LhGuest     *lh_client_register_guest_finish (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* ---- My bookings (lh-client-mine.c) ---- */

/* GET /api/v1/rules: the minutes after its start within which a PC
 * booking must be checked in, or it is released (`hold_minutes`). */
void         lh_client_get_hold_minutes_async          (LhClient            *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean     lh_client_get_hold_minutes_finish         (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        int           *out_minutes,
                                                        GError       **error);

/* The assessment slots of the person signed in from `from` to `to`
 * ("YYYY-MM-DD", at most 92 days), soonest first. Returns (transfer
 * container) (element-type LhAssessmentSlot). */
void         lh_client_list_my_assessment_slots_async  (LhClient            *self,
                                                        const char          *from,
                                                        const char          *to,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray   *lh_client_list_my_assessment_slots_finish (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* ---- a PC's own kiosk (lh-client-usage.c) ---- */

/* GET /api/v1/devices/current: this kiosk, and its PC if it has one. */
void         lh_client_get_device_async      (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
LhDevice    *lh_client_get_device_finish     (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* POST /api/v1/devices/heartbeat: this PC's kiosk is alive. */
void         lh_client_send_heartbeat_async  (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     lh_client_send_heartbeat_finish (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* GET /api/v1/me/usage: the sitting, kept as lh_client_get_usage(). */
void         lh_client_get_usage_async       (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     lh_client_get_usage_finish      (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* POST /api/v1/me/usage/extend: more time; the longer sitting is kept as
 * lh_client_get_usage(). A 409 says why not in its message. */
void         lh_client_extend_usage_async    (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     lh_client_extend_usage_finish   (LhClient      *self,
                                              GAsyncResult  *result,
                                              GError       **error);

/* As lh_client_sign_out_async(), recorded as the kiosk signing an idle
 * person out (reason=idle); finish with lh_client_sign_out_finish(). */
void         lh_client_sign_out_idle_async   (LhClient            *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

/* ---- setting up the timetable, for ULRs and admins (lh-client-timetable.c) ---- */

/* GET /api/v1/resources, the rooms only. Returns (transfer container)
 * (element-type LhRoom). */
void            lh_client_list_rooms_async             (LhClient            *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray      *lh_client_list_rooms_finish            (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* POST /api/v1/group-sessions: a group, or a weekly series of them, all
 * or none. A 409 or 422 says why not in the error's message. Returns:
 * (transfer full) the first session. */
void            lh_client_create_group_session_async   (LhClient            *self,
                                                        const LhGroupPlan   *plan,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
LhGroupSession *lh_client_create_group_session_finish  (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* POST /api/v1/assessment-slots, with the person signed in as the
 * assessor. A 409 or 422 says why not in the error's message. */
void            lh_client_offer_assessment_slot_async  (LhClient            *self,
                                                        const LhSlotPlan    *plan,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
LhOfferedSlot  *lh_client_offer_assessment_slot_finish (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* GET /api/v1/assessment-slots as the person signed in (the next 14
 * days): on the slots they assess, who booked. Returns (transfer
 * container) (element-type LhOfferedSlot). */
void            lh_client_list_offered_slots_async     (LhClient            *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray      *lh_client_list_offered_slots_finish    (LhClient      *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

G_END_DECLS
