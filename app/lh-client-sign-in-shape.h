/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Before sign-in: how long the centre's staff numbers and PINs are, when
 * they are all one length (GET /api/v1/sign-in-shape), so that the keypad
 * moves on by itself after the last digit. The daemon decides; 0 means
 * not fixed, and the keypad keeps its Next and Sign in buttons. */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

typedef struct
{
  int staff_number_digits;  /* 0: not fixed */
  int guest_number_length;  /* G and digits; 0: not known */
  int pin_digits;           /* 0: not fixed */
} LhSignInShape;

void           lh_client_get_sign_in_shape_async  (LhClient            *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
/* Returns: (transfer full) free with g_free() */
LhSignInShape *lh_client_get_sign_in_shape_finish (LhClient      *self,
                                                   GAsyncResult  *result,
                                                   GError       **error);

G_END_DECLS
