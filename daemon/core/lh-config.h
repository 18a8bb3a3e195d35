/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The configuration file shared by learnhubd and learnhubctl (GKeyFile):
 *
 *   [daemon]
 *   database=/var/lib/learnhub/learnhub.db
 *   listen=127.0.0.1:8080
 *   tls-certificate=/etc/learnhub/tls.crt
 *   tls-key=/etc/learnhub/tls.key
 *   notes-key=/etc/learnhub/notes.key
 *   max-connections=0
 *   connection-idle-seconds=75
 *
 *   [backup]
 *   directory=/var/backups/learnhub   (by default "backups" beside the database)
 *   every-hours=24                    (0: none made by learnhubd)
 *   keep=7
 *
 *   [centre]
 *   timezone=Europe/London
 *   max-booking-minutes=120
 *   pin-digits=4            (optional: every PIN has 4 digits)
 *   idle-seconds=60              (a kiosk untouched this long warns,
 *   idle-long-page-seconds=150    or this long on a page taller than
 *   idle-warning-seconds=30       its screen; the warning lasts this long)
 */
#pragma once

#include "lh-centre.h"

G_BEGIN_DECLS

#define LH_CONFIG_DEFAULT_PATH "/etc/learnhub/learnhubd.conf"
/* [daemon] connection-idle-seconds when not given: longer than a client
 * keeps an idle connection (libsoup's 60 s), so that the kiosk, not the
 * daemon, closes it, and never while sending on it. */
#define LH_CONFIG_IDLE_SECONDS 75
/* [backup] when not given: one a day, a week of them. */
#define LH_CONFIG_BACKUP_EVERY_HOURS 24
#define LH_CONFIG_BACKUP_KEEP 7

typedef struct
{
  char     *database;   /* (owned) */
  char     *listen;     /* (owned) */
  char     *tls_cert;   /* (owned) (nullable) */
  char     *tls_key;    /* (owned) (nullable) */
  char     *notes_key;  /* (owned) (nullable) [daemon] notes-key: the notes
                         * key's file (see lh_config_open_note_key()) */
  LhCentre *centre;     /* (owned) */
  guint     max_connections;  /* 0: from the descriptor limit */
  guint     idle_seconds;     /* a connection with no request is closed (0: never) */
  char     *backup_dir;       /* (owned) (nullable) see lh_config_backup_directory() */
  guint     backup_every_hours;  /* 0: learnhubd makes none */
  guint     backup_keep;
} LhConfig;

/* Loads path; with path NULL, the default file if it exists, else the
 * built-in defaults. */
LhConfig *lh_config_load (const char  *path,
                          GError     **error);
void      lh_config_free (LhConfig    *config);
/* Where backups go: [backup] directory, else "backups" beside the
 * database (on the same disk: the README says to point it elsewhere). */
char     *lh_config_backup_directory (const LhConfig *config);
/* The systemd credential that holds the notes key (LoadCredential=). */
#define LH_CONFIG_NOTE_KEY_CREDENTIAL "notes-key"

/* Opens the notes key into config->centre, kept apart from the database:
 * where [daemon] notes-key says; else the systemd credential
 * "notes-key" in $CREDENTIALS_DIRECTORY; else, for a centre set up by an
 * older learnhub, the database's path + ".key" (logging that it should
 * move); else lh_config_default_note_key_path(). Creates it there (mode
 * 0600) if need be, but never in the credentials directory. */
gboolean  lh_config_open_note_key (LhConfig  *config,
                                   GError   **error);
/* As lh_config_open_note_key(), but never creates one: for a program
 * other than learnhubd, whose new key would not be the centre's.
 * LH_ERROR_NOT_FOUND if there is none where it looks. */
gboolean  lh_config_read_note_key (LhConfig  *config,
                                   GError   **error);
/* $XDG_CONFIG_HOME/learnhub/notes.key: the user's, not the centre's data. */
char     *lh_config_default_note_key_path (void);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhConfig, lh_config_free)

G_END_DECLS
