/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What to tell a person when something did not work: the kiosk's own
 * plain words for each LhClientError code, never a code or a status. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns: (transfer full) a short sentence or two, translated. */
char *lh_message_for_error (const GError *error);

G_END_DECLS
