/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Scheduled maintenance checks: what is checked (one item, every item of
 * a kind, or the centre), how often, when it is next due, and each time
 * it was done, by whom and with what result. Doing a check sets the next
 * due date from the day it was done. */
#pragma once

#include "lh-centre.h"
#include "lh-equipment.h"
#include "lh-store.h"

G_BEGIN_DECLS

#define LH_CHECK_WHAT_MAX_CHARS 100
/* The longest interval: ten years. */
#define LH_CHECK_MAX_DAYS       3660
#define LH_CHECK_MAX_MONTHS     120
/* A check due within this many days is "due soon" and the admins are told. */
#define LH_CHECK_REMIND_DAYS    14
/* The most checks one list holds, soonest due first. */
#define LH_CHECKS_LIST_MAX      200

typedef enum
{
  LH_CHECK_LATER,     /* due after the reminder window */
  LH_CHECK_DUE_SOON,  /* due within LH_CHECK_REMIND_DAYS, or today */
  LH_CHECK_OVERDUE,   /* its due day has passed */
} LhCheckState;

typedef struct
{
  gint64  id;
  char   *what;           /* (owned) e.g. "Electrical safety test (PAT)" */
  char   *asset_tag;      /* (owned) (nullable) the item checked */
  char   *kind;           /* (owned) (nullable) the kind checked, when not one item */
  int     every_days;     /* 0 when every_months is set */
  int     every_months;
  gint64  next_due;       /* the local midnight of the day it is due */
  gint64  last_done_at;   /* 0: never yet */
  char   *last_result;    /* (owned) (nullable) "passed" or "failed" */
  char   *last_by;        /* (owned) (nullable) */
  char   *last_note;      /* (owned) (nullable) */
} LhCheck;

void lh_check_free (LhCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhCheck, lh_check_free)

/* What an admin says of a new check: at most one of asset_tag and kind
 * (neither: the centre), exactly one of every_days and every_months. */
typedef struct
{
  const char *what;
  const char *asset_tag;
  const char *kind;
  int         every_days;
  int         every_months;
  gint64      next_due;     /* any time of the day it is first due */
} LhCheckFields;

/* Parses "14d", "6m" or "1y" into days or months, or LH_ERROR_INVALID. */
gboolean     lh_checks_parse_every (const char          *text,
                                    int                 *out_days,
                                    int                 *out_months,
                                    GError             **error);

LhCheckState lh_check_state        (const LhCheck       *check,
                                    gint64               now,
                                    GTimeZone           *tz);

LhCheck     *lh_checks_add         (LhStore             *store,
                                    const LhCheckFields *fields,
                                    GTimeZone           *tz,
                                    gint64               now,
                                    GError             **error);
LhCheck     *lh_checks_get         (LhStore             *store,
                                    gint64               check_id,
                                    GError             **error);
/* The checks soonest due first (overdue ones first of all), at most
 * LH_CHECKS_LIST_MAX (element-type LhCheck). */
GPtrArray   *lh_checks_list        (LhStore             *store,
                                    GError             **error);
/* Records the check done now with result "passed" or "failed" and a
 * one-line note (nullable), in the item's history too; the next due date
 * is the interval after today and the check's notices clear. A failed
 * check of one item instead opens a fault on it that stops use (as the
 * admin's report, lh_faults_report(), moving its PC's bookings:
 * *out_moves, element-type LhFaultMove, nullable) and stays due today,
 * so that it is reminded of until it passes. */
LhCheck     *lh_checks_done        (LhStore                *store,
                                    const LhCentre         *centre,
                                    gint64                  check_id,
                                    const char             *result,
                                    const char             *note,
                                    const LhEquipmentActor *actor,
                                    gint64                  now,
                                    GPtrArray             **out_moves,
                                    GError                **error);

/* Ends the retired item's checks: a retired item is never checked, and
 * its reminders would come back for ever. Its notices and records of
 * checks done go with them (its own history keeps each check done).
 * Inside the caller's transaction. */
gboolean     lh_checks_end_for_retired_locked (LhStore *store,
                                               gint64   item_id,
                                               GError **error);

G_END_DECLS
