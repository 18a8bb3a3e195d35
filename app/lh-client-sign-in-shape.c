/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-client"

#include <json-glib/json-glib.h>

#include "lh-client-private.h"
#include "lh-client-sign-in-shape.h"

/* A length the keypad can use: a small whole number, else not fixed. */
static int
read_length (JsonObject *body,
             const char *member)
{
  JsonNode *node = json_object_get_member (body, member);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  value = json_node_get_int (node);
  return value > 0 && value <= 32 ? (int) value : 0;
}

static gpointer
parse_shape (LhClient    *self,
             JsonObject  *body,
             GError     **error)
{
  LhSignInShape *shape = g_new0 (LhSignInShape, 1);

  shape->staff_number_digits = read_length (body, "staff_number_digits");
  shape->guest_number_length = read_length (body, "guest_number_length");
  shape->pin_digits = read_length (body, "pin_digits");
  return shape;
}

void
lh_client_get_sign_in_shape_async (LhClient            *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (LH_IS_CLIENT (self));

  lh_client_send_request (self, "GET", "/sign-in-shape", NULL, LH_AUTH_DEVICE, parse_shape, g_free,
                          lh_client_get_sign_in_shape_async, cancellable, callback, user_data);
}

LhSignInShape *
lh_client_get_sign_in_shape_finish (LhClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return lh_client_check_finish (self, result, lh_client_get_sign_in_shape_async, error);
}
