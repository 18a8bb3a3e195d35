/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's own PC: what the daemon says about this device (GET
 * /api/v1/devices/current) and the sitting of the person signed in at it
 * (`usage`, as in GET /api/v1/me/usage). Times are in the centre's zone. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A sitting at a PC. */
typedef struct
{
  gint64     id;
  gint64     resource_id;
  char      *resource_name;     /* (owned) "PC 3" */
  gboolean   walk_up;           /* kind "walk-up", else "booked" */
  GDateTime *started_at;        /* (owned) */
  GDateTime *ends_at;           /* (owned) when the time is up */
  GDateTime *ended_at;          /* (owned) (nullable) once ended */
  char      *end_reason;        /* (owned) (nullable) "booking-end", "moved"… */
  GDateTime *can_extend_until;  /* (owned) (nullable) how far "More time" reaches */
} LhUsage;

/* The PC a kiosk belongs to: never whose booking holds it. */
typedef struct
{
  gint64     id;
  char      *name;            /* (owned) "PC 3" */
  gboolean   in_use;
  GDateTime *reserved_from;   /* (owned) (nullable) the booking now or next today */
  GDateTime *reserved_until;  /* (owned) (nullable) */
} LhDevicePc;

/* This kiosk device. */
typedef struct
{
  gint64      id;
  char       *name;               /* (owned) */
  int         heartbeat_seconds;
  LhDevicePc *pc;                 /* (owned) (nullable) NULL for a desk kiosk */
} LhDevice;

#define LH_TYPE_USAGE (lh_usage_get_type ())

GType       lh_usage_get_type   (void) G_GNUC_CONST;
LhUsage    *lh_usage_copy       (const LhUsage *usage);
void        lh_usage_free       (LhUsage *usage);
void        lh_device_free      (LhDevice *device);

/* Parsers, as those of lh-types.h: tz (nullable) is the zone times are
 * converted to; G_IO_ERROR_INVALID_DATA on a missing or mistyped field. */
LhUsage    *lh_usage_from_json  (JsonObject  *object,
                                 GTimeZone   *tz,
                                 GError     **error);
LhDevice   *lh_device_from_json (JsonObject  *object,
                                 GTimeZone   *tz,
                                 GError     **error);
/* The `usage` member of object: TRUE and *out_usage NULL when it is null
 * or missing. */
gboolean    lh_usage_member_from_json (JsonObject  *object,
                                       GTimeZone   *tz,
                                       LhUsage    **out_usage,
                                       GError     **error);

/* "Reserved from 14:00" or, when the booking holds the PC at now,
 * "Reserved until 15:00"; NULL when nothing is booked today. Never whose.
 * Returns: (transfer full) (nullable) */
char       *lh_device_pc_format_reserved (const LhDevicePc *pc,
                                          GDateTime        *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhUsage, lh_usage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDevice, lh_device_free)

G_END_DECLS
