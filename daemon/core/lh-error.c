/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-error.h"

typedef struct
{
  const char *reason;  /* (unowned) a static string */
  const char *field;   /* (unowned) (nullable) the member too long */
  guint       max_chars;
} LhErrorPrivate;

static void
lh_error_private_init (LhErrorPrivate *priv)
{
  priv->reason = NULL;
  priv->field = NULL;
  priv->max_chars = 0;
}

static void
lh_error_private_copy (const LhErrorPrivate *src, LhErrorPrivate *dest)
{
  dest->reason = src->reason;
  dest->field = src->field;
  dest->max_chars = src->max_chars;
}

static void
lh_error_private_clear (LhErrorPrivate *priv)
{
  priv->reason = NULL;
  priv->field = NULL;
  priv->max_chars = 0;
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

void
lh_error_set_max_chars (GError **error, guint max_chars)
{
  if (error == NULL || *error == NULL || (*error)->domain != LH_ERROR)
    return;
  lh_error_get_private (*error)->max_chars = max_chars;
}

void
lh_error_set_too_long (GError **error, const char *field, guint max_chars)
{
  lh_error_set_reason (error, "text-too-long");
  lh_error_set_max_chars (error, max_chars);
  if (error == NULL || *error == NULL || (*error)->domain != LH_ERROR)
    return;
  lh_error_get_private (*error)->field = field;
}

guint
lh_error_get_max_chars (const GError *error, const char **out_field)
{
  if (error == NULL || error->domain != LH_ERROR)
    return 0;
  if (out_field != NULL)
    *out_field = lh_error_get_private (error)->field;
  return lh_error_get_private (error)->max_chars;
}
