/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which ways in the kiosk offers a person: the one place that decides it,
 * from sign-in's `may` alone (the daemon still refuses what is not). */
#pragma once

#include "lh-types.h"

G_BEGIN_DECLS

typedef enum {
  LH_WAY_BOOK_COMPUTERS,
  LH_WAY_BOOK_ROOMS,
  LH_WAY_GROUPS,
  LH_WAY_ADVICE,
  LH_WAY_GUESTS,
  LH_WAY_ASSESSMENTS,
  LH_WAY_TIMETABLE,
  LH_WAY_PAID_TIME,
  LH_WAY_ABOUT_YOU,
  LH_WAY_DESK,
  LH_WAY_COMMITTEE,
  LH_WAY_ADMIN,
} LhWay;

/* Reads sign-in's `may` and `limits` (POST /api/v1/sessions) into person. */
void     lh_person_read_may_limits (LhPerson   *person,
                                    JsonObject *session);

gboolean lh_may (const LhPerson *person,
                 LhWay           way);

G_END_DECLS
