/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lh-error.h"

#include <string.h>

typedef struct
{
  const char *reason;  /* (unowned) a static string */
  const char *field;   /* (unowned) (nullable) the member too long */
  guint       max_chars;
  LhErrorNumber numbers[LH_ERROR_MAX_NUMBERS];
  guint       n_numbers;
  const char *text_name;  /* (unowned) (nullable) a static string */
  char       *text_value; /* (owned) (nullable) */
} LhErrorPrivate;

static void
lh_error_private_init (LhErrorPrivate *priv)
{
  memset (priv, 0, sizeof *priv);
}

static void
lh_error_private_copy (const LhErrorPrivate *src, LhErrorPrivate *dest)
{
  /* Every pointer in it is to a static string, but the text's value. */
  *dest = *src;
  dest->text_value = g_strdup (src->text_value);
}

static void
lh_error_private_clear (LhErrorPrivate *priv)
{
  g_free (priv->text_value);
  memset (priv, 0, sizeof *priv);
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

void
lh_error_add_number (GError **error, const char *name, gint64 value)
{
  LhErrorPrivate *priv;

  if (error == NULL || *error == NULL || (*error)->domain != LH_ERROR)
    return;
  priv = lh_error_get_private (*error);
  g_return_if_fail (priv->n_numbers < LH_ERROR_MAX_NUMBERS);
  priv->numbers[priv->n_numbers].name = name;
  priv->numbers[priv->n_numbers].value = value;
  priv->n_numbers++;
}

const LhErrorNumber *
lh_error_get_numbers (const GError *error, guint *out_n_numbers)
{
  *out_n_numbers = 0;
  if (error == NULL || error->domain != LH_ERROR)
    return NULL;
  *out_n_numbers = lh_error_get_private (error)->n_numbers;
  return lh_error_get_private (error)->numbers;
}

void
lh_error_set_text (GError **error, const char *name, const char *value)
{
  LhErrorPrivate *priv;

  if (error == NULL || *error == NULL || (*error)->domain != LH_ERROR)
    return;
  priv = lh_error_get_private (*error);
  priv->text_name = name;
  g_free (priv->text_value);
  priv->text_value = g_strdup (value);
}

const char *
lh_error_get_text (const GError *error, const char **out_value)
{
  if (out_value != NULL)
    *out_value = NULL;
  if (error == NULL || error->domain != LH_ERROR)
    return NULL;
  if (out_value != NULL)
    *out_value = lh_error_get_private (error)->text_value;
  return lh_error_get_private (error)->text_name;
}
