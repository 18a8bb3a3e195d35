/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-fault-page"

#include "lh-fault-words.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

/* Only bookings before moved_until moved now: later ones move nearer
 * their day, if the PC is still out of order then. */
static void
append_bookings (GString             *text,
                 const LhFaultReport *report)
{
  g_autoptr(GDateTime) last_day = g_date_time_add_seconds (report->moved_until, -1);
  g_autofree char *day = lh_format_day_long (last_day);
  guint moved = (guint) report->bookings_moved;
  guint cancelled = (guint) report->bookings_cancelled;

  g_string_append_c (text, ' ');
  if (moved == 0 && cancelled == 0)
    /* Translators: %s is a day, "Friday 4 December" */
    g_string_append_printf (text, _("No booking of it up to the end of %s needed moving."), day);
  if (moved > 0)
    /* Translators: %s is a day, "Friday 4 December" */
    g_string_append_printf (text, ngettext ("%u booking of it up to the end of %s has moved to another PC.",
                                            "%u bookings of it up to the end of %s have moved to another PC.",
                                            moved),
                            moved, day);
  if (moved > 0 && cancelled > 0)
    g_string_append_c (text, ' ');
  if (cancelled > 0 && moved > 0)
    g_string_append_printf (text, ngettext ("%u more was cancelled, as no other PC was free then.",
                                            "%u more were cancelled, as no other PC was free then.", cancelled),
                            cancelled);
  else if (cancelled > 0)
    /* Translators: %s is a day, "Friday 4 December" */
    g_string_append_printf (text, ngettext ("%u booking of it up to the end of %s was cancelled, as no other PC "
                                            "was free then.",
                                            "%u bookings of it up to the end of %s were cancelled, as no other PC "
                                            "was free then.",
                                            cancelled),
                            cancelled, day);
  if (moved > 0 || cancelled > 0)
    /* Told only once their own kiosk session has shown them. */
    g_string_append_printf (text, " %s", _("The learners will be told when they next use a kiosk."));
  g_string_append_printf (text, " %s", _("Later bookings will be moved nearer their day if it is still out of order."));
}

char *
lh_fault_format_out_of_order (const LhFaultReport *report)
{
  g_autoptr(GString) text = g_string_new (_("This PC is now out of order. Please use another PC."));

  g_return_val_if_fail (report != NULL, NULL);

  /* Said with every report that takes the PC out of use. */
  if (report->moved_until != NULL)
    append_bookings (text, report);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
