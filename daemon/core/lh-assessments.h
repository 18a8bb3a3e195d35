/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Skills assessment slots: an initial assessment in English, maths or
 * ESOL, for one learner at a time, with a named ULR or assessor. ULRs and
 * admins offer slots; a learner (not a guest) books one. Who booked a slot
 * is between the learner and the assessor: nobody else is told. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* How long a slot may be, in minutes. */
#define LH_ASSESSMENT_MIN_MINUTES 15
#define LH_ASSESSMENT_MAX_MINUTES 180

typedef struct
{
  gint64    id;
  char     *subject;        /* (owned) "english", "maths" or "esol" */
  gint64    assessor_id;
  char     *assessor_name;  /* (owned) */
  gint64    start_at;
  gint64    end_at;
  char     *place;          /* (owned) where, e.g. "Quiet room"; may be "" */
  gboolean  taken;          /* booked by someone */
  gboolean  mine;           /* booked by the person asked about */
  gint64    learner_id;     /* 0 unless asked by the learner or the assessor */
  char     *learner_name;   /* (owned) (nullable) likewise */
} LhAssessmentSlot;

void lh_assessment_slot_free (LhAssessmentSlot *slot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAssessmentSlot, lh_assessment_slot_free)

/* Whether subject is one of the three. */
gboolean          lh_assessment_subject_check (const char  *subject,
                                               GError     **error);

/* Offers a slot with assessor_id (who must be a ULR) from start to end.
 * LH_ERROR_INVALID for another subject, a slot in the past, too short or
 * too long, an assessor who is not a ULR, or a place over 100 characters;
 * LH_ERROR_CONFLICT when the assessor has another slot then. */
LhAssessmentSlot *lh_assessments_offer  (LhStore        *store,
                                         gint64          created_by,
                                         gint64          assessor_id,
                                         const char     *subject,
                                         gint64          start,
                                         gint64          end,
                                         const char     *place,
                                         gint64          now,
                                         GError        **error);

/* Open slots starting in [from, to), soonest first, as person_id sees
 * them: the free ones, and the taken ones person_id booked or assesses,
 * with the learner's name. */
GPtrArray        *lh_assessments_list   (LhStore        *store,
                                         gint64          from,
                                         gint64          to,
                                         gint64          person_id,
                                         GError        **error);

/* Books the slot for person_id. Of two people asking for one slot, one
 * gets it. LH_ERROR_NOT_FOUND for no such slot; LH_ERROR_INVALID for a
 * guest, the assessor themself, or a slot that has started;
 * LH_ERROR_CONFLICT when it is taken, the person already has an
 * assessment in that subject coming up, or another booking then. */
LhAssessmentSlot *lh_assessments_book   (LhStore        *store,
                                         const LhCentre *centre,
                                         gint64          slot_id,
                                         gint64          person_id,
                                         gint64          now,
                                         GError        **error);

/* The same, asking for the time as work time (paid TRUE: assessment and
 * exam time) or the person's own, in the same transaction; a refusal of
 * paid time books nothing. lh_assessments_book() books in own time. */
LhAssessmentSlot *lh_assessments_book_paid (LhStore        *store,
                                            const LhCentre *centre,
                                            gint64          slot_id,
                                            gint64          person_id,
                                            gboolean        paid,
                                            gint64          now,
                                            GError        **error);

/* Gives the person's slot back, free for others. LH_ERROR_NOT_FOUND if
 * it is not theirs; LH_ERROR_CONFLICT once it has started. */
gboolean          lh_assessments_cancel (LhStore        *store,
                                         gint64          slot_id,
                                         gint64          person_id,
                                         gint64          now,
                                         GError        **error);

G_END_DECLS
