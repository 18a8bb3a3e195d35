/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kiosk devices: each registered with its own bearer token. */
#pragma once

#include "lh-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64    id;
  char     *name;          /* (owned) */
  gint64    created_at;
  gint64    last_seen_at;  /* 0: never */
  gboolean  revoked;
  gint64    resource_id;   /* the PC it is the kiosk of; 0: a desk or display */
  gint64    heartbeat_at;  /* 0: never */
  gint64    wrong_pins;    /* wrong PINs counted against it now (see lh-pin-guard.h) */
  gint64    slowed_until;  /* it waits until then before a sign-in; 0: never made to */
} LhDevice;

/* A kiosk beats this often; a PC's kiosk is offline when it has not beaten
 * for LH_DEVICE_SILENT_SECONDS. */
#define LH_DEVICE_HEARTBEAT_SECONDS 30
#define LH_DEVICE_SILENT_SECONDS    120

void       lh_device_free (LhDevice *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDevice, lh_device_free)

/* Registers a device; returns its token, shown this once (only a hash is
 * kept). */
char      *lh_devices_add          (LhStore     *store,
                                    const char  *name,
                                    gint64       now,
                                    gint64      *out_id,
                                    GError     **error);

/* Makes the device the kiosk of the PC resource_id (0: of none). A PC has
 * one kiosk. */
gboolean   lh_devices_set_pc       (LhStore     *store,
                                    const char  *name,
                                    gint64       resource_id,
                                    GError     **error);

/* The device is alive now. */
gboolean   lh_devices_heartbeat    (LhStore     *store,
                                    gint64       device_id,
                                    gint64       now,
                                    GError     **error);

/* Whether the PC's kiosk is online: *out_has_kiosk FALSE if the PC has
 * none; else *out_online says if it beat within LH_DEVICE_SILENT_SECONDS. */
/* The PC that device_id is the kiosk of, or 0 (the desk kiosk, or no
 * such device). */
gboolean   lh_devices_get_pc       (LhStore     *store,
                                    gint64       device_id,
                                    gint64      *out_resource_id,
                                    GError     **error);
gboolean   lh_devices_pc_online    (LhStore     *store,
                                    gint64       resource_id,
                                    gint64       now,
                                    gboolean    *out_has_kiosk,
                                    gboolean    *out_online,
                                    GError     **error);

/* The id of the live device holding token, or LH_ERROR_UNAUTHORIZED. */
gboolean   lh_devices_authenticate (LhStore     *store,
                                    const char  *token,
                                    gint64       now,
                                    gint64      *out_id,
                                    GError     **error);

/* Revoking a device also ends every session signed in on it. */
gboolean   lh_devices_revoke       (LhStore     *store,
                                    const char  *name,
                                    gint64       now,
                                    GError     **error);

GPtrArray *lh_devices_list         (LhStore     *store,
                                    GError     **error);

G_END_DECLS
