/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-messages"

#include "lh-messages.h"

#include <glib/gi18n.h>

#include "lh-client.h"
#include "lh-refusal-words.h"
#include "lh-time-format.h"

char *
lh_message_for_error (const GError *error)
{
  char *words;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != LH_CLIENT_ERROR)
    return g_strdup (_("Something went wrong. Please try again."));

  /* A refusal with a reason the kiosk knows: its own words and numbers. */
  if ((words = lh_refusal_words (error)) != NULL)
    return words;

  switch ((LhClientError) error->code)
    {
    case LH_CLIENT_ERROR_UNAUTHORIZED:
      return g_strdup (_("You are signed out. Please sign in again."));
    case LH_CLIENT_ERROR_FORBIDDEN:
      return g_strdup (_("You cannot do this with your account. Please ask a learning rep."));
    case LH_CLIENT_ERROR_NOT_FOUND:
      return g_strdup (_("This is not there any more. Please go back and look again."));
    case LH_CLIENT_ERROR_CONFLICT:
      return g_strdup (_("Someone else has just taken this time. Please pick another time."));
    case LH_CLIENT_ERROR_INVALID:
      /* A reason the kiosk does not know: never the daemon's English
       * detail, which is not in the person's language. */
      return g_strdup (_("That did not work. Please try again, or ask a member of staff."));
    case LH_CLIENT_ERROR_LOCKED:
      {
        GDateTime *until = lh_client_error_get_locked_until (error);
        g_autofree char *clock = until ? lh_format_clock (until) : NULL;

        if (clock != NULL)
          /* Translators: %s is a time of day, e.g. 14:35 */
          return g_strdup_printf (_("Too many wrong PINs. You can try again at %s."), clock);
        return g_strdup (_("Too many wrong PINs. Please try again later."));
      }
    case LH_CLIENT_ERROR_KIOSK_SLOWED:
      {
        GDateTime *until = lh_client_error_get_locked_until (error);
        g_autofree char *clock = until ? lh_format_clock (until) : NULL;

        /* The kiosk is held, not the person: another kiosk works. */
        if (clock != NULL)
          /* Translators: %s is a time of day, e.g. 14:35 */
          return g_strdup_printf (_("Too many wrong PINs at this kiosk. Please use another kiosk, or try again here at %s."), clock);
        return g_strdup (_("This kiosk is still checking a PIN. Please wait a moment and try again."));
      }
    case LH_CLIENT_ERROR_NETWORK:
    case LH_CLIENT_ERROR_TLS:
    case LH_CLIENT_ERROR_UNAVAILABLE:
      return g_strdup (_("The kiosk cannot reach the booking system just now. Please try again in a minute."));
    case LH_CLIENT_ERROR_BAD_REQUEST:
    case LH_CLIENT_ERROR_SERVER:
    default:
      return g_strdup (_("Something went wrong. Please try again, or ask a learning rep."));
    }
}
