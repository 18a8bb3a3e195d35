/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading request bodies and writing responses as JSON. */
#pragma once

#include <json-glib/json-glib.h>

#include "lh-advice.h"
#include "lh-bookings.h"
#include "lh-groups.h"
#include "lh-resources.h"
#include "lh-time-off.h"
#include "lh-usage.h"

G_BEGIN_DECLS

/* The body as a JSON object, or LH_ERROR_BAD_REQUEST. */
JsonNode *lh_json_parse_object (const char  *data,
                                gsize        length,
                                GError     **error);

/* A required member of the given type, or LH_ERROR_BAD_REQUEST naming it. */
gboolean  lh_json_get_int      (JsonObject  *object,
                                const char  *member,
                                gint64      *out_value,
                                GError     **error);
gboolean  lh_json_get_string   (JsonObject  *object,
                                const char  *member,
                                const char **out_value,
                                GError     **error);
gboolean  lh_json_get_bool     (JsonObject  *object,
                                const char  *member,
                                gboolean    *out_value,
                                GError     **error);
/* Whether an optional member is given: present and not null. */
/* The members "start" and "end", each an ISO-8601 time with an offset:
 * LH_ERROR_BAD_REQUEST for one missing or not a string, then
 * lh_time_parse_iso()'s error for one that is not a time. Read after a
 * body's other members, so that a malformed body is told so first. */
gboolean  lh_json_get_times    (JsonObject  *object,
                                gint64      *out_start,
                                gint64      *out_end,
                                GError     **error);
gboolean  lh_json_has          (JsonObject  *object,
                                const char  *member);

/* A member and its value, in one call. */
void      lh_json_add_int      (JsonBuilder *builder,
                                const char  *member,
                                gint64       value);
void      lh_json_add_string   (JsonBuilder *builder,
                                const char  *member,
                                const char  *value);
void      lh_json_add_bool     (JsonBuilder *builder,
                                const char  *member,
                                gboolean     value);
/* The same, or null when value is NULL (never a "(null)" string). */
void      lh_json_add_string_or_null (JsonBuilder *builder,
                                      const char  *member,
                                      const char  *value);

void      lh_json_add_time     (JsonBuilder *builder,
                                const char  *member,
                                gint64       unix_seconds,
                                GTimeZone   *tz);
/* Its calendar_url is absolute when the centre has a public_url. */
/* The same, or null when unix_seconds is 0 (not yet, never). */
void      lh_json_add_time_or_null (JsonBuilder *builder,
                                    const char  *member,
                                    gint64       unix_seconds,
                                    GTimeZone   *tz);
/* A PC's kiosk (state from lh_usage_pc_states(), NULL: it has none):
 * "kiosk" online, offline or null, and "kiosk_heard_at", its last
 * heartbeat or null. */
void      lh_json_add_pc_kiosk (JsonBuilder     *builder,
                                const LhPcState *state,
                                GTimeZone       *tz);
/* A local date, "YYYY-MM-DD", or null when unix_seconds is 0. */
void      lh_json_add_date_or_null (JsonBuilder *builder,
                                    const char  *member,
                                    gint64       unix_seconds,
                                    GTimeZone   *tz);
/* A whole number, or null when it is 0 (none). */
void      lh_json_add_id_or_null (JsonBuilder *builder,
                                  const char  *member,
                                  gint64       id);
/* time_off (nullable) is the request made with it: null for a walk-up,
 * or a booking from before time off was asked for. */
void      lh_json_add_booking  (JsonBuilder            *builder,
                                const LhBooking        *booking,
                                const LhTimeOffRequest *time_off,
                                const LhCentre         *centre);

/* A time-off request as the learner sees it, or null when request is
 * NULL. The _members form adds its members to an object already begun,
 * for callers that add more (the admin's list). */
void      lh_json_add_time_off (JsonBuilder            *builder,
                                const LhTimeOffRequest *request,
                                GTimeZone              *tz);
void      lh_json_add_time_off_members (JsonBuilder            *builder,
                                        const LhTimeOffRequest *request,
                                        GTimeZone              *tz);

/* A link to path for a phone: on the centre's public_url if it has one,
 * else path alone (relative to the kiosk's address). */
char     *lh_json_public_link  (const LhCentre  *centre,
                                const char      *path);
void      lh_json_add_resource (JsonBuilder      *builder,
                                const LhResource *resource);

void      lh_json_add_group_session (JsonBuilder          *builder,
                                     const LhGroupSession *session,
                                     GTimeZone            *tz);

/* A sitting at a PC; can_extend_until is 0 when it cannot be extended, or
 * when that is not asked (the member is then null). */
void      lh_json_add_usage    (JsonBuilder     *builder,
                                const LhUsage   *usage,
                                gint64           can_extend_until,
                                GTimeZone       *tz);

/* An advice request, for its learner and their ULRs only. */
void      lh_json_add_advice_request (JsonBuilder           *builder,
                                      const LhAdviceRequest *request,
                                      GTimeZone             *tz);

/* The data of a "queue-changed" event: which drop-in, never who. */
JsonNode *lh_json_queue_change (gint64 dropin_id);

/* The data of an "availability-changed" event: which resource and local
 * date, never who. */
JsonNode *lh_json_availability_change (gint64     resource_id,
                                       gint64     at,
                                       GTimeZone *tz);

G_END_DECLS
