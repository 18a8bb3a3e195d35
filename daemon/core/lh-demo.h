/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A demo centre with realistic data, so a newcomer sees learnhub working. */
#pragma once

#include "lh-centre.h"
#include "lh-demo-usage.h"
#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  char  *staff_number;  /* (owned) */
  char  *pin;           /* (owned) */
  char  *name;          /* (owned) */
  guint  roles;
  gboolean guest;       /* family or a friend of staff */
} LhDemoAccount;

typedef struct
{
  char      *device_name;   /* (owned) */
  char      *device_token;  /* (owned) */
  GPtrArray *accounts;      /* (owned) (element-type LhDemoAccount) */
  GPtrArray *pc_kiosks;     /* (owned) (element-type LhDemoKiosk) */
  guint      n_resources;
  guint      n_bookings;    /* bookings made, past and future */
} LhDemoCentre;

void lh_demo_centre_free (LhDemoCentre *demo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDemoCentre, lh_demo_centre_free)

/* Fills an empty database: 8 PCs and a group room with opening hours,
 * 40 staff (2 ULRs, 1 committee member, 1 admin) and 2 guests with PINs, a
 * desk kiosk and a kiosk on each PC, three months of bookings up to a
 * week ahead and of sittings at the PCs, all made through the same rules
 * as real ones. Refuses a database with people. */
LhDemoCentre *lh_demo_create (LhStore        *store,
                              const LhCentre *centre,
                              gint64          now,
                              GError        **error);

/* The most years of history lh_demo_create_with_years makes. */
#define LH_DEMO_MAX_YEARS 10

/* The same centre with `years` (0 to LH_DEMO_MAX_YEARS) of history before
 * its last three months (lh-demo-history.c): for benchmarks and the
 * committee's reports. 0 is lh_demo_create. */
LhDemoCentre *lh_demo_create_with_years (LhStore        *store,
                                         const LhCentre *centre,
                                         guint           years,
                                         gint64          now,
                                         GError        **error);

G_END_DECLS
