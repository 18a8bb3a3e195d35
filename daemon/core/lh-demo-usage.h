/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo centre's PCs at work: a kiosk on each PC, and three months of
 * sittings at them (bookings checked in, walk-ups, no-shows released),
 * made through the same code as real ones. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *pc_name;      /* (owned) */
  char *device_name;  /* (owned) */
  char *token;        /* (owned) */
} LhDemoKiosk;

void lh_demo_kiosk_free (LhDemoKiosk *kiosk);

/* The demo's PCs are not alike, so that their usage is not: the first,
 * by the window, is everyone's favourite; the last, by the door with an
 * old slow screen, is where people sit only when nothing else is free. */
#define LH_DEMO_FAVOURITE_PC 0

/* Whether someone who meant to sit at PC number pc of n_pcs goes for the
 * favourite instead, given a draw in [0, 1). */
gboolean lh_demo_prefers_favourite (guint pc, guint n_pcs, double draw);

/* A kiosk device for each PC of pc_ids, alive as of now (element-type
 * LhDemoKiosk, in PC order). */
GPtrArray *lh_demo_add_pc_kiosks   (LhStore        *store,
                                    GArray         *pc_ids,
                                    gint64          now,
                                    GError        **error);

/* The PC (its number, PC 4) whose kiosk has been silent for so long: the
 * others' kiosks were heard just now. tools/demo beats for all but it. */
#define LH_DEMO_SILENT_PC      4
#define LH_DEMO_SILENT_MINUTES 40

/* From history_start to now: most PC bookings checked in within minutes
 * of their start and ended by signing out, idling or time up; about one
 * in eight a no-show, released after the hold; and walk-ups in the gaps.
 * Then two people sitting at PCs now, if the centre is open, and every
 * PC's kiosk heard now but LH_DEMO_SILENT_PC's. */
gboolean   lh_demo_add_usage       (LhStore        *store,
                                    const LhCentre *centre,
                                    GRand          *rand,
                                    GArray         *learner_ids,
                                    GArray         *pc_ids,
                                    gint64          history_start,
                                    gint64          now,
                                    GError        **error);

G_END_DECLS
