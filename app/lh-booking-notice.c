/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-booking-notice"

#include "lh-booking-notice.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "lh-json-read.h"
#include "lh-time-format.h"

void
lh_booking_notice_free (LhBookingNotice *notice)
{
  if (notice == NULL)
    return;
  g_clear_pointer (&notice->start, g_date_time_unref);
  g_clear_pointer (&notice->end, g_date_time_unref);
  g_free (notice->from_pc);
  g_free (notice->to_pc);
  g_free (notice);
}

LhBookingNotice *
lh_booking_notice_from_json (JsonObject  *object,
                             GTimeZone   *tz,
                             GError     **error)
{
  g_autoptr(LhBookingNotice) notice = g_new0 (LhBookingNotice, 1);
  const char *type;

  g_return_val_if_fail (object != NULL, NULL);

  type = json_object_get_string_member_with_default (object, "type", NULL);
  if (g_strcmp0 (type, "booking-moved") != 0 && g_strcmp0 (type, "booking-cancelled") != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not a booking notice: %s", type);
      return NULL;
    }
  if (!lh_json_read_int (object, "booking_id", TRUE, &notice->booking_id, error) ||
      !lh_json_read_int (object, "notice_id", TRUE, &notice->notice_id, error) ||
      !lh_json_read_time (object, "start", TRUE, tz, &notice->start, error) ||
      !lh_json_read_time (object, "end", TRUE, tz, &notice->end, error) ||
      !lh_json_read_string (object, "from_pc", TRUE, &notice->from_pc, error) ||
      !lh_json_read_string (object, "to_pc", g_str_equal (type, "booking-moved"), &notice->to_pc, error) ||
      !lh_json_read_bool (object, "paid_time_given_back", &notice->paid_time_back, error))
    return NULL;
  /* A cancellation names no PC it went to, whatever was sent. */
  if (g_str_equal (type, "booking-cancelled"))
    g_clear_pointer (&notice->to_pc, g_free);
  return g_steal_pointer (&notice);
}

static char *
format_one (const LhBookingNotice *notice)
{
  g_autofree char *day = lh_format_day_long (notice->start);
  g_autofree char *from = lh_format_clock (notice->start);
  g_autofree char *to = lh_format_clock (notice->end);

  if (notice->to_pc != NULL)
    /* Translators: "Your booking on Tuesday 24 November, 10:00–12:00 moved
     * from PC 8 to PC 2: PC 8 is out of order." */
    return g_strdup_printf (_("Your booking on %s, %s–%s moved from %s to %s: %s is out of order."),
                            day, from, to, notice->from_pc, notice->to_pc, notice->from_pc);
  if (notice->paid_time_back)
    /* Translators: "Your booking on Tuesday 24 November, 10:00–12:00 was
     * cancelled: PC 8 is out of order and no other PC was free then. Your
     * paid time off for it was given back." */
    return g_strdup_printf (_("Your booking on %s, %s–%s was cancelled: %s is out of order and no other PC "
                              "was free then. Your paid time off for it was given back."),
                            day, from, to, notice->from_pc);
  /* Translators: "Your booking on Tuesday 24 November, 10:00–12:00 was
   * cancelled: PC 8 is out of order and no other PC was free then." */
  return g_strdup_printf (_("Your booking on %s, %s–%s was cancelled: %s is out of order and no other PC "
                            "was free then."),
                          day, from, to, notice->from_pc);
}

char *
lh_booking_notices_format (GPtrArray *notices)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (notices != NULL, NULL);

  for (guint i = 0; i < notices->len; i++)
    {
      g_autofree char *line = format_one (g_ptr_array_index (notices, i));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
