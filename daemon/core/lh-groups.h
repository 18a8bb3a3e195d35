/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Work-based group study sessions: a room held for a group with a leader
 * and a topic, a place each up to the capacity, and a waiting list that
 * moves up by itself when a place frees. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef enum
{
  LH_PLACE_NONE,
  LH_PLACE_BOOKED,
  LH_PLACE_WAITING,
} LhPlaceStatus;

typedef struct
{
  gint64         id;
  gint64         series_id;      /* the first session of its weekly series */
  gint64         resource_id;
  char          *room;           /* (owned) */
  char          *title;          /* (owned) */
  char          *topic;          /* (owned) */
  gint64         start_at;
  gint64         end_at;
  int            capacity;
  int            booked;         /* places taken */
  int            waiting;        /* in the waiting list */
  LhPlaceStatus  my_place;       /* for the person asked about */
  int            my_position;    /* in the waiting list, from 1 */
} LhGroupSession;

void lh_group_session_free (LhGroupSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhGroupSession, lh_group_session_free)

/* Holds the room for weeks weekly sessions led by leader_id (a ULR or an
 * admin) and returns the first. All or none: a clash in any week refuses
 * the whole series, naming the week. */
LhGroupSession *lh_groups_create       (LhStore        *store,
                                        const LhCentre *centre,
                                        gint64          leader_id,
                                        gint64          resource_id,
                                        const char     *title,
                                        const char     *topic,
                                        gint64          start,
                                        gint64          end,
                                        int             capacity,
                                        int             weeks,
                                        gint64          now,
                                        GError        **error);

/* Sessions starting in [from, to), soonest first; my_place is person_id's. */
GPtrArray      *lh_groups_list         (LhStore        *store,
                                        gint64          from,
                                        gint64          to,
                                        gint64          person_id,
                                        GError        **error);

/* A place, or the end of the waiting list when full. LH_ERROR_CONFLICT if
 * the person already has one or is waiting; LH_ERROR_INVALID for a session
 * that has started or was cancelled; LH_ERROR_NOT_FOUND for no session. */
LhPlaceStatus   lh_groups_join         (LhStore        *store,
                                        gint64          session_id,
                                        gint64          person_id,
                                        gint64          now,
                                        int            *out_position,
                                        GError        **error);

/* The same, asking for the place's time as work time (paid TRUE) or the
 * person's own, in the same transaction: a refusal of paid time (see
 * lh_time_off_request_locked()) takes no place. lh_groups_join() joins
 * in own time. centre may be NULL for own time. */
LhPlaceStatus   lh_groups_join_paid    (LhStore        *store,
                                        const LhCentre *centre,
                                        gint64          session_id,
                                        gint64          person_id,
                                        gboolean        paid,
                                        gint64          now,
                                        int            *out_position,
                                        GError        **error);

/* Gives up the person's place or leaves the waiting list. A freed place
 * goes to the first in the waiting list: *out_promoted_id is that person
 * (0 if none). */
gboolean        lh_groups_leave        (LhStore        *store,
                                        gint64          session_id,
                                        gint64          person_id,
                                        gint64          now,
                                        gint64         *out_promoted_id,
                                        GError        **error);

/* Places the person got from a waiting list and has not yet been told of;
 * marks them told. (element-type LhGroupSession) */
GPtrArray      *lh_groups_take_promotions (LhStore     *store,
                                           gint64       person_id,
                                           gint64       now,
                                           GError     **error);

G_END_DECLS
