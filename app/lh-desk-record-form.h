/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a ULR adds to a learner's record, one thing a screen: a private
 * note, a goal of the learning plan or a step towards one (with a date
 * by when, chosen with buttons, or none), or a learning MOT (what came
 * out of it and when the next is due). Typing is only for the words,
 * which the form says are private. "submit" asks for it to be added,
 * "back" for the record again. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  LH_RECORD_FORM_NOTE,
  LH_RECORD_FORM_GOAL,
  LH_RECORD_FORM_STEP,
  LH_RECORD_FORM_MOT,
} LhRecordFormKind;

#define LH_TYPE_DESK_RECORD_FORM (lh_desk_record_form_get_type ())
G_DECLARE_FINAL_TYPE (LhDeskRecordForm, lh_desk_record_form, LH, DESK_RECORD_FORM, AdwBin)

GtkWidget       *lh_desk_record_form_new        (void);
/* Empties the form for this kind; goal (nullable) is the goal a step is
 * for; now is the centre's clock, for the dates. */
void             lh_desk_record_form_start      (LhDeskRecordForm *self,
                                                 LhRecordFormKind  kind,
                                                 const char       *goal,
                                                 GDateTime        *now);
LhRecordFormKind lh_desk_record_form_get_kind   (LhDeskRecordForm *self);
/* The words, trimmed. (transfer full) */
char            *lh_desk_record_form_get_text   (LhDeskRecordForm *self);
/* "YYYY-MM-DD" or NULL: by when (a goal or step), the next MOT. (transfer full) */
char            *lh_desk_record_form_get_date   (LhDeskRecordForm *self);
/* message NULL hides it. */
void             lh_desk_record_form_show_error (LhDeskRecordForm *self,
                                                 const char       *message);
GtkButton       *lh_desk_record_form_get_submit (LhDeskRecordForm *self);
GtkButton       *lh_desk_record_form_get_back   (LhDeskRecordForm *self);

G_END_DECLS
