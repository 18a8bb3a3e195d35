/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's joint learning committee: its meetings, six a year
 * (the second Wednesday of every other month), with the next one ahead,
 * and an action plan of SMART objectives reviewed at its meetings. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* Meetings from first_day to the first one after now; those past with
 * who attended (the member of member_staff_number and others by name)
 * and, after each quarter, the report tabled; five objectives made at
 * the first meeting of the last year and changed at the later ones. */
gboolean lh_demo_add_committee (LhStore        *store,
                                const LhCentre *centre,
                                const char     *member_staff_number,
                                gint64          first_day,
                                gint64          now,
                                GError        **error);

G_END_DECLS
