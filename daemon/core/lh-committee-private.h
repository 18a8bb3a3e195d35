/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the committee's meetings and action plan check alike: their texts
 * and their dates. */
#pragma once

#include "lh-store.h"
#include "lh-text.h"

G_BEGIN_DECLS

/* The per-request queries, each an index range (held to it by the tests'
 * query plans). */
#define LH_MEETING_COLUMNS "id, starts_at, place, notes, report_first_day, report_last_day"
#define LH_MEETINGS_LIST_SQL \
  "SELECT " LH_MEETING_COLUMNS " FROM committee_meetings INDEXED BY committee_meetings_by_start " \
  "WHERE starts_at >= ?1 AND starts_at < ?2 ORDER BY starts_at, id LIMIT ?3"
#define LH_MEETINGS_NEXT_SQL \
  "SELECT " LH_MEETING_COLUMNS " FROM committee_meetings INDEXED BY committee_meetings_by_start " \
  "WHERE starts_at >= ?1 ORDER BY starts_at, id LIMIT 1"
#define LH_MEETING_ATTENDEES_SQL \
  "SELECT coalesce(a.person_id, 0), coalesce(p.name, a.name) " \
  "FROM committee_attendees a INDEXED BY committee_attendees_by_meeting " \
  "LEFT JOIN people p ON p.id = a.person_id " \
  "WHERE a.meeting_id = ?1 ORDER BY 2, 1 LIMIT ?2"
#define LH_OBJECTIVE_COLUMNS "id, number, activity, by_whom, due_day, outcomes, next_steps, status, created_at"
/* The number's unique index, read in order. */
#define LH_ACTION_PLAN_LIST_SQL \
  "SELECT " LH_OBJECTIVE_COLUMNS " FROM action_objectives ORDER BY number LIMIT ?1"
#define LH_OBJECTIVE_CHANGES_AFTER_SQL \
  "SELECT field, old_value FROM action_objective_changes " \
  "INDEXED BY action_objective_changes_by_objective " \
  "WHERE objective_id = ?1 AND changed_at > ?2 ORDER BY changed_at DESC, id DESC LIMIT ?3"
#define LH_OBJECTIVE_HISTORY_SQL \
  "SELECT c.changed_at, coalesce(c.changed_by, 0), coalesce(p.name, 'learnhubctl'), " \
  "  c.field, c.old_value, c.new_value " \
  "FROM action_objective_changes c INDEXED BY action_objective_changes_by_objective " \
  "LEFT JOIN people p ON p.id = c.changed_by " \
  "WHERE c.objective_id = ?1 ORDER BY c.changed_at DESC, c.id DESC LIMIT ?2"

/* How far back a meeting or an objective's day may be (a centre's
 * history, the demo's ten years and more) and how far ahead. */
#define LH_COMMITTEE_YEARS_BACK  20
#define LH_COMMITTEE_YEARS_AHEAD 5

/* A text member: too long (reason "text-too-long" with its limit, for the
 * kiosk to say) or not text of its shape (reason invalid_reason). A blank
 * one is refused too when required. */
gboolean lh_committee_text_check (const char   *text,
                                  LhTextShape   shape,
                                  guint         max_chars,
                                  gboolean      required,
                                  const char   *field,
                                  const char   *invalid_reason,
                                  GError      **error);

/* Whether at lies within the years a committee's record can be about
 * (reason "date-out-of-range"). */
gboolean lh_committee_time_check (gint64       at,
                                  gint64       now,
                                  const char  *what,
                                  GError     **error);

/* A day YYYY-MM-DD, checked as lh_committee_time_check does; *out_midnight
 * (nullable) its local midnight. Reason "date-invalid" for what is not a
 * day. */
gboolean lh_committee_day_check  (const char  *day,
                                  GTimeZone   *tz,
                                  gint64       now,
                                  const char  *what,
                                  gint64      *out_midnight,
                                  GError     **error);

/* Column text, or NULL for NULL. */
char    *lh_committee_dup_column (LhStmt *stmt,
                                  int     column);

G_END_DECLS
