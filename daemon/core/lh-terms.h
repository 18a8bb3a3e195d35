/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The learning agreement's terms, kept as dated versions: paid time off
 * for learning and what draws on it, matched time, ESOL, assessments,
 * apprentices, ULR facility time, pro-rating, the agreement year, automatic
 * approval, the committee's suppression threshold, and the minimum
 * equipment with the longest a fault may stay open. A period is always
 * judged by the version in force in it. Imported from a GKeyFile (see
 * data/demo/terms.conf). */
#pragma once

#include "lh-centre.h"
#include "lh-equipment.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* The activities that may draw on paid time off, NULL-terminated. */
extern const char * const lh_terms_activities[];

typedef struct
{
  gint64   valid_from;                 /* local midnight; 0: the built-in
                                        * defaults, no version yet */
  char    *name;                       /* (owned) the agreement's name */
  int      year_start_month;           /* 1..12: the agreement year's start */
  int      paid_learning_minutes;      /* per learner per year, full time */
  GStrv    paid_activities;            /* (owned) of lh_terms_activities */
  int      full_time_minutes_per_week; /* what pro-rating compares with */
  gboolean pro_rata;                   /* part-time staff get a share */
  gboolean matched_time;               /* own time matched by paid time */
  int      matched_cap_minutes;        /* per year, at most */
  int      esol_taught_minutes;        /* paid, per year */
  int      assessment_minutes;         /* assessment and exam time, per year */
  int      apprentice_study_days;      /* paid study days, per year */
  int      ulr_facility_minutes_per_week;
  gboolean auto_approve;               /* requests within entitlement */
  int      decide_within_days;         /* a request decided later, or not
                                        * at all by then, is late */
  int      suppression_threshold;      /* counts below are not reported */
  int      equipment_minimum[LH_EQUIPMENT_N_KINDS];  /* working items the
                                        * centre must have, by
                                        * lh_equipment_kinds; 0: none agreed */
  int      fault_days_at_most;         /* a fault open longer is overdue */
} LhTerms;

void lh_terms_clear (LhTerms *terms);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LhTerms, lh_terms_clear)

/* The built-in defaults, which stand before any version. */
void     lh_terms_init_defaults (LhTerms *terms);

/* Reads the terms from key_file over the built-in defaults, the date it
 * comes into force ([agreement] in-force-from, YYYY-MM-DD) as local
 * midnight in tz. LH_ERROR_INVALID naming the group and key of the first
 * value that is missing, of the wrong kind or out of range, and for any
 * key learnhub does not know (a typing mistake must not pass unseen). */
gboolean lh_terms_from_key_file (GKeyFile   *key_file,
                                 GTimeZone  *tz,
                                 LhTerms    *out_terms,
                                 GError    **error);

/* Adds the version in force from terms->valid_from. The first version
 * may begin in the past (an agreement signed before learnhub came);
 * after that, a version begins today or later, so that no period already
 * judged is judged again. LH_ERROR_CONFLICT for a date that has one. */
gboolean lh_terms_add_version  (LhStore        *store,
                                const LhCentre *centre,
                                const LhTerms  *terms,
                                const char     *created_by,
                                gint64          now,
                                GError        **error);

/* The terms in force at t: the latest version from at or before t, or the
 * built-in defaults before any version. */
gboolean lh_terms_at           (LhStore        *store,
                                gint64          t,
                                LhTerms        *out_terms,
                                GError        **error);

/* Every version, oldest first (element-type LhTerms, cleared with the
 * array). */
GArray  *lh_terms_list         (LhStore        *store,
                                GError        **error);

/* Local midnight of the first day of the agreement year that holds t. */
gint64   lh_terms_year_start   (const LhTerms  *terms,
                                gint64          t,
                                GTimeZone      *tz);

/* Whether activity draws on paid time off under these terms. */
gboolean lh_terms_pays_for     (const LhTerms  *terms,
                                const char     *activity);

G_END_DECLS
