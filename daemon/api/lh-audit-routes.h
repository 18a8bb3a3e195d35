/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which API changes go in the audit log, under what action code, and
 * whether the thing changed is named. Every change a route allows only to
 * an admin, ULR or committee member is one; a learner's own changes are
 * not (that a worker asked for advice is between them and their ULR). */
#pragma once

#include "lh-routes.h"

G_BEGIN_DECLS

/* The roles whose changes are audited. */
#define LH_AUDIT_ROLES (LH_ROLE_ADMIN | LH_ROLE_ULR | LH_ROLE_COMMITTEE)

/* Whether a change through route is audited: a change (not GET) that only
 * an admin, ULR or committee member may make. */
gboolean    lh_audit_route_is_audited (const LhRoute *route);

/* The action code of an audited route, and whether its entry names the
 * thing changed; NULL for a route with no action (a test holds every
 * audited route to having one). */
const char *lh_audit_route_action     (const LhRoute *route,
                                       gboolean      *names_subject);

/* After route's handler answered request inside the batch's transaction:
 * records the change if it was made (2xx) and is audited, by its route or
 * because the handler set request->audit_action (a change a ULR made to a
 * learner's things through a route anyone may use; the thing is not
 * named). FALSE if the entry could not be written: the batch then keeps
 * neither. */
gboolean    lh_audit_request          (LhRequest     *request,
                                       const LhRoute *route,
                                       GError       **error);

G_END_DECLS
