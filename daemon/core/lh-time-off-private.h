/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the time-off files share: the request row, its status and the
 * ledger insert. */
#pragma once

#include "lh-time-off.h"

G_BEGIN_DECLS

/* Who the daemon is in the audit trail when it moves time itself. */
#define LH_TIME_OFF_DAEMON_ACTOR "learnhubd"

/* The columns lh_time_off_request_from_row() reads, FROM time_off_requests
 * r joined to its person p. */
#define LH_TIME_OFF_REQUEST_SELECT \
  "SELECT r.id, r.person_id, p.name, p.staff_number, r.category, r.activity, r.paid, r.status, " \
  "coalesce(r.booking_id, 0), coalesce(r.group_place_id, 0), coalesce(r.assessment_slot_id, 0), " \
  "r.start_at, r.end_at, " \
  "(SELECT coalesce(sum(l.taken_delta), 0) FROM time_off_ledger l " \
  "  WHERE l.request_id = r.id AND l.kind = 'taken'), " \
  "CASE WHEN r.booking_id IS NOT NULL THEN " \
  "  (SELECT res.name FROM bookings b JOIN resources res ON res.id = b.resource_id WHERE b.id = r.booking_id) " \
  "  WHEN r.group_place_id IS NOT NULL THEN " \
  "  (SELECT g.title FROM group_places gp JOIN group_sessions g ON g.id = gp.group_session_id " \
  "   WHERE gp.id = r.group_place_id) " \
  "  ELSE (SELECT s.subject FROM assessment_slots s WHERE s.id = r.assessment_slot_id) END, " \
  "coalesce(r.decided_at, 0), " \
  "(SELECT nullif(l.reason, '') FROM time_off_ledger l WHERE l.request_id = r.id " \
  "   AND l.kind IN ('approved', 'rejected') AND r.decided_at IS NOT NULL ORDER BY l.id DESC LIMIT 1), " \
  "r.created_at, " \
  "(SELECT l.kind FROM time_off_ledger l WHERE l.request_id = r.id " \
  "   AND l.kind IN ('approved', 'rejected') AND r.decided_at IS NOT NULL ORDER BY l.id DESC LIMIT 1) " \
  "FROM time_off_requests r JOIN people p ON p.id = r.person_id "

LhTimeOffRequest *lh_time_off_request_from_row (LhStmt *stmt);

typedef struct
{
  gint64      person_id;
  const char *category;
  const char *kind;
  gint64      at;
  int         minutes;
  int         pending_delta;
  int         booked_delta;
  int         taken_delta;
  int         own_delta;
  gint64      request_id;
  gint64      facility_id;
  const char *reason;
  gint64      actor_id;
  const char *actor_name;   /* NULL: learnhubd */
} LhLedgerWrite;

/* Appends one entry, inside the caller's write transaction. */
gboolean lh_time_off_ledger_add (LhStore             *store,
                                 const LhLedgerWrite *entry,
                                 gint64               now,
                                 GError             **error);

/* A decision's or an adjustment's reason: required or not, at most 200
 * characters, or LH_ERROR_INVALID. */
gboolean lh_time_off_check_reason (const char  *reason,
                                   gboolean     required,
                                   GError     **error);

/* The request by id, or LH_ERROR_NOT_FOUND. */
LhTimeOffRequest *lh_time_off_get_request (LhStore  *store,
                                           gint64    request_id,
                                           GError  **error);
/* Sets a request's status; `decided` also stamps when it was decided. */
gboolean lh_time_off_set_status   (LhStore     *store,
                                   gint64       request_id,
                                   const char  *status,
                                   gboolean     decided,
                                   gint64       now,
                                   GError     **error);
/* Who person_id is in the audit trail (0: learnhubd); *out_name owns the
 * actor's name. */
gboolean lh_time_off_person_actor (LhStore  *store,
                                   gint64    person_id,
                                   LhActor  *out_actor,
                                   char    **out_name,
                                   GError  **error);

/* A category's name as a person reads it ("paid learning time"). */
const char *lh_time_off_category_words (const char *category);

G_END_DECLS
