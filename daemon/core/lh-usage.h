/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who actually sits at which PC, from sign-in on its own kiosk to the end
 * of the sitting: checking a booking in, walk-up use, extending, and every
 * way a sitting ends. */
#pragma once

#include "lh-auth.h"
#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* A booking may be checked in this long before it starts. */
#define LH_USAGE_EARLY_SECONDS     (5 * 60)
/* Walk-up use and extensions need at least this much free time. */
#define LH_USAGE_MIN_SECONDS       (5 * 60)
/* One tap on "More time" asks for this much, or as much as is free. */
#define LH_USAGE_EXTEND_SECONDS    (30 * 60)

typedef enum
{
  LH_USAGE_END_SIGN_OUT,       /* the person signed out */
  LH_USAGE_END_IDLE,           /* the kiosk signed them out, untouched */
  LH_USAGE_END_BOOKING_END,    /* their time was up */
  LH_USAGE_END_CLOSING,        /* the centre closed */
  LH_USAGE_END_HEARTBEAT_LOST, /* the PC's kiosk stopped answering */
  LH_USAGE_END_MOVED,          /* they signed in at another PC */
  LH_USAGE_END_REPLACED,       /* someone else signed in at this PC */
  LH_USAGE_END_REVOKED,        /* the kiosk was revoked */
} LhUsageEnd;

const char *lh_usage_end_to_string (LhUsageEnd reason);

typedef struct
{
  gint64    id;
  gint64    person_id;
  gint64    resource_id;
  gint64    booking_id;
  gint64    device_id;
  gint64    session_id;
  gint64    started_at;
  gint64    booking_start;  /* its booking's start */
  gint64    ends_at;        /* the planned end: its booking's end */
  gint64    ended_at;       /* 0: in use now */
  gboolean  walk_up;
  char     *resource_name;  /* (owned) */
  char     *end_reason;     /* (owned) (nullable) NULL while in use */
} LhUsage;

void lh_usage_free (LhUsage *usage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhUsage, lh_usage_free)

/* The person of session starts sitting at the PC whose kiosk is the
 * session's device. Their booking of it is checked in; else, if the PC is
 * free now, it is walk-up use for as long as it stays free (a booking
 * marked walk_up holds it). Refused with LH_ERROR_CONFLICT, saying until
 * when and which PC is free now, when someone else has it booked; with
 * LH_ERROR_INVALID when it is closed. Any sitting of theirs elsewhere, or
 * of someone else here, ends and is added to out_ended (nullable,
 * element-type LhUsage). The session lasts as long as the sitting.
 * Returns NULL without an error when the device is no PC's kiosk. */
LhUsage   *lh_usage_begin        (LhStore             *store,
                                  const LhCentre      *centre,
                                  const LhSessionInfo *session,
                                  gint64               now,
                                  GPtrArray           *out_ended,
                                  GError             **error);

/* Every sitting in progress (element-type LhUsage). */
GPtrArray *lh_usage_list_open    (LhStore             *store,
                                  GError             **error);

/* The sitting of the session, or NULL (no error) if it has none. */
LhUsage   *lh_usage_get_current  (LhStore             *store,
                                  gint64               session_id,
                                  GError             **error);

/* Ends the session's sitting, if any, at now; returns it (NULL, no error,
 * if there was none). The rest of a walk-up is freed for others; a
 * booking keeps its time, so its person may come back to it. */
LhUsage   *lh_usage_end_session  (LhStore             *store,
                                  gint64               session_id,
                                  LhUsageEnd           reason,
                                  gint64               now,
                                  GError             **error);

/* Ends a sitting inside the caller's write transaction: at `at`, also
 * ending its sign-in unless the person ended that themselves. */
gboolean   lh_usage_end_locked   (LhStore             *store,
                                  LhUsage             *usage,
                                  LhUsageEnd           reason,
                                  gint64               at,
                                  GError             **error);

/* Until when the sitting could be extended: 0 if the PC is not free
 * right after it (or for less than LH_USAGE_MIN_SECONDS). */
gboolean   lh_usage_can_extend   (LhStore             *store,
                                  const LhCentre      *centre,
                                  const LhUsage       *usage,
                                  gint64              *out_until,
                                  GError             **error);

/* Moves the end of the session's sitting (and its booking) on by up to
 * LH_USAGE_EXTEND_SECONDS, as far as the PC stays free and the rules
 * allow. LH_ERROR_NOT_FOUND if the session has no sitting;
 * LH_ERROR_CONFLICT, saying why, if there is no time to add. */
LhUsage   *lh_usage_extend       (LhStore             *store,
                                  const LhCentre      *centre,
                                  gint64               session_id,
                                  gint64               now,
                                  GError             **error);

/* What a PC's own kiosk shows on its sign-in screen. */
typedef struct
{
  gboolean in_use;         /* someone sits at it now */
  gint64   reserved_from;  /* the booking that holds it now or next, */
  gint64   reserved_until; /* today; both 0 if none */
} LhPcOutlook;

gboolean   lh_usage_pc_outlook   (LhStore             *store,
                                  const LhCentre      *centre,
                                  gint64               resource_id,
                                  gint64               now,
                                  LhPcOutlook         *out_outlook,
                                  GError             **error);

/* Every PC kiosk's state at once, for the availability of a whole day:
 * resource id (as gint64 *) → LhPcState *. A PC missing from it has no
 * kiosk. */
typedef struct
{
  gboolean online;  /* beaten within LH_DEVICE_SILENT_SECONDS */
  gboolean in_use;  /* someone sits at it, and its kiosk is online */
  gint64   heard_at;  /* its kiosk's last heartbeat; 0: never heard */
} LhPcState;

GHashTable *lh_usage_pc_states   (LhStore             *store,
                                  gint64               now,
                                  GError             **error);

G_END_DECLS
