/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain records the kiosk gets from learnhubd, parsed from the JSON of
 * data/api/learnhub-api.md. Times are in the centre's time zone. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "lh-time-off-types.h"

G_BEGIN_DECLS

/* What the signed-in person may do, as sign-in's `may` says: the kiosk
 * offers pages from this alone and decides nothing from roles. */
typedef struct
{
  gboolean book_computers;
  gboolean book_rooms;
  gboolean join_groups;
  gboolean book_assessments;
  gboolean paid_time;
  gboolean ask_for_advice;
  gboolean register_guests;
  gboolean run_dropins;
  gboolean committee;
  gboolean admin;
} LhMay;

/* The rules in force at sign-in (`limits`); 0 is no limit. The kiosk
 * keeps no copy of its own: the daemon still checks every request. */
typedef struct
{
  int slot_minutes;
  int min_booking_minutes;
  int max_booking_minutes;
  int horizon_days;
  int max_minutes_per_day;
  int max_minutes_per_week;
  int check_in_early_minutes;
  int advice_note_max_chars;   /* 0: not told (the daemon still checks) */
  int guests_left;             /* -1 for a guest (null) */
} LhLimits;

/* How the person likes the kiosk (sign-in's `settings`): a fixed array,
 * so that LhPerson copies by value. */
typedef struct
{
  char     language[8];  /* "" for the kiosk's own language */
  gboolean large_text;
  gboolean high_contrast;
} LhSettings;

/* The centre's idle timing, as the daemon gave it (health and sign-in);
 * 0 until it did. */
typedef struct
{
  int idle_seconds;            /* untouched this long, a warning */
  int long_page_seconds;       /* the same on a page taller than the screen */
  int warning_seconds;         /* how long the warning lasts */
} LhIdleTiming;

typedef struct
{
  gint64  id;
  char   *name;          /* (owned) */
  char   *staff_number;  /* (owned) (nullable) */
  GStrv   roles;         /* (owned) never NULL */
  gboolean guest;        /* family or a friend of staff: PCs only, no guests of their own */
  LhMay    may;          /* all FALSE until sign-in's answer is read */
  LhLimits limits;
  LhSettings settings;   /* as the daemon keeps them for the person */
} LhPerson;

/* A guest just registered (POST /api/v1/guests): the number and PIN are
 * shown to the sponsor this once. */
typedef struct
{
  gint64  id;
  char   *name;          /* (owned) */
  char   *staff_number;  /* (owned) the guest number, e.g. "G482913" */
  char   *pin;           /* (owned) wiped when freed */
} LhGuest;

typedef struct
{
  gint64     id;
  gint64     resource_id;
  char      *resource_name;  /* (owned) */
  char      *resource_kind;  /* (owned) */
  GDateTime *start;          /* (owned) */
  GDateTime *end;            /* (owned) */
  char      *status;         /* (owned) */
  char      *calendar_url;   /* (owned) (nullable) the iCalendar link, relative to the daemon's address */
  GDateTime *checked_in_at;  /* (owned) (nullable) when its person signed in on the PC's own kiosk */
  gboolean   walk_up;        /* the hold of a PC someone sat down at without a booking */
  LhTimeOff *time_off;       /* (owned) (nullable) work time or own: none for a walk-up */
} LhBooking;

typedef struct
{
  GDateTime *start;  /* (owned) */
  GDateTime *end;    /* (owned) */
  gboolean   mine;   /* only meaningful for busy intervals */
} LhInterval;

/* What a PC is like just now, as the daemon says (`state_now`), for the
 * words beside its name and on the hour going on. */
typedef enum {
  LH_PC_NOW_USUAL,         /* nothing to say, or not open now */
  LH_PC_NOW_OUT_OF_ORDER,  /* a fault stops its use */
  LH_PC_NOW_OFFLINE,       /* its kiosk is not answering */
  LH_PC_NOW_IN_USE,        /* someone sits at it */
} LhPcNow;

