/* SPDX-License-Identifier: GPL-3.0-or-later */
/* My advice record: everything the advice service keeps about the person
 * signed in (their open request, learning plan, ULRs' notes, learning
 * check-ups, past requests) and who can see it, with ways to tick a step
 * of the plan done, share the record with another ULR or stop sharing,
 * and ask for it to be deleted (a confirm view first; a ULR confirms). */
#pragma once

#include <adwaita.h>

#include "lh-client.h"
#include "lh-page.h"

G_BEGIN_DECLS

#define LH_TYPE_RECORD_PAGE (lh_record_page_get_type ())
G_DECLARE_FINAL_TYPE (LhRecordPage, lh_record_page, LH, RECORD_PAGE, LhPage)

/* Shows the record, loading it afresh. */
void      lh_record_page_load    (LhRecordPage *self);
/* Forgets all it showed and cancels its requests. */
void      lh_record_page_reset   (LhRecordPage *self);
/* Returns: TRUE if the page went back a view itself. */
gboolean  lh_record_page_go_back (LhRecordPage *self);

G_END_DECLS
