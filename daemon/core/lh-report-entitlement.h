/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The paid time off the staff are entitled to over a report's period,
 * worked out for the whole roster at once: the same figures as
 * lh_time_off_balance() gives person by person (each agreement year
 * judged by the terms in force over it, pro-rated, with matched time),
 * each year's share that falls in the period. One read of the roster,
 * and two index ranges of the ledger a year, not a balance per person. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

#define LH_ENTITLEMENT_N_CATEGORIES 4

typedef struct
{
  char   *department;                                 /* (owned) */
  double  minutes[LH_ENTITLEMENT_N_CATEGORIES];       /* by
                                                       * lh_time_off_categories;
                                                       * learning with its
                                                       * matched time */
  double  matched;                                    /* that matched time */
} LhEntitlementShare;

/* The ledger's movements of booked, taken or own time, by when they fell
 * ([?1, ?2)): the period's, handed to LhEntitlementLedgerFunc. One
 * covering range of a partial index (migration 0042), the `WHERE` spelt
 * as the index's: a request waiting for a decision moves none of them. */
#define LH_ENTITLEMENT_LEDGER_SQL \
  "SELECT person_id, at, category, kind, booked_delta, taken_delta, own_delta " \
  "FROM time_off_ledger INDEXED BY time_off_ledger_movements WHERE at >= ?1 AND at < ?2 " \
  "AND (booked_delta != 0 OR taken_delta != 0 OR own_delta != 0)"

/* Own time spent learning over an agreement year ([?1, ?2)), for matched
 * time: one covering range of a partial index holding only these. */
#define LH_ENTITLEMENT_OWN_LEARNING_SQL \
  "SELECT person_id, at, own_delta " \
  "FROM time_off_ledger INDEXED BY time_off_ledger_own_learning WHERE at >= ?1 AND at < ?2 " \
  "AND category = 'learning' AND own_delta != 0"

/* Column numbers in a row of LH_ENTITLEMENT_LEDGER_SQL. */
enum
{
  LH_ENTITLEMENT_LEDGER_PERSON,
  LH_ENTITLEMENT_LEDGER_AT,
  LH_ENTITLEMENT_LEDGER_CATEGORY,
  LH_ENTITLEMENT_LEDGER_KIND,
  LH_ENTITLEMENT_LEDGER_BOOKED,
  LH_ENTITLEMENT_LEDGER_TAKEN,
  LH_ENTITLEMENT_LEDGER_OWN,
};

/* Called once for each movement of a member of staff's time that fell in
 * the period, with its row of LH_ENTITLEMENT_LEDGER_SQL: the caller sums
 * the period's movements from the same read of the ledger. */
typedef void (*LhEntitlementLedgerFunc) (gint64 person_id, LhStmt *row, gpointer user_data);

/* The staff on the roster (guests are not staff), read whole once: the
 * entitlement is summed over everyone. When each was added is not when
 * they started work (a roster is imported at once), so it is not asked. */
#define LH_ENTITLEMENT_ROSTER_SQL \
  "SELECT id, department, hours_per_week, days_per_week, esol_learner, apprentice FROM people " \
  "WHERE sponsor_id IS NULL ORDER BY id"

/* Every member of staff's share of [from, to) (local midnights), keyed
 * by person id (gint64 *), inside the caller's read transaction; versions
 * are the terms, oldest first (lh_terms_list). each_movement (may be
 * NULL) sees the period's movements of staff's time. */
GHashTable *lh_report_entitlements (LhStore                 *store,
                                    const LhCentre          *centre,
                                    GArray                  *versions,
                                    gint64                   from,
                                    gint64                   to,
                                    LhEntitlementLedgerFunc  each_movement,
                                    gpointer                 user_data,
                                    GError                 **error);

void lh_entitlement_share_free (LhEntitlementShare *share);

G_END_DECLS
