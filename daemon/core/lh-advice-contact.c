/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The phone number or email address a learner gives when they choose to
 * be reached that way (issue 15): checked here, sealed with the topic
 * (lh-advice-sealed.c), forgotten on erasure. The kiosk only words the
 * refusals. */
#define G_LOG_DOMAIN "lh-advice"

#include "lh-advice.h"

#include <string.h>

#include "lh-error.h"

static gboolean
needs_detail (const char *contact)
{
  return g_strcmp0 (contact, "phone") == 0 || g_strcmp0 (contact, "email") == 0;
}

/* Digits and spaces, one + only at the start, 7 to 15 digits (the
 * longest number anywhere has 15). */
static gboolean
phone_is_valid (const char *phone)
{
  guint digits = 0;

  if (g_utf8_strlen (phone, -1) > LH_ADVICE_PHONE_MAX_CHARS)
    return FALSE;
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!(*p == ' ' || (*p == '+' && p == phone)))
        return FALSE;
    }
  return digits >= 7 && digits <= 15;
}

/* One @ with something before it, a domain with a dot inside it after
 * it, no spaces or control characters. Whether it reaches anyone only
 * the ULR's email can tell. */
static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (g_utf8_strlen (email, -1) > LH_ADVICE_EMAIL_MAX_CHARS || at == NULL || at == email ||
      strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = email; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return FALSE;
    }
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

gboolean
lh_advice_contact_detail_check (const char *contact, const char *detail, char **out_detail, GError **error)
{
  g_autofree char *trimmed = NULL;
  gboolean phone = g_strcmp0 (contact, "phone") == 0;

  g_return_val_if_fail (out_detail != NULL, FALSE);

  *out_detail = NULL;
  if (detail != NULL && !g_utf8_validate (detail, -1, NULL))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID, "The way to reach you is not valid text");
      lh_error_set_reason (error, phone ? "phone-invalid" : "email-invalid");
      return FALSE;
    }
  trimmed = g_strstrip (g_strdup (detail != NULL ? detail : ""));
  if (!needs_detail (contact))
    {
      if (*trimmed == '\0')
        return TRUE;
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   "A phone number or email address is only kept when you choose to be reached that way");
      lh_error_set_reason (error, "contact-detail-unwanted");
      return FALSE;
    }
  if (*trimmed == '\0')
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   phone ? "Give the phone number to reach you on" : "Give the email address to reach you at");
      lh_error_set_reason (error, phone ? "phone-needed" : "email-needed");
      return FALSE;
    }
  if (phone ? !phone_is_valid (trimmed) : !email_is_valid (trimmed))
    {
      g_set_error (error, LH_ERROR, LH_ERROR_INVALID,
                   phone ? "That does not read as a phone number: digits, spaces and + only, at most %d characters"
                         : "That does not read as an email address (at most %d characters)",
                   phone ? LH_ADVICE_PHONE_MAX_CHARS : LH_ADVICE_EMAIL_MAX_CHARS);
      lh_error_set_reason (error, phone ? "phone-invalid" : "email-invalid");
      lh_error_add_number (error, "max_chars", phone ? LH_ADVICE_PHONE_MAX_CHARS : LH_ADVICE_EMAIL_MAX_CHARS);
      return FALSE;
    }
  *out_detail = g_steal_pointer (&trimmed);
  return TRUE;
}
