/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-may"

#include "lh-may.h"

/* Returns: whether @person (NULL: nobody signed in) may go @way. */
gboolean
lh_may (const LhPerson *person,
        LhWay           way)
{
  if (person == NULL)
    return FALSE;

  switch (way)
    {
    case LH_WAY_BOOK_COMPUTERS:
      return person->may.book_computers;
    case LH_WAY_BOOK_ROOMS:
      return person->may.book_rooms;
    case LH_WAY_GROUPS:
      return person->may.join_groups;
    case LH_WAY_ADVICE:
      return person->may.ask_for_advice;
    case LH_WAY_GUESTS:
      return person->may.register_guests;
    case LH_WAY_ASSESSMENTS:
      return person->may.book_assessments;
    case LH_WAY_TIMETABLE:
      /* Those who run drop-ins, and admins, set up groups and slots. */
      return person->may.run_dropins || person->may.admin;
    case LH_WAY_PAID_TIME:
      return person->may.paid_time;
    case LH_WAY_ABOUT_YOU:
      /* Equality answers are about the workforce: the daemon says who is
       * staff by `guest`, not by the number's shape. */
      return !person->guest;
    case LH_WAY_DESK:
      return person->may.run_dropins;
    case LH_WAY_COMMITTEE:
      return person->may.committee;
    case LH_WAY_ADMIN:
      return person->may.admin;
    default:
      g_return_val_if_reached (FALSE);
    }
}
