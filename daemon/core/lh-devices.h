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
} LhDevice;

void       lh_device_free (LhDevice *device);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhDevice, lh_device_free)

/* Registers a device; returns its token, shown this once (only a hash is
 * kept). */
char      *lh_devices_add          (LhStore     *store,
                                    const char  *name,
                                    gint64       now,
                                    gint64      *out_id,
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
