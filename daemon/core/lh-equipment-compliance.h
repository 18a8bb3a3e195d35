/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The centre's equipment against the agreed minimum, over a period: how
 * many items of each kind worked, at the end and at the worst moment, and
 * for how long fewer worked than the agreement in force then asked. */
#pragma once

#include "lh-equipment.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* A quarter to today by default (the API's and learnhubctl's): the
 * committee reviews the equipment quarterly. */
#define LH_EQUIPMENT_COMPLIANCE_DEFAULT_DAYS 91
/* Five years at most: a period's changes are read, not its bookings. */
#define LH_EQUIPMENT_COMPLIANCE_MAX_DAYS (5 * 366)

typedef struct
{
  const char *kind;             /* (unowned) one of lh_equipment_kinds */
  int         minimum;          /* agreed at the end of the period; 0: none */
  int         working_at_end;
  int         working_lowest;   /* at any moment of the period */
  gint64      seconds_below;    /* within the period, below the minimum
                                 * in force at the time */
} LhEquipmentCompliance;

/* One entry per kind, in the order of lh_equipment_kinds, for the
 * period [from, to). LH_ERROR_INVALID unless from < to. Reads each item's
 * status at from (one index lookup per item of the inventory) and the
 * changes within the period (an index range by time): never the whole
 * history. */
gboolean lh_equipment_compliance (LhStore               *store,
                                  gint64                 from,
                                  gint64                 to,
                                  LhEquipmentCompliance  out[LH_EQUIPMENT_N_KINDS],
                                  GError               **error);

G_END_DECLS
