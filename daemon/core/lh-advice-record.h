/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A learner's advice record: their requests with outcomes, the ULRs'
 * private notes, their learning plan and learning MOTs. It is readable
 * only by the learner and the ULRs supporting them: the ULRs who took one
 * of their requests, and those the learner chose to share it with.
 * Nobody else, admins and the committee included, gets it by any route:
 * to them it does not exist. Kept until a configurable time after the
 * last contact, or until the learner asks for it to go and a ULR of
 * theirs confirms. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

#define LH_PLAN_TEXT_MAX_CHARS 500

typedef struct
{
  gint64  id;
  gint64  request_id;   /* 0: on the record, not a request */
  gint64  author_id;
  char   *author_name;  /* (owned) */
  char   *text;         /* (owned) */
  gint64  created_at;
} LhAdviceNote;

void lh_advice_note_free (LhAdviceNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceNote, lh_advice_note_free)

typedef struct
{
  gint64  id;
  gint64  goal_id;      /* 0 for a goal */
  char   *text;         /* (owned) */
  gint64  due_at;       /* local midnight, or 0 */
  gint64  done_at;      /* 0 while to do */
  gint64  created_by;
  gint64  created_at;
  gint64  learner_id;   /* whose plan it is (0 where not read) */
} LhPlanItem;

void lh_plan_item_free (LhPlanItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPlanItem, lh_plan_item_free)

typedef struct
{
  gint64  id;
  gint64  ulr_id;
  char   *ulr_name;     /* (owned) */
  gint64  held_at;
  char   *summary;      /* (owned) */
  gint64  next_due_at;
} LhLearningMot;

void lh_learning_mot_free (LhLearningMot *mot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhLearningMot, lh_learning_mot_free)

typedef struct
{
  gint64    id;
  char     *name;       /* (owned) */
  gboolean  shared;     /* chosen by the learner, not (only) by a request */
} LhSupporter;

void lh_supporter_free (LhSupporter *supporter);

typedef struct
{
  gint64     learner_id;
  char      *learner_name;   /* (owned) */
  GPtrArray *requests;       /* (owned) (element-type LhAdviceRequest) newest first */
  GPtrArray *notes;          /* (owned) (element-type LhAdviceNote) newest first */
  GPtrArray *plan;           /* (owned) (element-type LhPlanItem) goals, each followed by its steps */
  GPtrArray *mots;           /* (owned) (element-type LhLearningMot) newest first */
  GPtrArray *supporters;     /* (owned) (element-type LhSupporter) */
  gint64     deletion_asked_at;  /* 0 unless the learner asked for deletion */
  gint64     last_contact_at;
  gint64     delete_after;   /* when retention will delete it */
} LhAdviceRecord;

void lh_advice_record_free (LhAdviceRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAdviceRecord, lh_advice_record_free)

/* Whether ulr_id supports learner_id (took one of their requests, or was
 * chosen). */
gboolean        lh_advice_is_supporter   (LhStore        *store,
                                          gint64          learner_id,
                                          gint64          ulr_id,
                                          gboolean       *out_supports,
                                          GError        **error);

/* The whole record, for the learner themself or one of their ULRs;
 * LH_ERROR_NOT_FOUND for anyone else. */
LhAdviceRecord *lh_advice_record_get     (LhStore        *store,
                                          const LhCentre *centre,
                                          gint64          learner_id,
                                          gint64          viewer_id,
                                          gint64          now,
                                          GError        **error);

/* A ULR of the learner adds a private note, on one of the learner's
 * requests (request_id) or on the record (0). */
LhAdviceNote   *lh_advice_note_add       (LhStore        *store,
                                          const LhCentre *centre,
                                          gint64          learner_id,
                                          gint64          author_id,
                                          gint64          request_id,
                                          const char     *text,
                                          gint64          now,
                                          GError        **error);

/* A ULR of the learner adds a goal (goal_id 0) or a step towards one,
 * due by due_at (local midnight, or 0). */
LhPlanItem     *lh_plan_item_add         (LhStore        *store,
                                          const LhCentre *centre,
                                          gint64          learner_id,
                                          gint64          author_id,
                                          gint64          goal_id,
                                          const char     *text,
                                          gint64          due_at,
                                          gint64          now,
                                          GError        **error);

/* The learner or one of their ULRs marks an item done (or not). */
LhPlanItem     *lh_plan_item_set_done    (LhStore        *store,
                                          const LhCentre *centre,
                                          gint64          item_id,
                                          gint64          viewer_id,
                                          gboolean        done,
                                          gint64          now,
                                          GError        **error);

/* A ULR of the learner records a learning MOT held at held_at; the next is
 * due a year on unless next_due_at is given. */
LhLearningMot  *lh_learning_mot_add      (LhStore        *store,
                                          const LhCentre *centre,
                                          gint64          learner_id,
                                          gint64          ulr_id,
                                          gint64          held_at,
                                          const char     *summary,
                                          gint64          next_due_at,
                                          gint64          now,
                                          GError        **error);

/* The learner shares their record with a ULR, or takes any ULR who can
 * read it off (shared, or one who took their requests: those taken before
 * no longer let them in). LH_ERROR_NOT_FOUND to take off one who cannot
 * read it. */
gboolean        lh_advice_share          (LhStore        *store,
                                          gint64          learner_id,
                                          gint64          ulr_id,
                                          gboolean        share,
                                          gint64          now,
                                          GError        **error);

/* The learner asks for their record to be deleted. */
gboolean        lh_advice_ask_deletion   (LhStore        *store,
                                          gint64          learner_id,
                                          gint64          now,
                                          GError        **error);

/* One of their ULRs confirms: notes, plan, MOTs and the learner's own
 * notes go; requests stay only as topic, outcome and time, with no one
 * named. LH_ERROR_NOT_FOUND unless ulr_id supports the learner;
 * LH_ERROR_CONFLICT when the learner has not asked. */
gboolean        lh_advice_confirm_deletion (LhStore        *store,
                                            const LhCentre *centre,
                                            gint64          learner_id,
                                            gint64          ulr_id,
                                            gint64          now,
                                            GError        **error);

typedef struct
{
  gint64  learner_id;
  char   *learner_name;  /* (owned) */
  gint64  asked_at;
} LhDeletionAsk;

void lh_deletion_ask_free (LhDeletionAsk *ask);

/* The learners ulr_id supports who asked for their record to be deleted,
 * oldest first (element-type LhDeletionAsk). */
GPtrArray      *lh_advice_deletions_for_ulr (LhStore     *store,
                                             gint64       ulr_id,
                                             GError     **error);

/* Deletes, as above, every record whose last contact is older than the
 * centre's retention, one learner at a time: one that cannot be deleted
 * is logged and kept, and *out_n_deleted counts the others. */
gboolean        lh_advice_expire         (LhStore        *store,
                                          const LhCentre *centre,
                                          gint64          now,
                                          guint          *out_n_deleted,
                                          GError        **error);

G_END_DECLS
