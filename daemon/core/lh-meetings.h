/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The joint learning committee's meetings (at least six a year): when and
 * where, who attended (committee members by person, the provider's staff
 * by name), and the site report tabled at each (its period). Notes are
 * kept short and are about the meeting, never about a learner. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

#define LH_MEETING_PLACE_MAX_CHARS 100
#define LH_MEETING_NOTES_MAX_CHARS 500
#define LH_MEETING_NAME_MAX_CHARS  100
/* The most meetings one list holds (eight years of six a year), and the
 * most people one meeting records. */
#define LH_MEETINGS_MAX            50
#define LH_MEETING_ATTENDEES_MAX   40

typedef struct
{
  gint64  person_id;  /* 0 for the provider's staff, known by name only */
  char   *name;       /* (owned) the member's name, or the name given */
} LhMeetingAttendee;

typedef struct
{
  gint64     id;
  gint64     starts_at;
  char      *place;             /* (owned) */
  char      *notes;             /* (owned) "" for none */
  char      *report_first_day;  /* (owned) (nullable) the report tabled: YYYY-MM-DD */
  char      *report_last_day;   /* (owned) (nullable) its last day, included */
  GPtrArray *attendees;         /* (owned) (element-type LhMeetingAttendee) by name */
} LhMeeting;

void lh_meeting_free (LhMeeting *meeting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhMeeting, lh_meeting_free)

/* What an edit changes: NULL (0 for the time) keeps the meeting's. */
typedef struct
{
  gint64      starts_at;
  const char *place;
  const char *notes;
} LhMeetingEdit;

/* A new meeting, with nobody attending yet. Refuses (LH_ERROR_INVALID) a
 * blank place ("place-invalid"), a text too long ("text-too-long", with
 * its max_chars), a time more than LH_COMMITTEE_YEARS_BACK years back or
 * ahead ("date-out-of-range"). */
LhMeeting *lh_meetings_add      (LhStore             *store,
                                 gint64               starts_at,
                                 const char          *place,
                                 const char          *notes,
                                 gint64               now,
                                 GError             **error);
/* LH_ERROR_NOT_FOUND ("meeting-not-found") for no such meeting. */
LhMeeting *lh_meetings_get      (LhStore             *store,
                                 gint64               meeting_id,
                                 GError             **error);
gboolean   lh_meetings_edit     (LhStore             *store,
                                 gint64               meeting_id,
                                 const LhMeetingEdit *edit,
                                 gint64               now,
                                 GError             **error);
/* Records that a committee member (person_id; else "attendee-not-member")
 * or someone of the provider's staff (name, person_id 0) attended. Once
 * each: attending twice changes nothing. At most LH_MEETING_ATTENDEES_MAX
 * ("too-many-attendees"). */
gboolean   lh_meetings_attend   (LhStore             *store,
                                 gint64               meeting_id,
                                 gint64               person_id,
                                 const char          *name,
                                 GError             **error);
/* The period of the site report tabled at the meeting, first_day to
 * last_day included ("period-invalid" if it ends before it starts). */
gboolean   lh_meetings_table_report (LhStore         *store,
                                     GTimeZone       *tz,
                                     gint64           meeting_id,
                                     const char      *first_day,
                                     const char      *last_day,
                                     gint64           now,
                                     GError         **error);
/* The meetings starting in [from, to), the earliest first, at most
 * LH_MEETINGS_MAX (element-type LhMeeting), with their attendees. */
GPtrArray *lh_meetings_list     (LhStore             *store,
                                 gint64               from,
                                 gint64               to,
                                 GError             **error);
/* The first meeting starting at now or later, or NULL (no error) if none
 * is planned. */
LhMeeting *lh_meetings_next     (LhStore             *store,
                                 gint64               now,
                                 GError             **error);

G_END_DECLS
