/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Set up sessions page gets from and sends to learnhubd: the
 * rooms a group can meet in (GET /api/v1/resources, kind "room"), and the
 * skills assessment slots as their assessor sees them, with who booked
 * (GET /api/v1/assessment-slots, the "learner" member). */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *name;      /* (owned) */
  int     capacity;  /* how many people it holds */
} LhRoom;

typedef struct
{
  gint64     id;
  char      *subject;   /* (owned) "english", "maths" or "esol" */
  gint64     assessor_id;
  char      *assessor;  /* (owned) the assessor's name */
  char      *learner;   /* (owned) (nullable) who booked: only ever told to them and the assessor */
  char      *place;     /* (owned) (nullable) */
  GDateTime *start;     /* (owned) */
  GDateTime *end;       /* (owned) */
  gboolean   taken;
} LhOfferedSlot;

/* A group study session to set up (POST /api/v1/group-sessions). */
typedef struct
{
  gint64     room_id;
  char      *room_name;  /* (owned) for the words only */
  char      *title;      /* (owned) */
  char      *topic;      /* (owned) (nullable) */
  GDateTime *start;      /* (owned) */
  GDateTime *end;        /* (owned) */
  int        capacity;
  int        weeks;      /* 1: just once */
} LhGroupPlan;

/* A skills assessment slot to offer (POST /api/v1/assessment-slots). */
typedef struct
{
  char      *subject;  /* (owned) "english", "maths" or "esol" */
  GDateTime *start;    /* (owned) */
  GDateTime *end;      /* (owned) */
  char      *place;    /* (owned) (nullable) */
} LhSlotPlan;

void           lh_room_free              (LhRoom        *room);
/* A resource of GET /api/v1/resources; NULL without error if it is not a
 * room. */
LhRoom        *lh_room_from_json         (JsonObject    *object,
                                          GError       **error);

void           lh_offered_slot_free      (LhOfferedSlot *slot);
/* tz (nullable) is the zone times are converted to. */
LhOfferedSlot *lh_offered_slot_from_json (JsonObject    *object,
                                          GTimeZone     *tz,
                                          GError       **error);

void           lh_group_plan_free        (LhGroupPlan   *plan);
/* The request's body. (transfer full) */
JsonObject    *lh_group_plan_to_json     (const LhGroupPlan *plan);

void           lh_slot_plan_free         (LhSlotPlan    *plan);
JsonObject    *lh_slot_plan_to_json      (const LhSlotPlan  *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhRoom, lh_room_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhOfferedSlot, lh_offered_slot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhGroupPlan, lh_group_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhSlotPlan, lh_slot_plan_free)

G_END_DECLS
