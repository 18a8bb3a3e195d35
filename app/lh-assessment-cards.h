/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The widgets of the skills check list: a part per subject (its title,
 * what it is about, and a card per slot saying free, taken or booked for
 * you in words and with an icon). A card's buttons carry the slot
 * (unowned) as LH_ASSESSMENT_SLOT_KEY and, for giving one back, the
 * card's GtkStack ("actions" or "ask") as LH_ASSESSMENT_ASK_KEY. */
#pragma once

#include <gtk/gtk.h>

#include "lh-assessment-slot.h"

G_BEGIN_DECLS

#define LH_ASSESSMENT_SLOT_KEY "lh-assessment-slot"
#define LH_ASSESSMENT_ASK_KEY  "lh-ask-stack"

/* Each is connected to "clicked" of its buttons, with user_data. */
typedef struct
{
  GCallback book;       /* Book this, on a free slot */
  GCallback give_back;  /* Give it back, on the person's own */
  GCallback keep;       /* No, keep it */
  GCallback yes;        /* Yes, give it back */
  gpointer  user_data;
} LhAssessmentCardCallbacks;

/* slots (element-type LhAssessmentSlot): those of every subject; the
 * part shows the subject's own. They must outlive the widgets. */
GtkWidget *lh_assessment_section_new  (LhSubject                        subject,
                                       GPtrArray                       *slots,
                                       const LhAssessmentCardCallbacks *callbacks);
/* Whether a card inside parent asks "Give it back?" now. */
gboolean   lh_assessment_cards_asking (GtkWidget *parent);

G_END_DECLS
