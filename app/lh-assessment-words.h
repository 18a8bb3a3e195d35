/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words of the skills check page: calm, plain, the same everywhere.
 * Whole sentences per subject, so that translators never glue words.
 * Every function returns a new string (transfer full). */
#pragma once

#include "lh-assessment-slot.h"

G_BEGIN_DECLS

/* "English", "Maths", "English for speakers of other languages (ESOL)" */
char *lh_subject_title              (LhSubject subject);
/* What the check is about, in a line under the subject's title. */
char *lh_subject_about              (LhSubject subject);
/* "Monday 30 November, 10:00 to 10:45" */
char *lh_assessment_format_when     (const LhAssessmentSlot *slot);
/* "With Sue Bennett, Quiet room" */
char *lh_assessment_format_where    (const LhAssessmentSlot *slot);
/* "Free", "Taken" or "Booked for you" */
char *lh_assessment_format_state    (const LhAssessmentSlot *slot);
/* "Book a maths check on Thursday 3 December at 14:00?" */
char *lh_assessment_format_question (const LhAssessmentSlot *slot);
/* The reassurance on the confirm view: what it is, that it cannot be
 * failed, and who knows. */
char *lh_assessment_format_reassure (const LhAssessmentSlot *slot);
/* "Your maths check is booked." */
char *lh_assessment_format_booked   (const LhAssessmentSlot *slot);
/* "You have given back your maths check." */
char *lh_assessment_format_given    (const LhAssessmentSlot *slot);
/* "You have a maths check booked. To move it, give it back first." */
char *lh_assessment_format_have_one (const LhAssessmentSlot *slot);
/* What a screen reader says for a slot's button: "Book this maths check:
 * Thursday 3 December, 14:00 to 14:45, with Sue Bennett, Quiet room". */
char *lh_assessment_format_book_a11y      (const LhAssessmentSlot *slot);
char *lh_assessment_format_give_back_a11y (const LhAssessmentSlot *slot);
/* The daemon's reason for a refusal as a sentence, or NULL if it gave
 * none. */
char *lh_assessment_format_refusal  (const GError *error);

G_END_DECLS
