/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paid time off for learning as the kiosk gets it from learnhubd: the
 * request a booking made of the person's time (its `time_off`), and the
 * balance of GET /api/v1/me/time-off. Times are in the centre's zone. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a booking, a group place or an assessment asked of the person's
 * time. */
typedef struct
{
  gint64     id;
  gboolean   paid;             /* asked for as work time */
  char      *status;           /* (owned) pending, approved, rejected, own,
                                * cancelled, taken */
  char      *category;         /* (owned) learning, assessment, esol, apprentice */
  char      *activity;         /* (owned) centre-learning, group-study… */
  char      *what;             /* (owned) (nullable) "PC 3", a group's title */
  int        minutes;
  GDateTime *start;            /* (owned) (nullable) */
  GDateTime *end;              /* (owned) (nullable) */
  char      *decision_reason;  /* (owned) (nullable) the admin's words */
} LhTimeOff;

typedef struct
{
  char *category;           /* (owned) */
  int   entitled_minutes;
  int   taken_minutes;
  int   booked_minutes;     /* approved, not taken yet */
  int   pending_minutes;    /* waiting for a decision */
  int   remaining_minutes;  /* may be below 0 after an admin's correction */
  /* learning only, else 0 */
  int   own_minutes;
  int   matched_minutes;
  int   matched_cap_minutes;
} LhTimeOffCategory;

typedef struct
{
  GDate     *year_start;       /* (owned) the agreement year's first day */
  GDate     *year_end;         /* (owned) its last day */
  double     hours_per_day;    /* for showing minutes as days; 0 if not known */
  GPtrArray *categories;       /* (owned) (element-type LhTimeOffCategory) */
  GPtrArray *requests;         /* (owned) (element-type LhTimeOff) not over yet */
  GPtrArray *decisions;        /* (owned) (element-type LhTimeOff) not told before */
} LhTimeOffBalance;

LhTimeOff         *lh_time_off_copy               (const LhTimeOff *time_off);
void               lh_time_off_free               (LhTimeOff       *time_off);
/* TRUE for work time that is still to be used: approved or waiting. */
gboolean           lh_time_off_is_paid_now        (const LhTimeOff *time_off);
/* Parsers: tz (nullable) is the zone times are converted to. On a
 * missing or mistyped field they fail with G_IO_ERROR_INVALID_DATA. */
LhTimeOff         *lh_time_off_from_json          (JsonObject  *object,
                                                   GTimeZone   *tz,
                                                   GError     **error);
/* The object's `time_off` member: *out (owned) (nullable) is NULL when
 * it is missing or null (a walk-up, or an older daemon). */
gboolean           lh_time_off_member_from_json   (JsonObject  *object,
                                                   GTimeZone   *tz,
                                                   LhTimeOff  **out,
                                                   GError     **error);

void               lh_time_off_balance_free       (LhTimeOffBalance *balance);
LhTimeOffBalance  *lh_time_off_balance_from_json  (JsonObject  *object,
                                                   GTimeZone   *tz,
                                                   GError     **error);
/* (transfer none) (nullable) the category, if the person has it. */
const LhTimeOffCategory *lh_time_off_balance_get  (const LhTimeOffBalance *balance,
                                                   const char             *category);
/* The request made with the thing that runs from start to end for
 * activity, of those the balance lists (cancelled ones left out), or
 * NULL. (transfer none) */
const LhTimeOff   *lh_time_off_balance_find       (const LhTimeOffBalance *balance,
                                                   const char             *activity,
                                                   GDateTime              *start,
                                                   GDateTime              *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhTimeOff, lh_time_off_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhTimeOffBalance, lh_time_off_balance_free)

G_END_DECLS
