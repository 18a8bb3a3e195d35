/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The configuration file shared by learnhubd and learnhubctl (GKeyFile):
 *
 *   [daemon]
 *   database=/var/lib/learnhub/learnhub.db
 *   listen=127.0.0.1:8080
 *   tls-certificate=/etc/learnhub/tls.crt
 *   tls-key=/etc/learnhub/tls.key
 *   max-connections=0
 *   connection-idle-seconds=75
 *
 *   [centre]
 *   timezone=Europe/London
 *   max-booking-minutes=120
 */
#pragma once

#include "lh-centre.h"

G_BEGIN_DECLS

#define LH_CONFIG_DEFAULT_PATH "/etc/learnhub/learnhubd.conf"
/* [daemon] connection-idle-seconds when not given: longer than a client
 * keeps an idle connection (libsoup's 60 s), so that the kiosk, not the
 * daemon, closes it, and never while sending on it. */
#define LH_CONFIG_IDLE_SECONDS 75

typedef struct
{
  char     *database;   /* (owned) */
  char     *listen;     /* (owned) */
  char     *tls_cert;   /* (owned) (nullable) */
  char     *tls_key;    /* (owned) (nullable) */
  char     *notes_key;  /* (owned) the notes key's file: [daemon] notes-key,
                         * by default the database's path + ".key" */
  LhCentre *centre;     /* (owned) */
  guint     max_connections;  /* 0: from the descriptor limit */
  guint     idle_seconds;     /* a connection with no request is closed (0: never) */
} LhConfig;

/* Loads path; with path NULL, the default file if it exists, else the
 * built-in defaults. */
LhConfig *lh_config_load (const char  *path,
                          GError     **error);
void      lh_config_free (LhConfig    *config);
/* Opens (creating if need be) the notes key into config->centre. */
gboolean  lh_config_open_note_key (LhConfig  *config,
                                   GError   **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhConfig, lh_config_free)

G_END_DECLS
