/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's kiosk settings as the daemon keeps them: read from sign-in's
 * `settings`, saved with PUT /api/v1/me/settings. */
#pragma once

#include <json-glib/json-glib.h>

#include "lh-client.h"
#include "lh-types.h"

G_BEGIN_DECLS

/* Reads sign-in's `settings` into @person; missing: the centre's defaults. */
void     lh_person_read_settings          (LhPerson         *person,
                                           JsonObject       *session);

/* Saves the signed-in person's settings; language "" saves null. */
void     lh_client_save_settings_async    (LhClient           *self,
                                           const LhSettings   *settings,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean lh_client_save_settings_finish   (LhClient      *self,
                                           GAsyncResult  *result,
                                           GError       **error);

G_END_DECLS
