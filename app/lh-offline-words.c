/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-offline-words"

#include "lh-offline-words.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

static char *
format_since (GDateTime *since,
              GDateTime *now)
{
  g_autofree char *clock = NULL;
  g_autofree char *day = NULL;

  if (since == NULL)
    return g_strdup (_("Not answering: its kiosk has never been heard from."));
  clock = lh_format_clock (since);
  if (lh_same_day (since, now))
    /* Translators: a PC whose kiosk is silent, "Not answering since 09:40." */
    return g_strdup_printf (_("Not answering since %s."), clock);
  day = lh_format_day_long (since);
  /* Translators: "Not answering since Monday 23 November, 17:10." */
  return g_strdup_printf (_("Not answering since %s, %s."), day, clock);
}

char *
lh_format_offline_note (const LhResourceDay *resource,
                        GDateTime           *now)
{
  g_autofree char *since = NULL;

  g_return_val_if_fail (resource != NULL && now != NULL, NULL);

  if (!resource->kiosk_offline)
    return NULL;
  since = format_since (resource->offline_since, now);
  if (resource->offline_booking_kept)
    /* Translators: after "Not answering since 09:40." */
    return g_strdup_printf (_("%s You can still book it. If it is still not working when you come, ask at the "
                              "desk: your booking is kept for you."), since);
  /* Translators: after "Not answering since 09:40." */
  return g_strdup_printf (_("%s You can still book it. If it is still not working when you come, ask at the "
                            "desk."), since);
}
