/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for a learner's own equality answers ("Equality
 * self-declaration" in data/api/learnhub-api.md): the questions with
 * their groups as the daemon lists them, the answers given, replacing
 * and removing them. */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

typedef struct
{
  char  *key;     /* (owned) "age-band" */
  GStrv  groups;  /* (owned) "16-24", …, "prefer-not-to-say" */
} LhEqualityQuestion;

typedef struct
{
  GPtrArray  *questions;  /* (owned) (element-type LhEqualityQuestion) in
                           * the order to ask them */
  GHashTable *answers;    /* (owned) (element-type utf8 utf8) factor → group;
                           * a question left unanswered is not in it */
} LhEqualityAnswers;

void lh_equality_answers_free (LhEqualityAnswers *answers);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhEqualityAnswers, lh_equality_answers_free)

void               lh_client_get_equality_async  (LhClient            *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
LhEqualityAnswers *lh_client_get_equality_finish (LhClient      *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);

/* Replaces the answers with these (factor → group); the result is the
 * answers as stored. */
void               lh_client_set_equality_async  (LhClient            *self,
                                                  GHashTable          *answers,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
LhEqualityAnswers *lh_client_set_equality_finish (LhClient      *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);

void               lh_client_remove_equality_async  (LhClient            *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean           lh_client_remove_equality_finish (LhClient      *self,
                                                     GAsyncResult  *result,
                                                     GError       **error);

G_END_DECLS
