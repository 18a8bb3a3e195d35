/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who asked about what, sealed: a request's topic, the way to reach the
 * learner and the outcomes are one value sealed with the notes key
 * (schema 20), so that a copy of the database alone tells no one who
 * asked about what. */
#pragma once

#include "lh-centre.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* Opens the database as learnhubd (and learnhubctl demo) do:
 * lh_store_open(), then checks that the centre's notes key is the one
 * the database's data was sealed with (schema 22 keeps a keyed hash;
 * before it, a sealed value must open), recording it the first time;
 * then seals what requests from before schema 20 hold in plain text, in
 * one transaction, and scrubs the WAL so that no plain copy is left.
 * LH_ERROR_INVALID, nothing sealed, for another key; LH_ERROR_INTERNAL
 * if there are plain rows and no key. */
LhStore *lh_advice_store_open (const char     *path,
                               const LhCentre *centre,
                               GError        **error);

/* Only checks, as lh_advice_store_open() does, that the centre's key is
 * the database's, recording and sealing nothing: for learnhubctl, whose
 * key may not be the service's. */
gboolean lh_advice_check_key   (LhStore        *store,
                                const LhCentre *centre,
                                GError        **error);

G_END_DECLS
