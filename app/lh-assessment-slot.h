/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A skills assessment slot as GET /api/v1/assessment-slots lists it: an
 * initial assessment in English, maths or ESOL with a named assessor.
 * The daemon never says who booked a slot, only whether it is taken and
 * whether it is the person's own. */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "lh-time-off-types.h"

G_BEGIN_DECLS

typedef enum
{
  LH_SUBJECT_ENGLISH,
  LH_SUBJECT_MATHS,
  LH_SUBJECT_ESOL,
  LH_N_SUBJECTS,
} LhSubject;

typedef struct
{
  gint64     id;
  LhSubject  subject;
  char      *assessor;  /* (owned) the ULR or assessor's name */
  char      *place;     /* (owned) */
  GDateTime *start;     /* (owned) */
  GDateTime *end;       /* (owned) */
  gboolean   taken;
  gboolean   mine;      /* taken by the person signed in */
  LhTimeOff *time_off;  /* (owned) (nullable) once booked: work time or own */
} LhAssessmentSlot;

LhAssessmentSlot *lh_assessment_slot_copy      (const LhAssessmentSlot *slot);
void              lh_assessment_slot_free      (LhAssessmentSlot       *slot);
/* tz (nullable) is the zone times are converted to. Fails with
 * G_IO_ERROR_INVALID_DATA on a missing or mistyped field, and with
 * G_IO_ERROR_NOT_SUPPORTED on a subject the kiosk does not know. */
LhAssessmentSlot *lh_assessment_slot_from_json (JsonObject  *object,
                                                GTimeZone   *tz,
                                                GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhAssessmentSlot, lh_assessment_slot_free)

G_END_DECLS
