/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sign in: the staff number, then the PIN, on a big keypad. Emits
 * "signed-in" once the daemon accepted them. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"

G_BEGIN_DECLS

#define LH_TYPE_SIGN_IN_PAGE (lh_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (LhSignInPage, lh_sign_in_page, LH, SIGN_IN_PAGE, AdwBin)

void     lh_sign_in_page_set_client (LhSignInPage *self,
                                     LhClient     *client);
/* Back to an empty staff number; cancels a sign-in in flight. */
void     lh_sign_in_page_reset      (LhSignInPage *self);
/* Returns: TRUE if the page went back a step itself. */
gboolean lh_sign_in_page_go_back    (LhSignInPage *self);
/* On a PC's own kiosk, a line above the steps ("PC 3 · Reserved from
 * 14:00"); NULL hides it. */
void     lh_sign_in_page_set_pc     (LhSignInPage *self,
                                     const char   *text);

G_END_DECLS
