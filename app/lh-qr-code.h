/* SPDX-License-Identifier: GPL-3.0-or-later */
/* QR codes (libqrencode) as crisp textures: black modules on white, each
 * a whole number of pixels, with the standard quiet zone of 4 modules on
 * every side, so that a phone camera finds it on any background. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LH_QR_CODE_QUIET_ZONE 4

/* The QR code of text (error correction M), each module module_px
 * pixels square. modules: (out) (optional) the symbol's width in modules,
 * without the quiet zone. Returns: (transfer full) (nullable) a square
 * texture (modules + 8) * module_px wide, or NULL with error when text
 * cannot be encoded. */
GdkTexture *lh_qr_code_render          (const char  *text,
                                        int          module_px,
                                        int         *modules,
                                        GError     **error);
/* The same with the smallest whole module size that makes the texture at
 * least min_px wide. */
GdkTexture *lh_qr_code_render_at_least (const char  *text,
                                        int          min_px,
                                        int         *modules,
                                        GError     **error);

G_END_DECLS
