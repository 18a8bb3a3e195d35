/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ULR facility time: the paid hours a week the agreement gives ULRs for
 * their duties. Drop-ins and appointments are logged by the daemon; a ULR
 * adds the rest (training, meetings, promotion). */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *activity;   /* (owned) drop-in, appointment, training,
                         * meeting, promotion, other */
  gint64    start_at;
  int       minutes;
  char     *note;       /* (owned) */
  gboolean  automatic;  /* logged by the daemon */
} LhFacilityEntry;

void lh_facility_entry_free (LhFacilityEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhFacilityEntry, lh_facility_entry_free)

/* A ULR logs other duty time. LH_ERROR_INVALID for drop-in or appointment
 * (those are logged by themselves), an unknown activity, 0 or over 12
 * hours, a start more than a year back or in the future, a note over 200
 * characters, someone not a ULR. */
LhFacilityEntry *lh_facility_time_add    (LhStore        *store,
                                          gint64          ulr_id,
                                          const char     *activity,
                                          gint64          start,
                                          int             minutes,
                                          const char     *note,
                                          gint64          now,
                                          GError        **error);

/* Logs a drop-in's or an appointment's time (at most once each). */
gboolean         lh_facility_time_log    (LhStore        *store,
                                          gint64          ulr_id,
                                          const char     *activity,
                                          gint64          start,
                                          gint64          end,
                                          gint64          dropin_id,
                                          gint64          request_id,
                                          gint64          now,
                                          GError        **error);

typedef struct
{
  gint64     week_start;      /* Monday, local midnight */
  int        week_minutes;
  int        week_agreed_minutes;
  gint64     year_start;      /* the agreement year's first day, local midnight */
  int        year_minutes;
  int        year_agreed_minutes;
  GPtrArray *entries;         /* (owned) (element-type LhFacilityEntry) this
                               * week's, newest first */
} LhFacilitySummary;

void lh_facility_summary_free (LhFacilitySummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhFacilitySummary, lh_facility_summary_free)

/* Used against agreed (the terms' ULR facility hours a week) for the week
 * and the agreement year that hold at. */
LhFacilitySummary *lh_facility_time_summary (LhStore        *store,
                                             const LhCentre *centre,
                                             gint64          ulr_id,
                                             gint64          at,
                                             GError        **error);

G_END_DECLS
