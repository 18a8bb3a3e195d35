/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The centre's settings from the daemon's configuration file: its time zone
 * and the booking limits. (Later, dated rule versions in the database.) */
#pragma once

#include <glib.h>

#include "lh-note-key.h"

G_BEGIN_DECLS

/* The shortest idle warning a centre may set (WCAG 2.2.1). */
#define LH_CENTRE_MIN_IDLE_WARNING_SECONDS 20

typedef struct
{
  char      *name;                 /* (owned) as people call it */
  char      *timezone_id;          /* (owned) e.g. "Europe/London" */
  GTimeZone *tz;                   /* (owned) */
  int        min_booking_minutes;  /* shortest booking */
  int        max_booking_minutes;  /* longest booking */
  int        session_minutes;      /* how long a sign-in lasts */
  int        horizon_days;         /* how far ahead one may book */
  char      *public_url;           /* (owned) (nullable) how phones reach the
                                    * daemon, e.g. "https://learning.example.org:8443";
                                    * NULL: links are relative to the kiosk's address */
  int        pin_digits;           /* every PIN has this many digits, as
                                    * the centre promises ([centre]
                                    * pin-digits); 0: 4 to 8, not fixed */
  int        advice_retention_months;  /* advice records go this long after
                                        * the last contact */
  /* A kiosk left untouched: this long before it warns (longer on a page
   * taller than the screen, which takes longer to read), then a warning
   * of this length before it signs out. WCAG 2.2.1 asks for 20 s at least. */
  int        idle_seconds;
  int        idle_long_page_seconds;
  int        idle_warning_seconds;
  LhNoteKey *note_key;             /* (owned) (nullable) seals advice notes;
                                    * set by whoever opens the database */
} LhCentre;

LhCentre *lh_centre_new_default (void);
/* Reads the [centre] group of key_file over the defaults; unknown keys are
 * left alone, bad values are an error naming the key. */
LhCentre *lh_centre_new_from_key_file (GKeyFile  *key_file,
                                       GError   **error);
void      lh_centre_free (LhCentre *centre);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhCentre, lh_centre_free)

G_END_DECLS
