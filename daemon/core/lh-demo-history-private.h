/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the demo's years of history share. */
#pragma once

#include "lh-demo-history.h"
#include "lh-time-off.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 start;
  gint64 end;
} LhSpan;

/* One of the people history draws at random. */
typedef struct
{
  gint64  id;
  gint64  joined;          /* on the staff from this day */
  gint64  left;            /* until this day (G_MAXINT64: still here) */
  char   *actor_name;      /* (owned) "Name (staff number)", for the ledger */
  GArray *busy;            /* (owned) (element-type LhSpan) what they do today */
  int     day_minutes;     /* at the PCs today */
  int     week_minutes;    /* and this week */
  gint64  year_end;        /* the agreement year the budgets are for */
  int     learning_left;   /* paid minutes history may still give them */
  int     assessment_left;
} LhHistoryPerson;

typedef struct
{
  LhStore        *store;
  const LhCentre *centre;
  GRand          *rand;         /* (owned) */
  GArray         *learner_ids;
  guint           n_clean;
  GArray         *pc_ids;
  GArray         *pc_devices;   /* (owned) each PC's kiosk device */
  GPtrArray      *pc_busy;      /* (owned) (element-type GArray of LhSpan) today's */
  gint64          room_id;
  GPtrArray      *people;       /* (owned) (element-type LhHistoryPerson) */
  GPtrArray      *pool;         /* (owned) (element-type LhHistoryPerson) (unowned) on the staff today */
  gint64          first_day;
  gint64          until;
  gint64          now;
  gint64          current_year; /* the start of the agreement year of `until` */
  gint64          admin_id;
  char           *admin_name;   /* (owned) */
  guint           n_bookings;
} LhHistory;

typedef enum
{
  LH_HISTORY_TAKEN,      /* used: `used` minutes of it */
  LH_HISTORY_CANCELLED,  /* by the learner, ahead */
  LH_HISTORY_RELEASED,   /* nobody came: the daemon let it go */
} LhHistoryEnd;

/* Whether [start, end) is clear of every span of busy. */
gboolean lh_history_free          (GArray              *busy,
                                   gint64               start,
                                   gint64               end);

/* Whether history may give person `minutes` more paid time of category
 * ("learning" or "assessment") in the agreement year of `at`; if so, they
 * are counted as given. Half of what the agreement gives, at most, so
 * that the demo's last months (made through the rules) find some left;
 * no assessment time in the agreement year of `until`, whose exams the
 * admin records later. */
gboolean lh_history_may_pay       (LhHistory           *history,
                                   LhHistoryPerson     *person,
                                   const char          *category,
                                   int                  minutes,
                                   gint64               at,
                                   gboolean            *out_may,
                                   GError             **error);

/* The time-off request a booking, group place or assessment made at
 * `made`, its decision (if paid) and how it ended, as the request and
 * ledger rows the rules would have written. */
gboolean lh_history_time_off      (LhHistory           *history,
                                   const LhHistoryPerson *person,
                                   LhTimeOffSource      source,
                                   gint64               source_id,
                                   gint64               start,
                                   gint64               end,
                                   gboolean             paid,
                                   gint64               made,
                                   LhHistoryEnd         how,
                                   int                  used,
                                   gint64               ended,
                                   GError             **error);

/* Day by day: PC bookings, sittings, walk-ups, group places and skills
 * checks (lh-demo-history-days.c). */
gboolean lh_history_add_days      (LhHistory           *history,
                                   GError             **error);

G_END_DECLS