typedef struct
{
  gint64     id;
  char      *name;  /* (owned) */
  char      *kind;  /* (owned) */
  LhPcNow    now;   /* at the answer's now; USUAL on any other day */
  GPtrArray *open;  /* (owned) (element-type LhInterval) */
  GPtrArray *busy;  /* (owned) (element-type LhInterval) */
  GPtrArray *free;  /* (owned) (element-type LhInterval) */
  gboolean   kiosk_offline;  /* its own kiosk is silent: never suggested, unless the daemon says */
  gboolean   in_use;         /* someone sits at it now ("In use now"); never while offline */
  /* While its kiosk is offline, what the daemon says a learner can expect: */
  GDateTime *offline_since;       /* (owned) (nullable) last heard; NULL: never, or online */
  gboolean   offline_booking_kept; /* a booking of it is not given away meanwhile */
  gboolean   offline_suggested;    /* the daemon still suggests it to walk-ups */
} LhResourceDay;

typedef struct
{
  char       *date;         /* (owned) "YYYY-MM-DD" */
  GTimeZone  *time_zone;    /* (owned) the centre's */
  GDateTime  *now;          /* (owned) the daemon's clock */
  int         max_minutes;
  char       *closed;       /* (owned) (nullable) why the centre is closed that day */
  GPtrArray  *resources;    /* (owned) (element-type LhResourceDay) */
} LhAvailability;

/* A group study session, as GET /api/v1/group-sessions lists it. */
typedef struct
{
  gint64     id;
  char      *title;         /* (owned) */
  char      *topic;         /* (owned) (nullable) */
  char      *room;          /* (owned) */
  GDateTime *start;         /* (owned) */
  GDateTime *end;           /* (owned) */
  int        capacity;
  int        places_taken;
  int        waiting;
  char      *my_place;      /* (owned) (nullable) "booked", "waiting" or NULL */
  int        my_position;   /* from 1 while waiting, else 0 */
} LhGroupSession;

/* The answer to taking a place: a place, or a place in the queue. */
typedef struct
{
  gint64     group_session_id;
  gboolean   waiting;
  int        position;      /* from 1 while waiting, else 0 */
  LhTimeOff *time_off;      /* (owned) (nullable) work time or own */
} LhGroupPlace;

#define LH_TYPE_PERSON  (lh_person_get_type ())
#define LH_TYPE_BOOKING (lh_booking_get_type ())

GType           lh_person_get_type        (void) G_GNUC_CONST;
LhPerson       *lh_person_copy            (const LhPerson *person);
void            lh_person_free            (LhPerson *person);
gboolean        lh_person_has_role        (const LhPerson *person,
                                           const char     *role);

void            lh_guest_free             (LhGuest *guest);

GType           lh_booking_get_type       (void) G_GNUC_CONST;
LhBooking      *lh_booking_copy           (const LhBooking *booking);
void            lh_booking_free           (LhBooking *booking);

LhGroupSession *lh_group_session_copy     (const LhGroupSession *session);
void            lh_group_session_free     (LhGroupSession *session);
gboolean        lh_group_session_is_full  (const LhGroupSession *session);

void            lh_group_place_free       (LhGroupPlace *place);

void            lh_interval_free          (LhInterval *interval);
void            lh_resource_day_free      (LhResourceDay *day);
void            lh_availability_free      (LhAvailability *availability);

/* Parsers: tz (nullable) is the zone times are converted to. On a missing
 * or mistyped field they fail with G_IO_ERROR_INVALID_DATA. */
GDateTime      *lh_parse_time             (JsonObject  *object,
                                           const char  *member,
                                           GTimeZone   *tz,
                                           GError     **error);
LhPerson       *lh_person_from_json       (JsonObject  *object,
                                           GError     **error);
LhGuest        *lh_guest_from_json        (JsonObject  *object,
                                           GError     **error);
LhBooking      *lh_booking_from_json      (JsonObject  *object,
                                           GTimeZone   *tz,
                                           GError     **error);
LhAvailability *lh_availability_from_json (JsonObject  *object,
                                           GError     **error);
LhGroupSession *lh_group_session_from_json (JsonObject  *object,
                                            GTimeZone   *tz,
                                            GError     **error);
/* The answer to taking a place in a group session. */
LhGroupPlace   *lh_group_place_from_json  (JsonObject  *object,
                                           GTimeZone   *tz,
                                           GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPerson, lh_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhGuest, lh_guest_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhBooking, lh_booking_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhGroupSession, lh_group_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhGroupPlace, lh_group_place_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhInterval, lh_interval_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhResourceDay, lh_resource_day_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAvailability, lh_availability_free)

G_END_DECLS
