/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Book a skills check: the assessment slots of the next 2 weeks in
 * English, maths and ESOL, grouped by subject, each saying free, taken or
 * booked for you; then a confirm view and a done view. The person's own
 * slot is given back from its card. Never says who took a slot. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_ASSESSMENTS_PAGE (lh_assessments_page_get_type ())
G_DECLARE_FINAL_TYPE (LhAssessmentsPage, lh_assessments_page, LH, ASSESSMENTS_PAGE, LhPage)

/* Shows the list, loading it afresh. */
void     lh_assessments_page_load    (LhAssessmentsPage *self);
/* Forgets all it showed and cancels its requests. */
void     lh_assessments_page_reset   (LhAssessmentsPage *self);
/* Returns: TRUE if the page went back a view itself. */
gboolean lh_assessments_page_go_back (LhAssessmentsPage *self);

G_END_DECLS
