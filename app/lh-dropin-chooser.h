/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which drop-in to join when more than one is on now: a big button per
 * drop-in, with where it is, until when, how many wait and its ULRs. It
 * shows the daemon's list as it is and holds no rule. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LH_TYPE_DROPIN_CHOOSER (lh_dropin_chooser_get_type ())
G_DECLARE_FINAL_TYPE (LhDropinChooser, lh_dropin_chooser, LH, DROPIN_CHOOSER, AdwBin)

/* dropins (element-type LhDropin) (nullable): a button for each, in
 * order; now (the daemon's clock) says "on now" or "later today". The
 * "chosen" signal (gint64 id) tells which one was tapped. */
void lh_dropin_chooser_set_dropins (LhDropinChooser *self,
                                    GPtrArray       *dropins,
                                    GDateTime       *now);

G_END_DECLS
