/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What can be booked (PCs and rooms) and when each is open. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  int weekday;        /* 1 Monday .. 7 Sunday */
  int opens_minute;   /* local minutes after midnight */
  int closes_minute;
} LhOpeningPeriod;

typedef struct
{
  gint64  id;
  char   *name;     /* (owned) */
  char   *kind;     /* (owned) "pc" or "room" */
  int     capacity;
  GArray *hours;    /* (owned) (element-type LhOpeningPeriod) by weekday, opening */
} LhResource;

void        lh_resource_free (LhResource *resource);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhResource, lh_resource_free)

gboolean    lh_resources_add       (LhStore               *store,
                                    const char            *name,
                                    const char            *kind,
                                    int                    capacity,
                                    gint64                *out_id,
                                    GError               **error);

/* Replaces the resource's opening hours. Periods of one day must not
 * overlap. */
gboolean    lh_resources_set_hours (LhStore               *store,
                                    gint64                 resource_id,
                                    const LhOpeningPeriod *periods,
                                    guint                  n_periods,
                                    GError               **error);

/* Active resources: PCs first, then rooms; within each, shorter names
 * first, then by name, so that PC 2 comes before PC 10. */
GPtrArray  *lh_resources_list      (LhStore               *store,
                                    GError               **error);

LhResource *lh_resources_get       (LhStore               *store,
                                    gint64                 resource_id,
                                    GError               **error);

/* Checks that each period lies within one day and that the periods of a
 * day do not overlap. */
gboolean    lh_opening_hours_check (const LhOpeningPeriod *periods,
                                    guint                  n_periods,
                                    GError               **error);

/* Parses "Mon-Fri 08:00-20:00; Sat 09:00-13:00" into periods. */
GArray     *lh_opening_hours_parse (const char            *text,
                                    GError               **error);

G_END_DECLS
