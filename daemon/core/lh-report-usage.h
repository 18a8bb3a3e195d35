/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Centre usage for the committee's report (issue 14): time at the PCs
 * week by week and PC by PC, when in the week the centre is busy, walk-up
 * use against booked, and guests apart from staff. The figures here are
 * the true ones; the report hides small ones (lh-suppression.h), which is
 * why each table of minutes comes with the number of people behind each
 * of its figures. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"
#include "lh-suppression.h"

G_BEGIN_DECLS

/* Sittings reaching into [?1, ?2) (?3: LH_EQUIPMENT_USAGE_LOOKBACK_SECONDS),
 * with who sat, whether as a guest, and how, each person's together: a
 * seek per person the centre has known into their sittings by start
 * (usage_by_person_start covers every column read, walk-ups included),
 * so no booking is looked up and nothing is sorted. Shared with the test
 * of its plan. */
#define LH_USAGE_REPORT_SITTINGS_SQL \
  "SELECT u.resource_id, u.person_id, u.started_at, u.ended_at, u.walk_up, p.sponsor_id IS NOT NULL " \
  "FROM people p CROSS JOIN usage_sessions u INDEXED BY usage_by_person_start " \
  "WHERE u.person_id = p.id AND u.started_at >= ?1 - ?3 AND u.started_at < ?2 " \
  "AND (u.ended_at IS NULL OR u.ended_at > ?1) ORDER BY p.id"

typedef struct
{
  gint64        from;            /* local midnights: [from, to) */
  gint64        to;
  guint         n_weeks;
  gint64       *week_starts;     /* (n_weeks) each week's Monday, local
                                  * midnight; the first may be before from */
  guint         n_pcs;
  gint64       *pc_ids;          /* (n_pcs) the active PCs, by name */
  char        **pc_names;        /* (n_pcs) (array zero-terminated=1) */

  /* Staff's use (guests are counted apart): */
  LhCountTable *minutes;         /* week × PC, with both totals, and the
                                  * people behind each figure */
  LhCountTable *people;          /* week × PC: different people; no
                                  * totals, one person counts in many
                                  * cells */
  LhCountTable *people_by_week;  /* week × 1: different people a week */
  LhCountTable *busy_minutes;    /* 7 × 24: minutes in use by weekday
                                  * (Monday first) and local hour, with
                                  * totals and people as for minutes */
  LhCountTable *busy_people;     /* 7 × 24: different people in each */
  LhCountTable *sittings;        /* 1 × 2: booked, walk-up, with their
                                  * total, and the people behind each
                                  * (one person's many walk-ups name them) */
  gint64        people_in_period;  /* different staff in the period */

  /* Guests: */
  gint64        guest_minutes;
  gint64        guests;          /* different guests */

  GArray       *pc_sittings;     /* (element-type LhPcSitting) staff's
                                  * and guests' sittings at the PCs,
                                  * cut to the period, for the capacity */
} LhUsageReport;

void lh_usage_report_free (LhUsageReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhUsageReport, lh_usage_report_free)

/* Use of the PCs in [from, to) (local midnights); a sitting going on at
 * now counts up to now. One read transaction; the sittings are an index
 * range by start for each person (LH_USAGE_REPORT_SITTINGS_SQL). */
LhUsageReport *lh_usage_report (LhStore        *store,
                                const LhCentre *centre,
                                gint64          from,
                                gint64          to,
                                gint64          now,
                                GError        **error);

G_END_DECLS
