/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the sittings' files share. */
#pragma once

#include "lh-usage.h"

G_BEGIN_DECLS

/* The columns lh_usage_from_row() reads, FROM usage_sessions u. */
#define USAGE_COLUMNS \
  "SELECT u.id, u.person_id, u.resource_id, u.booking_id, u.device_id, u.session_id, " \
  "u.started_at, b.end_at, coalesce (u.ended_at, 0), b.walk_up, r.name, u.end_reason, b.start_at "
#define USAGE_JOINS "JOIN bookings b ON b.id = u.booking_id JOIN resources r ON r.id = u.resource_id "
#define USAGE_SELECT USAGE_COLUMNS "FROM usage_sessions u " USAGE_JOINS

LhUsage  *lh_usage_from_row  (LhStmt      *stmt);

/* The sitting with that id, or LH_ERROR_NOT_FOUND. */
LhUsage  *lh_usage_get_by_id (LhStore     *store,
                              gint64       id,
                              GError     **error);
/* Runs sql with ?1 and ?2 bound to a and b. */
gboolean  lh_usage_exec2     (LhStore     *store,
                              const char  *sql,
                              gint64       a,
                              gint64       b,
                              GError     **error);

/* Another PC free now for LH_USAGE_MIN_SECONDS, whose kiosk (if it has
 * one) is online, for a refusal to suggest; NULL if none is, or on error. */
char     *lh_usage_free_pc_now (LhStore        *store,
                                const LhCentre *centre,
                                gint64          person_id,
                                gint64          except_resource_id,
                                gint64          now,
                                GError        **error);
/* Names that PC in the refusal *error (member `free_pc`, null for none). */
void      lh_usage_suggest_free_pc (LhStore        *store,
                                    const LhCentre *centre,
                                    gint64          person_id,
                                    gint64          except_resource_id,
                                    gint64          now,
                                    GError        **error);

G_END_DECLS
