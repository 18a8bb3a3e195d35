/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-qr-code"

#include "lh-qr-code.h"

#include <errno.h>
#include <string.h>

#include <qrencode.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

#define BYTES_PER_PIXEL 3
#define MAX_TEXTURE_PX 4096

static QRcode *
encode (const char  *text,
        GError     **error)
{
  QRcode *code;

  errno = 0;
  /* Version 0: the smallest symbol the text fits in. */
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, saved == ERANGE ? G_IO_ERROR_INVALID_DATA : g_io_error_from_errno (saved),
                   "Cannot make a QR code of %" G_GSIZE_FORMAT " bytes: %s",
                   strlen (text), saved == ERANGE ? "too long" : g_strerror (saved));
    }
  return code;
}

static GdkTexture *
render (const QRcode  *code,
        int            module_px,
        GError       **error)
{
  int side = code->width + 2 * LH_QR_CODE_QUIET_ZONE;
  gsize stride;
  g_autofree guchar *pixels = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (module_px < 1 || side > MAX_TEXTURE_PX / module_px)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "A QR code of %d modules cannot be %d pixels a module", side, module_px);
      return NULL;
    }

  stride = (gsize) side * module_px * BYTES_PER_PIXEL;
  /* White everywhere, then each dark module as a black square. */
  pixels = g_malloc (stride * side * module_px);
  memset (pixels, 0xff, stride * side * module_px);
  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      {
        if ((code->data[y * code->width + x] & 1) == 0)
          continue;
        for (int row = 0; row < module_px; row++)
          {
            gsize top = ((gsize) (y + LH_QR_CODE_QUIET_ZONE) * module_px + row) * stride;
            gsize left = (gsize) (x + LH_QR_CODE_QUIET_ZONE) * module_px * BYTES_PER_PIXEL;

            memset (pixels + top + left, 0x00, (gsize) module_px * BYTES_PER_PIXEL);
          }
      }

  bytes = g_bytes_new_take (g_steal_pointer (&pixels), stride * side * module_px);
  return gdk_memory_texture_new (side * module_px, side * module_px,
                                 GDK_MEMORY_R8G8B8, bytes, stride);
}

GdkTexture *
lh_qr_code_render (const char  *text,
                   int          module_px,
                   int         *modules,
                   GError     **error)
{
  g_autoptr(QRcode) code = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (module_px > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  code = encode (text, error);
  if (code == NULL)
    return NULL;
  if (modules != NULL)
    *modules = code->width;
  return render (code, module_px, error);
}

GdkTexture *
lh_qr_code_render_at_least (const char  *text,
                            int          min_px,
                            int         *modules,
                            GError     **error)
{
  g_autoptr(QRcode) code = NULL;
  int side;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (min_px > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  code = encode (text, error);
  if (code == NULL)
    return NULL;
  if (modules != NULL)
    *modules = code->width;
  side = code->width + 2 * LH_QR_CODE_QUIET_ZONE;
  return render (code, MAX ((min_px + side - 1) / side, 1), error);
}
