/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Booking a resource, cancelling, and what is free when. */
#pragma once

#include "lh-centre.h"
#include "lh-people.h"
#include "lh-resources.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* Seconds a start may lie in the past, for clocks a little apart and the
 * time a person takes to tap "Book it". */
#define LH_BOOKING_GRACE_SECONDS 60

/* The longest a booking can be: the rules cap max_booking_minutes at a day,
 * more time stops at it, and schema 14's triggers refuse longer. So the
 * bookings overlapping [s, e) all start in (s - this, e): every lookup by
 * time reads a range bounded on both sides, however many years are kept. */
#define LH_BOOKING_MAX_SECONDS (24 * 3600)

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
  char   *calendar_key;   /* (owned) (nullable) opens its calendar file without
                           * signing in; only in the booking just made, as
                           * only its hash is kept */
  gint64  checked_in_at;  /* 0: not (yet) checked in at its PC */
  gboolean walk_up;       /* the hold of a PC someone sat down at */
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
  gboolean    out_of_order;  /* a PC with a fault that stops its use: none free */
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

/* The same, asking for the time as work time (paid TRUE) or the person's
 * own: the time-off request is made in the same transaction, and a
 * refusal of it (see lh_time_off_request_locked()) books nothing.
 * lh_bookings_create() books in own time. */
LhBooking *lh_bookings_create_paid    (LhStore        *store,
                                       const LhCentre *centre,
                                       gint64          person_id,
                                       gint64          resource_id,
                                       gint64          start,
                                       gint64          end,
                                       gboolean        paid,
                                       gint64          now,
                                       GError        **error);

/* Rooms are for learning reps and admins (a group's room is held by its
 * leader); everyone else books computers. */
gboolean   lh_bookings_may_book_rooms (const LhPerson *person);

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

/* Inserts the booking without checking the rules, inside the caller's
 * write transaction; the schema still refuses an overlap. A walk_up
 * booking is the hold on a PC someone sat down at, checked in at once. */
LhBooking *lh_bookings_insert_locked  (LhStore          *store,
                                       gint64            person_id,
                                       const LhResource *resource,
                                       gint64            start,
                                       gint64            end,
                                       gint64            now,
                                       gboolean          walk_up,
                                       GError          **error);

/* What ends the free time found by lh_bookings_free_until(). */
typedef enum
{
  LH_FREE_CLOSED,     /* not open at all then */
  LH_FREE_CLOSING,    /* the end of the opening period */
  LH_FREE_BOOKED,     /* the next booking of it, or of the person's */
  LH_FREE_LONGEST,    /* the rules' longest booking */
  LH_FREE_ALLOWANCE,  /* the person's minutes left that day or week */
} LhFreeBound;

/* How far from `from` the resource stays free for the person, for a
 * booking that starts (or started) at booking_start: until the next
 * booking of the resource or of the person's own (except except_id), the
 * end of the opening period holding from, the rules' longest booking, and
 * the minutes the person has left that day and week. *out_until == from
 * when it is not free at all. */
gboolean   lh_bookings_free_until     (LhStore          *store,
                                       const LhCentre   *centre,
                                       gint64            person_id,
                                       const LhResource *resource,
                                       gint64            booking_start,
                                       gint64            from,
                                       gint64            except_id,
                                       gint64           *out_until,
                                       LhFreeBound      *out_bound,
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
