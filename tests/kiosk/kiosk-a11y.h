/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The accessible tree of the kiosk, as a screen reader reads it over
 * AT-SPI (see a11y-walk.c), checked page by page. */
#pragma once

#include "lh-window.h"

G_BEGIN_DECLS

typedef enum
{
  KIOSK_A11Y_NAMES,    /* every control named, its name holds its label's words */
  KIOSK_A11Y_MARKERS,  /* every text inside the pseudo-translation's markers */
} KioskA11yCheck;

/* Walks what the window shows now and keeps what is wrong, under the
 * page's name; allowed: data shown as it is (names…), for MARKERS. */
void  kiosk_a11y_walk      (LhWindow            *window,
                            KioskA11yCheck       check,
                            const char          *page,
                            const char * const  *allowed);
/* Every problem found so far, one a line; NULL when there is none. */
char *kiosk_a11y_problems  (void);
/* How many pages were walked. */
guint kiosk_a11y_pages     (void);

G_END_DECLS
