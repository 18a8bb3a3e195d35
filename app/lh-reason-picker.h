/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reason for rejecting a request, by tapping one of a few plain
 * reasons or typing one (at most 200 characters): one reason, the last
 * given winning. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LH_TYPE_REASON_PICKER (lh_reason_picker_get_type ())
G_DECLARE_FINAL_TYPE (LhReasonPicker, lh_reason_picker, LH, REASON_PICKER, GtkBox)

/* reasons: NULL-terminated, untranslated (each is shown and given
 * translated). */
GtkWidget *lh_reason_picker_new        (const char * const *reasons);
/* The reason typed, or else the one tapped; NULL for none. (transfer full) */
char      *lh_reason_picker_get_reason (LhReasonPicker     *self);
void       lh_reason_picker_clear      (LhReasonPicker     *self);

G_END_DECLS
