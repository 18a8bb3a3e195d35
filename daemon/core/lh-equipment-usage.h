/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How much each bookable PC was used over a period, from the sittings at
 * it, so that the committee can see which PCs are worn out and which are
 * never used. It counts time at a PC, never who sat there, but a sitting
 * is one person's: small counts can show one learner's visits, so the
 * committee's route suppresses them (lh-routes-equipment-usage.c). */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"
#include "lh-usage.h"

G_BEGIN_DECLS

/* A quarter by default: the committee reviews usage quarterly. */
#define LH_EQUIPMENT_USAGE_DEFAULT_DAYS 91
/* A year at most: every sitting of the period is read. */
#define LH_EQUIPMENT_USAGE_MAX_DAYS 366

/* No sitting outlasts its booking (the rules' longest is 1440 minutes)
 * and none starts more than LH_USAGE_EARLY_SECONDS before it: a sitting
 * that reaches into the period started at most this long before it. */
#define LH_EQUIPMENT_USAGE_LOOKBACK_SECONDS (24 * 3600 + LH_USAGE_EARLY_SECONDS)

/* The production queries, shared with the tests of their plans. */
/* Sittings that reach into [?1, ?2): an index range by start. */
#define LH_EQUIPMENT_USAGE_SITTINGS_SQL \
  "SELECT resource_id, started_at, ended_at FROM usage_sessions " \
  "WHERE started_at >= ?1 - ?3 AND started_at < ?2 AND (ended_at IS NULL OR ended_at > ?1)"
/* The computer that is PC ?1, if it is in the inventory. */
#define LH_EQUIPMENT_USAGE_COMPUTER_SQL \
  "SELECT asset_tag, status FROM equipment WHERE resource_id = ?1 AND status <> 'retired'"
/* The closure dates from ?1 to ?2, both included (YYYY-MM-DD). */
#define LH_EQUIPMENT_USAGE_CLOSURES_SQL \
  "SELECT date FROM closures WHERE date >= ?1 AND date <= ?2"

typedef struct
{
  gint64  resource_id;
  char   *name;            /* (owned) the PC's name */
  char   *asset_tag;       /* (owned) (nullable) its computer, if listed */
  char   *status;          /* (owned) (nullable) that computer's status */
  gint64  seconds_used;    /* sittings, clipped to the period */
  gint64  seconds_used_in_order;  /* of those, while it was in order: a
                                   * learner may sit on after a fault */
  int     sittings;        /* that reach into the period */
  int     days_used;       /* local days with some of a sitting */
  gint64  last_used;       /* the end of its latest sitting, or the
                            * period's end while one goes on; 0: never */
  gint64  seconds_open;    /* its opening hours within the period, but
                            * for closure days */
  gint64  seconds_out_of_order;  /* of those, out of order (lh-pc-outages.h) */
} LhPcUsage;

/* A sitting at a PC, as read by a caller: [start, end), end already
 * now for one still going on. */
typedef struct
{
  gint64 resource_id;
  gint64 start;
  gint64 end;
} LhPcSitting;

void lh_pc_usage_free (LhPcUsage *usage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPcUsage, lh_pc_usage_free)

/* Its opening hours in the period when it was in order: when it could
 * be used. */
gint64   lh_pc_usage_seconds_in_order (const LhPcUsage *usage);
/* No sitting though it could be used: a PC out of order all the period
 * was not shunned. */
gboolean lh_pc_usage_never_used       (const LhPcUsage *usage);
/* The share of its opening hours in order that the PC was used while in
 * order, in whole percent, at most 100 (a sitting past closing time is
 * use all the same); -1 if it was never open and in order in the period. */
int      lh_pc_usage_percent_of_open  (const LhPcUsage *usage);

/* Every active PC's use within [from, to) (element-type LhPcUsage), the
 * most used first; those never used in it last, in the order of
 * lh_resources_list. A sitting still going on counts up to now. A
 * deactivated PC is no longer bookable and is left out. LH_ERROR_INVALID
 * unless from < to. */
GPtrArray *lh_equipment_usage (LhStore         *store,
                               const LhCentre  *centre,
                               gint64           from,
                               gint64           to,
                               gint64           now,
                               GError         **error);

/* lh_equipment_usage()'s opening hours in order and seconds used in
 * them, summed over the active PCs, from sittings the caller has read
 * already (element-type LhPcSitting: every sitting reaching into
 * [from, to), in any order), so that they are not read twice. */
gboolean lh_equipment_capacity (LhStore         *store,
                                const LhCentre  *centre,
                                gint64           from,
                                gint64           to,
                                GArray          *sittings,
                                gint64          *seconds_in_order,
                                gint64          *seconds_used_in_order,
                                GError         **error);

G_END_DECLS
