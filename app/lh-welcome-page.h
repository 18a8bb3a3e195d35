/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The attract screen: "Tap to start", and the Large text and High
 * contrast switches (window actions kiosk.large-text / kiosk.high-contrast). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LH_TYPE_WELCOME_PAGE (lh_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (LhWelcomePage, lh_welcome_page, LH, WELCOME_PAGE, AdwBin)

/* On a PC's own kiosk: its name, and "Reserved from 14:00" (nullable);
 * pc_name NULL shows neither (a desk kiosk). */
void lh_welcome_page_set_pc (LhWelcomePage *self,
                             const char    *pc_name,
                             const char    *reserved);

G_END_DECLS
