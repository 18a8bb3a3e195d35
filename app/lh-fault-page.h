/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Something is broken", from the welcome page without signing in: at
 * the desk kiosk which PC first, then what is wrong in one tap, which
 * sends the report at once; then a thank-you. */
#pragma once

#include <adwaita.h>

#include "lh-client.h"

G_BEGIN_DECLS

#define LH_TYPE_FAULT_PAGE (lh_fault_page_get_type ())
G_DECLARE_FINAL_TYPE (LhFaultPage, lh_fault_page, LH, FAULT_PAGE, AdwBin)

void     lh_fault_page_set_client (LhFaultPage *self,
                                   LhClient    *client);
/* this_pc (nullable): the name of this kiosk's PC; NULL at the desk
 * kiosk, where the page asks which PC. */
void     lh_fault_page_start      (LhFaultPage *self,
                                   const char  *this_pc);
/* Forgets the choices and the note, and stops a request in flight. */
void     lh_fault_page_reset      (LhFaultPage *self);
/* One step back within the page; FALSE at its first step. */
gboolean lh_fault_page_go_back    (LhFaultPage *self);

G_END_DECLS
