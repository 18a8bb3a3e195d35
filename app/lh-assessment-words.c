/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-assessment-words"

#include "lh-assessment-words.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lh-refusal-words.h"
#include "lh-time-format.h"

char *
lh_subject_title (LhSubject subject)
{
  switch (subject)
    {
    case LH_SUBJECT_ENGLISH:
      return g_strdup (_("English"));
    case LH_SUBJECT_MATHS:
      return g_strdup (_("Maths"));
    case LH_SUBJECT_ESOL:
      /* Said in full once, as the title of its part of the page. */
      return g_strdup (_("English for speakers of other languages (ESOL)"));
    case LH_N_SUBJECTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lh_subject_about (LhSubject subject)
{
  switch (subject)
    {
    case LH_SUBJECT_ENGLISH:
      return g_strdup (_("Reading, writing, speaking and listening."));
    case LH_SUBJECT_MATHS:
      return g_strdup (_("Numbers, money, measures and working things out."));
    case LH_SUBJECT_ESOL:
      return g_strdup (_("For you if English is not your first language."));
    case LH_N_SUBJECTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lh_assessment_format_when (const LhAssessmentSlot *slot)
{
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (slot != NULL, NULL);

  day = lh_format_day_long (slot->start);
  from = lh_format_clock (slot->start);
  to = lh_format_clock (slot->end);
  /* Translators: "Monday 30 November, 10:00 to 10:45" */
  return g_strdup_printf (_("%s, %s to %s"), day, from, to);
}

char *
lh_assessment_format_where (const LhAssessmentSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  /* Translators: the assessor's name, then the place: "With Sue Bennett, Quiet room" */
  return g_strdup_printf (_("With %s, %s"), slot->assessor, slot->place);
}

char *
lh_assessment_format_state (const LhAssessmentSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  if (slot->mine)
    return g_strdup (_("Booked for you"));
  if (slot->taken)
    return g_strdup (_("Taken"));
  return g_strdup (_("Free"));
}

char *
lh_assessment_format_question (const LhAssessmentSlot *slot)
{
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (slot != NULL, NULL);

  day = lh_format_day_long (slot->start);
  clock = lh_format_clock (slot->start);
  switch (slot->subject)
    {
    case LH_SUBJECT_ENGLISH:
      /* Translators: "Book an English check on Monday 30 November at 10:00?" */
      return g_strdup_printf (_("Book an English check on %s at %s?"), day, clock);
    case LH_SUBJECT_MATHS:
      /* Translators: "Book a maths check on Thursday 3 December at 14:00?" */
      return g_strdup_printf (_("Book a maths check on %s at %s?"), day, clock);
    case LH_SUBJECT_ESOL:
      /* Translators: "Book an ESOL check on Tuesday 1 December at 11:00?" */
      return g_strdup_printf (_("Book an ESOL check on %s at %s?"), day, clock);
    case LH_N_SUBJECTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lh_assessment_format_reassure (const LhAssessmentSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  switch (slot->subject)
    {
    case LH_SUBJECT_ENGLISH:
      return g_strdup (_("A short, friendly check of where you are with English, so a learning rep can "
                         "suggest the right course. It is not a test you can fail. Only you and the "
                         "assessor know you booked it."));
    case LH_SUBJECT_MATHS:
      return g_strdup (_("A short, friendly check of where you are with maths, so a learning rep can "
                         "suggest the right course. It is not a test you can fail. Only you and the "
                         "assessor know you booked it."));
    case LH_SUBJECT_ESOL:
      return g_strdup (_("A short, friendly check of where you are with English as a second language, so "
                         "a learning rep can suggest the right course. It is not a test you can fail. "
                         "Only you and the assessor know you booked it."));
    case LH_N_SUBJECTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lh_assessment_format_booked (const LhAssessmentSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  switch (slot->subject)
    {
    case LH_SUBJECT_ENGLISH:
      return g_strdup (_("Your English check is booked."));
    case LH_SUBJECT_MATHS:
      return g_strdup (_("Your maths check is booked."));
    case LH_SUBJECT_ESOL:
      return g_strdup (_("Your ESOL check is booked."));
    case LH_N_SUBJECTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lh_assessment_format_given (const LhAssessmentSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  switch (slot->subject)
    {
    case LH_SUBJECT_ENGLISH:
      return g_strdup (_("You have given back your English check."));
    case LH_SUBJECT_MATHS:
      return g_strdup (_("You have given back your maths check."));
    case LH_SUBJECT_ESOL:
      return g_strdup (_("You have given back your ESOL check."));
    case LH_N_SUBJECTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lh_assessment_format_have_one (const LhAssessmentSlot *slot)
{
  g_return_val_if_fail (slot != NULL, NULL);

  switch (slot->subject)
    {
    case LH_SUBJECT_ENGLISH:
      return g_strdup (_("You have an English check booked. To move it, give it back first."));
    case LH_SUBJECT_MATHS:
      return g_strdup (_("You have a maths check booked. To move it, give it back first."));
    case LH_SUBJECT_ESOL:
      return g_strdup (_("You have an ESOL check booked. To move it, give it back first."));
    case LH_N_SUBJECTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lh_assessment_format_book_a11y (const LhAssessmentSlot *slot)
{
  g_autofree char *subject = NULL;
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (slot != NULL, NULL);

  subject = lh_subject_title (slot->subject);
  when = lh_assessment_format_when (slot);
  where = lh_assessment_format_where (slot);
  /* Translators: what a screen reader says for the Book this button:
   * "Book this: Maths, Thursday 3 December, 14:00 to 14:45. With Sue Bennett, Quiet room" */
  return g_strdup_printf (_("Book this: %s, %s. %s"), subject, when, where);
}

char *
lh_assessment_format_give_back_a11y (const LhAssessmentSlot *slot)
{
  g_autofree char *subject = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (slot != NULL, NULL);

  subject = lh_subject_title (slot->subject);
  when = lh_assessment_format_when (slot);
  /* Translators: what a screen reader says for the Give it back button:
   * "Give it back: Maths, Thursday 3 December, 14:00 to 14:45" */
  return g_strdup_printf (_("Give it back: %s, %s"), subject, when);
}

char *
lh_assessment_format_refusal (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  /* The daemon says which rule said no (taken, one in that subject
   * already, a clash) by its reason, which the kiosk words. */
  return lh_refusal_words (error);
}
