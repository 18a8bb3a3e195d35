/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The centre's booking rules, kept as dated versions: a period is always
 * judged by the version in force then, and a change never rewrites the
 * past. Also the dates the centre is closed. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 valid_from;             /* 0: the configured defaults, no version yet */
  int    min_booking_minutes;
  int    max_booking_minutes;
  int    horizon_days;
  int    max_minutes_per_day;    /* 0: no limit */
  int    max_minutes_per_week;
  int    max_bookings_per_day;
  int    max_bookings_per_week;
  int    hold_minutes;           /* a PC booking not checked in by then is released */
} LhRules;

#define LH_RULES_DEFAULT_HOLD_MINUTES 15

/* The rules in force at time t: the latest version from at or before t, or
 * the centre's configured defaults before any version. */
gboolean   lh_rules_at          (LhStore        *store,
                                 const LhCentre *centre,
                                 gint64          t,
                                 LhRules        *out_rules,
                                 GError        **error);

/* Adds a version in force from rules->valid_from, which may not lie in
 * the past (now): what was agreed then stays as it was. */
gboolean   lh_rules_add_version (LhStore        *store,
                                 const LhRules  *rules,
                                 const char     *created_by,
                                 gint64          now,
                                 GError        **error);

/* Every version, oldest first (element-type LhRules). */
GArray    *lh_rules_list        (LhStore        *store,
                                 GError        **error);

/* date is YYYY-MM-DD, local to the centre. */
gboolean   lh_closures_add      (LhStore        *store,
                                 const char     *date,
                                 const char     *reason,
                                 GError        **error);

/* The reason the centre is closed on the local date, or NULL if open. */
char      *lh_closures_reason   (LhStore        *store,
                                 const char     *date,
                                 GError        **error);

/* Closures from date on, as "YYYY-MM-DD reason" lines' parts: a GPtrArray
 * of pairs (date, reason), both owned. */
GPtrArray *lh_closures_list     (LhStore        *store,
                                 const char     *from_date,
                                 GError        **error);

G_END_DECLS
