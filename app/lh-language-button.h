/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The language choice on the welcome page: one button for each of the
 * kiosk's languages, named in itself (English, Polski, Română, العربية),
 * each switching the whole kiosk at once (window action kiosk.language). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LH_TYPE_LANGUAGE_BUTTON (lh_language_button_get_type ())
G_DECLARE_FINAL_TYPE (LhLanguageButton, lh_language_button, LH, LANGUAGE_BUTTON, GtkWidget)

G_END_DECLS
