/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sections of the committee's site report (issue 14) beside usage: paid
 * time off, ULR facility time, advice and equipment. Each is built for
 * the period [from, to) (local midnights) in one read transaction, with
 * the true figures: the site report hides the small ones
 * (lh_report_suppress), so each table says whether it is about people
 * and, for minutes, how many people are behind each figure. */
#pragma once

#include "lh-centre.h"
#include "lh-report.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* Shared with the tests of their plans. */

/* Paid requests made in [?1, ?2), each with what first ended its wait
 * for a decision (kept with the request since migration 0043: approved,
 * rejected or cancelled; whether learnhubd did it, approving at once
 * within the entitlement or rejecting one nobody decided before its
 * time; and when): one covering index range by creation, and no read of
 * the ledger. */
#define LH_REPORT_TIME_OFF_REQUESTS_SQL \
  "SELECT r.category, r.created_at, r.person_id, r.first_decision, r.first_decision_by_daemon, " \
  "r.first_decision_at " \
  "FROM time_off_requests r INDEXED BY time_off_requests_by_creation " \
  "WHERE r.created_at >= ?1 AND r.created_at < ?2 AND r.paid = 1"

/* Requests waiting for a decision now, with who asked: the partial
 * index's own WHERE (see lh_time_off_list_pending), then status =
 * 'pending'. */
#define LH_REPORT_TIME_OFF_PENDING_SQL \
  "SELECT category, person_id FROM time_off_requests " \
  "WHERE (status = 'pending' OR status = 'approved' OR status = 'rejected' OR status = 'own') " \
  "AND status = 'pending'"

/* The ULRs, and whoever logged facility time in [?1, ?2) (a ULR who has
 * since stood down), by name. */
#define LH_REPORT_ULRS_SQL \
  "SELECT id, staff_number, name FROM people INDEXED BY people_ulrs WHERE (roles & 2) <> 0 " \
  "UNION SELECT p.id, p.staff_number, p.name FROM facility_time f INDEXED BY facility_time_by_start " \
  "JOIN people p ON p.id = f.ulr_id WHERE f.start_at >= ?1 AND f.start_at < ?2 ORDER BY 3, 1"

/* One ULR's facility time starting in [?2, ?3). */
#define LH_REPORT_FACILITY_SQL \
  "SELECT start_at, minutes FROM facility_time WHERE ulr_id = ?1 AND start_at >= ?2 AND start_at < ?3"

/* Queue requests at drop-ins made in [?1, ?2): when each joined and was
 * called (NULL: never called). Nothing about who. */
#define LH_REPORT_ADVICE_WAITS_SQL \
  "SELECT created_at, called_at, learner_id FROM advice_requests INDEXED BY advice_requests_by_time " \
  "WHERE created_at >= ?1 AND created_at < ?2 AND mode = 'queue' AND status <> 'waiting'"

/* Faults open at ?1 (reported before it): those still open now, and
 * those repaired at or after it. Reporters are not read. */
#define LH_REPORT_FAULTS_OPEN_SQL \
  "SELECT reported_at FROM faults INDEXED BY faults_open_by_age WHERE repaired_at IS NULL AND reported_at < ?1"
#define LH_REPORT_FAULTS_REPAIRED_SQL \
  "SELECT reported_at FROM faults INDEXED BY faults_repaired_at " \
  "WHERE repaired_at IS NOT NULL AND repaired_at >= ?1 AND reported_at < ?1 AND joined_into IS NULL"

/* Section "time-off", tables (rows by lh_time_off_categories unless
 * said):
 * - "minutes-by-category": entitlement (each agreement year's share in
 *   the period), granted, taken; minutes, people behind each figure;
 * - "matched-time": one row, own time used and the paid time it matched;
 * - "minutes-by-department": departments × (category granted, taken);
 * - "requests-waiting": requests waiting for a decision now, with total;
 * - "decisions": requests made in the period that waited for a decision,
 *   those decided after the terms' decide_within_days, those not decided
 *   by then (or ever); with totals. */
LhReportSection *lh_report_section_time_off      (LhStore        *store,
                                                  const LhCentre *centre,
                                                  gint64          from,
                                                  gint64          to,
                                                  gint64          now,
                                                  GError        **error);

/* Section "facility-time": table "used-against-agreed" (ULRs by name,
 * keyed by staff number × used, agreed, over-run, in minutes; this
 * site's only, never hidden) and list "over-runs" (ULR, week, used,
 * agreed) of each week a ULR went over. */
LhReportSection *lh_report_section_facility_time (LhStore        *store,
                                                  const LhCentre *centre,
                                                  gint64          from,
                                                  gint64          to,
                                                  gint64          now,
                                                  GError        **error);

/* Section "advice": tables "requests-by-topic" (with total),
 * "requests-by-outcome" (a request may have several: no total) and
 * "queue-waits" (bands, and those who left before being called; with
 * total). Counts only. */
LhReportSection *lh_report_section_advice        (LhStore        *store,
                                                  const LhCentre *centre,
                                                  gint64          from,
                                                  gint64          to,
                                                  gint64          now,
                                                  GError        **error);

/* Section "equipment": tables "working-against-minimum" (kinds ×
 * minimum, working at the end, fewest working; this site's only),
 * "minutes-below-minimum" (kinds) and "open-faults-by-age" (under a
 * week, 1 to 4 weeks, over 4; with total). Never hidden. */
LhReportSection *lh_report_section_equipment     (LhStore        *store,
                                                  const LhCentre *centre,
                                                  gint64          from,
                                                  gint64          to,
                                                  gint64          now,
                                                  GError        **error);

G_END_DECLS
