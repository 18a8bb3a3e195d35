/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-error.h"

typedef struct
{
  const char *reason;  /* (unowned) a static string */
} LhErrorPrivate;

static void
lh_error_private_init (LhErrorPrivate *priv)
{
  priv->reason = NULL;
}

static void
lh_error_private_copy (const LhErrorPrivate *src, LhErrorPrivate *dest)
{
  dest->reason = src->reason;
}

static void
lh_error_private_clear (LhErrorPrivate *priv)
{
  priv->reason = NULL;
}

G_DEFINE_EXTENDED_ERROR (LhError, lh_error)

void
lh_error_set_reason (GError **error, const char *reason)
{
  LhErrorPrivate *priv;

  if (error == NULL || *error == NULL || (*error)->domain != LH_ERROR)
    return;
  priv = lh_error_get_private (*error);
  if (priv->reason == NULL)
    priv->reason = reason;
}

const char *
lh_error_get_reason (const GError *error)
{
  if (error == NULL || error->domain != LH_ERROR)
    return NULL;
  return lh_error_get_private (error)->reason;
}
