/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk application: reads the settings (GSettings, then the
 * environment, then the command line) and opens the window. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LH_APPLICATION_ID "org.learnhub.Kiosk"

#define LH_TYPE_APPLICATION (lh_application_get_type ())
G_DECLARE_FINAL_TYPE (LhApplication, lh_application, LH, APPLICATION, AdwApplication)

LhApplication *lh_application_new (void);

G_END_DECLS
