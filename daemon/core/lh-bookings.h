/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Booking a resource, cancelling, and what is free when. */
#pragma once

#include "lh-centre.h"
#include "lh-resources.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* Seconds a start may lie in the past, for clocks a little apart and the
 * time a person takes to tap "Book it". */
#define LH_BOOKING_GRACE_SECONDS 60

typedef struct
{
  gint64  id;
  gint64  resource_id;
  gint64  person_id;
  gint64  start_at;
  gint64  end_at;
  gint64  created_at;
  char   *resource_name;  /* (owned) */
  char   *resource_kind;  /* (owned) */
  char   *status;         /* (owned) "booked" or "cancelled" */
  char   *calendar_key;   /* (owned) opens its calendar file without signing in */
} LhBooking;

void lh_booking_free (LhBooking *booking);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhBooking, lh_booking_free)

typedef struct
{
  gint64 start;
  gint64 end;
} LhInterval;

typedef struct
{
  gint64   start;
  gint64   end;
  gboolean mine;
} LhBusyInterval;

typedef struct
{
  LhResource *resource;  /* (owned) */
  GArray     *open;      /* (owned) (element-type LhInterval) */
  GArray     *busy;      /* (owned) (element-type LhBusyInterval) */
  GArray     *free;      /* (owned) (element-type LhInterval) */
} LhResourceDay;

void lh_resource_day_free (LhResourceDay *day);

/* Books [start, end) of the resource for the person. Refused with
 * LH_ERROR_INVALID (a plain reason) when the resource does not exist, the
 * time is in the past, beyond the booking horizon, outside opening hours,
 * shorter or longer than allowed; with LH_ERROR_CONFLICT when it overlaps
 * another booking of the resource or one of the person's own. The check
 * and the insert are one write transaction, so two requests for the same
 * time can never both succeed. */
LhBooking *lh_bookings_create         (LhStore        *store,
                                       const LhCentre *centre,
                                       gint64          person_id,
                                       gint64          resource_id,
                                       gint64          start,
                                       gint64          end,
                                       gint64          now,
                                       GError        **error);

typedef enum
{
  LH_BOOKING_FOR_SELF,   /* a person's own time: their limits apply */
  LH_BOOKING_FOR_GROUP,  /* a room held for a group session by its leader */
} LhBookingPurpose;

/* The same, inside a write transaction the caller holds (so that a booking
 * can be one step of a larger change). */
LhBooking *lh_bookings_create_locked  (LhStore          *store,
                                       const LhCentre   *centre,
                                       gint64            person_id,
                                       gint64            resource_id,
                                       gint64            start,
                                       gint64            end,
                                       gint64            now,
                                       LhBookingPurpose  purpose,
                                       GError          **error);

/* Cancels the person's own booking; LH_ERROR_NOT_FOUND for anyone else's.
 * Tells which resource and start were freed (both nullable). */
gboolean   lh_bookings_cancel         (LhStore        *store,
                                       gint64          person_id,
                                       gint64          booking_id,
                                       gint64          now,
                                       gint64         *out_resource_id,
                                       gint64         *out_start,
                                       GError        **error);

/* The booking whose calendar key is key, whoever asks: the key is the
 * permission. LH_ERROR_NOT_FOUND for a wrong key or a cancelled booking. */
LhBooking *lh_bookings_get_by_calendar_key (LhStore    *store,
                                            gint64      booking_id,
                                            const char *key,
                                            GError    **error);

/* The person's bookings that have not ended, soonest first. */
GPtrArray *lh_bookings_list_upcoming  (LhStore        *store,
                                       gint64          person_id,
                                       gint64          now,
                                       GError        **error);

/* Every resource's day that starts at the local midnight given: opening
 * periods, busy intervals (mine marks the person's own) and what is still
 * free to book. */
GPtrArray *lh_bookings_availability   (LhStore        *store,
                                       const LhCentre *centre,
                                       gint64          midnight,
                                       gint64          person_id,
                                       gint64          now,
                                       GError        **error);

G_END_DECLS
